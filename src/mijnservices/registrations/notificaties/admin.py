"""Admin: deliveries to see, filter and resend; abonnementen whose credentials never show.

Every change goes through the services, so the callback policy applies here as well.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.callbacks import CallbackRefused, callback_url_check
from mijnservices.registrations.notificaties.models import (
    Abonnement,
    Delivery,
    Kanaal,
    Notificatie,
)


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["naam", "documentatie_link", "filters"]
    search_fields = ["naam"]


class AbonnementForm(forms.ModelForm):  # type: ignore[type-arg]
    callback_url = forms.URLField(max_length=1000, assume_scheme="https")
    # Write-only: rendered empty, and left empty it keeps the stored value.
    new_auth = forms.CharField(
        label="Authorization header",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Sent as the Authorization header. Leave empty to keep the current value.",
    )
    kanalen_json = forms.CharField(
        label="Kanalen",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text='JSON as in the Notificaties API, e.g. [{"naam": "zaken", "filters": '
        '{"bronorganisatie": "002220647"}}]',
    )

    class Meta:
        model = Abonnement
        fields = ["callback_url", "client_id", "allow_private_network"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["kanalen_json"].initial = json.dumps(
                [
                    {"naam": k.kanaal.naam, "filters": k.filters}
                    for k in self.instance.kanalen.select_related("kanaal")
                ],
                indent=2,
            )

    def clean_kanalen_json(self) -> list[services.FilterGroup]:
        try:
            value = json.loads(self.cleaned_data["kanalen_json"])
        except json.JSONDecodeError as exc:
            raise ValidationError(f"Not valid JSON: {exc}") from exc
        if not isinstance(value, list) or not all(
            isinstance(g, dict) and isinstance(g.get("naam"), str) for g in value
        ):
            raise ValidationError('Expected a list of {"naam": …, "filters": {…}}.')
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        allow = data.get("allow_private_network", self.instance.allow_private_network)
        if data.get("callback_url"):
            try:
                callback_url_check(data["callback_url"], allow_private=bool(allow))
            except CallbackRefused as exc:
                self.add_error("callback_url", str(exc))
        redirected = self.instance.pk and data.get("callback_url") != self.instance.callback_url
        if redirected and not data.get("new_auth"):
            self.add_error("new_auth", "A new callback URL needs its own Authorization header.")
        names = {g["naam"] for g in data.get("kanalen_json") or []}
        unknown = names - set(Kanaal.objects.filter(naam__in=names).values_list("naam", flat=True))
        if unknown:
            self.add_error("kanalen_json", f"Unknown kanaal: {', '.join(sorted(unknown))}.")
        return data


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = AbonnementForm
    list_display = ["uuid", "callback_url", "client_id", "allow_private_network", "created_at"]
    search_fields = ["callback_url", "client_id", "uuid"]
    list_filter = ["kanalen__kanaal", "allow_private_network"]
    fields = ["callback_url", "new_auth", "client_id", "kanalen_json", "allow_private_network"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Reaching private networks is an administrator's decision.
        return [] if request.user.is_superuser else ["allow_private_network"]

    def save_model(self, request: HttpRequest, obj: Abonnement, form: Any, change: bool) -> None:
        data = form.cleaned_data
        allow = data.get("allow_private_network") if request.user.is_superuser else None
        # The form checked the policy and the kanalen; the services check them again.
        if change:
            saved = services.abonnement_update(
                abonnement=obj,
                callback_url=data["callback_url"],
                auth=data["new_auth"] or None,
                kanalen=data["kanalen_json"],
                allow_private_network=allow,
            )
        else:
            saved = services.abonnement_create(
                callback_url=data["callback_url"],
                auth=data["new_auth"],
                client_id=data.get("client_id", ""),
                kanalen=data["kanalen_json"],
                allow_private_network=bool(allow),
            )
        obj.pk = saved.pk

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        pass  # the kanalen were saved by the service

    def delete_model(self, request: HttpRequest, obj: Abonnement) -> None:
        services.abonnement_delete(abonnement=obj)


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["id", "kanaal", "resource", "actie", "hoofd_object", "aanmaakdatum"]
    list_filter = ["kanaal", "actie"]
    search_fields = ["=id", "hoofd_object", "resource_url"]
    date_hierarchy = "aanmaakdatum"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "id",
        "kanaal",
        "resource_actie",
        "hoofd_object",
        "abonnement",
        "status",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "delivered_at",
        "failed_at",
    ]
    list_filter = ["status", "abonnement", "notificatie__kanaal"]
    search_fields = ["notificatie__hoofd_object", "=notificatie__id"]
    list_select_related = ["notificatie", "abonnement"]
    readonly_fields = [
        "notificatie",
        "abonnement",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "claimed_until",
        "first_attempt_at",
        "delivered_at",
        "failed_at",
        "last_status_code",
        "last_error",
    ]
    exclude = ["order_key", "claim"]
    actions = ["resend"]

    @admin.display(description="kanaal", ordering="notificatie__kanaal")
    def kanaal(self, obj: Delivery) -> str:
        return obj.notificatie.kanaal

    @admin.display(description="resource.actie")
    def resource_actie(self, obj: Delivery) -> str:
        return f"{obj.notificatie.resource}.{obj.notificatie.actie}"

    @admin.display(description="hoofdobject")
    def hoofd_object(self, obj: Delivery) -> str:
        return obj.notificatie.hoofd_object

    def get_queryset(self, request: HttpRequest) -> QuerySet[Delivery]:
        return super().get_queryset(request).select_related("notificatie", "abonnement")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Resend the selected deliveries")
    def resend(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        count = 0
        for delivery in queryset:
            services.delivery_resend(delivery=delivery)
            count += 1
        self.message_user(request, f"{count} deliveries will be sent again.", messages.SUCCESS)
