from __future__ import annotations

from django.contrib import admin

from mijnservices.core.admin_forms import WriteOnlySecretsForm
from mijnservices.registrations.autorisaties.models import Applicatie, Autorisatie, ClientCredential


class ClientCredentialForm(WriteOnlySecretsForm):
    secret_fields = ("secret",)

    class Meta:
        model = ClientCredential
        fields = ["client_id", "secret"]


class ClientCredentialInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ClientCredential
    form = ClientCredentialForm
    extra = 1
    fields = ["client_id", "secret"]


class AutorisatieInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Autorisatie
    extra = 0
    fields = [
        "component",
        "scopes",
        "zaaktype",
        "informatieobjecttype",
        "besluittype",
        "max_vertrouwelijkheidaanduiding",
    ]


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["label", "client_ids", "heeft_alle_autorisaties"]
    search_fields = ["label", "credentials__client_id"]
    inlines = [ClientCredentialInline, AutorisatieInline]

    @admin.display(description="client ids")
    def client_ids(self, obj: Applicatie) -> str:
        return ", ".join(c.client_id for c in obj.credentials.all())

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        return super().get_queryset(request).prefetch_related("credentials")
