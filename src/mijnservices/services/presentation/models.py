"""The portal presentation of a zaaktype, apart from the frozen catalogue (decision 0036).

A published zaaktype cannot change, but what citizens read about it must: a beheerder fixes a
typo in a step text, releases a product, raises the login level. A presentation belongs to a
zaaktype *identificatie* (so it holds for every version, local or projected from an external
source) and its steps to a statustype *omschrijving*. Without a presentation the catalogue's
own values apply (its ``publieke_omschrijving``, ``statustekst`` …); the first edit copies
them in. Every change stores a snapshot with who and when (:class:`PresentationChange`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnservices.services.presentation.levels import AuthLevel


class ZaaktypePresentation(models.Model):
    zaaktype_identificatie = models.CharField(
        _("zaaktype identificatie"), max_length=50, unique=True
    )
    shown_in_portal = models.BooleanField(
        _("shown in the portal"),
        default=True,
        help_text=_("Citizens see zaken of this kind and get notifications about them."),
    )
    auth_level = models.CharField(
        _("required login level"), max_length=20, choices=AuthLevel.choices, blank=True
    )
    title_nl = models.CharField(_("public title (Dutch)"), max_length=200, blank=True)
    title_en = models.CharField(_("public title (English)"), max_length=200, blank=True)
    description_nl = models.TextField(_("public description (Dutch)"), blank=True)
    description_en = models.TextField(_("public description (English)"), blank=True)
    silence_days = models.PositiveIntegerField(
        _("days without news before 'not forgotten'"), null=True, blank=True
    )
    show_handler = models.BooleanField(_("show the case handler's name"), default=False)
    department = models.CharField(
        _("department or team shown to citizens"), max_length=200, blank=True
    )
    upload_document_type = models.CharField(
        _("document type for citizen uploads"), max_length=80, blank=True
    )
    answer_term_days = models.PositiveSmallIntegerField(
        _("working days to answer a question"), default=5
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zaaktype presentation")
        verbose_name_plural = _("zaaktype presentations")

    def __str__(self) -> str:
        return self.zaaktype_identificatie


class StepPresentation(models.Model):
    presentation = models.ForeignKey(
        ZaaktypePresentation, on_delete=models.CASCADE, related_name="steps"
    )
    statustype_omschrijving = models.CharField(max_length=80)
    volgnummer = models.PositiveSmallIntegerField(default=0)
    text_nl = models.CharField(_("citizen text (Dutch)"), max_length=1000, blank=True)
    text_en = models.CharField(_("citizen text (English)"), max_length=1000, blank=True)
    informeren = models.BooleanField(_("inform the citizen"), default=False)
    expected_days = models.PositiveIntegerField(
        _("expected duration (days)"), null=True, blank=True
    )
    email_subject_nl = models.CharField(max_length=200, blank=True)
    email_body_nl = models.TextField(blank=True)
    email_subject_en = models.CharField(max_length=200, blank=True)
    email_body_en = models.TextField(blank=True)

    class Meta:
        ordering = ["presentation", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["presentation", "statustype_omschrijving"], name="presentation_step_unique"
            )
        ]

    def __str__(self) -> str:
        return self.statustype_omschrijving


class PresentationChange(models.Model):
    """One saved change: the whole presentation afterwards, who and when (append-only)."""

    presentation = models.ForeignKey(
        ZaaktypePresentation, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    changed_by_name = models.CharField(max_length=150, blank=True)
    what = models.CharField(max_length=200, blank=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.presentation_id} {self.changed_at:%Y-%m-%d %H:%M} {self.what}"


class Branding(models.Model):
    """The beheerder's overrides of the branding and contact settings (one row; an empty
    field means: the setting of the same name)."""

    organisation_name = models.CharField(max_length=200, blank=True)
    logo_url = models.CharField(max_length=500, blank=True)
    favicon_url = models.CharField(max_length=500, blank=True)
    theme_css_url = models.CharField(max_length=500, blank=True)
    theme_class = models.CharField(max_length=100, blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_hours_nl = models.CharField(max_length=200, blank=True)
    contact_hours_en = models.CharField(max_length=200, blank=True)
    contact_form_url = models.CharField(max_length=500, blank=True)
    contact_address = models.CharField(max_length=300, blank=True)
    privacy_url = models.CharField(max_length=500, blank=True)
    accessibility_url = models.CharField(max_length=500, blank=True)
    cookies_url = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by_name = models.CharField(max_length=150, blank=True)

    def __str__(self) -> str:
        return self.organisation_name or "branding"
