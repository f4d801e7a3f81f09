"""Where notifications may go: an allow/deny policy on the *resolved* addresses (against SSRF).

A callback URL may not reach loopback, private, link-local, multicast, reserved or otherwise
non-global addresses unless ``NOTIFICATION_CALLBACK_ALLOWED_NETWORKS`` or the abonnement's
administrator-only ``allow_private_network`` flag allows it;
``NOTIFICATION_CALLBACK_BLOCKED_NETWORKS`` is refused always.

The policy is checked when an abonnement is saved and again at every connection the worker
opens: the guarded connection resolves the host, checks every address and connects to a
checked address itself, so a DNS answer that changes in between (DNS rebinding) cannot
slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class CallbackRefused(Exception):
    """The callback URL is not acceptable or resolves to an address the policy refuses."""


def resolve(host: str, port: int) -> list[str]:
    """The host's addresses (a seam for tests: they monkeypatch this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def address_problem(ip: str, *, allow_private: bool = False) -> str | None:
    """Why the policy refuses ``ip``, or ``None`` when it may be reached."""
    address: IPAddress = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if any(
        address in net for net in _networks(tuple(settings.NOTIFICATION_CALLBACK_BLOCKED_NETWORKS))
    ):
        return f"{address} is in NOTIFICATION_CALLBACK_BLOCKED_NETWORKS"
    if address.is_global and not address.is_multicast:
        return None
    if allow_private or any(
        address in net for net in _networks(tuple(settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS))
    ):
        return None
    return f"{address} is a loopback, private, link-local, multicast or reserved address"


def checked_addresses(host: str, port: int, *, allow_private: bool = False) -> list[str]:
    """Resolve ``host`` and return its addresses if the policy allows every one of them."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise CallbackRefused(f"The host {host!r} does not resolve: {exc}") from exc
    if not addresses:
        raise CallbackRefused(f"The host {host!r} does not resolve.")
    for address in addresses:
        problem = address_problem(address, allow_private=allow_private)
        if problem:
            raise CallbackRefused(f"The callback host {host!r} is refused: {problem}.")
    return addresses


def callback_url_check(url: str, *, allow_private: bool = False) -> None:
    """Refuse a callback URL that is not http(s) or whose host the policy refuses."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise CallbackRefused("The callback URL must be an http or https URL with a host.")
    if parts.username or parts.password:
        raise CallbackRefused("Put credentials in auth, not in the callback URL.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise CallbackRefused("The callback URL has an invalid port.") from exc
    checked_addresses(parts.hostname, port, allow_private=allow_private)


class _GuardedConnectionMixin:
    """Resolve, check every address, then connect to a checked address (never re-resolve)."""

    allow_private = False
    _dns_host: str
    port: int

    def _new_conn(self) -> socket.socket:
        host = self._dns_host
        addresses = checked_addresses(host, self.port, allow_private=self.allow_private)
        error: Exception | None = None
        try:
            for address in addresses:
                self._dns_host = address
                try:
                    return super()._new_conn()  # type: ignore[misc, no-any-return]
                except (NewConnectionError, ConnectTimeoutError) as exc:
                    error = exc
        finally:
            self._dns_host = host
        raise error or CallbackRefused(f"The host {host!r} does not resolve.")


def _pool_classes(allow_private: bool) -> dict[str, type[HTTPConnectionPool]]:
    http_conn = type(
        "GuardedHTTPConnection",
        (_GuardedConnectionMixin, HTTPConnection),
        {"allow_private": allow_private},
    )
    https_conn = type(
        "GuardedHTTPSConnection",
        (_GuardedConnectionMixin, HTTPSConnection),
        {"allow_private": allow_private},
    )
    return {
        "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
        "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
    }


_POOL_CLASSES = {False: _pool_classes(False), True: _pool_classes(True)}


def guarded_pool_manager(*, allow_private: bool = False) -> PoolManager:
    """A keep-alive connection pool whose every new connection passes the policy.

    No redirects and no retries (the worker retries itself), no proxies from the environment.
    """
    manager = PoolManager(num_pools=64, maxsize=4, retries=False)
    manager.pool_classes_by_scheme = _POOL_CLASSES[allow_private]
    return manager
