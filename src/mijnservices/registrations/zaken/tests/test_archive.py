"""zrc-021: the archiving dates a closing zaak derives from its resultaattype."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mijnservices.registrations.zaken.services.archive import after, after_text, brondatum
from mijnservices.testing.factories import ZaakFactory


def test_whole_years_count_calendar_years_so_leap_days_do_not_shift_the_date():
    # P5Y is kept as 5 x 365 days; the suites (and Open Zaak) add five calendar years.
    assert after(date(2023, 4, 26), timedelta(days=5 * 365)) == date(2028, 4, 26)
    assert after(date(2024, 2, 29), timedelta(days=365)) == date(2025, 2, 28)


def test_other_durations_are_added_as_days():
    assert after(date(2023, 4, 26), timedelta(days=30)) == date(2023, 5, 26)
    assert after(date(2023, 4, 26), timedelta(days=366)) == date(2024, 4, 26)


def test_a_procestermijn_in_months_counts_calendar_months():
    # zrc-021f: P5M after 26 April is 26 September (Open Zaak, the suites), not 150 days.
    assert after_text(date(2018, 4, 26), "P5M") == date(2018, 9, 26)
    assert after_text(date(2018, 8, 31), "P1M") == date(2018, 9, 30)
    assert after_text(date(2018, 4, 26), "P1Y2M3D") == date(2019, 6, 29)
    assert after_text(date(2018, 4, 26), "onzin") is None


@pytest.fixture
def zaak_with_besluiten():
    from mijnservices.registrations.besluiten import services as besluiten
    from mijnservices.registrations.catalogi.models import BesluitType
    from mijnservices.testing.builders import published_zaaktype_with_relations

    zaaktype = published_zaaktype_with_relations(suffix=" archief")
    besluittype = BesluitType.objects.get(omschrijving="Vergunning archief", concept=False)
    zaak = ZaakFactory(zaaktype=zaaktype)
    made = [
        besluiten.besluit_create(
            verantwoordelijke_organisatie="002220647",
            besluittype=besluittype,
            zaak=zaak,
            datum=datum,
            ingangsdatum=ingang,
            vervaldatum=verval,
        )
        for datum, ingang, verval in (
            (date(2010, 1, 1), date(2016, 1, 1), date(2022, 1, 1)),
            (date(2013, 1, 1), date(2024, 1, 1), date(2025, 1, 1)),
        )
    ]
    return zaak, made


@pytest.mark.django_db
def test_besluit_based_brondatum_is_the_latest_of_the_zaaks_besluiten(zaak_with_besluiten):
    # zrc-021d/e: the latest ingangsdatum / vervaldatum of the besluiten of the zaak.
    zaak, _ = zaak_with_besluiten
    assert brondatum(zaak, {"afleidingswijze": "ingangsdatum_besluit"}) == date(2024, 1, 1)
    assert brondatum(zaak, {"afleidingswijze": "vervaldatum_besluit"}) == date(2025, 1, 1)


@pytest.mark.django_db
def test_zaakobject_brondatum_reads_the_objects_date(zaak_with_besluiten):
    # zrc-021h: the latest datumkenmerk of the zaak's zaakobjecten of the objecttype, from a
    # besluit of ours (by URL) or from the objectIdentificatie the zaakobject holds.
    from mijnservices.registrations.zaken import services

    zaak, made = zaak_with_besluiten
    for besluit in made:
        services.zaakobject_create(
            zaak=zaak,
            object_type="besluit",
            object=f"http://localhost/besluiten/api/v1/besluiten/{besluit.uuid}",
        )
    procedure = {"afleidingswijze": "zaakobject", "objecttype": "besluit", "datumkenmerk": "datum"}
    assert brondatum(zaak, procedure) == date(2013, 1, 1)
    for peildatum in ("2008-1-1", "2013-1-1"):
        services.zaakobject_create(
            zaak=zaak,
            object_type="woz_waarde",
            object_identificatie={"waardepeildatum": peildatum, "is_voor": {}},
        )
    woz = {**procedure, "objecttype": "woz_waarde", "datumkenmerk": "waardepeildatum"}
    assert brondatum(zaak, woz) == date(2013, 1, 1)
    unknown = {**procedure, "datumkenmerk": "bestaatNiet"}
    assert brondatum(zaak, unknown) is None
