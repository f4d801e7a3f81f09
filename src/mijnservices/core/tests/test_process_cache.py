"""core/process_cache.py: a value kept per process is read again when its configuration
changes, in this process at once and in every other process within CACHE_FRESHNESS_SECONDS."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.db.models import F

from mijnservices.core.models import CacheGeneration
from mijnservices.core.process_cache import ProcessCache, ProcessCacheMap, changed

pytestmark = pytest.mark.django_db


def _counting_cache(name: str) -> tuple[ProcessCache[int], list[int]]:
    loads: list[int] = []

    def load() -> int:
        loads.append(1)
        return len(loads)

    return ProcessCache(name, load), loads


def _change_in_another_process(name: str) -> None:
    """What ``changed`` does in another process: only the database row moves."""
    if not CacheGeneration.objects.filter(name=name).update(value=F("value") + 1):
        CacheGeneration.objects.create(name=name, value=1)


def test_a_value_is_loaded_once_and_kept_while_nothing_changes(settings):
    settings.CACHE_FRESHNESS_SECONDS = 0
    cache, loads = _counting_cache("t-kept")
    assert [cache.get() for _ in range(5)] == [1] * 5
    assert len(loads) == 1


def test_a_change_in_this_process_is_seen_on_the_next_use(settings):
    settings.CACHE_FRESHNESS_SECONDS = 3600
    cache, _loads = _counting_cache("t-here")
    assert cache.get() == 1
    changed("t-here")
    assert cache.get() == 2


def test_a_change_in_another_process_is_seen_after_the_freshness_interval(settings):
    settings.CACHE_FRESHNESS_SECONDS = 3600
    cache, _loads = _counting_cache("t-there")
    assert cache.get() == 1
    _change_in_another_process("t-there")
    assert cache.get() == 1  # not checked again within the interval
    settings.CACHE_FRESHNESS_SECONDS = 0
    assert cache.get() == 2


def test_the_generations_of_all_caches_are_checked_in_one_query(
    settings, django_assert_num_queries
):
    settings.CACHE_FRESHNESS_SECONDS = 0
    first, _ = _counting_cache("t-one")
    second, _ = _counting_cache("t-two")
    first.get(), second.get()
    with django_assert_num_queries(2):  # one generation check per use, no reload
        first.get()
        second.get()


def test_a_map_loads_each_key_once_and_drops_all_keys_on_a_change(settings):
    settings.CACHE_FRESHNESS_SECONDS = 3600
    loads: list[str] = []
    cache: ProcessCacheMap[str, str] = ProcessCacheMap(
        "t-map", lambda key: loads.append(key) or key
    )
    assert (cache.get("a"), cache.get("a"), cache.get("b")) == ("a", "a", "b")
    assert loads == ["a", "b"]
    changed("t-map")
    cache.get("a")
    assert loads == ["a", "b", "a"]


def test_a_change_that_rolls_back_leaves_the_generation_where_it_was():
    changed("t-rollback")
    before = CacheGeneration.objects.get(name="t-rollback").value
    with pytest.raises(RuntimeError), transaction.atomic():
        changed("t-rollback")
        raise RuntimeError
    assert CacheGeneration.objects.get(name="t-rollback").value == before


def test_a_save_or_delete_of_a_watched_model_moves_the_generation():
    from django.db.models.signals import post_delete, post_save
    from django.utils import timezone

    from mijnservices.core.models import WorkerHeartbeat
    from mijnservices.core.process_cache import changed_on_write

    def generation() -> int:
        found = CacheGeneration.objects.filter(name="watched").values_list("value", flat=True)
        return next(iter(found), 0)

    changed_on_write("watched", WorkerHeartbeat)
    changed_on_write("watched", WorkerHeartbeat)  # connected once, whoever asks twice
    try:
        now = timezone.now()
        row = WorkerHeartbeat.objects.create(worker="host:1", started_at=now, beat_at=now)
        after_save = generation()
        row.delete()
        assert (after_save, generation()) == (1, 2)
    finally:
        for signal, kind in ((post_save, "save"), (post_delete, "delete")):
            signal.disconnect(
                sender=WorkerHeartbeat,
                dispatch_uid=f"process-cache:watched:{WorkerHeartbeat._meta.label}:{kind}",
            )
