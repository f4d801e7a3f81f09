"""Registering, checking and removing ZGW sources (the writes of this app)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import structlog
from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.integration.zgw.abonnement import abonnement_ensure, abonnement_state
from mijnservices.integration.zgw.client import SourceError, ZgwReader, ZgwWriter
from mijnservices.integration.zgw.models import API_FIELDS, ProjectedZaak, ZgwSource
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType
from mijnservices.registrations.zaken import services as zaken

logger = structlog.get_logger(__name__)

# A cheap list to call per API to see whether it answers, and the scope it needs.
CHECKS = {
    "zaken": ("zaken", "zaken.lezen"),
    "catalogi": ("zaaktypen", "catalogi.lezen"),
    "documenten": ("enkelvoudiginformatieobjecten", "documenten.lezen"),
    "besluiten": ("besluiten", "besluiten.lezen"),
    "notificaties": ("kanaal", "notificaties.consumeren"),
}


@dataclass(frozen=True)
class CheckLine:
    api: str
    ok: bool
    message: str


def _check_root(field: str, value: str, *, required: bool) -> str:
    value = value.strip()
    if not value:
        if required:
            raise DomainError(f"{field} is required.", code="required", field=field)
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise DomainError(f"{field} must be an http(s) URL.", code="invalid", field=field)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise DomainError(
            f"{field} must be a plain API root (no credentials, query or fragment).",
            code="invalid",
            field=field,
        )
    return value if value.endswith("/") else value + "/"


@transaction.atomic
def zgw_source_add(
    *,
    naam: str,
    zaken_api: str,
    catalogi_api: str,
    client_id: str,
    secret: str,
    documenten_api: str = "",
    besluiten_api: str = "",
    notificaties_api: str = "",
    zaaktypen: Iterable[str] = (),
) -> ZgwSource:
    if ZgwSource.objects.filter(naam=naam).exists():
        raise DomainError("A source with this name exists.", code="unique", field="naam")
    if not client_id or not secret:
        raise DomainError("A client id and secret are required.", code="required", field="secret")
    given = {
        "zaken_api": zaken_api,
        "catalogi_api": catalogi_api,
        "documenten_api": documenten_api,
        "besluiten_api": besluiten_api,
        "notificaties_api": notificaties_api,
    }
    roots = {
        name: _check_root(name, value, required=name in ("zaken_api", "catalogi_api"))
        for name, value in given.items()
    }
    source = ZgwSource.objects.create(
        naam=naam, client_id=client_id, secret=secret, zaaktypen=list(zaaktypen), **roots
    )
    logger.info("zgw_source_added", source=naam)
    return source


def zgw_source_check(*, source: ZgwSource, reader: ZgwReader) -> list[CheckLine]:
    """Call each configured API once and say plainly what works and what does not."""
    lines: list[CheckLine] = []
    for api in API_FIELDS:
        if not getattr(source, API_FIELDS[api]):
            continue
        resource, scope = CHECKS[api]
        try:
            reader.get(reader.root(api) + resource)
        except SourceError as exc:
            status = getattr(exc, "status", None)
            hint = f" Give the Applicatie the scope {scope}." if status == 403 else ""
            lines.append(CheckLine(api, False, f"{exc}{hint}"))
        else:
            lines.append(CheckLine(api, True, f"works ({resource} can be read)"))
    return lines


def zgw_source_subscribe(*, source: ZgwSource, reader: ZgwWriter) -> CheckLine:
    """Create (or keep) the abonnement at the source's Notificaties API that calls our
    webhook, and say plainly whether it is there."""
    try:
        abonnement_ensure(source=source, reader=reader)
    except SourceError as exc:
        status = getattr(exc, "status", None)
        hint = " Give the Applicatie the scope notificaties.consumeren." if status == 403 else ""
        return CheckLine("abonnement", False, f"could not be made: {exc}{hint}")
    ok, message = abonnement_state(source=source, reader=reader)
    return CheckLine("abonnement", ok, message)


def zgw_source_remove(*, source: ZgwSource) -> int:
    """Remove the source with everything projected from it: its zaken (through the Zaken
    services) and its projected catalogue. Returns the number of zaken removed."""
    with transaction.atomic():
        links = list(ProjectedZaak.objects.filter(source=source).select_related("zaak"))
        for link in links:
            zaken.zaak_delete(zaak=link.zaak)
        # The projected catalogue is a copy owned by the source: it goes with it (the
        # Catalogi services refuse to delete published types, a rule for a registration's own
        # types that does not apply to a copy). Types still used by zaken stay.
        root = source.roots()["catalogi"]
        for catalogus in Catalogus.objects.filter(bron_url__startswith=root):
            types = ZaakType.objects.filter(catalogus=catalogus)
            if not types.filter(zaken__isnull=False).exists():
                types.delete()
                catalogus.delete()
        source.delete()
    logger.info("zgw_source_removed", source=source.naam, zaken=len(links))
    return len(links)
