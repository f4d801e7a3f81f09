"""Changing some fields of a model instance: written once for every service's update."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


def model_assign(instance: Model, fields: Mapping[str, Any]) -> list[str]:
    """Set ``fields`` on ``instance`` without saving (a service may check the result first);
    returns the names set, for ``save(update_fields=...)``."""
    for name, value in fields.items():
        setattr(instance, name, value)
    return list(fields)


def model_update(*, instance: M, fields: Mapping[str, Any]) -> M:
    """Set ``fields`` and save only those columns (nothing when there are none)."""
    if names := model_assign(instance, fields):
        instance.save(update_fields=names)
    return instance
