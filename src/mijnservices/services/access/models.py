"""Employee roles and the per-zaaktype settings that purpose binding reads.

Roles are a model (not Django groups) because a behandelaar role carries data: the
zaaktypen it covers. The functioneel beheerder edits both in the admin. The tables keep their
first names (``kcc_…``): the models moved here from the employee pages (decision 0025).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    KCC = "kcc", _("KCC employee")
    BEHANDELAAR = "behandelaar", _("Case handler")
    BEHEERDER = "beheerder", _("Functional administrator")
    AUDITOR = "auditor", _("Auditor")
    MANAGER = "manager", _("Manager (KPIs and business case)")


class EmployeeRole(models.Model):
    """One role of one employee; for a behandelaar, the zaaktypen it covers."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employee_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    zaaktype_identificaties = models.JSONField(
        _("zaaktypen"),
        default=list,
        blank=True,
        help_text=_("Zaaktype identificaties this case handler works on."),
    )

    class Meta:
        db_table = "kcc_employeerole"
        verbose_name = _("employee role")
        verbose_name_plural = _("employee roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="kcc_unique_user_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.role}"


class ZaaktypeSetting(models.Model):
    """How employees outside the case team may see zaken of one zaaktype."""

    zaaktype_identificatie = models.CharField(
        _("zaaktype identificatie"), max_length=50, unique=True
    )
    released_for_kcc = models.BooleanField(
        _("released for the KCC"),
        default=False,
        help_text=_("KCC employees may see the status of these zaken."),
    )
    social_domain = models.BooleanField(
        _("social domain"),
        default=False,
        help_text=_("KCC employees never see documents of these zaken."),
    )

    class Meta:
        db_table = "kcc_zaaktypesetting"
        verbose_name = _("zaaktype setting")
        verbose_name_plural = _("zaaktype settings")

    def __str__(self) -> str:
        return self.zaaktype_identificatie
