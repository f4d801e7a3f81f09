"""Bar charts as plain data for an inline SVG: the template draws rectangles, the data
table beside each chart carries the same numbers for screen readers and keyboard users."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
HEIGHT = 220
TOP = 12
BOTTOM = 36  # room for the period labels
LEFT = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | int | None
    x: int
    y: int
    width: int
    height: int
    label_x: int
    muted: bool  # a bar of the 0-meting, drawn in a second style


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline_y: int = HEIGHT - BOTTOM
    label_y: int = HEIGHT - BOTTOM + 18


def bar_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    points: list[tuple[str, Decimal | int | None]],
    muted: frozenset[int] = frozenset(),
) -> Chart:
    """One bar per point (a missing value draws no bar); ``muted`` indexes are baseline bars."""
    top = max((Decimal(v) for _, v in points if v is not None), default=Decimal(0))
    plot = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) // max(len(points), 1)
    width = max(int(slot * 0.7), 2)
    bars = []
    for index, (label, value) in enumerate(points):
        height = int(Decimal(value) / top * plot) if value is not None and top > 0 else 0
        x = LEFT + index * slot + (slot - width) // 2
        bars.append(
            Bar(
                label=label,
                value=value,
                x=x,
                y=HEIGHT - BOTTOM - height,
                width=width,
                height=height,
                label_x=x + width // 2,
                muted=index in muted,
            )
        )
    return Chart(id=chart_id, title=title, summary=summary, bars=bars)
