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

# What lean.VALUES reads through a relation, read from the related instance here.
_RELATED = {"zaaktype__uuid": "zaaktype", "hoofdzaak__uuid": "hoofdzaak"}
_ABSENT = {"status__uuid", "resultaat__uuid"}  # a new zaak has neither
NO_CHILDREN: dict[str, list[Any]] = {key: [] for key, _, _ in lean.CHILDREN}


def created_row(zaak: Zaak) -> lean.ZaakRow:
    """The ``.values()`` row of a zaak just created, from the instance."""
    row = lean.ZaakRow()
    for name in lean.VALUES:
        if name in _ABSENT:
            row[name] = None
        elif name in _RELATED:
            related = getattr(zaak, _RELATED[name])
            row[name] = None if related is None else related.uuid
        else:
            row[name] = getattr(zaak, name)
    return row


def created_representation(zaak: Zaak, serializer: Any, *, links: Links) -> dict[str, Any]:
    """The representation of ``zaak`` just created, as ``serializer.data`` gives it."""
    if links.usable and zaak.status_id is None:
        try:
            return lean.Representer(links).represent(created_row(zaak), NO_CHILDREN)
        except lean.Fallback:
            pass
    lean.prefetch_empty_children(zaak)  # one query, not one per relation
    return serializer.data  # type: ignore[no-any-return]
