"""The standard ZGW kanalen and the kenmerken their notificaties carry (as Open Zaak sends them).

Used by the data migration that seeds them and by :func:`services.kanalen_seed`.
"""

from __future__ import annotations

from typing import TypedDict

DOCS = "https://vng-realisatie.github.io/gemma-zaken/standaard/"


class KanaalSpec(TypedDict):
    naam: str
    documentatie_link: str
    filters: list[str]


OTHER_DOCS = "https://github.com/maykinmedia/open-klant"

STANDARD_KANALEN: list[KanaalSpec] = [
    {
        "naam": "zaken",
        "documentatie_link": DOCS + "zaken/",
        "filters": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
    },
    {
        "naam": "documenten",
        "documentatie_link": DOCS + "documenten/",
        "filters": ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"],
    },
    {
        "naam": "besluiten",
        "documentatie_link": DOCS + "besluiten/",
        "filters": ["verantwoordelijkeOrganisatie", "besluittype"],
    },
    {"naam": "zaaktypen", "documentatie_link": DOCS + "catalogi/", "filters": ["catalogus"]},
    {
        "naam": "informatieobjecttypen",
        "documentatie_link": DOCS + "catalogi/",
        "filters": ["catalogus"],
    },
    {"naam": "besluittypen", "documentatie_link": DOCS + "catalogi/", "filters": ["catalogus"]},
    {"naam": "catalogi", "documentatie_link": DOCS + "catalogi/", "filters": []},
    {"naam": "autorisaties", "documentatie_link": DOCS + "autorisaties/", "filters": []},
]

# The registrations beside ZGW publish on these kanalen (no standard lists them).
OTHER_KANALEN: list[KanaalSpec] = [
    {"naam": "klantinteracties", "documentatie_link": OTHER_DOCS, "filters": []},
    {"naam": "contactgegevens", "documentatie_link": OTHER_DOCS, "filters": []},
    {"naam": "taken", "documentatie_link": OTHER_DOCS, "filters": []},
    {"naam": "berichten", "documentatie_link": OTHER_DOCS, "filters": []},
]
