from __future__ import annotations

import pytest
from django.contrib import admin

from mijnservices.registrations.catalogi.models import Eigenschap, ZaakType
from mijnservices.testing.factories import published_zaaktype_with_relations


@pytest.mark.django_db
def test_admin_lists_catalogi_types_but_does_not_write_them(admin_client):
    zaaktype = published_zaaktype_with_relations()
    for model in (ZaakType, Eigenschap):
        meta = model._meta
        response = admin_client.get(f"/admin/{meta.app_label}/{meta.model_name}/")
        assert response.status_code == 200
        assert not admin.site._registry[model].has_add_permission(response.wsgi_request)
    assert zaaktype.identificatie
