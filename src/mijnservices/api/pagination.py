"""``{count, next, previous, results}`` pages, as the ZGW APIs paginate."""

from __future__ import annotations

from django.conf import settings
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_query_param = "page"

    def get_page_size(self, request: object) -> int:
        return int(settings.API_PAGE_SIZE)


class ZGWSizedPagination(ZGWPagination):
    """Pages whose size the client may choose (``pageSize``, where a spec offers it)."""

    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_size(self, request: object) -> int:
        return PageNumberPagination.get_page_size(self, request) or int(settings.API_PAGE_SIZE)  # type: ignore[arg-type]
