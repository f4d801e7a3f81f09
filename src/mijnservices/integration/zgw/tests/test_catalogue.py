"""A new version of an external zaaktype keeps the citizen settings and step texts set here
for the previous version, unless the source changed that text itself (decision 0029)."""

from __future__ import annotations

import pytest

from mijnservices.integration.zgw.catalogue import zaaktype_project, zaaktype_versions_key
from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.integration.zgw.sync import reader_for
from mijnservices.registrations.catalogi.models import StatusType, ZaakType
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET


@pytest.mark.django_db(transaction=True)
def test_a_new_version_at_the_source_keeps_the_local_citizen_texts_unless_the_source_changed_them(
    source,
):
    first = source.published_zaaktype("ZT-VERSIES", begin="2025-01-01")
    zgw = zgw_source_add(
        naam="openzaak-versies",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )
    reader = reader_for(zgw)
    old = zaaktype_project(source=zgw, reader=reader, url=first["zaaktype"]["url"])
    # The gemeente sets its citizen texts here, without touching the source.
    ZaakType.objects.filter(pk=old.pk).update(
        publieke_omschrijving="Parkeervergunning aanvragen",
        publieke_omschrijving_en="Apply for a parking permit",
        toon_behandelaar=True,
        stilte_signaal_dagen=12,
    )
    StatusType.objects.filter(zaaktype=old, volgnummer=1).update(
        statustekst="We hebben uw aanvraag ontvangen.", statustekst_en="We received it."
    )
    StatusType.objects.filter(zaaktype=old, volgnummer=2).update(
        statustekst="Lokale uitleg stap 2", statustekst_en="Local step 2"
    )

    # The source publishes a new version; it rewrote the text of step 2 only.
    source.patch(first["zaaktype"]["url"], {"eindeGeldigheid": "2025-12-31"})
    second = source.published_zaaktype(
        "ZT-VERSIES", begin="2026-01-01", texts={2: "Nieuwe uitleg van de bron"}
    )
    new = zaaktype_project(source=zgw, reader=reader, url=second["zaaktype"]["url"])

    assert new.pk != old.pk
    assert zaaktype_versions_key(new) == zaaktype_versions_key(old)
    assert new.publieke_omschrijving == "Parkeervergunning aanvragen"
    assert new.publieke_omschrijving_en == "Apply for a parking permit"
    assert new.toon_behandelaar is True
    assert new.stilte_signaal_dagen == 12
    steps = {st.volgnummer: st for st in new.statustypen.all()}
    assert steps[1].statustekst == "We hebben uw aanvraag ontvangen."  # source unchanged
    assert steps[1].statustekst_en == "We received it."
    assert steps[2].statustekst == "Nieuwe uitleg van de bron"  # changed at the source
    assert steps[2].statustekst_en == "Local step 2"
    assert steps[3].statustekst == "Stap 3"
