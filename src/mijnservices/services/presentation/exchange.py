"""Export and import of zaaktypen with their portal presentation (decision 0036).

The file is the catalogue export format of Open Zaak: a zip with one JSON list per resource
(``Catalogus.json``, ``ZaakType.json``, ``StatusType.json``, ``ResultaatType.json``,
``RolType.json``; the document side is in :mod:`exchange_types`), each item in the Catalogi
API's shape, related by ``url``. Our export adds ``MijnServicesPresentatie.json`` (the
presentations); an Open Zaak export simply lacks it. An import runs in one transaction: a bad
file changes nothing and says what is wrong.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from mijnservices.api.fields import duration_iso
from mijnservices.registrations.catalogi.models import StatusType, ZaakType
from mijnservices.services.presentation.exchange_types import document_types_export
from mijnservices.services.presentation.exchange_values import PRESENTATION_FILE, URN, out
from mijnservices.services.presentation.models import ZaaktypePresentation
from mijnservices.services.presentation.services import STEP_FIELDS, snapshot

# (model field, API name, kind): the ZGW attributes a zaaktype carries across.
ZAAKTYPE_ATTRS = (
    ("omschrijving_generiek", "omschrijvingGeneriek", "text"),
    ("vertrouwelijkheidaanduiding", "vertrouwelijkheidaanduiding", "text"),
    ("doel", "doel", "text"),
    ("aanleiding", "aanleiding", "text"),
    ("toelichting", "toelichting", "text"),
    ("indicatie_intern_of_extern", "indicatieInternOfExtern", "text"),
    ("handeling_initiator", "handelingInitiator", "text"),
    ("onderwerp", "onderwerp", "text"),
    ("handeling_behandelaar", "handelingBehandelaar", "text"),
    ("opschorting_en_aanhouding_mogelijk", "opschortingEnAanhoudingMogelijk", "bool"),
    ("verlenging_mogelijk", "verlengingMogelijk", "bool"),
    ("verlengingstermijn", "verlengingstermijn", "duration"),
    ("trefwoorden", "trefwoorden", "list"),
    ("publicatie_indicatie", "publicatieIndicatie", "bool"),
    ("publicatietekst", "publicatietekst", "text"),
    ("verantwoordingsrelatie", "verantwoordingsrelatie", "list"),
    ("producten_of_diensten", "productenOfDiensten", "list"),
    ("selectielijst_procestype", "selectielijstProcestype", "text"),
    ("verantwoordelijke", "verantwoordelijke", "text"),
    ("einde_geldigheid", "eindeGeldigheid", "date"),
    ("versiedatum", "versiedatum", "date"),
)
STATUSTYPE_ATTRS = (
    ("omschrijving_generiek", "omschrijvingGeneriek", "text"),
    ("statustekst", "statustekst", "text"),
    ("informeren", "informeren", "bool"),
    ("doorlooptijd", "doorlooptijd", "duration"),
    ("toelichting", "toelichting", "text"),
)
RESULTAATTYPE_ATTRS = (
    ("resultaattypeomschrijving", "resultaattypeomschrijving", "text"),
    ("selectielijstklasse", "selectielijstklasse", "text"),
    ("omschrijving_generiek", "omschrijvingGeneriek", "text"),
    ("toelichting", "toelichting", "text"),
    ("archiefnominatie", "archiefnominatie", "text"),
    ("archiefactietermijn", "archiefactietermijn", "duration"),
)


# --- export ------------------------------------------------------------------------------


def _catalogue_step(statustype: StatusType) -> dict[str, Any]:
    return {
        "statustype_omschrijving": statustype.omschrijving,
        "volgnummer": statustype.volgnummer,
        "text_nl": statustype.statustekst,
        "text_en": statustype.statustekst_en,
        "informeren": statustype.informeren,
        "expected_days": statustype.doorlooptijd.days if statustype.doorlooptijd else None,
        **{name: "" for name in STEP_FIELDS if name.startswith("email_")},
    }


def presentation_data(zaaktype: ZaakType) -> dict[str, Any]:
    """What citizens see of this zaaktype version, as plain data: its presentation, with a
    step for every statustype (the catalogue's values for steps not edited yet). Writes
    nothing."""
    found = ZaaktypePresentation.objects.filter(zaaktype_identificatie=zaaktype.identificatie)
    if found.exists():
        data = snapshot(found.get())
    else:
        data = {
            "zaaktype_identificatie": zaaktype.identificatie,
            "shown_in_portal": True,
            "auth_level": "",
            "title_nl": zaaktype.publieke_omschrijving,
            "title_en": zaaktype.publieke_omschrijving_en,
            "description_nl": "",
            "description_en": "",
            "silence_days": zaaktype.stilte_signaal_dagen,
            "show_handler": zaaktype.toon_behandelaar,
            "department": "",
            "upload_document_type": zaaktype.portaal_upload_informatieobjecttype,
            "answer_term_days": zaaktype.vraag_antwoordtermijn_werkdagen,
            "steps": [],
        }
    stored = {step["statustype_omschrijving"]: step for step in data["steps"]}
    data["steps"] = [
        stored.get(statustype.omschrijving) or _catalogue_step(statustype)
        for statustype in zaaktype.statustypen.order_by("volgnummer")
    ]
    return data


def zaaktype_export(*, zaaktype: ZaakType) -> bytes:
    """One zaaktype version with its statustypen, resultaattypen, roltypen and presentation."""
    catalogus = zaaktype.catalogus
    cat_url = URN.format(kind="catalogus", uuid=catalogus.uuid)
    zt_url = URN.format(kind="zaaktype", uuid=zaaktype.uuid)
    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    statustype_urls = {s.pk: URN.format(kind="statustype", uuid=s.uuid) for s in statustypen}
    type_files, urls = document_types_export(zaaktype, zt_url, statustype_urls)
    zaaktype_item = {
        "url": zt_url,
        "catalogus": cat_url,
        "identificatie": zaaktype.identificatie,
        "omschrijving": zaaktype.omschrijving,
        "doorlooptijd": duration_iso(zaaktype.doorlooptijd),
        "servicenorm": out(zaaktype.servicenorm, "duration"),
        "beginGeldigheid": zaaktype.begin_geldigheid.isoformat(),
        "concept": zaaktype.concept,
        **{api: out(getattr(zaaktype, name), kind) for name, api, kind in ZAAKTYPE_ATTRS},
        "besluittypen": urls.besluittypen(zaaktype.besluittypen),
        "informatieobjecttypen": urls.iots(
            [z.informatieobjecttype for z in zaaktype.zaaktype_informatieobjecttypen.all()]
        ),
    }
    files = {
        "Catalogus.json": [
            {
                "url": cat_url,
                "domein": catalogus.domein,
                "rsin": catalogus.rsin,
                "naam": catalogus.naam,
                "contactpersoonBeheerNaam": catalogus.contactpersoon_beheer_naam,
            }
        ],
        "ZaakType.json": [zaaktype_item],
        "StatusType.json": [
            {
                "url": statustype_urls[s.pk],
                "zaaktype": zt_url,
                "volgnummer": s.volgnummer,
                "omschrijving": s.omschrijving,
                **{api: out(getattr(s, name), kind) for name, api, kind in STATUSTYPE_ATTRS},
            }
            for s in statustypen
        ],
        "ResultaatType.json": [
            {
                "url": URN.format(kind="resultaattype", uuid=r.uuid),
                "zaaktype": zt_url,
                "omschrijving": r.omschrijving,
                "besluittypen": urls.besluittypen(r.besluittypen),
                "informatieobjecttypen": urls.iots(r.informatieobjecttypen),
                **{api: out(getattr(r, name), kind) for name, api, kind in RESULTAATTYPE_ATTRS},
            }
            for r in zaaktype.resultaattypen.order_by("omschrijving", "pk")
        ],
        "RolType.json": [
            {
                "url": URN.format(kind="roltype", uuid=r.uuid),
                "zaaktype": zt_url,
                "omschrijving": r.omschrijving,
                "omschrijvingGeneriek": r.omschrijving_generiek,
            }
            for r in zaaktype.roltypen.order_by("omschrijving", "pk")
        ],
        **type_files,
        PRESENTATION_FILE: [presentation_data(zaaktype)],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, items in files.items():
            archive.writestr(name, json.dumps(items, indent=2, ensure_ascii=False))
    return buffer.getvalue()
