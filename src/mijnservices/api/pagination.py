"""``{count, next, previous, results}`` pages, as the ZGW APIs paginate."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, Page, Paginator
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


class CountSavingPaginator(Paginator):
    """Django's paginator without the ``COUNT(*)`` when the page read is the last one.

    It reads one row more than a page holds: when that row is absent, the total is the
    rows before this page plus the rows on it (most lists, such as a person's zaken, fit on
    one page). Otherwise, or for an empty page past the first, it counts as before; the
    answers (pages, counts, errors) are Django's."""

    def page(self, number: Any) -> Page:
        number = self._parse(number)
        bottom = (number - 1) * self.per_page
        if self.orphans or bottom > 2**62:  # a number far past any page: Django counts
            return super().page(number)
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if len(rows) <= self.per_page and (rows or number == 1):
            self.__dict__["count"] = bottom + len(rows)  # the cached_property's slot
            if number == 1 and not rows and not self.allow_empty_first_page:
                raise EmptyPage(self.error_messages["no_results"])
            return Page(rows, number, self)
        if number > self.num_pages:  # counts: an empty page past the first
            raise EmptyPage(self.error_messages["no_results"])
        return Page(rows[: self.per_page], number, self)

    def _parse(self, number: Any) -> int:
        # Django's validate_number without the upper bound (that needs the count).
        saved = self.__dict__.get("num_pages")
        self.__dict__["num_pages"] = float("inf")
        try:
            return self.validate_number(number)
        finally:
            if saved is None:
                del self.__dict__["num_pages"]
            else:
                self.__dict__["num_pages"] = saved


class ZGWPagination(PageNumberPagination):
    page_query_param = "page"
    django_paginator_class = CountSavingPaginator

    def get_page_size(self, request: object) -> int:
        return int(settings.API_PAGE_SIZE)

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        # The ZGW specs document no 404 on lists: a page that is no number or lies past
        # the last one is a ValidatieFout on ``page`` (Open Zaak answers DRF's 404).
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            detail = ErrorDetail(str(exc.detail), code="invalid-page")
            raise ValidationError({self.page_query_param: [detail]}) from None


class ZGWSizedPagination(ZGWPagination):
    """Pages whose size the client may choose (``pageSize``, where a spec offers it)."""

    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_size(self, request: object) -> int:
        return PageNumberPagination.get_page_size(self, request) or int(settings.API_PAGE_SIZE)  # type: ignore[arg-type]
