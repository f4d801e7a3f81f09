from __future__ import annotations

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.registrations.notificaties import callbacks, services
from mijnservices.registrations.notificaties.callbacks import (
    CallbackRefused,
    address_problem,
    callback_url_check,
)


@pytest.fixture
def fake_dns(monkeypatch):
    records: dict[str, list[str]] = {}

    def resolve(host: str, port: int) -> list[str]:
        if host in records:
            return records[host]
        return [host]  # an IP literal resolves to itself

    monkeypatch.setattr(callbacks, "resolve", resolve)
    return records


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8000/hook",
        "http://10.1.2.3/hook",
        "http://172.16.0.1/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:10.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://224.0.0.1/hook",
    ],
)
def test_callbacks_to_loopback_private_link_local_and_multicast_are_refused(url):
    with pytest.raises(CallbackRefused):
        callback_url_check(url)


def test_a_host_name_that_resolves_to_a_private_address_is_refused(fake_dns):
    fake_dns["intranet.example.org"] = ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(CallbackRefused, match=r"10\.0\.0\.7"):
        callback_url_check("https://intranet.example.org/hook")


def test_a_host_name_that_resolves_to_public_addresses_is_accepted(fake_dns):
    fake_dns["ontvanger.example.org"] = ["93.184.216.34"]
    callback_url_check("https://ontvanger.example.org/hook")


def test_a_host_that_does_not_resolve_is_refused(monkeypatch):
    def fail(host, port):
        raise OSError("Name or service not known")

    monkeypatch.setattr(callbacks, "resolve", fail)
    with pytest.raises(CallbackRefused, match="does not resolve"):
        callback_url_check("https://nergens.invalid/hook")


@pytest.mark.parametrize(
    "url", ["ftp://93.184.216.34/x", "file:///etc/passwd", "http:///x", "https://u:p@1.1.1.1/"]
)
def test_only_plain_http_and_https_urls_are_accepted(url):
    with pytest.raises(CallbackRefused):
        callback_url_check(url)


def test_the_allow_list_permits_a_private_network(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    assert address_problem("127.0.0.1") is None
    assert address_problem("127.0.0.2") is not None


def test_the_abonnement_flag_permits_private_addresses():
    assert address_problem("10.0.0.1", allow_private=True) is None


def test_the_deny_list_wins_over_everything(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    settings.NOTIFICATION_CALLBACK_BLOCKED_NETWORKS = ["10.9.0.0/16", "93.184.216.0/24"]
    assert address_problem("10.1.0.1") is None
    assert address_problem("10.9.0.1", allow_private=True) is not None
    assert address_problem("93.184.216.34") is not None


@pytest.mark.django_db
def test_creating_an_abonnement_with_a_private_callback_is_refused():
    services.kanalen_seed()
    with pytest.raises(DomainError) as error:
        services.abonnement_create(
            callback_url="http://169.254.169.254/", kanalen=[{"naam": "zaken"}]
        )
    assert error.value.code == "invalid-callback-url"


@pytest.mark.django_db
def test_an_administrator_may_allow_a_private_callback_on_one_abonnement():
    services.kanalen_seed()
    abonnement = services.abonnement_create(
        callback_url="http://10.0.0.5/hook", kanalen=[{"naam": "zaken"}], allow_private_network=True
    )
    assert abonnement.allow_private_network
