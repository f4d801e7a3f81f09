"""Writes for the Autorisaties registration. Keyword-only, atomic, events recorded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from django.db import transaction
from django.db.models import QuerySet

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.registrations.autorisaties.models import (
    TYPED_COMPONENTS,
    Applicatie,
    Autorisatie,
    ClientCredential,
    Component,
)


class AutorisatieData(TypedDict, total=False):
    component: str
    scopes: list[str]
    zaaktype: str
    informatieobjecttype: str
    besluittype: str
    max_vertrouwelijkheidaanduiding: str


def _validate(
    *, client_ids: Sequence[str], heeft_alle: bool, autorisaties: Sequence[AutorisatieData]
) -> None:
    if not client_ids:
        raise DomainError(
            "An applicatie needs at least one client id.", code="required", field="clientIds"
        )
    if heeft_alle and autorisaties:
        raise DomainError(
            "Give either heeftAlleAutorisaties or autorisaties, not both.",
            code="ambiguous-authorizations-specified",
            field="nonFieldErrors",
        )
    if not heeft_alle and not autorisaties:
        raise DomainError(
            "Give heeftAlleAutorisaties or at least one autorisatie.",
            code="missing-authorizations",
            field="nonFieldErrors",
        )
    for index, data in enumerate(autorisaties):
        _validate_autorisatie(index, data)


# ac-003: which scopes of a typed component concern its types.
TYPED_SCOPE_PREFIXES = {
    Component.ZRC: "zaken.",
    Component.DRC: "documenten.",
    Component.BRC: "besluiten.",
}


def _validate_autorisatie(index: int, data: AutorisatieData) -> None:
    """ac-003: a type (and for zrc/drc a maximum vertrouwelijkheid) is required only when
    the scopes concern zaken, documenten or besluiten; errors name the autorisatie."""
    component = Component(data["component"])
    field = TYPED_COMPONENTS.get(component)
    prefix = TYPED_SCOPE_PREFIXES.get(component)
    if field is None or prefix is None:
        return
    if not any(scope.startswith(prefix) for scope in data.get("scopes", [])):
        return
    missing = [field] if not data.get(field) else []
    if component != Component.BRC and not data.get("max_vertrouwelijkheidaanduiding"):
        missing.append("max_vertrouwelijkheidaanduiding")
    # Every missing attribute is reported, as the ZGW suite (ac-003a/c) and Open Zaak do.
    errors = [
        DomainError(
            f"A {component} autorisatie with these scopes needs {name}.",
            code="required",
            field=f"autorisaties.{index}.{name}",
        )
        for name in missing
    ]
    if errors:
        first, *rest = errors
        raise DomainError(first.message, code=first.code, field=first.field, also=tuple(rest))


def _detach(credentials: QuerySet[ClientCredential]) -> None:
    # A client id without a secret means nothing without its applicatie; a secret stays.
    credentials.filter(secret="").delete()
    credentials.update(applicatie=None)


def _set_client_ids(applicatie: Applicatie, client_ids: Sequence[str]) -> None:
    """Attach ``client_ids`` (with any secret registered before) and detach the others,
    which keep their secrets for a later applicatie."""
    taken = ClientCredential.objects.filter(client_id__in=client_ids).exclude(
        applicatie__isnull=True
    )
    if taken.exclude(applicatie=applicatie).exists():
        raise DomainError(
            "A client id is already used by another applicatie.",
            code="clientId-exists",
            field="clientIds",
        )
    _detach(applicatie.credentials.exclude(client_id__in=client_ids))
    ClientCredential.objects.filter(client_id__in=client_ids, applicatie__isnull=True).update(
        applicatie=applicatie
    )
    existing = set(applicatie.credentials.values_list("client_id", flat=True))
    ClientCredential.objects.bulk_create(
        ClientCredential(applicatie=applicatie, client_id=client_id)
        for client_id in client_ids
        if client_id not in existing
    )


def _set_autorisaties(applicatie: Applicatie, autorisaties: Sequence[AutorisatieData]) -> None:
    applicatie.autorisaties.all().delete()
    Autorisatie.objects.bulk_create(
        Autorisatie(applicatie=applicatie, **data) for data in autorisaties
    )


def autorisatie_as_data(autorisatie: Autorisatie) -> AutorisatieData:
    return AutorisatieData(
        component=autorisatie.component,
        scopes=list(autorisatie.scopes),
        zaaktype=autorisatie.zaaktype,
        informatieobjecttype=autorisatie.informatieobjecttype,
        besluittype=autorisatie.besluittype,
        max_vertrouwelijkheidaanduiding=autorisatie.max_vertrouwelijkheidaanduiding,
    )


def _record(applicatie: Applicatie, actie: str) -> None:
    event_record(
        kanaal="autorisaties",
        resource="applicatie",
        actie=actie,
        hoofd_object=f"applicatie:{applicatie.uuid}",
        resource_id=str(applicatie.uuid),
    )


@transaction.atomic
def applicatie_create(
    *,
    label: str,
    client_ids: Sequence[str],
    heeft_alle_autorisaties: bool = False,
    autorisaties: Sequence[AutorisatieData] = (),
    alleen_is_gereed_voor_publicatie: bool = False,
) -> Applicatie:
    """Create an applicatie. A client id takes the secret registered for it before, if any
    (``mijnservices api-client secret``); otherwise it starts without one."""
    _validate(client_ids=client_ids, heeft_alle=heeft_alle_autorisaties, autorisaties=autorisaties)
    applicatie = Applicatie.objects.create(
        label=label,
        heeft_alle_autorisaties=heeft_alle_autorisaties,
        alleen_is_gereed_voor_publicatie=alleen_is_gereed_voor_publicatie,
    )
    _set_client_ids(applicatie, client_ids)
    _set_autorisaties(applicatie, autorisaties)
    _record(applicatie, "create")
    return applicatie


@transaction.atomic
def applicatie_update(
    *,
    applicatie: Applicatie,
    label: str | None = None,
    client_ids: Sequence[str] | None = None,
    heeft_alle_autorisaties: bool | None = None,
    autorisaties: Sequence[AutorisatieData] | None = None,
    alleen_is_gereed_voor_publicatie: bool | None = None,
) -> Applicatie:
    """Change an applicatie; ``None`` keeps a value (PATCH), lists replace (PUT semantics)."""
    new_client_ids = (
        client_ids
        if client_ids is not None
        else list(applicatie.credentials.values_list("client_id", flat=True))
    )
    heeft_alle = (
        heeft_alle_autorisaties
        if heeft_alle_autorisaties is not None
        else applicatie.heeft_alle_autorisaties
    )
    new_autorisaties: Sequence[AutorisatieData] | None = autorisaties
    if new_autorisaties is None:
        new_autorisaties = [autorisatie_as_data(a) for a in applicatie.autorisaties.all()]
    _validate(client_ids=new_client_ids, heeft_alle=heeft_alle, autorisaties=new_autorisaties)
    if label is not None:
        applicatie.label = label
    if alleen_is_gereed_voor_publicatie is not None:
        applicatie.alleen_is_gereed_voor_publicatie = alleen_is_gereed_voor_publicatie
    applicatie.heeft_alle_autorisaties = heeft_alle
    applicatie.save()
    if client_ids is not None:
        _set_client_ids(applicatie, client_ids)
    if autorisaties is not None:
        _set_autorisaties(applicatie, autorisaties)
    _record(applicatie, "update")
    return applicatie


@transaction.atomic
def applicatie_delete(*, applicatie: Applicatie) -> None:
    _record(applicatie, "destroy")
    _detach(applicatie.credentials.all())
    applicatie.delete()


@transaction.atomic
def client_secret_set(*, client_id: str, secret: str) -> ClientCredential:
    """Register the JWT secret of a client id, whether or not an applicatie names it yet
    (``mijnservices api-client secret``, the admin, the demo setup)."""
    if not client_id or len(client_id) > 50:
        raise DomainError("Give a client id of 1 to 50 characters.", code="invalid")
    if not secret:
        raise DomainError("Give a secret.", code="required", field="secret")
    credential, _ = ClientCredential.objects.select_for_update().get_or_create(client_id=client_id)
    credential.secret = secret
    credential.save(update_fields=["secret"])
    return credential
