"""Values that nearly every request reads and only an administrator's save changes (the portal
presentation of zaaktypen, the branding): kept in each process, and read again when they change
anywhere (decision 0043).

- ``ProcessCache(name, load)`` keeps one value; ``ProcessCacheMap(name, load)`` one value per
  key (loaded on first use). Both reload when the generation of ``name`` has moved.
- ``changed(name)`` is called by the code that saves such configuration, inside the save's
  transaction: it moves the generation in the database (``core.CacheGeneration``). This process
  reads the generations again on its next use; every other process within
  ``CACHE_FRESHNESS_SECONDS`` (one small query for all names per interval and process).
- ``changed_on_write(name, *models)`` calls ``changed(name)`` on every ORM save or delete of
  those models (the usual way to keep a cache of rows fresh).
- ``clear_all()`` forgets everything in this process (tests start from their own database).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db.models import F, Model
from django.db.models.signals import post_delete, post_save

from mijnservices.core.models import CacheGeneration

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_MISSING: Any = object()
_GENERATIONS: dict[str, Any] = {"checked": float("-inf"), "values": {}}
_CACHES: list[ProcessCache[Any] | ProcessCacheMap[Any, Any]] = []


def _generation(name: str) -> int:
    now = time.monotonic()
    if now - float(_GENERATIONS["checked"]) >= settings.CACHE_FRESHNESS_SECONDS:
        _GENERATIONS["values"] = dict(CacheGeneration.objects.values_list("name", "value"))
        _GENERATIONS["checked"] = now
    found: int = _GENERATIONS["values"].get(name, 0)
    return found


def changed(name: str) -> None:
    """``name``'s configuration was saved: every process reads it again (call inside the
    save's transaction, so the move commits or rolls back with it)."""
    if not CacheGeneration.objects.filter(name=name).update(value=F("value") + 1):
        CacheGeneration.objects.update_or_create(name=name, defaults={"value": 1})
    _GENERATIONS["checked"] = float("-inf")


def changed_on_write(name: str, *models: type[Model]) -> None:
    """Move ``name``'s generation whenever a row of one of ``models`` is saved or deleted
    through the ORM (call from an app's ``ready()``; in the write's transaction)."""

    def forget(**_kwargs: object) -> None:
        changed(name)

    for model in models:
        for signal, kind in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                forget,
                sender=model,
                weak=False,  # a local function: a weak reference would die with the caller
                dispatch_uid=f"process-cache:{name}:{model._meta.label}:{kind}",
            )


def clear_all() -> None:
    _GENERATIONS["checked"] = float("-inf")
    for cache in _CACHES:
        cache.clear()


class ProcessCache(Generic[T]):
    """One value of ``name``'s configuration, loaded by ``load``."""

    def __init__(self, name: str, load: Callable[[], T]) -> None:
        self.name = name
        self._load = load
        self._value: T = _MISSING
        self._generation = -1
        _CACHES.append(self)

    def get(self) -> T:
        generation = _generation(self.name)
        if self._value is _MISSING or generation != self._generation:
            self._value = self._load()
            self._generation = generation
        return self._value

    def clear(self) -> None:
        self._value = _MISSING


class ProcessCacheMap(Generic[K, T]):
    """A value per key of ``name``'s configuration, each loaded by ``load(key)`` on first use;
    all are dropped when the generation moves."""

    def __init__(self, name: str, load: Callable[[K], T]) -> None:
        self.name = name
        self._load = load
        self._values: dict[K, T] = {}
        self._generation = -1
        _CACHES.append(self)

    def get(self, key: K) -> T:
        generation = _generation(self.name)
        if generation != self._generation:
            self._values = {}
            self._generation = generation
        if key not in self._values:
            self._values[key] = self._load(key)
        return self._values[key]

    def clear(self) -> None:
        self._values = {}
