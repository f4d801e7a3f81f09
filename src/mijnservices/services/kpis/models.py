"""Daily aggregates of the Startgids KPIs, the 0-meting, imported channel volumes, go-live
dates and saved business-case scenarios.

Nothing here names a person: the aggregates are counts per day and zaaktype (decision 0031).
Zaaktypen are kept by their identificatie, the identifier that stays the same across
versions of a zaaktype and that gemeenten share when they compare figures.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnservices.services.kpis.definitions import Kanaal, Kpi, Measure


class DailyFigure(models.Model):
    """One measure for one day and zaaktype ("" for what belongs to no zaaktype)."""

    day = models.DateField()
    zaaktype = models.CharField(max_length=50, blank=True)
    measure = models.CharField(max_length=40, choices=[(m.value, m.value) for m in Measure])
    value = models.BigIntegerField(default=0)
    # For durations: {"<days>": count}. Whole days are exact, because the start and end
    # dates of a zaak are dates; a median over any period is then exact too.
    histogram = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("daily KPI figure")
        verbose_name_plural = _("daily KPI figures")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "zaaktype", "measure"], name="kpis_one_figure_per_day"
            )
        ]
        indexes = [models.Index(fields=["zaaktype", "day"], name="kpis_figure_type_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.zaaktype} {self.measure}={self.value}"


class RefreshState(models.Model):
    """When the worker last refreshed the aggregates (one row)."""

    refreshed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("KPI refresh state")

    def __str__(self) -> str:
        return self.refreshed_at.isoformat()


class Baseline(models.Model):
    """The 0-meting: a KPI's value for a zaaktype over a period before the go-live."""

    zaaktype = models.CharField(_("zaaktype"), max_length=50)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    kpi = models.CharField(_("KPI"), max_length=40, choices=[(k.value, k.value) for k in Kpi])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("baseline figure")
        verbose_name_plural = _("baseline figures")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "period_start", "period_end", "kpi"],
                name="kpis_one_baseline_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype} {self.kpi} {self.period_start}..{self.period_end}"


class ChannelVolume(models.Model):
    """Contacts in a channel the product does not see (telephony, desk, e-mail)."""

    zaaktype = models.CharField(_("zaaktype"), max_length=50, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    kanaal = models.CharField(
        _("channel"), max_length=20, choices=[(k.value, k.value) for k in Kanaal]
    )
    contacten = models.PositiveIntegerField(_("contacts"))
    contacten_voortgang = models.PositiveIntegerField(_("contacts about progress"))
    cost_per_contact = models.DecimalField(
        _("cost per contact"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("channel volume")
        verbose_name_plural = _("channel volumes")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "period_start", "period_end", "kanaal"],
                name="kpis_one_volume_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype or '*'} {self.kanaal} {self.period_start}..{self.period_end}"


class GoLive(models.Model):
    """The day MijnZaken was switched on for a zaaktype: before/after is measured from it."""

    zaaktype = models.CharField(_("zaaktype"), max_length=50, unique=True)
    datum = models.DateField(_("go-live date"))

    class Meta:
        verbose_name = _("go-live date")
        verbose_name_plural = _("go-live dates")

    def __str__(self) -> str:
        return f"{self.zaaktype} {self.datum}"


class Scenario(models.Model):
    """A saved business case (Startgids §4.2): channels, one-time and yearly costs."""

    naam = models.CharField(_("name"), max_length=100, unique=True)
    # [{"kanaal", "volume", "aandeel_voortgang", "kosten_per_contact"}], Decimals as strings
    channels = models.JSONField(default=list)
    # [{"soort", "bedrag"}]: the roles and cost kinds of §4.4
    one_time_costs = models.JSONField(default=list, blank=True)
    yearly_costs = models.JSONField(default=list, blank=True)
    reduction = models.DecimalField(
        _("share of progress contacts avoided"), max_digits=5, decimal_places=4, default=1
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("business case scenario")
        verbose_name_plural = _("business case scenarios")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class SurveyDone(models.Model):
    """That a survey was answered (once per zaak for the KTO, per employee and quarter for the
    MTO): only a keyed hash, so the answers cannot be traced back to a zaak or a person."""

    key = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("answered survey")
        verbose_name_plural = _("answered surveys")

    def __str__(self) -> str:
        return self.key[:8]


class SurveyResponse(models.Model):
    """One set of answers of a KTO (citizens) or MTO (employees): no BSN, no zaak, no user;
    the month only. Reported only in groups of at least ``SURVEY_MIN_GROUP`` answers."""

    soort = models.CharField(max_length=3, choices=[("kto", "KTO"), ("mto", "MTO")])
    version = models.CharField(max_length=20)
    zaaktype = models.CharField(max_length=50, blank=True)
    role = models.CharField(max_length=20, blank=True)
    month = models.DateField()
    answers = models.JSONField(default=dict)
    open_answer = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["soort", "zaaktype", "month"], name="kpis_survey_idx")]

    def __str__(self) -> str:
        return f"{self.soort} {self.version} {self.month}"


class KtoSetting(models.Model):
    """Per zaaktype: whether closed zaken invite to the KTO and which questionnaire version
    applies. Without a row the KTO is on with the newest version (``surveys.KTO_VERSIONS``)."""

    zaaktype = models.CharField(_("zaaktype identificatie"), max_length=50, unique=True)
    actief = models.BooleanField(
        _("KTO on"),
        default=True,
        help_text=_("Closed zaken of this zaaktype invite the citizen to the survey."),
    )
    # A key of surveys.KTO_VERSIONS, checked by the admin form; no choices here, so adding a
    # version in code needs no migration.
    version = models.CharField(
        _("questionnaire version"),
        max_length=20,
        blank=True,
        help_text=_("Empty: always the newest version."),
    )

    class Meta:
        verbose_name = _("KTO setting")
        verbose_name_plural = _("KTO settings")

    def __str__(self) -> str:
        return self.zaaktype
