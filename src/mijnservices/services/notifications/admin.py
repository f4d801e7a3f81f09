"""Admin for the functional administrator: templates (with preview and placeholder checks),
trigger switches, external sources; notifications and signals read-only with their status."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, linebreaks

from mijnservices.core.admin_forms import WriteOnlySecretsForm
from mijnservices.services.notifications import templates
from mijnservices.services.notifications.models import (
    ContactSignal,
    ExternalSource,
    Kanaal,
    Notification,
    NotificationTemplate,
    Trigger,
    TriggerSwitch,
)

EXAMPLE = {
    "organisatie": "Gemeente Voorbeeld",
    "portaal_link": "https://mijn.voorbeeld.nl/mijn-zaken/…",
    "zaaknummer": "ZAAK-2026-0000000123",
    "zaak_omschrijving": "Bezwaar WOZ-waarde",
    "status": "In behandeling",
}


class TemplateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = NotificationTemplate
        fields = ["trigger", "kanaal", "taal", "onderwerp", "tekst", "case_content_confirmed"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = f"{data.get('onderwerp', '')} {data.get('tekst', '')}"
        unknown = templates.unknown_placeholders(text)
        if unknown:
            raise forms.ValidationError(
                f"Unknown placeholder(s): {', '.join(sorted(unknown))}. "
                f"Allowed: {', '.join(sorted(templates.PLACEHOLDERS))}."
            )
        case = templates.placeholders_in(text) & templates.CASE_CONTENT
        if case and not data.get("case_content_confirmed"):
            raise forms.ValidationError(
                f"{', '.join(sorted(case))} put(s) what the case is about into the message. "
                "Tick the confirmation if that is deliberate."
            )
        return data


@admin.action(
    description="Add the default text for every trigger, channel and language that has none"
)
def load_defaults(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Any]) -> None:
    created = 0
    for trigger in Trigger.values:
        for kanaal in Kanaal.values:
            for taal in ("nl", "en"):
                text = templates.default_text(trigger, kanaal, taal)
                _, new = NotificationTemplate.objects.get_or_create(
                    trigger=trigger, kanaal=kanaal, taal=taal,
                    defaults={"onderwerp": text.onderwerp, "tekst": text.tekst},
                )  # fmt: skip
                created += int(new)
    messages.success(request, f"{created} default texts added.")


@admin.register(NotificationTemplate)
class NotificationTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = TemplateForm
    list_display = ["trigger", "kanaal", "taal", "onderwerp"]
    list_filter = ["trigger", "kanaal", "taal"]
    readonly_fields = ["preview", "placeholders"]
    actions = [load_defaults]

    @admin.display(description="Placeholders")
    def placeholders(self, obj: NotificationTemplate) -> str:
        return ", ".join(f"{{{name}}} — {doc}" for name, doc in templates.PLACEHOLDERS.items())

    @admin.display(description="Preview (example values)")
    def preview(self, obj: NotificationTemplate) -> str:
        if not obj.pk:
            return "Save to see a preview."
        rendered = templates.render(obj.trigger, obj.kanaal, obj.taal, EXAMPLE)
        return format_html("<strong>{}</strong>{}", rendered.onderwerp, linebreaks(rendered.tekst))


@admin.register(TriggerSwitch)
class TriggerSwitchAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "trigger",
        "zaaktype_identificatie",
        "statustype_omschrijving",
        "informatieobjecttype_omschrijving",
        "actief",
        "dagen",
    ]
    list_filter = ["trigger", "actief"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "created_at",
        "trigger",
        "kanaal",
        "masked_adres",
        "status",
        "attempts",
        "sent_at",
    ]
    list_filter = ["status", "kanaal", "trigger"]
    search_fields = ["uuid", "zaak_identificatie", "provider_reference"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ContactSignal)
class ContactSignalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["created_at", "reden", "kanaal", "resolved_at"]
    list_filter = ["kanaal"]


class ExternalSourceForm(WriteOnlySecretsForm):
    secret_fields = ("authorization",)

    class Meta:
        model = ExternalSource
        fields = ["naam", "authorization", "zgw_source", "actief"]


@admin.register(ExternalSource)
class ExternalSourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = ExternalSourceForm
    list_display = ["naam", "actief"]
