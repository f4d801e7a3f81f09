"""The Selectielijst (VNG's Referentielijsten API) behind zaaktypen and resultaattypen:
ztc-001b, ztc-002 and ztc-003 (defect 4 of issue 15).

With ``SELECTIELIJST_API_ROOT`` set, a zaaktype's ``selectielijstProcestype`` and a resultaattype's
``resultaattypeomschrijving`` and ``selectielijstklasse`` are fetched (through
:mod:`mijnservices.api.remote`, so only under the configured roots; answers are kept
``SELECTIELIJST_CACHE_SECONDS`` in this process) and must be resources of that kind
(``invalid-resource``). Then, as Open Zaak does:

- ``omschrijvingGeneriek`` is the resultaattypeomschrijving's ``omschrijving``;
- ``archiefnominatie`` and ``archiefactietermijn``, when not given, are the selectielijstklasse's
  ``waardering`` and ``bewaartermijn``;
- the selectielijstklasse must belong to the zaaktype's procestype (``procestype-mismatch``);
- its procestermijn fixes the brondatum's afleidingswijze (ztc-003): ``nihil`` needs
  ``afgehandeld``, ``ingeschatte_bestaansduur_procesobject`` needs ``termijn``
  (``invalid-afleidingswijze-for-procestermijn``).

Without a configured Selectielijst the URLs are stored as given (start-up says so once).
"""

from __future__ import annotations

import time
from collections.abc import Collection
from typing import Any

from django.conf import settings
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from mijnservices.api.fields import parse_iso_duration
from mijnservices.api.remote import RemoteResourceInvalid, remote_resource

PROCESTYPE_KEYS = ("url", "nummer", "naam", "jaar")
KLASSE_KEYS = ("url", "procesType", "nummer", "waardering")
OMSCHRIJVING_KEYS = ("url", "omschrijving")
# ztc-003: the afleidingswijze a selectielijstklasse's procestermijn admits.
AFLEIDINGSWIJZE_FOR_PROCESTERMIJN = {
    "nihil": "afgehandeld",
    "ingeschatte_bestaansduur_procesobject": "termijn",
}

_cache: dict[str, tuple[float, dict[str, Any]]] = {}


def configured() -> bool:
    return bool(settings.SELECTIELIJST_API_ROOT)


def _fetch(url: str, *, field: str, kind: str, keys: Collection[str]) -> dict[str, Any] | None:
    """The resource at ``url`` (cached), ``None`` when it is not checked; a field error when it
    is no resource of this kind."""
    if not url:
        return None
    now = time.monotonic()
    hit = _cache.get(url)
    try:
        if hit is not None and now - hit[0] < settings.SELECTIELIJST_CACHE_SECONDS:
            data: dict[str, Any] | None = hit[1]
        else:
            data = remote_resource(url, kind=kind)
            if data is not None:
                _cache[url] = (now, data)
        if data is not None and any(key not in data for key in keys):
            raise RemoteResourceInvalid(f"The URL does not name a {kind}.", code="invalid-resource")
    except RemoteResourceInvalid as exc:
        raise serializers.ValidationError({field: [exc.message]}, code=exc.code) from None
    return data


def procestype_check(url: str) -> None:
    """ztc-001b: a zaaktype's selectielijstProcestype must be a procestype."""
    _fetch(url, field="selectielijst_procestype", kind="procestype", keys=PROCESTYPE_KEYS)


def resultaattype_derive(attrs: dict[str, Any], *, procestype: str) -> dict[str, Any]:
    """ztc-002/003: check ``attrs`` of a resultaattype against the Selectielijst and fill in
    what it derives from it. ``procestype`` is the zaaktype's selectielijstProcestype."""
    omschrijving = _fetch(
        attrs.get("resultaattypeomschrijving", ""),
        field="resultaattypeomschrijving",
        kind="resultaattypeomschrijving",
        keys=OMSCHRIJVING_KEYS,
    )
    if omschrijving is not None:
        attrs["omschrijving_generiek"] = str(omschrijving["omschrijving"])[:80]
    klasse = _fetch(
        attrs.get("selectielijstklasse", ""),
        field="selectielijstklasse",
        kind="selectielijstklasse",
        keys=KLASSE_KEYS,
    )
    if klasse is None:
        return attrs
    # Every rule is checked and every violation reported, as Open Zaak's validators do.
    errors: list[ErrorDetail] = []
    if procestype and klasse["procesType"] != procestype:
        errors.append(
            ErrorDetail(
                "The selectielijstklasse belongs to another procestype.",
                code="procestype-mismatch",
            )
        )
    wanted = AFLEIDINGSWIJZE_FOR_PROCESTERMIJN.get(str(klasse.get("procestermijn") or ""))
    brondatum = attrs.get("brondatum_archiefprocedure") or {}
    if wanted and brondatum.get("afleidingswijze") and brondatum["afleidingswijze"] != wanted:
        errors.append(
            ErrorDetail(
                f"With procestermijn {klasse['procestermijn']} the afleidingswijze must be "
                f"{wanted}.",
                code="invalid-afleidingswijze-for-procestermijn",
            )
        )
    if errors:
        raise serializers.ValidationError({"non_field_errors": errors})
    if not attrs.get("archiefnominatie") and klasse.get("waardering"):
        attrs["archiefnominatie"] = klasse["waardering"]
    if attrs.get("archiefactietermijn") is None and klasse.get("bewaartermijn"):
        attrs["archiefactietermijn"] = parse_iso_duration(str(klasse["bewaartermijn"]))
    return attrs
