"""The 201 answer of ``POST /zaken`` (decision 0045): the lean representation of
:mod:`.lean`, from the new zaak in memory.

A zaak that ``zaak_create`` has just written has no children yet: no deelzaken, rollen,
eigenschappen, informatieobjecten, zaakobjecten, status or resultaat (nothing else is
written in its transaction before the answer, and no other transaction can see it). So its
row is the instance's own attributes, and the lean representer makes from it what
``ZaakSerializer(zaak).data`` makes, without reading the children back and without the
serializer's fields. A value the representer does not take the plain way
(:class:`lean.Fallback`), or a request whose links DRF would give a format, takes the
serializer's path as before.
"""

from __future__ import annotations

from typing import Any

from mijnservices.api.links import Links
from mijnservices.registrations.zaken.api import lean
from mijnservices.registrations.zaken.models import Zaak

NO_CHILDREN: dict[str, list[Any]] = {key: [] for key, _, _ in lean.CHILDREN}


def created_row(zaak: Zaak) -> lean.ZaakRow:
    """The ``.values()`` row of a zaak just created, from the instance."""
    return lean.ZaakRow((name, getattr(zaak, name)) for name in lean.VALUES)


def created_linked(zaak: Zaak) -> dict[str, Any]:
    """What the lean path reads with the children (decision 0044): none yet, and the UUIDs
    of what the zaak names (a new zaak has no status or resultaat)."""
    hoofdzaak = zaak.hoofdzaak
    return {
        **NO_CHILDREN,
        "zaaktype": zaak.zaaktype.uuid,
        "hoofdzaak": None if hoofdzaak is None else hoofdzaak.uuid,
        "status": None,
        "resultaat": None,
    }


def created_representation(zaak: Zaak, serializer: Any, *, links: Links) -> dict[str, Any]:
    """The representation of ``zaak`` just created, as ``serializer.data`` gives it."""
    if links.usable and zaak.status_id is None:
        try:
            return lean.Representer(links).represent(created_row(zaak), created_linked(zaak))
        except lean.Fallback:
            pass
    lean.prefetch_empty_children(zaak)  # one query, not one per relation
    return serializer.data  # type: ignore[no-any-return]
