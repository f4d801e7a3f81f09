"""Importing a catalogue file (Open Zaak's export format, or ours with presentations): read
and check everything first, then write in one transaction (see :mod:`exchange`)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi import services as catalogi
from mijnservices.registrations.catalogi.models import Catalogus, StatusType, ZaakType
from mijnservices.services.presentation.exchange import (
    RESULTAATTYPE_ATTRS,
    STATUSTYPE_ATTRS,
    ZAAKTYPE_ATTRS,
)
from mijnservices.services.presentation.exchange_types import (
    TYPE_FILES,
    TypeNames,
    document_types_import,
    zaaktype_parts_import,
)
from mijnservices.services.presentation.exchange_values import (
    MAX_FILE_BYTES,
    PRESENTATION_FILE,
    ImportRefused,
    ImportReport,
    convert,
    parse_date_value,
    parse_duration_value,
)
from mijnservices.services.presentation.levels import AuthLevel
from mijnservices.services.presentation.models import StepPresentation, ZaaktypePresentation
from mijnservices.services.presentation.services import (
    STEP_FIELDS,
    ZAAKTYPE_FIELDS,
    change_record,
    presentation_update,
)

RESOURCES = ("Catalogus", "ZaakType", "StatusType", "ResultaatType", "RolType", *TYPE_FILES)


def _read(content: bytes) -> dict[str, list[dict[str, Any]]]:
    if len(content) > MAX_FILE_BYTES:
        raise ImportRefused([_("The file is too large.")])
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise ImportRefused([_("The file is not a zip file (a catalogue export).")]) from exc
    if "ZaakType.json" not in names:
        raise ImportRefused([_("The file has no ZaakType.json: it is not a catalogue export.")])
    data: dict[str, list[dict[str, Any]]] = {}
    for name in (*(f"{r}.json" for r in RESOURCES), PRESENTATION_FILE):
        if name not in names:
            data[name] = []
            continue
        try:
            items = json.loads(archive.read(name).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ImportRefused([_("%(file)s is not valid JSON.") % {"file": name}]) from exc
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ImportRefused([_("%(file)s must hold a list of objects.") % {"file": name}])
        data[name] = items
    return data


def _required(item: dict[str, Any], keys: tuple[str, ...], where: str, problems: list[str]) -> bool:
    missing = [k for k in keys if item.get(k) in (None, "")]
    for key in missing:
        problems.append(_("%(where)s: %(field)s is missing.") % {"where": where, "field": key})
    return not missing


def _catalogus(data: dict[str, list[dict[str, Any]]], url: str) -> Catalogus:
    """Our own catalogus with the file's domein and rsin, or (when the file names none we
    have) the first own catalogus; a new one when there is none at all."""
    item = next((c for c in data["Catalogus.json"] if c.get("url") == url), None)
    own = Catalogus.objects.filter(bron_url="")
    if item is not None:
        found = own.filter(
            domein=str(item.get("domein", ""))[:5], rsin=str(item.get("rsin", ""))[:9]
        )
        if found.exists():
            return found.get()
        if item.get("domein") and item.get("rsin"):
            return catalogi.catalogus_create(
                domein=str(item["domein"])[:5],
                rsin=str(item["rsin"])[:9],
                naam=str(item.get("naam") or "")[:200],
                contactpersoon=str(item.get("contactpersoonBeheerNaam") or "beheer")[:40],
            )
    first = own.order_by("pk").first()
    if first is None:
        raise DomainError("The file names no catalogus (domein, rsin) to create.", code="catalogus")
    return first


def _zaaktype_import(
    data: dict[str, list[dict[str, Any]]],
    item: dict[str, Any],
    names: TypeNames,
    report: ImportReport,
) -> ZaakType | None:
    problems: list[str] = []
    where = f"ZaakType {item.get('identificatie', '?')}"
    if not _required(
        item,
        ("url", "identificatie", "omschrijving", "doorlooptijd", "beginGeldigheid"),
        where,
        problems,
    ):
        raise ImportRefused(problems)
    begin = parse_date_value(item["beginGeldigheid"], where, problems)
    doorlooptijd = parse_duration_value(item["doorlooptijd"], where, problems)
    fields = convert(item, ZAAKTYPE_ATTRS, where, problems)
    servicenorm = parse_duration_value(item.get("servicenorm"), where, problems)
    url = str(item["url"])
    children = {
        name: [c for c in data[f"{name}.json"] if c.get("zaaktype") == url]
        for name in ("StatusType", "ResultaatType", "RolType")
    }
    for child in children["StatusType"]:
        _required(child, ("volgnummer", "omschrijving"), f"{where} StatusType", problems)
        convert(child, STATUSTYPE_ATTRS, f"{where} StatusType", problems)
    besluittypen = names.relations(item, ("besluittypen",), where, problems)["besluittypen"]
    if problems:
        raise ImportRefused(problems)
    assert begin is not None and doorlooptijd is not None
    identificatie = str(item["identificatie"])[:50]
    if ZaakType.objects.filter(identificatie=identificatie, begin_geldigheid=begin).exists():
        report.skipped.append(
            _("Zaaktype %(id)s (%(date)s): this version exists already.")
            % {"id": identificatie, "date": begin.isoformat()}
        )
        return None
    zaaktype = catalogi.zaaktype_create(
        catalogus=_catalogus(data, str(item.get("catalogus", ""))),
        identificatie=identificatie,
        omschrijving=str(item["omschrijving"])[:80],
        doorlooptijd=doorlooptijd,
        servicenorm=servicenorm,
        begin_geldigheid=begin,
        besluittypen=besluittypen,
        **fields,
    )
    statustypen: dict[str, StatusType] = {}
    for child in sorted(children["StatusType"], key=lambda c: int(c["volgnummer"])):
        statustypen[str(child.get("url"))] = catalogi.statustype_create(
            zaaktype=zaaktype,
            volgnummer=int(child["volgnummer"]),
            omschrijving=str(child["omschrijving"])[:80],
            **convert(child, STATUSTYPE_ATTRS, where, problems),
        )
    for child in children["ResultaatType"]:
        catalogi.resultaattype_create(
            zaaktype=zaaktype,
            omschrijving=str(child.get("omschrijving") or "")[:30],
            **names.relations(child, ("besluittypen", "informatieobjecttypen"), where, problems),
            **convert(child, RESULTAATTYPE_ATTRS, where, problems),
        )
    if problems:
        raise ImportRefused(problems)
    for child in children["RolType"]:
        catalogi.roltype_create(
            zaaktype=zaaktype,
            omschrijving=str(child.get("omschrijving") or "")[:100],
            omschrijving_generiek=str(child.get("omschrijvingGeneriek") or "")[:20],
        )
    zaaktype_parts_import(data, zaaktype, url, statustypen, names)
    if item.get("concept") is False:
        catalogi.zaaktype_publish(zaaktype=zaaktype)
    report.created.append(
        _("Zaaktype %(id)s (%(date)s) with %(steps)d steps.")
        % {"id": identificatie, "date": begin.isoformat(), "steps": len(children["StatusType"])}
    )
    return zaaktype


def _presentation_import(item: dict[str, Any], user: Any, report: ImportReport) -> None:
    identificatie = str(item.get("zaaktype_identificatie") or "")
    values = {name: item[name] for name in ZAAKTYPE_FIELDS if name in item}
    if not identificatie or values.get("auth_level", "") not in AuthLevel.values:
        raise ImportRefused(
            [_("%(file)s: a presentation is incomplete.") % {"file": PRESENTATION_FILE}]
        )
    presentation, created = ZaaktypePresentation.objects.update_or_create(
        zaaktype_identificatie=identificatie, defaults=values
    )
    for step in item.get("steps") or []:
        if not isinstance(step, dict) or not step.get("statustype_omschrijving"):
            raise ImportRefused(
                [_("%(file)s: a step is incomplete.") % {"file": PRESENTATION_FILE}]
            )
        StepPresentation.objects.update_or_create(
            presentation=presentation,
            statustype_omschrijving=str(step["statustype_omschrijving"])[:80],
            defaults={
                "volgnummer": int(step.get("volgnummer") or 0),
                **{name: step[name] for name in STEP_FIELDS if name in step},
            },
        )
    change_record(presentation, user=user, what="imported")
    target = report.created if created else report.updated
    target.append(_("Portal presentation of %(id)s.") % {"id": identificatie})


def catalogue_import(*, content: bytes, user: Any = None) -> ImportReport:
    """Import the file; all or nothing. Zaaktypen without a presentation in the file are
    hidden from the portal until the beheerder releases them."""
    data = _read(content)
    report = ImportReport()
    try:
        with transaction.atomic():
            names = document_types_import(data, lambda url: _catalogus(data, url), report)
            imported = [
                _zaaktype_import(data, item, names, report) for item in data["ZaakType.json"]
            ]
            presented = set()
            for item in data[PRESENTATION_FILE]:
                _presentation_import(item, user, report)
                presented.add(str(item.get("zaaktype_identificatie")))
            for zaaktype in imported:
                if zaaktype is not None and zaaktype.identificatie not in presented:
                    presentation_update(
                        identificatie=zaaktype.identificatie,
                        user=user,
                        what="imported; hidden until released",
                        fields={"shown_in_portal": False},
                    )
    except DomainError as exc:
        raise ImportRefused([str(exc)]) from exc
    except (ValueError, TypeError, KeyError) as exc:
        raise ImportRefused(
            [_("The file has a value of the wrong kind: %(error)s") % {"error": exc}]
        ) from exc
    return report
