"""Forms of the KPI pages: the dashboard filter, imports and the business case."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnservices.services.kpis.business_case import (
    ONE_TIME_KINDS,
    YEARLY_KINDS,
    BusinessCase,
    ChannelLine,
    CostLine,
)
from mijnservices.services.kpis.definitions import Kanaal, Kpi
from mijnservices.services.kpis.periods import Granularity
from mijnservices.services.kpis.surveys import MTO, OPEN_MAX_LENGTH


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]
GRANULARITIES = [
    (Granularity.DAY.value, _("Day")),
    (Granularity.WEEK.value, _("Week")),
    (Granularity.MONTH.value, _("Month")),
    (Granularity.QUARTER.value, _("Quarter")),
]
CHANNEL_ROWS = 4
MAX_RANGE_DAYS = 3 * 366


def default_range(today: date | None = None) -> tuple[date, date]:
    """The last twelve months, from the first of the month."""
    today = today or timezone.localdate()
    first = date(today.year - 1, today.month, 1) + timedelta(days=31)
    return first.replace(day=1), today


class FilterForm(forms.Form):
    van = forms.DateField(
        label=_("From"), input_formats=DATE_FORMATS, help_text=_("For example 2026-01-01.")
    )
    tot = forms.DateField(
        label=_("To (inclusive)"),
        input_formats=DATE_FORMATS,
        help_text=_("For example 2026-12-31."),
    )
    zaaktype = forms.ChoiceField(label=_("Case type"), required=False)
    periode = forms.ChoiceField(label=_("Per"), choices=GRANULARITIES)

    def __init__(self, *args: Any, zaaktypen: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "zaaktype").choices = [("", _("All case types"))] + [
            (identificatie, f"{omschrijving} ({identificatie})")
            for identificatie, omschrijving in zaaktypen
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("The end is before the start."))
        elif van and tot and (tot - van).days > MAX_RANGE_DAYS:
            self.add_error("tot", _("Choose a range of at most three years."))
        return data


class ImportForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("baseline", _("0-meting (baseline)")), ("kanalen", _("Channel volumes"))],
    )
    bestand = forms.FileField(label=_("CSV file"), help_text=_("At most 2 MB; see docs/kpis.md."))

    def clean_bestand(self) -> str:
        upload = self.cleaned_data["bestand"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Save the file as UTF-8 CSV.")) from None


class GoLiveForm(forms.Form):
    zaaktype = forms.ChoiceField(label=_("Case type"))
    datum = forms.DateField(
        label=_("Go-live date"), input_formats=DATE_FORMATS, help_text=_("For example 2026-03-01.")
    )

    def __init__(self, *args: Any, zaaktypen: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "zaaktype").choices = [
            (identificatie, f"{omschrijving} ({identificatie})")
            for identificatie, omschrijving in zaaktypen
        ]


class BaselineForm(forms.Form):
    zaaktype = forms.ChoiceField(label=_("Case type"))
    van = forms.DateField(label=_("From"), input_formats=DATE_FORMATS)
    tot = forms.DateField(label=_("To (inclusive)"), input_formats=DATE_FORMATS)
    kpi = forms.ChoiceField(label=_("KPI"), choices=[(k.value, k.value) for k in Kpi])
    waarde = forms.DecimalField(label=_("Value"), min_value=Decimal(0), decimal_places=2)

    def __init__(self, *args: Any, zaaktypen: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "zaaktype").choices = [
            (identificatie, f"{omschrijving} ({identificatie})")
            for identificatie, omschrijving in zaaktypen
        ]


def _money(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, min_value=Decimal(0), max_digits=12, decimal_places=2
    )


class BusinessCaseForm(forms.Form):
    """Step A-C per channel, the costs of §4.4, and the share of progress contacts avoided."""

    naam = forms.CharField(label=_("Scenario name"), required=False, max_length=100)
    reductie = forms.DecimalField(
        label=_("Share of progress contacts avoided (%)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=2,
        initial=Decimal(100),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, CHANNEL_ROWS + 1):
            self.fields[f"kanaal_{n}"] = forms.ChoiceField(
                label=_("Channel %(n)s") % {"n": n},
                required=False,
                choices=[("", "-"), ("gemeten", _("Measured (KCC and portal)"))]
                + [(k.value, k.value) for k in Kanaal],
            )
            self.fields[f"volume_{n}"] = forms.IntegerField(
                label=_("Contacts per year (channel %(n)s)") % {"n": n},
                required=False,
                min_value=0,
            )
            self.fields[f"aandeel_{n}"] = forms.DecimalField(
                label=_("Share about progress in percent (channel %(n)s)") % {"n": n},
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100),
                decimal_places=2,
            )
            self.fields[f"kosten_{n}"] = _money(
                _("Cost per contact in euro (channel %(n)s)") % {"n": n}
            )
        for kind, label in ONE_TIME_KINDS.items():
            self.fields[f"eenmalig_{kind}"] = _money(label)
        for kind, label in YEARLY_KINDS.items():
            self.fields[f"jaarlijks_{kind}"] = _money(label)

    def channel_fields(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{name}_{n}"] for name in ("kanaal", "volume", "aandeel", "kosten")]
            for n in range(1, CHANNEL_ROWS + 1)
        ]

    def one_time_fields(self) -> list[forms.BoundField]:
        return [self[f"eenmalig_{kind}"] for kind in ONE_TIME_KINDS]

    def yearly_fields(self) -> list[forms.BoundField]:
        return [self[f"jaarlijks_{kind}"] for kind in YEARLY_KINDS]

    def case(self) -> BusinessCase:
        data = self.cleaned_data
        channels = tuple(
            ChannelLine(
                kanaal=data[f"kanaal_{n}"],
                volume=data[f"volume_{n}"] or 0,
                share_progress=(data[f"aandeel_{n}"] or Decimal(0)) / 100,
                cost_per_contact=data[f"kosten_{n}"] or Decimal(0),
            )
            for n in range(1, CHANNEL_ROWS + 1)
            if data.get(f"kanaal_{n}")
        )
        return BusinessCase(
            channels=channels,
            one_time_costs=tuple(
                CostLine(kind, data[f"eenmalig_{kind}"])
                for kind in ONE_TIME_KINDS
                if data.get(f"eenmalig_{kind}")
            ),
            yearly_costs=tuple(
                CostLine(kind, data[f"jaarlijks_{kind}"])
                for kind in YEARLY_KINDS
                if data.get(f"jaarlijks_{kind}")
            ),
            reduction=data["reductie"] / 100,
        )


def initial_from_case(case: BusinessCase) -> dict[str, Any]:
    """Form values for a pre-filled or saved case."""
    initial: dict[str, Any] = {"reductie": (case.reduction * 100).normalize()}
    for n, line in enumerate(case.channels[:CHANNEL_ROWS], start=1):
        initial[f"kanaal_{n}"] = line.kanaal
        initial[f"volume_{n}"] = line.volume
        initial[f"aandeel_{n}"] = (line.share_progress * 100).normalize()
        initial[f"kosten_{n}"] = line.cost_per_contact
    for cost in case.one_time_costs:
        initial[f"eenmalig_{cost.soort}"] = cost.bedrag
    for cost in case.yearly_costs:
        initial[f"jaarlijks_{cost.soort}"] = cost.bedrag
    return initial


class MtoForm(forms.Form):
    """The employee survey (MTO) of Startgids bijlage 7."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in MTO.questions:
            self.fields[question.key] = forms.ChoiceField(
                label=str(question.text),
                choices=[(key, str(label)) for key, label in question.options],
                required=False,
                widget=forms.RadioSelect,
            )
        self.fields["open"] = forms.CharField(
            label=str(MTO.open_question),
            required=False,
            max_length=OPEN_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def choice_fields(self) -> list[forms.BoundField]:
        return [self[q.key] for q in MTO.questions]

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data.get(q.key) or "" for q in MTO.questions}
