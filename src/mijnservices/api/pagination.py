"""``{count, next, previous, results}`` pages, as the ZGW APIs paginate."""

from __future__ import annotations

from django.conf import settings
from rest_framework.pagination import PageNumberPagination


class ZGWPagination(PageNumberPagination):
    page_query_param = "page"

    def get_page_size(self, request: object) -> int:
        return int(settings.API_PAGE_SIZE)
