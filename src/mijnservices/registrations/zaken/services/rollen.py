"""Writes of rollen: who is involved in a zaak, identified the ZGW way (``betrokkeneIdentificatie``)
and in explicit columns that the access policy and the filters use."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.resources import resource_path
from mijnservices.registrations.catalogi.models import RolType
from mijnservices.registrations.zaken.models import BetrokkeneType, Rol, Zaak
from mijnservices.registrations.zaken.services.core import _zaak_event

# betrokkeneIdentificatie attribute → our column, per betrokkene type.
_IDENTIFYING = {
    BetrokkeneType.NATUURLIJK_PERSOON: {
        "inp_bsn": "inp_bsn",
        "anp_identificatie": "anp_identificatie",
        "inp_a_nummer": "inp_a_nummer",
    },
    BetrokkeneType.NIET_NATUURLIJK_PERSOON: {
        "inn_nnp_id": "inn_nnp_id",
        "ann_identificatie": "ann_identificatie",
        "kvk_nummer": "kvk_nummer",
        "vestigings_nummer": "vestigingsnummer",
        "statutaire_naam": "naam",
    },
    BetrokkeneType.VESTIGING: {
        "vestigings_nummer": "vestigingsnummer",
        "kvk_nummer": "kvk_nummer",
    },
    BetrokkeneType.MEDEWERKER: {"identificatie": "identificatie", "achternaam": "naam"},
    BetrokkeneType.ORGANISATORISCHE_EENHEID: {"identificatie": "identificatie", "naam": "naam"},
}
_EXTRA_ROL_COLUMNS = {"anp_identificatie", "inp_a_nummer", "inn_nnp_id", "ann_identificatie"}


def _identifying_columns(betrokkene_type: str, identification: dict[str, Any]) -> dict[str, str]:
    mapping = _IDENTIFYING.get(BetrokkeneType(betrokkene_type), {})
    return {
        column: str(identification[key])
        for key, column in mapping.items()
        if identification.get(key)
    }


def check_roltype(*, zaak: Zaak, roltype: RolType) -> None:
    """zrc-019: the roltype belongs to the zaak's zaaktype. The API asks it before anything
    about the betrokkene, as Open Zaak's validators do (the suite checks the first error)."""
    if roltype.zaaktype_id != zaak.zaaktype_id:
        raise DomainError(
            "The roltype does not belong to the zaaktype of the zaak.",
            code="zaaktype-mismatch",
            field="nonFieldErrors",  # as Open Zaak and the ZGW suite (zrc-016 … zrc-020)
        )


@transaction.atomic
def rol_delete(*, rol: Rol) -> None:
    zaak = rol.zaak
    resource_id = resource_path("zaken", "rollen", rol.uuid)
    rol.delete()
    _zaak_event(zaak, resource="rol", actie="destroy", resource_id=resource_id)


@transaction.atomic
def rol_create(
    *,
    zaak: Zaak,
    roltype: RolType,
    betrokkene_type: str,
    inp_bsn: str = "",
    kvk_nummer: str = "",
    vestigingsnummer: str = "",
    identificatie: str = "",
    naam: str = "",
    roltoelichting: str = "",
    betrokkene_identificatie: dict[str, Any] | None = None,
    betrokkene: str = "",
    afwijkende_naam_betrokkene: str = "",
    indicatie_machtiging: str = "",
    contactpersoon_rol: dict[str, Any] | None = None,
    bron_url: str = "",
) -> Rol:
    """Add a rol. The betrokkene is identified by ``betrokkene_identificatie`` (the ZGW
    shape for its ``betrokkene_type``) or the explicit columns; both are kept in step."""
    rol = _rol_build(
        zaak=zaak,
        roltype=roltype,
        betrokkene_type=betrokkene_type,
        inp_bsn=inp_bsn,
        kvk_nummer=kvk_nummer,
        vestigingsnummer=vestigingsnummer,
        identificatie=identificatie,
        naam=naam,
        roltoelichting=roltoelichting,
        betrokkene_identificatie=betrokkene_identificatie,
        betrokkene=betrokkene,
        afwijkende_naam_betrokkene=afwijkende_naam_betrokkene,
        indicatie_machtiging=indicatie_machtiging,
        contactpersoon_rol=contactpersoon_rol,
        bron_url=bron_url,
    )
    rol.save(force_insert=True)
    _zaak_event(
        zaak, resource="rol", actie="create", resource_id=resource_path("zaken", "rollen", rol.uuid)
    )
    return rol


def _rol_build(
    *,
    zaak: Zaak,
    roltype: RolType,
    betrokkene_type: str,
    inp_bsn: str = "",
    kvk_nummer: str = "",
    vestigingsnummer: str = "",
    identificatie: str = "",
    naam: str = "",
    roltoelichting: str = "",
    betrokkene_identificatie: dict[str, Any] | None = None,
    betrokkene: str = "",
    afwijkende_naam_betrokkene: str = "",
    indicatie_machtiging: str = "",
    contactpersoon_rol: dict[str, Any] | None = None,
    bron_url: str = "",
) -> Rol:
    """:func:`rol_create`'s checks: the rol, not saved yet (the bulk projection saves many)."""
    identification = dict(betrokkene_identificatie or {})
    # Explicit columns also fill the ZGW identification, so the API shows who it is.
    explicit = {"inp_bsn": inp_bsn, "kvk_nummer": kvk_nummer, "vestigingsnummer": vestigingsnummer,
                "identificatie": identificatie, "naam": naam}  # fmt: skip
    for key, column in _IDENTIFYING.get(BetrokkeneType(betrokkene_type), {}).items():
        if not identification.get(key) and explicit.get(column):
            identification[key] = explicit[column]
    columns = _identifying_columns(betrokkene_type, identification)
    inp_bsn = inp_bsn or columns.pop("inp_bsn", "")
    kvk_nummer = kvk_nummer or columns.pop("kvk_nummer", "")
    vestigingsnummer = vestigingsnummer or columns.pop("vestigingsnummer", "")
    identificatie = identificatie or columns.pop("identificatie", "")
    naam = naam or columns.pop("naam", "")
    check_roltype(zaak=zaak, roltype=roltype)
    if betrokkene_type == BetrokkeneType.NATUURLIJK_PERSOON and not (
        inp_bsn or columns.get("anp_identificatie") or columns.get("inp_a_nummer") or betrokkene
    ):
        raise DomainError("A natuurlijk persoon needs a BSN.", code="required", field="inpBsn")
    if betrokkene_type == BetrokkeneType.NIET_NATUURLIJK_PERSOON and not (
        kvk_nummer or columns.get("inn_nnp_id") or columns.get("ann_identificatie") or betrokkene
    ):
        raise DomainError(
            "A niet-natuurlijk persoon needs a KvK-nummer.", code="required", field="kvkNummer"
        )
    return Rol(
        zaak=zaak,
        roltype=roltype,
        omschrijving_generiek=roltype.omschrijving_generiek,
        betrokkene_type=betrokkene_type,
        inp_bsn=inp_bsn,
        kvk_nummer=kvk_nummer,
        vestigingsnummer=vestigingsnummer,
        identificatie=identificatie,
        naam=naam,
        roltoelichting=roltoelichting,
        registratiedatum=timezone.now(),
        betrokkene_identificatie=identification,
        betrokkene=betrokkene,
        afwijkende_naam_betrokkene=afwijkende_naam_betrokkene,
        indicatie_machtiging=indicatie_machtiging,
        contactpersoon_rol=contactpersoon_rol,
        bron_url=bron_url,
        **{key: value for key, value in columns.items() if key in _EXTRA_ROL_COLUMNS},
    )
