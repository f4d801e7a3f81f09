from __future__ import annotations

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from mijnservices.registrations.autorisaties.models import Applicatie


class ApplicatieFilter(filters.FilterSet):
    clientIds = filters.CharFilter(method="filter_client_ids", label="client ids, comma-separated")

    class Meta:
        model = Applicatie
        fields: list[str] = []

    def filter_client_ids(
        self, queryset: QuerySet[Applicatie], name: str, value: str
    ) -> QuerySet[Applicatie]:
        ids = [item.strip() for item in value.split(",") if item.strip()]
        return queryset.filter(credentials__client_id__in=ids).distinct()
