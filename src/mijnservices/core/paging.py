"""One way to page a long list in the portal and the KCC (the pager template is
``ui/_pager.html``): ``?pagina=N`` (anything else is
page 1, never an error), and a :class:`Page` that knows whether there is a newer or older
page without counting the whole list (one row more than the page is read)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.http import HttpRequest

T = TypeVar("T")
PAGE_PARAMETER = "pagina"
MAX_PAGE = 10_000


def page_number(request: HttpRequest) -> int:
    raw = request.GET.get(PAGE_PARAMETER, "1")
    return min(int(raw), MAX_PAGE) if raw.isdigit() and int(raw) >= 1 else 1


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1


def window(number: int, size: int) -> slice:
    """The rows to read for page ``number``: one more than fits, to know if there is a next."""
    start = (number - 1) * size
    return slice(start, start + size + 1)


def page_of(rows: Sequence[T], *, number: int, size: int) -> Page[T]:
    """``rows`` read with :func:`window`."""
    return Page(items=list(rows[:size]), number=number, has_next=len(rows) > size)
