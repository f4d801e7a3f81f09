"""The abonnement at a source's Notificaties API: ``zgw-source check`` makes it once (the
source tests our webhook with a real POST before it stores it), reports it, and ``remove``
deletes it. The source is a second MijnServices process over HTTP."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.services.notifications.models import ExternalSource
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET


def _ours(source, callback: str) -> list[dict]:
    return [
        item
        for item in source.items("notificaties", "abonnement")
        if item["callbackUrl"] == callback
    ]


@pytest.mark.django_db(transaction=True)
def test_check_subscribes_once_to_the_sources_notificaties_and_remove_unsubscribes(
    source, live_server, settings
):
    settings.SITE_URL = live_server.url
    callback = f"{live_server.url}/notificatieservice/zgw/webhook/"
    zgw_source_add(
        naam="openzaak-abo",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        notificaties_api=source.root("notificaties"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )

    out = StringIO()
    call_command("zgw_source", "check", "openzaak-abo", stdout=out)
    assert "ok   abonnement: abonnement http" in out.getvalue(), out.getvalue()
    assert callback in out.getvalue()
    zgw = ZgwSource.objects.get(naam="openzaak-abo")
    [abonnement] = _ours(source, callback)
    assert zgw.abonnement_url == abonnement["url"]
    assert [k["naam"] for k in abonnement["kanalen"]] == ["zaken"]
    # The webhook knows the sender by the Authorization value the abonnement carries.
    sender = ExternalSource.objects.get(zgw_source=zgw)
    assert sender.authorization.startswith("Token ")

    # Idempotent: a second check keeps the one abonnement, also when we forgot its URL.
    ZgwSource.objects.filter(pk=zgw.pk).update(abonnement_url="")
    call_command("zgw_source", "check", "openzaak-abo", stdout=StringIO())
    assert len(_ours(source, callback)) == 1
    assert ZgwSource.objects.get(pk=zgw.pk).abonnement_url == abonnement["url"]

    removed = StringIO()
    call_command("zgw_source", "remove", "openzaak-abo", stdout=removed)
    assert "Deleted the abonnement" in removed.getvalue()
    assert _ours(source, callback) == []
