"""``expand`` for the Catalogi API: embed linked resources under ``_expand``.

``?expand=statustypen,statustypen.eigenschappen,catalogus`` embeds, per object, the
resources its links name, as the ``<Resource>Embedded`` schemas of the standard list them.
Related objects are read through the related resource's own viewset queryset and
serializer, so an expanded object is exactly what its detail answers; each expand level
costs one query per resource kind, however many objects the page holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from django.db.models import QuerySet
from django.urls import Resolver404, resolve
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from mijnservices.registrations.catalogi.api.serializers.base import catalogi_index, url_of
from mijnservices.registrations.catalogi.selectors import catalogus_id_of

# resource (basename) → expandable name (as the API spells it) → (target resource, many)
EXPANDABLE: dict[str, dict[str, tuple[str, bool]]] = {
    "catalogus": {
        "zaaktypen": ("zaaktype", True),
        "besluittypen": ("besluittype", True),
        "informatieobjecttypen": ("informatieobjecttype", True),
    },
    "zaaktype": {
        "catalogus": ("catalogus", False),
        "statustypen": ("statustype", True),
        "resultaattypen": ("resultaattype", True),
        "eigenschappen": ("eigenschap", True),
        "informatieobjecttypen": ("informatieobjecttype", True),
        "roltypen": ("roltype", True),
        "besluittypen": ("besluittype", True),
        "zaakobjecttypen": ("zaakobjecttype", True),
        "deelzaaktypen": ("zaaktype", True),
        "gerelateerdeZaaktypen": ("zaaktype", True),
    },
    "statustype": {
        "catalogus": ("catalogus", False),
        "zaaktype": ("zaaktype", False),
        "eigenschappen": ("eigenschap", True),
    },
    "resultaattype": {
        "catalogus": ("catalogus", False),
        "zaaktype": ("zaaktype", False),
        "besluittypen": ("besluittype", True),
        "informatieobjecttypen": ("informatieobjecttype", True),
    },
    "roltype": {"catalogus": ("catalogus", False), "zaaktype": ("zaaktype", False)},
    "eigenschap": {
        "catalogus": ("catalogus", False),
        "zaaktype": ("zaaktype", False),
        "statustype": ("statustype", False),
    },
    "zaakobjecttype": {
        "catalogus": ("catalogus", False),
        "zaaktype": ("zaaktype", False),
        "statustypen": ("statustype", True),
        "resultaattypen": ("resultaattype", True),
    },
    "zaaktypeinformatieobjecttype": {
        "catalogus": ("catalogus", False),
        "zaaktype": ("zaaktype", False),
        "informatieobjecttype": ("informatieobjecttype", False),
        "statustype": ("statustype", False),
    },
    "informatieobjecttype": {
        "catalogus": ("catalogus", False),
        "zaaktypen": ("zaaktype", True),
        "besluittypen": ("besluittype", True),
    },
    "besluittype": {
        "catalogus": ("catalogus", False),
        "zaaktypen": ("zaaktype", True),
        "informatieobjecttypen": ("informatieobjecttype", True),
        "resultaattypen": ("resultaattype", True),
    },
}

Item = tuple[Any, dict[str, Any]]  # (model instance, its representation, snake_case keys)


def parse_expand(resource: str, value: str) -> dict[str, Any]:
    """``a,a.b,c`` → ``{"a": {"b": {}}, "c": {}}``, checked against what can be expanded."""
    tree: dict[str, Any] = {}
    for path in filter(None, (part.strip() for part in value.split(","))):
        node, kind = tree, resource
        for name in path.split("."):
            target = EXPANDABLE.get(kind, {}).get(name)
            if target is None:
                raise ValidationError(
                    {"expand": [f"'{path}' cannot be expanded."]}, code="invalid-expand"
                )
            node = node.setdefault(name, {})
            kind = target[0]
    return tree


def _urls(name: str, item: Item, context: dict[str, Any]) -> list[str]:
    obj, data = item
    if name == "gerelateerdeZaaktypen":
        return [relatie["zaaktype"] for relatie in data.get("gerelateerde_zaaktypen", [])]
    if name == "informatieobjecttype" and hasattr(obj, "richting"):
        return _ziot_informatieobjecttype(obj, context)
    value = data.get(_snake(name))
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _ziot_informatieobjecttype(obj: Any, context: dict[str, Any]) -> list[str]:
    """A ZIOT names its informatieobjecttype by omschrijving: expand the latest version
    that overlaps its zaaktype."""
    versions = catalogi_index(context).versions(
        "informatieobjecttype",
        obj.zaaktype.catalogus_id,
        "omschrijving",
        [obj.informatieobjecttype],
        obj.zaaktype,
    )
    if not versions:
        return []
    latest = max(versions, key=lambda version: version.begin_geldigheid)
    return [url_of(context, "informatieobjecttype", latest)]


def _snake(name: str) -> str:
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name)


def _uuid_of(url: str, resource: str) -> str | None:
    try:
        match = resolve(urlparse(url).path)
    except Resolver404:
        return None
    if match.view_name != f"catalogi:{resource}-detail":
        return None
    return str(match.kwargs["uuid"])


def expand_items(
    items: list[Item],
    *,
    resource: str,
    tree: dict[str, Any],
    request: Request,
    context: dict[str, Any],
    viewset_for: Callable[[str], Any],
) -> None:
    """Add ``_expand`` to each representation in ``items``, following ``tree``."""
    for name, subtree in tree.items():
        target, many = EXPANDABLE[resource][name]
        expand_relation(
            items,
            name=name,
            target=target,
            many=many,
            subtree=subtree,
            request=request,
            context=context,
            viewset_for=viewset_for,
        )


def expand_relation(
    items: list[Item],
    *,
    name: str,
    target: str,
    many: bool,
    subtree: dict[str, Any],
    request: Request,
    context: dict[str, Any],
    viewset_for: Callable[[str], Any],
) -> None:
    """Embed under ``_expand[name]`` of each item the ``target`` resources its attribute
    ``name`` links to (read through the target's viewset scope and serializer), then follow
    ``subtree`` from them. The items may be of another API (a zaak's ``zaaktype``)."""
    index = catalogi_index(context)
    per_item = [_urls(name, item, context) for item in items]
    uuids = {uuid for urls in per_item for url in urls if (uuid := _uuid_of(url, target))}
    viewset = viewset_for(target)
    objects = list(own_types(viewset.queryset).filter(uuid__in=uuids)) if uuids else []
    index.prime(catalogus_id_of(obj) for obj in objects)
    serializer = viewset.serializer_class(objects, many=True, context=context)
    expanded: list[Item] = list(zip(objects, serializer.data, strict=True))
    by_uuid = {str(obj.uuid): data for obj, data in expanded}
    for (_, data), urls in zip(items, per_item, strict=True):
        found = [by_uuid[uuid] for url in urls if (uuid := _uuid_of(url, target)) in by_uuid]
        embedded = data.setdefault("_expand", {})
        embedded[name] = found if many else (found[0] if found else {})
    if subtree and expanded:
        expand_items(
            expanded,
            resource=target,
            tree=subtree,
            request=request,
            context=context,
            viewset_for=viewset_for,
        )


def own_types(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Only our own types: a projected catalogus of an external source (decision 0029),
    and everything in it, is not served (nor expanded)."""
    fields = {field.name for field in queryset.model._meta.get_fields()}
    if "domein" in fields:
        return queryset.filter(bron_url="")
    if "catalogus" in fields:
        return queryset.filter(catalogus__bron_url="")
    return queryset.filter(zaaktype__catalogus__bron_url="")
