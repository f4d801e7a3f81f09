"""Serializer fields built once per class instead of once per request (decision 0045).

DRF builds a serializer's fields on every instance: ``Serializer.get_fields`` deep-copies
every declared field (a deep copy re-runs the field's ``__init__``) and a ``ModelSerializer``
builds one more field per model attribute. For the zaak (about 45 fields) that was a fifth
of a ``POST /zaken``. :class:`CachedFieldsMixin` asks DRF once per class for the fields (the
*prototypes*, never bound to a serializer and never used themselves) and gives every
instance its own copies:

- a plain field is copied shallowly: a new object with the prototype's attributes. Binding
  (``field_name``, ``parent``, ``source_attrs``, ``label``, a ``SerializerMethodField``'s
  ``method_name``) then sets attributes on the copy only, and ``context`` is found through the
  copy's own parent, so nothing of one request reaches another;
- a field that holds a field (``ListField.child``, ``ManyRelatedField.child_relation``) gets
  a copy of that field too, re-parented to the copy;
- a nested serializer is deep-copied as DRF does (it keeps per-call state: ``instance``,
  ``initial_data``, its own ``fields``); its fields come from its class's cache when it uses
  the mixin as well.

What is shared between copies is what DRF fills in at construction and only reads later: the
validators list, the error messages, the choices, the ``_args``/``_kwargs`` a deep copy
would start from. Only for serializers whose fields depend on the class alone: not for one
that overrides ``get_fields`` or changes ``self.fields`` per instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rest_framework.fields import Field
from rest_framework.serializers import BaseSerializer

_PROTOTYPES = "_cached_field_prototypes"


@dataclass(frozen=True)
class _Prototype:
    """A field built once, with what copying it needs, found once: the attributes that hold
    fields of their own (a serializer is copied as DRF copies it)."""

    field: Field  # type: ignore[type-arg]
    children: tuple[tuple[str, _Prototype], ...]
    serializer: bool


def _prototype(field: Field) -> _Prototype:  # type: ignore[type-arg]
    if isinstance(field, BaseSerializer):
        return _Prototype(field, (), serializer=True)
    children = tuple(
        (name, _prototype(value))
        for name, value in vars(field).items()
        if name != "parent" and isinstance(value, Field)
    )
    return _Prototype(field, children, serializer=False)


def _copy(prototype: _Prototype) -> Field:  # type: ignore[type-arg]
    field = prototype.field
    if prototype.serializer:
        return field.__deepcopy__({})  # type: ignore[no-any-return]
    copied: Field = object.__new__(type(field))  # type: ignore[type-arg]
    state = copied.__dict__
    state.update(field.__dict__)
    for name, child_prototype in prototype.children:
        child: Any = _copy(child_prototype)
        if child_prototype.field.parent is field:
            child.parent = copied
        state[name] = child
    return copied


def field_copy(field: Field) -> Field:  # type: ignore[type-arg]
    """A copy of an unbound prototype ``field`` that can be bound on its own."""
    return _copy(_prototype(field))


# Put before the DRF serializer class: ``class S(CachedFieldsMixin, ModelSerializer)``. (No
# docstring: drf-spectacular would publish it as every such schema's description.)
class CachedFieldsMixin:
    def get_fields(self) -> dict[str, Field]:  # type: ignore[type-arg]
        cls = type(self)
        prototypes: dict[str, _Prototype] | None = cls.__dict__.get(_PROTOTYPES)
        if prototypes is None:
            # Built by DRF from the class alone; a race between two threads builds it twice.
            built = super().get_fields()  # type: ignore[misc]
            prototypes = {name: _prototype(field) for name, field in built.items()}
            setattr(cls, _PROTOTYPES, prototypes)
        return {name: _copy(prototype) for name, prototype in prototypes.items()}
