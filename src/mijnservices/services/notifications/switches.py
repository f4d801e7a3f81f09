"""The functional administrator's switches per trigger and zaaktype (narrowed to a statustype
or informatieobjecttype when needed). The most specific switch wins; without one a trigger is
on."""

from __future__ import annotations

import time
from uuid import UUID

from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.notifications.models import TriggerSwitch
from mijnservices.services.presentation.selectors import shown_for_notifications

_CACHE: dict[str, object] = {"at": float("-inf"), "switches": []}
CACHE_SECONDS = 30.0


def _all() -> list[TriggerSwitch]:
    """All switches, read at most every CACHE_SECONDS per process (there are few)."""
    now = time.monotonic()
    if now - float(_CACHE["at"]) > CACHE_SECONDS:  # type: ignore[arg-type]
        _CACHE["switches"] = list(TriggerSwitch.objects.all())
        _CACHE["at"] = now
    return _CACHE["switches"]  # type: ignore[return-value]


def cache_clear() -> None:
    _CACHE["at"] = float("-inf")


def _switch(
    trigger: str, zaak: Zaak, statustype: str, informatieobjecttype: str
) -> TriggerSwitch | None:
    candidates = [
        s
        for s in _all()
        if s.trigger == trigger and s.zaaktype_identificatie in ("", zaak.zaaktype.identificatie)
    ]

    def specificity(switch: TriggerSwitch) -> int:
        return (
            (4 if switch.zaaktype_identificatie else 0)
            + (2 if switch.statustype_omschrijving else 0)
            + (2 if switch.informatieobjecttype_omschrijving else 0)
        )

    matching = [
        s
        for s in candidates
        if s.statustype_omschrijving in ("", statustype)
        and s.informatieobjecttype_omschrijving in ("", informatieobjecttype)
    ]
    return max(matching, key=specificity, default=None)


def enabled(
    trigger: str, zaak: Zaak, *, statustype: str = "", informatieobjecttype: str = ""
) -> bool:
    if not shown_for_notifications(zaak.zaaktype.identificatie):
        return False  # switched off in the portal by the beheerder: no notifications either
    switch = _switch(trigger, zaak, statustype, informatieobjecttype)
    return switch is None or switch.actief


def silence_days(trigger: str, zaak: Zaak) -> int | None:
    """Days without news before "not forgotten": an administrator's switch, else the zaaktype
    (its portal presentation when it has one)."""
    if not shown_for_notifications(zaak.zaaktype.identificatie):
        return None
    switch = _switch(trigger, zaak, "", "")
    if switch is not None:
        return switch.dagen if switch.actief else None
    return zaak.zaaktype.stilte_signaal_dagen


def citizen_upload(zaak: Zaak, document_uuid: UUID) -> bool:
    """Documents of the zaaktype's portal-upload type were added by the citizen themself."""
    from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject

    upload_type = zaak.zaaktype.portaal_upload_informatieobjecttype
    return (
        bool(upload_type)
        and EnkelvoudigInformatieObject.objects.filter(
            uuid=document_uuid, huidige_versie__informatieobjecttype__omschrijving=upload_type
        ).exists()
    )
