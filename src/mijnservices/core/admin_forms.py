"""Admin forms whose secrets are write-only: shown empty, kept when left empty."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

KEEP_HELP = "Write-only: never shown again. Leave empty to keep the current value."


class WriteOnlySecretsForm(forms.ModelForm):  # type: ignore[type-arg]
    """Declare ``secret_fields``; they render as empty password inputs.

    On an existing object an empty input keeps the stored value, so saving a form never
    needs (or reveals) the secret.
    """

    secret_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.secret_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            field.widget = forms.PasswordInput(render_value=False)
            field.initial = ""
            if self.instance.pk:
                field.required = False
                field.help_text = KEEP_HELP

    def get_initial_for_field(self, field: forms.Field, field_name: str) -> Any:
        if field_name in self.secret_fields:
            return ""
        return super().get_initial_for_field(field, field_name)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk:
            for name in self.secret_fields:
                if name in self.fields and not data.get(name):
                    data[name] = getattr(self.instance, name)
        return data

    def has_changed(self) -> bool:
        # An empty secret input on an unchanged row is no change (inline formsets ask).
        return any(name not in self.secret_fields for name in self.changed_data) or any(
            self.data.get(self.add_prefix(name)) for name in self.secret_fields
        )
