"""Percentiles over histograms of whole days (``{"<days>": count}``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal


def histogram_merge(histograms: Iterable[Mapping[str, int]]) -> Counter[int]:
    merged: Counter[int] = Counter()
    for histogram in histograms:
        for days, count in histogram.items():
            merged[int(days)] += int(count)
    return merged


def percentile(histogram: Mapping[int, int], fraction: float) -> Decimal | None:
    """The ``fraction`` percentile with linear interpolation between the two nearest values
    (the usual median for ``0.5``); ``None`` without values. One decimal."""
    values = sorted((days, count) for days, count in histogram.items() if count > 0)
    total = sum(count for _, count in values)
    if total == 0:
        return None
    position = (total - 1) * fraction
    lower_index = int(position)
    weight = Decimal(str(position - lower_index))

    def at(index: int) -> int:
        seen = 0
        for days, count in values:
            seen += count
            if index < seen:
                return days
        return values[-1][0]

    lower = Decimal(at(lower_index))
    upper = Decimal(at(min(lower_index + 1, total - 1)))
    return (lower + (upper - lower) * weight).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` as a percentage with one decimal; ``None`` when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
