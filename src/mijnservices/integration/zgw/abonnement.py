"""The abonnement on a source's Notificaties API that calls our webhook (decision 0029).

``abonnement_ensure`` is idempotent: an abonnement we made (remembered on the source) or one
at the source with our callback URL is kept and brought in line; otherwise one is created.
The kanaal is ``zaken``: a new status, resultaat, rol, zaakinformatieobject or zaakbesluit is
announced there with the zaak as ``hoofdObject``, which is what the webhook re-reads.

Who answers the webhook, and with which Authorization value, belongs to the Notificatieservice
(layer 4); it hands it in through :func:`webhook_provider_register` at start-up, so this layer
does not import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import structlog

from mijnservices.integration.zgw.client import SourceAnswered, SourceError, ZgwWriter
from mijnservices.integration.zgw.models import ZgwSource

logger = structlog.get_logger(__name__)

KANALEN = ("zaken",)


@dataclass(frozen=True)
class Webhook:
    callback_url: str
    authorization: str = ""


# source → our webhook for it (callback URL and the Authorization value the source must send)
_PROVIDERS: list[Callable[[ZgwSource], Webhook]] = []


def webhook_provider_register(provider: Callable[[ZgwSource], Webhook]) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def _webhook(source: ZgwSource) -> Webhook:
    if not _PROVIDERS:
        raise SourceError("No webhook is available to subscribe with.")
    return _PROVIDERS[-1](source)


def _body(webhook: Webhook) -> dict[str, object]:
    return {
        "callbackUrl": webhook.callback_url,
        "auth": webhook.authorization,
        "kanalen": [{"naam": naam, "filters": {}} for naam in KANALEN],
    }


def _ours(source: ZgwSource, reader: ZgwWriter, webhook: Webhook) -> str:
    """The URL of an abonnement at the source that calls our webhook, or ""."""
    if source.abonnement_url and reader.within_roots(source.abonnement_url):
        try:
            found = reader.get(source.abonnement_url)
        except SourceAnswered as exc:
            if exc.status != 404:
                raise
        else:
            if found.get("callbackUrl") == webhook.callback_url:
                return source.abonnement_url
    for item in reader.get_all(reader.root("notificaties") + "abonnement"):
        url = str(item.get("url") or "")
        if item.get("callbackUrl") == webhook.callback_url and reader.within_roots(url):
            return url
    return ""


def abonnement_ensure(*, source: ZgwSource, reader: ZgwWriter) -> str:
    """Make sure the source's Notificaties API calls our webhook for the zaken kanaal;
    returns the abonnement's URL. Raises ``SourceError`` when that cannot be done."""
    webhook = _webhook(source)
    url = _ours(source, reader, webhook)
    if url:
        # Kept in line (the Authorization value may have been renewed); PUT is idempotent.
        reader.send("PUT", url, _body(webhook))
    else:
        created = reader.send("POST", reader.root("notificaties") + "abonnement", _body(webhook))
        url = str(created.get("url") or "")
    ZgwSource.objects.filter(pk=source.pk).update(abonnement_url=url)
    source.abonnement_url = url
    logger.info("zgw_abonnement_ensured", source=source.naam)
    return url


def abonnement_delete(*, source: ZgwSource, reader: ZgwWriter) -> bool:
    """Delete our abonnement at the source (when we know it); True when one was deleted."""
    url = source.abonnement_url
    if not url or not reader.within_roots(url):
        return False
    try:
        reader.send("DELETE", url)
    except SourceAnswered as exc:
        if exc.status != 404:
            raise
        return False
    ZgwSource.objects.filter(pk=source.pk).update(abonnement_url="")
    return True


def abonnement_state(*, source: ZgwSource, reader: ZgwWriter) -> tuple[bool, str]:
    """Whether our abonnement exists at the source and calls our webhook, in plain words."""
    try:
        webhook = _webhook(source)
        url = _ours(source, reader, webhook)
    except SourceError as exc:
        return False, f"the abonnement could not be read: {exc}"
    if not url:
        return False, "no abonnement calls our webhook (run check again to create it)"
    return True, f"abonnement {url} calls {webhook.callback_url} (kanaal {', '.join(KANALEN)})"
