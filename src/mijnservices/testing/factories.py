"""factory_boy factories for the registrations, with traits.

``ZaakFactory(for_bsn="999993653")`` gives a zaak with an initiator rol for that
person; ``ZaakFactory(closed=True)`` a closed one with resultaat and final status.
Everything is created through the service layer, so the ZGW rules hold. The builders they
use live in ``builders.py`` (no factory_boy), which the benchmarks share.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from mijnservices.registrations.catalogi.models import Catalogus
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.builders import (
    SELECTIELIJST,
    TEST_CATALOGUS,
    published_zaaktype,
    published_zaaktype_with_relations,
    zaak_with_steps,
)

# The builders are re-exported: tests import them from here beside the factories.
__all__ = [
    "SELECTIELIJST",
    "CatalogusFactory",
    "ZaakFactory",
    "published_zaaktype",
    "published_zaaktype_with_relations",
]


class CatalogusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Catalogus
        django_get_or_create = ("domein", "rsin")

    domein = TEST_CATALOGUS["domein"]
    rsin = TEST_CATALOGUS["rsin"]
    naam = TEST_CATALOGUS["naam"]
    contactpersoon_beheer_naam = TEST_CATALOGUS["contactpersoon_beheer_naam"]


class ZaakFactory(factory.Factory):
    """Builds a zaak through ``zaak_create``; ``for_bsn``/``for_kvk`` add the initiator."""

    class Meta:
        model = Zaak

    class Params:
        closed = factory.Trait(status_count=-1)

    zaaktype = factory.LazyFunction(published_zaaktype)
    omschrijving = factory.Sequence(lambda n: f"Aanvraag {n}")
    startdatum = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    for_bsn = ""
    for_kvk = ""
    # How many steps the zaak has reached (1 = first step); -1 = closed with resultaat.
    status_count = 1

    @classmethod
    def _create(cls, model_class: type[Zaak], **kwargs: Any) -> Zaak:
        return zaak_with_steps(**kwargs)
