"""How taken, berichten and klantcontacten refer to a zaak, and how channels are named."""

from __future__ import annotations

from uuid import UUID

import pytest

from mijnservices.services.access.taken import zaak_uuid_of
from mijnservices.services.mijnoverzicht.contactmomenten import channel_kind

ZAAK = UUID("6e3c2b8a-1111-4c3b-9a55-0123456789ab")


@pytest.mark.parametrize(
    "reference",
    [
        f"http://testserver/zaken/api/v1/zaken/{ZAAK}",
        f"https://open-zaak.example/zaken/api/v1/zaken/{ZAAK}/",
        f"urn:nld:gemeente:zaken:zaak:{ZAAK}",
    ],
)
def test_a_zaak_url_or_urn_names_its_zaak(reference):
    assert zaak_uuid_of(reference) == ZAAK


@pytest.mark.parametrize(
    "reference",
    [
        f"http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/{ZAAK}",
        "urn:nld:gemeente:zaken:zaak:ZAAK-2026-0000000001",
        "",
    ],
)
def test_other_references_name_no_zaak(reference):
    assert zaak_uuid_of(reference) is None


@pytest.mark.parametrize(
    ("kanaal", "kind"),
    [
        ("Telefoon", "phone"),
        ("balie", "desk"),
        ("E-mail", "email"),
        ("brief", "post"),
        ("chat", "chat"),
        ("portaal", "portal"),
        ("sms", "sms"),
        ("fax", "other"),
    ],
)
def test_klantinteracties_kanalen_map_to_a_channel_kind(kanaal, kind):
    assert channel_kind(kanaal) == kind
