"""The beheerder's KTO settings in the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mijnservices.services.kpis.models import KtoSetting
from mijnservices.services.kpis.surveys import KTO

pytestmark = pytest.mark.django_db


def test_the_beheerder_sets_the_kto_per_zaaktype_with_a_version_from_the_code(admin_client):
    add = reverse("admin:kpis_ktosetting_add")
    page = admin_client.get(add).content.decode()
    assert f'<option value="{KTO.version}">' in page
    refused = admin_client.post(add, {"zaaktype": "ZT-1", "actief": "on", "version": "9999-9"})
    assert refused.status_code == 200 and not KtoSetting.objects.exists()
    admin_client.post(add, {"zaaktype": "ZT-1", "version": KTO.version})
    setting = KtoSetting.objects.get()
    assert (setting.zaaktype, setting.actief, setting.version) == ("ZT-1", False, KTO.version)
