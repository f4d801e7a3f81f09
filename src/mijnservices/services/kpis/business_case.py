"""The business case of Startgids §4.2: (cost per contact) x (contacts about progress) is the
potential saving per year; minus the yearly costs and set against the one-time project costs,
it gives the payback period. Money is Decimal throughout, rounded to cents only for display.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mijnservices.core.errors import DomainError
from mijnservices.services.kpis.definitions import Kpi
from mijnservices.services.kpis.models import ChannelVolume, Scenario
from mijnservices.services.kpis.selectors import kpi_totals

CENT = Decimal("0.01")
TENTH = Decimal("0.1")

# The cost kinds of Startgids §4.4: the project organisation's roles, and ICT management.
ONE_TIME_KINDS = {
    "projectmanager": gettext_lazy("Project manager"),
    "it_architect": gettext_lazy("IT architect"),
    "business_analist": gettext_lazy("Business analyst"),
    "integratiespecialist": gettext_lazy("Integration specialist"),
    "adviseur_informatieveiligheid": gettext_lazy("Information security adviser"),
    "ontwikkelaar_ux": gettext_lazy("Software and UX developer/designer"),
    "product_owner": gettext_lazy("Product owners"),
    "tester": gettext_lazy("Testers"),
    "leverancier": gettext_lazy("Supplier"),
}
YEARLY_KINDS = {
    "sla": gettext_lazy("SLA contract"),
    "hosting": gettext_lazy("Hosting (front and back end)"),
    "software": gettext_lazy("Software use"),
    "audits": gettext_lazy("Audits and certificates"),
    "beheer_personeel": gettext_lazy("Staff for management"),
}


@dataclass(frozen=True)
class ChannelLine:
    kanaal: str
    volume: int  # contacts per year
    share_progress: Decimal  # 0..1
    cost_per_contact: Decimal

    @property
    def progress_contacts(self) -> Decimal:
        return Decimal(self.volume) * self.share_progress

    def saving(self, reduction: Decimal) -> Decimal:
        return self.progress_contacts * self.cost_per_contact * reduction


@dataclass(frozen=True)
class CostLine:
    soort: str
    bedrag: Decimal


@dataclass(frozen=True)
class BusinessCase:
    channels: tuple[ChannelLine, ...]
    one_time_costs: tuple[CostLine, ...] = ()
    yearly_costs: tuple[CostLine, ...] = ()
    reduction: Decimal = Decimal(1)  # the share of progress contacts MijnZaken avoids


@dataclass(frozen=True)
class Outcome:
    saving_per_year: Decimal
    yearly_costs: Decimal
    net_per_year: Decimal
    one_time_costs: Decimal
    payback_months: Decimal | None  # None: never pays back
    channel_savings: dict[str, Decimal] = field(default_factory=dict)


def business_case_compute(case: BusinessCase) -> Outcome:
    saving = sum((c.saving(case.reduction) for c in case.channels), Decimal(0))
    yearly = sum((c.bedrag for c in case.yearly_costs), Decimal(0))
    one_time = sum((c.bedrag for c in case.one_time_costs), Decimal(0))
    net = saving - yearly
    payback = (one_time / net * 12).quantize(TENTH, ROUND_HALF_UP) if net > 0 else None
    return Outcome(
        saving_per_year=saving.quantize(CENT, ROUND_HALF_UP),
        yearly_costs=yearly.quantize(CENT, ROUND_HALF_UP),
        net_per_year=net.quantize(CENT, ROUND_HALF_UP),
        one_time_costs=one_time.quantize(CENT, ROUND_HALF_UP),
        payback_months=payback,
        channel_savings={
            c.kanaal: c.saving(case.reduction).quantize(CENT, ROUND_HALF_UP) for c in case.channels
        },
    )


def business_case_prefill(*, start: date, end: date, zaaktype: str | None = None) -> BusinessCase:
    """Channels from the imported volumes of ``start``..``end`` (scaled to a year), and the
    contacts about progress the product measured itself (KCC and portal) as one channel."""
    days = Decimal((end - start).days + 1)
    year = Decimal(365) / days
    volumes = ChannelVolume.objects.filter(period_start__gte=start, period_start__lte=end)
    if zaaktype is not None:
        volumes = volumes.filter(zaaktype=zaaktype)
    per_kanaal: dict[str, list[Decimal]] = {}
    for kanaal, contacten, voortgang, cost in volumes.values_list(
        "kanaal", "contacten", "contacten_voortgang", "cost_per_contact"
    ):
        totals = per_kanaal.setdefault(kanaal, [Decimal(0), Decimal(0), Decimal(0)])
        totals[0] += contacten
        totals[1] += voortgang
        totals[2] = max(totals[2], cost or Decimal(0))
    channels = [
        ChannelLine(
            kanaal=kanaal,
            volume=int((c * year).to_integral_value(ROUND_HALF_UP)),
            share_progress=(p / c).quantize(Decimal("0.0001"), ROUND_HALF_UP) if c else Decimal(0),
            cost_per_contact=cost,
        )
        for kanaal, (c, p, cost) in sorted(per_kanaal.items())
    ]
    figures = kpi_totals(start=start, end=end, zaaktype=zaaktype)
    measured = int(figures[Kpi.CONTACTEN_VOORTGANG_KCC] or 0) + int(
        figures[Kpi.CONTACTEN_VOORTGANG_PORTAAL] or 0
    )
    if measured:
        channels.append(
            ChannelLine(
                kanaal="gemeten",
                volume=int((measured * year).to_integral_value(ROUND_HALF_UP)),
                share_progress=Decimal(1),
                cost_per_contact=Decimal(0),
            )
        )
    return BusinessCase(channels=tuple(channels))


# --- Saved scenarios --------------------------------------------------------------------
def _jsonable(lines: tuple[Any, ...]) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in asdict(line).items()} for line in lines]


@transaction.atomic
def scenario_save(*, naam: str, case: BusinessCase) -> Scenario:
    """Save (or overwrite) a named scenario."""
    naam = naam.strip()
    if not naam:
        raise DomainError(_("Give the scenario a name."), code="required", field="naam")
    if not case.channels:
        raise DomainError(_("Add at least one channel."), code="required", field="channels")
    scenario, _created = Scenario.objects.update_or_create(
        naam=naam[:100],
        defaults={
            "channels": _jsonable(case.channels),
            "one_time_costs": _jsonable(case.one_time_costs),
            "yearly_costs": _jsonable(case.yearly_costs),
            "reduction": case.reduction,
        },
    )
    return scenario


@transaction.atomic
def scenario_delete(*, scenario: Scenario) -> None:
    scenario.delete()


def scenario_case(scenario: Scenario) -> BusinessCase:
    return BusinessCase(
        channels=tuple(
            ChannelLine(
                kanaal=c["kanaal"],
                volume=int(c["volume"]),
                share_progress=Decimal(c["share_progress"]),
                cost_per_contact=Decimal(c["cost_per_contact"]),
            )
            for c in scenario.channels
        ),
        one_time_costs=tuple(
            CostLine(c["soort"], Decimal(c["bedrag"])) for c in scenario.one_time_costs
        ),
        yearly_costs=tuple(
            CostLine(c["soort"], Decimal(c["bedrag"])) for c in scenario.yearly_costs
        ),
        reduction=Decimal(scenario.reduction),
    )


def scenarios_compared() -> list[tuple[Scenario, Outcome]]:
    """Every saved scenario with its outcome, for comparing side by side (one query)."""
    return [(s, business_case_compute(scenario_case(s))) for s in Scenario.objects.all()]
