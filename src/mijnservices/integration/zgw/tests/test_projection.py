"""The bulk projection (decision 0042): a batch of read zaken costs a constant number of
queries, unchanged zaken cost nothing, and the rows and outbox events are those of the
per-object Zaken services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.core.models import OutboxEvent
from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource
from mijnservices.integration.zgw.projection import zaken_project_read
from mijnservices.integration.zgw.reading import ZaakAtSource
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Rol, Status, Zaak
from mijnservices.testing.builders import published_zaaktype

ROOT = "https://bron.example/zaken/api/v1/"
TYPES = "https://bron.example/catalogi/api/v1/"
BSN = "999993653"


@pytest.fixture
def projected() -> tuple[ZgwSource, ZaakType]:
    """A source and a zaaktype projected from it (three steps, a resultaattype, roltypen)."""
    source = ZgwSource.objects.create(
        naam="bron", zaken_api=ROOT, catalogi_api=TYPES, client_id="c", secret="s"
    )
    zaaktype = published_zaaktype(steps=3, identificatie="ZT-BRON")
    ZaakType.objects.filter(pk=zaaktype.pk).update(bron_url=f"{TYPES}zaaktypen/1")
    for statustype in zaaktype.statustypen.all():
        statustype.__class__.objects.filter(pk=statustype.pk).update(
            bron_url=f"{TYPES}statustypen/{statustype.volgnummer}"
        )
    zaaktype.roltypen.filter(omschrijving_generiek="initiator").update(
        bron_url=f"{TYPES}roltypen/1"
    )
    zaaktype.resultaattypen.update(bron_url=f"{TYPES}resultaattypen/1")
    zaaktype.refresh_from_db()
    return source, zaaktype


def _read(n: int, *, steps: int = 1, closed: bool = False) -> ZaakAtSource:
    url = f"{ROOT}zaken/{n}"
    start = timezone.now() - timedelta(days=10)
    statussen = [
        {
            "url": f"{ROOT}statussen/{n}-{step}",
            "statustype": f"{TYPES}statustypen/{step}",
            "datumStatusGezet": (start + timedelta(days=step)).isoformat(),
        }
        for step in range(1, steps + 1)
    ]
    resultaat = {"resultaattype": f"{TYPES}resultaattypen/1"} if closed else None
    data: dict[str, Any] = {
        "url": url,
        "identificatie": f"BRON-{n}",
        "bronorganisatie": "002220647",
        "zaaktype": f"{TYPES}zaaktypen/1",
        "omschrijving": f"Zaak {n}",
        "startdatum": start.date().isoformat(),
    }
    rol = {
        "url": f"{ROOT}rollen/{n}",
        "roltype": f"{TYPES}roltypen/1",
        "omschrijvingGeneriek": "initiator",
        "betrokkeneType": "natuurlijk_persoon",
        "betrokkeneIdentificatie": {"inpBsn": BSN},
    }
    return ZaakAtSource(url, data, [rol], statussen, resultaat)


def _project(source: ZgwSource, zaaktype: ZaakType, reads: list[ZaakAtSource]) -> int:
    with CaptureQueriesContext(connection) as queries:
        done = zaken_project_read(
            source=source, reads=reads, zaaktypen={f"{TYPES}zaaktypen/1": zaaktype}
        )
    assert not done.failed, done.failed
    return len(queries)


def _events() -> list[tuple[str, str]]:
    zaken = OutboxEvent.objects.filter(kanaal="zaken").order_by("created_at", "pk")
    return list(zaken.values_list("resource", "actie"))


@pytest.mark.django_db
def test_fifty_new_zaken_cost_the_same_few_queries_as_one_and_unchanged_ones_write_nothing(
    projected,
):
    source, zaaktype = projected
    one = _project(source, zaaktype, [_read(0, steps=2)])
    fifty = _project(source, zaaktype, [_read(n, steps=2) for n in range(1, 51)])

    # The per-zaak services took ~30 queries per zaak; now one statement per table, which
    # SQLite splits at 999 parameters (a few more INSERTs for fifty zaken).
    assert fifty <= one + 6
    assert fifty <= 25
    assert Zaak.objects.count() == 51
    assert Status.objects.count() == 102
    assert ProjectedZaak.objects.count() == 51
    # Again, nothing changed at the source: no writes to the zaken, no events.
    events = OutboxEvent.objects.count()
    again = _project(source, zaaktype, [_read(n, steps=2) for n in range(1, 51)])
    assert again <= 12
    assert OutboxEvent.objects.count() == events


@pytest.mark.django_db
def test_the_bulk_projection_records_the_events_and_state_of_the_per_object_services(projected):
    source, zaaktype = projected
    _project(source, zaaktype, [_read(1, steps=2)])

    zaak = Zaak.objects.get(bron_url=f"{ROOT}zaken/1")
    assert zaak.status.bron_url == f"{ROOT}statussen/1-2"  # the newest is the current one
    assert zaak.identificatie == "BRON-1"
    assert Rol.objects.get(zaak=zaak).inp_bsn == BSN
    # zaak_create, rol_create, status_set twice: in that order, marked as a projection.
    assert _events() == [("zaak", "create"), ("rol", "create"), ("status", "create"),
                         ("status", "create")]  # fmt: skip
    assert {e.payload["bron"] for e in OutboxEvent.objects.filter(kanaal="zaken")} == {
        zaak.bron_url
    }
    status_event = OutboxEvent.objects.filter(resource="status").last()
    assert status_event is not None and str(zaak.status.uuid) in status_event.resource_id

    # The source closes the zaak: resultaat_set, then the last step's status_set.
    OutboxEvent.objects.all().delete()
    _project(source, zaaktype, [_read(1, steps=3, closed=True)])
    zaak.refresh_from_db()
    assert _events() == [("resultaat", "create"), ("status", "create")]
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype.bron_url == f"{TYPES}resultaattypen/1"


@pytest.mark.django_db
def test_a_zaak_that_breaks_a_rule_is_left_out_and_the_others_are_written(projected):
    source, zaaktype = projected
    broken = _read(2, steps=3)  # the final step without a resultaat (zrc-007)

    done = zaken_project_read(
        source=source,
        reads=[_read(1), broken, _read(3)],
        zaaktypen={f"{TYPES}zaaktypen/1": zaaktype},
    )

    assert set(done.zaken) == {f"{ROOT}zaken/1", f"{ROOT}zaken/3"}
    assert "resultaat" in done.failed[broken.url]
    assert not Zaak.objects.filter(bron_url=broken.url).exists()
    assert not Status.objects.filter(bron_url__startswith=f"{ROOT}statussen/2-").exists()
