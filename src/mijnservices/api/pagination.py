"""``{count, next, previous, results}`` pages, as the ZGW APIs paginate."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_query_param = "page"

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
