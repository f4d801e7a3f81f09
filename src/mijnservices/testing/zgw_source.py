"""A second MijnServices process that plays "the gemeente's existing zaaksysteem" in tests: a
real ZGW server over HTTP on loopback, with its own VAR_DIR and SQLite database, migrated, and
an API client with a secret. Tests fill it through its Catalogi and Zaken APIs.
"""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from mijnservices.integration.zgw.client import zgw_jwt
from mijnservices.testing.processes import free_port

CLIENT_ID = "mijnservices-portal"
UPLOAD_TYPE = "Bijlage"
BESLUIT_TYPE = "Besluit op aanvraag"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
SECRET = "source-secret-long-enough-for-hs256"  # noqa: S105 (test only)
_CREATE_CLIENT = f"""
from mijnservices.testing.api import applicatie_with_secret
applicatie_with_secret(client_id={CLIENT_ID!r}, secret={SECRET!r}, heeft_alle_autorisaties=True)
"""


def _uuid(resource: dict[str, Any]) -> str:
    return str(resource["url"]).rsplit("/", 1)[-1]


class SourceProcess:
    """``mijnservices serve`` on a free loopback port, its own database and control socket.
    With ``latency_ms`` it sits behind ``testing.latency`` (its own process), so every call
    takes at least that long: a source at a distance, as the bench's numbers assume."""

    def __init__(self, var_dir: Path, *, workers: int = 1, latency_ms: float = 0) -> None:
        self.var_dir = var_dir
        self.workers = workers
        self.latency_ms = latency_ms
        self.port = free_port()
        # Where gunicorn listens: behind the proxy when there is one.
        self.serve_port = free_port() if latency_ms else self.port
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.proxy: subprocess.Popen[bytes] | None = None
        self.log = var_dir / "serve.log"
        self._catalogus: dict[str, Any] | None = None
        self._document_types_made: dict[str, Any] | None = None

    # --- the process ------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            VAR_DIR=str(self.var_dir),
            SQLITE_PATH=str(self.var_dir / "source.sqlite3"),
            DEMO_MODE="false",
            DEBUG="false",
            SECRET_KEY=secrets.token_urlsafe(40),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SITE_URL=self.url,
            WEB_CONCURRENCY=str(self.workers),
            XDG_RUNTIME_DIR=str(self.var_dir),
            # Its Notificaties API may call back the test's live server on loopback.
            NOTIFICATION_CALLBACK_ALLOWED_NETWORKS="127.0.0.0/8",
        )
        return env

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "mijnservices", *args]

    def prepare(self) -> SourceProcess:
        """Migrate the database and create the API client (once)."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        env = self.env()
        subprocess.run(  # noqa: S603 (our own command)
            self._command("migrate", "--no-input", "-v", "0"), env=env, check=True, timeout=600
        )
        subprocess.run(  # noqa: S603 (our own command)
            self._command("shell", "-c", _CREATE_CLIENT), env=env, check=True, timeout=120
        )
        return self

    def start(self) -> SourceProcess:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command)
                self._command(
                    "serve", "--port", str(self.serve_port), "--workers", str(self.workers)
                ),
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            if self.latency_ms:
                proxy = [sys.executable, "-m", "mijnservices.testing.latency"]
                self.proxy = subprocess.Popen(  # noqa: S603 (our own module)
                    [*proxy, "--port", str(self.port), "--target", str(self.serve_port),
                     "--ms", str(self.latency_ms)],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answer = requests.get(f"{self.url}/catalogi/api/v1/", timeout=5)
                if answer.status_code != 502:  # the proxy answers before the server does
                    return self
                time.sleep(0.2)
            except requests.ConnectionError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"The source process did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        for process in (self.proxy, self.process):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        self.process = self.proxy = None

    # --- its APIs -----------------------------------------------------------------------
    def root(self, api: str) -> str:
        return f"{self.url}/{api}/api/v1/"

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {zgw_jwt(client_id=CLIENT_ID, secret=SECRET)}",
            "Accept-Crs": "EPSG:4326",
            "Content-Crs": "EPSG:4326",
        }

    def post(self, api: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = requests.post(
            self.root(api) + path, json=body, headers=self._headers(), timeout=30
        )
        assert response.status_code in (200, 201), (path, response.status_code, response.text)
        return dict(response.json())

    def get(self, url: str) -> dict[str, Any]:
        response = requests.get(url, headers=self._headers(), timeout=30)
        assert response.status_code == 200, (url, response.status_code, response.text)
        return dict(response.json())

    def patch(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = requests.patch(url, json=body, headers=self._headers(), timeout=30)
        assert response.status_code == 200, (url, response.status_code, response.text)
        return dict(response.json())

    def items(self, api: str, path: str, **params: str) -> list[dict[str, Any]]:
        """The items of a list (paginated or a plain list)."""
        response = requests.get(
            self.root(api) + path, params=params, headers=self._headers(), timeout=30
        )
        assert response.status_code == 200, (path, response.status_code, response.text)
        body = response.json()
        return list(body["results"] if isinstance(body, dict) else body)

    # --- what a test needs there --------------------------------------------------------
    def _document_types(self, catalogus: dict[str, Any]) -> dict[str, Any]:
        """A published informatieobjecttype ``Bijlage`` and besluittype (once per catalogus)."""
        if self._document_types_made is None:
            iot = self.post(
                "catalogi",
                "informatieobjecttypen",
                {
                    "catalogus": catalogus["url"],
                    "omschrijving": UPLOAD_TYPE,
                    "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                    "informatieobjectcategorie": "bijlage",
                    "beginGeldigheid": "2025-01-01",
                },
            )
            self.post("catalogi", f"informatieobjecttypen/{_uuid(iot)}/publish", {})
            besluittype = self.post(
                "catalogi",
                "besluittypen",
                {
                    "catalogus": catalogus["url"],
                    "omschrijving": BESLUIT_TYPE,
                    "publicatieIndicatie": False,
                    "informatieobjecttypen": [UPLOAD_TYPE],
                    "beginGeldigheid": "2025-01-01",
                },
            )
            self.post("catalogi", f"besluittypen/{_uuid(besluittype)}/publish", {})
            self._document_types_made = {"informatieobjecttype": iot, "besluittype": besluittype}
        return self._document_types_made

    def published_zaaktype(
        self,
        identificatie: str = "ZT-EXTERN",
        *,
        documents: bool = False,
        begin: str = "2025-01-01",
        texts: dict[int, str] | None = None,
    ) -> dict[str, Any]:
        """A catalogus and a published zaaktype with three steps (the second informs the
        initiator), a resultaattype and an initiator roltype; ``documents``: also an
        informatieobjecttype ``Bijlage`` and a besluittype it may use."""
        if self._catalogus is None:
            self._catalogus = self.post(
                "catalogi",
                "catalogussen",
                {"domein": "EXTRN", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"},
            )
        catalogus = self._catalogus
        extra = self._document_types(catalogus) if documents else {}
        zaaktype = self.post(
            "catalogi",
            "zaaktypen",
            {
                "identificatie": identificatie,
                "omschrijving": "Aanvraag parkeervergunning",
                "vertrouwelijkheidaanduiding": "openbaar",
                "doel": "doel",
                "aanleiding": "aanleiding",
                "indicatieInternOfExtern": "extern",
                "handelingInitiator": "aanvragen",
                "onderwerp": "Parkeren",
                "handelingBehandelaar": "behandelen",
                "doorlooptijd": "P8W",
                "opschortingEnAanhoudingMogelijk": False,
                "verlengingMogelijk": False,
                "publicatieIndicatie": False,
                "productenOfDiensten": [],
                "referentieproces": {"naam": "proces"},
                "verantwoordelijke": "Team Parkeren",
                "catalogus": catalogus["url"],
                "besluittypen": [BESLUIT_TYPE] if documents else [],
                "deelzaaktypen": [],
                "gerelateerdeZaaktypen": [],
                "beginGeldigheid": begin,
            },
        )
        statustypen = [
            self.post(
                "catalogi",
                "statustypen",
                {
                    "omschrijving": name,
                    "zaaktype": zaaktype["url"],
                    "volgnummer": number,
                    "informeren": number == 2,
                    "statustekst": (texts or {}).get(number, f"Stap {number}"),
                },
            )
            for number, name in enumerate(("Ontvangen", "In behandeling", "Afgerond"), start=1)
        ]
        resultaattype = self.post(
            "catalogi",
            "resultaattypen",
            {
                "zaaktype": zaaktype["url"],
                "omschrijving": "Verleend",
                "resultaattypeomschrijving": "https://selectielijst.example/omschrijvingen/1",
                "selectielijstklasse": "https://selectielijst.example/resultaten/1",
            },
        )
        roltype = self.post(
            "catalogi",
            "roltypen",
            {
                "zaaktype": zaaktype["url"],
                "omschrijving": "Aanvrager",
                "omschrijvingGeneriek": "initiator",
            },
        )
        if documents:
            self.post(
                "catalogi",
                "zaaktype-informatieobjecttypen",
                {
                    "zaaktype": zaaktype["url"],
                    "informatieobjecttype": UPLOAD_TYPE,
                    "volgnummer": 1,
                    "richting": "inkomend",
                },
            )
        self.post("catalogi", f"zaaktypen/{_uuid(zaaktype)}/publish", {})
        return {
            "zaaktype": zaaktype,
            "statustypen": statustypen,
            "resultaattype": resultaattype,
            "roltype": roltype,
            **extra,
        }

    def document_for(
        self,
        types: dict[str, Any],
        zaak: dict[str, Any],
        *,
        titel: str = "Brief van de gemeente",
        status: str = "definitief",
        vertrouwelijkheidaanduiding: str = "zaakvertrouwelijk",
        content: bytes = PDF,
        besluit: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A document at the source, related to ``zaak`` (or to ``besluit``)."""
        document = self.post(
            "documenten",
            "enkelvoudiginformatieobjecten",
            {
                "bronorganisatie": "002220647",
                "creatiedatum": time.strftime("%Y-%m-%d"),
                "titel": titel,
                "auteur": "Gemeente",
                "taal": "nld",
                "status": status,
                "vertrouwelijkheidaanduiding": vertrouwelijkheidaanduiding,
                "formaat": "application/pdf",
                "bestandsnaam": "brief.pdf",
                "inhoud": base64.b64encode(content).decode(),
                "informatieobjecttype": types["informatieobjecttype"]["url"],
            },
        )
        if besluit is None:
            self.post(
                "zaken",
                "zaakinformatieobjecten",
                {"zaak": zaak["url"], "informatieobject": document["url"]},
            )
        else:
            self.post(
                "besluiten",
                "besluitinformatieobjecten",
                {"besluit": besluit["url"], "informatieobject": document["url"]},
            )
        return document

    def besluit_for(self, types: dict[str, Any], zaak: dict[str, Any]) -> dict[str, Any]:
        return self.post(
            "besluiten",
            "besluiten",
            {
                "verantwoordelijkeOrganisatie": "002220647",
                "besluittype": types["besluittype"]["url"],
                "zaak": zaak["url"],
                "datum": time.strftime("%Y-%m-%d"),
                "ingangsdatum": time.strftime("%Y-%m-%d"),
                "toelichting": "Vergunning verleend",
            },
        )

    def zaak_for(self, types: dict[str, Any], bsn: str, omschrijving: str) -> dict[str, Any]:
        """A zaak with ``bsn`` as initiator, at its first step."""
        zaak = self.post(
            "zaken",
            "zaken",
            {
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "zaaktype": types["zaaktype"]["url"],
                "omschrijving": omschrijving,
                "startdatum": time.strftime("%Y-%m-%d"),
            },
        )
        self.post(
            "zaken",
            "rollen",
            {
                "zaak": zaak["url"],
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": types["roltype"]["url"],
                "roltoelichting": "aanvrager",
                "betrokkeneIdentificatie": {"inpBsn": bsn},
            },
        )
        self.status_set(zaak, types["statustypen"][0])
        return zaak

    def status_set(self, zaak: dict[str, Any], statustype: dict[str, Any]) -> dict[str, Any]:
        return self.post(
            "zaken",
            "statussen",
            {
                "zaak": zaak["url"],
                "statustype": statustype["url"],
                "datumStatusGezet": datetime.now(UTC).isoformat(),
            },
        )
