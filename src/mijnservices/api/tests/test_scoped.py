"""The one scoped API base (decision 0034): every view of every published API that reads
goes through it, and says whether its reads concern a person."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver

from mijnservices.api.schema import APIS
from mijnservices.api.scoped import ScopedViewMixin
from mijnservices.api.viewsets import ZGWViewMixin
from mijnservices.core.identity import Party

# Views that never read a stored row (they only write or compute), by class name.
WRITE_ONLY = {"NotificatieViewSet", "ZaaknummerReserverenView", "MaakKlantcontactView"}


def _views(patterns: list[Any]) -> list[tuple[type, Any]]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found.extend(_views(pattern.url_patterns))
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
            if cls is not None and issubclass(cls, ZGWViewMixin):
                found.append((cls, getattr(view, "actions", None)))
    return found


def _api_views() -> list[type]:
    classes: dict[str, type] = {}
    for api in APIS.values():
        module = importlib.import_module(api.urlconf)
        for cls, _actions in _views(module.urlpatterns):
            classes[f"{cls.__module__}.{cls.__name__}"] = cls
    return list(classes.values())


VIEWS = _api_views()


def test_the_walk_finds_the_views_of_every_api():
    modules = {cls.__module__.split(".")[2] for cls in VIEWS}
    assert {"zaken", "catalogi", "documenten", "besluiten", "notificaties"} <= modules
    assert {"autorisaties", "klantinteracties", "contactgegevens", "taken"} <= modules
    assert {"berichten", "verwerkingen", "mijntaken"} <= modules
    assert len(VIEWS) > 40


@pytest.mark.parametrize("view", VIEWS, ids=lambda cls: cls.__name__)
def test_every_reading_view_uses_the_scoped_base_and_declares_its_personal_data(view):
    if view.__name__ in WRITE_ONLY:
        assert not hasattr(view, "list") and not hasattr(view, "retrieve")
        return
    assert issubclass(view, ScopedViewMixin), view
    assert isinstance(getattr(view, "reads_personal_data", None), bool), view
    if view.reads_personal_data:
        assert view.verwerking_doel, view
    # The reads are the base's: no view re-implements them (drf-spectacular's decorators
    # copy a method onto the view, so compare the code).
    for name in ("list", "retrieve", "get_object", "log_reads", "read"):
        method = getattr(view, name, None)
        code = getattr(inspect.unwrap(method), "__code__", None) if method else None
        assert code in (None, getattr(ScopedViewMixin, name).__code__), (view, name)


@pytest.mark.django_db
@pytest.mark.parametrize("hoofdobject", ["document", "besluit"])
def test_reading_an_audit_trail_is_logged_for_the_persons_of_its_zaak(hoofdobject):
    # Before the one base, only the Zaken API's audit trail logged its reads.
    from mijnservices.registrations.besluiten import services as besluiten_services
    from mijnservices.registrations.documenten import services as documenten_services
    from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
    from mijnservices.testing.api import api_client
    from mijnservices.testing.documents import besluit_on, zaak_document, zaaktype_with_uploads
    from mijnservices.testing.factories import ZaakFactory

    zaak = ZaakFactory(zaaktype=zaaktype_with_uploads(), for_bsn="999993653")
    entry = {"actie": "create", "resultaat": 201, "resource": hoofdobject}
    entry |= {"resource_url": "http://testserver/x", "resource_weergave": "x"}
    if hoofdobject == "document":
        document = zaak_document(zaak)
        documenten_services.audittrail_record(informatieobject=document, **entry)
        url = f"/documenten/api/v1/enkelvoudiginformatieobjecten/{document.uuid}/audittrail"
    else:
        besluit = besluit_on(zaak, with_document=False)
        besluiten_services.audittrail_record(besluit=besluit, **entry)
        url = f"/besluiten/api/v1/besluiten/{besluit.uuid}/audittrail"
    person = Party(kind="bsn", identifier="999993653")
    before = len(verwerkingen_for(person))
    response = api_client(heeft_alle_autorisaties=True).get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()) == 1
    assert len(verwerkingen_for(person)) == before + 1
