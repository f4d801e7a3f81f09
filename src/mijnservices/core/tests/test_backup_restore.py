"""The backup and restore procedure of docs/operations.md, carried out: a dump of the
database (pg_dump, custom format) and a copy of the document files, restored into a fresh
database and a fresh folder, hold the zaken, the documents with their content and the
notifications' final states. PostgreSQL only (CI's PostgreSQL phase)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile

import psycopg
import pytest
from django.db import connection
from django.utils import timezone
from psycopg import sql

from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.registrations.documenten.models import InformatieObjectVersie
from mijnservices.registrations.documenten.tests.helpers import (
    PDF,
    PNG,
    document,
    published_informatieobjecttype,
)
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.notifications.models import Notification
from mijnservices.testing.factories import ZaakFactory
from mijnservices.testing.processes import child_env

pytestmark = pytest.mark.django_db(transaction=True)


def _notification(n: int, status: str) -> None:
    now = timezone.now()
    Notification.objects.create(
        dedup_key=f"restore-{n}", event_id=str(n), trigger="status", party_kind="bsn",
        party_identifier="999993653", kanaal="email", adres="burger@example.org",
        onderwerp="Nieuwe stap", tekst="…", tekst_sha256="0" * 64, status=status,
        next_attempt_at=now, created_at=now, completed_at=now,
    )  # fmt: skip


def _values(conn: psycopg.Connection, model: type, column: str) -> list:
    query = sql.SQL("SELECT {} FROM {}").format(
        sql.Identifier(column), sql.Identifier(model._meta.db_table)
    )
    return [row[0] for row in conn.execute(query)]


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - PostgreSQL's tools


@pytest.fixture
def files(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documenten": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documenten")},
        },
    }
    settings.SITE_URL = "http://testserver"
    return tmp_path / "documenten"


def test_a_dump_and_the_files_restore_into_a_fresh_database(files, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the documented backup is pg_dump: runs in CI's PostgreSQL phase")
    zaken = {str(ZaakFactory().identificatie) for _ in range(3)}
    iot = published_informatieobjecttype()
    contents = {PDF, PNG}
    document(iot, content=PDF)
    document(iot, content=PNG, bestandsnaam="foto.png", formaat="image/png")
    _notification(1, "delivered")
    _notification(2, "permanent-failure")
    _notification(3, "technical-failure")
    OutboxEvent.objects.filter(status=OutboxStatus.PENDING).update(status=OutboxStatus.PROCESSED)

    # Back up: the database and the document files (object storage: its own versioning).
    source = child_env()["DATABASE_URL"]
    dump = tmp_path / "mijnservices.dump"
    _run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={source}")
    with tarfile.open(tmp_path / "documenten.tar.gz", "w:gz") as archive:
        archive.add(files, arcname="documenten")
    shutil.rmtree(files)  # the disaster

    # Restore into a fresh database and folder.
    fresh = f"ms_prod_restore_{os.getpid()}"
    admin = source.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        conn.execute(f'CREATE DATABASE "{fresh}"')
    restored_dir = tmp_path / "restored"
    try:
        target = source.rsplit("/", 1)[0] + f"/{fresh}"
        _run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump))
        with tarfile.open(tmp_path / "documenten.tar.gz") as archive:
            archive.extractall(restored_dir, filter="data")
        with psycopg.connect(target) as conn:
            found_zaken = set(_values(conn, Zaak, "identificatie"))
            keys = [key for key in _values(conn, InformatieObjectVersie, "inhoud") if key]
            states = sorted(_values(conn, Notification, "status"))
            outbox_states = set(_values(conn, OutboxEvent, "status"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')

    assert found_zaken == zaken
    assert {(restored_dir / "documenten" / key).read_bytes() for key in keys} == contents
    assert states == ["delivered", "permanent-failure", "technical-failure"]
    assert outbox_states == {"processed"}
