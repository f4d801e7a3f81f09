"""The beheerder's KTO settings per zaaktype: on or off, and which questionnaire version."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mijnservices.services.kpis.models import KtoSetting
from mijnservices.services.kpis.surveys import KTO_VERSIONS


class KtoSettingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = KtoSetting
        fields = ["zaaktype", "actief", "version"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The versions in code, so the beheerder cannot name one that does not exist.
        self.fields["version"] = forms.ChoiceField(
            label=_("questionnaire version"),
            choices=[("", _("always the newest version")), *((v, v) for v in KTO_VERSIONS)],
            required=False,
            help_text=_("Answers keep the version they were given under."),
        )


@admin.register(KtoSetting)
class KtoSettingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = KtoSettingForm
    list_display = ("zaaktype", "actief", "version")
    list_filter = ("actief",)
    search_fields = ("zaaktype",)
