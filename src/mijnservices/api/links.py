"""Resource URLs by string formatting, for lean read paths (decision 0039).

A serializer's hyperlinked field calls ``reverse()`` and ``build_absolute_uri()`` for every
link: for a page of zaken, hundreds of URL resolutions that all give the same text around a
UUID. Here the path around the UUIDs is resolved once per process (per view name and script
prefix) and the scheme and host once per request; a link is then one f-string. The result
is DRF's ``reverse(view, kwargs=..., request=request)`` character for character: the
template *is* such a reversed URL, with placeholders where the UUIDs go.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, reverse
from django.utils.encoding import iri_to_uri
from rest_framework.settings import api_settings

# Placeholders: valid UUIDs (the ``uuid`` path converter accepts nothing else) that no
# resource holds and that URL quoting leaves alone.
_PLACEHOLDERS = ("00000000-0000-4000-8000-00000000a11a", "00000000-0000-4000-8000-00000000b22b")


@lru_cache(maxsize=256)
def _path_parts(view_name: str, kwargs: tuple[str, ...], script_prefix: str) -> tuple[str, ...]:
    """The reversed path of ``view_name`` split at its URL keywords, in ``kwargs`` order.
    ``script_prefix`` is part of the key: ``reverse`` includes it."""
    path = reverse(view_name, kwargs=dict(zip(kwargs, _PLACEHOLDERS, strict=False)))
    parts: list[str] = []
    rest = path
    for placeholder in _PLACEHOLDERS[: len(kwargs)]:
        head, found, rest = rest.partition(placeholder)
        if not found:
            raise ValueError(f"{view_name}: keywords {kwargs} do not appear in order")
        parts.append(head)
    parts.append(rest)
    return tuple(parts)


@lru_cache(maxsize=256)
def _plain(path: str) -> bool:
    """Whether ``build_absolute_uri`` only puts the scheme and host before ``path``."""
    return (
        path.startswith("/")
        and not path.startswith("//")
        and "/./" not in path
        and "/../" not in path
        and iri_to_uri(path) == path
    )


class Links:
    """URL makers for one request: ``Links(request).detail("zaken:zaak-detail")`` gives a
    function of a UUID. ``usable`` is False when DRF would add a format (``?format=``
    or a ``.json`` suffix) to its links; the caller then takes the serializer path."""

    def __init__(self, request: Any, *, format_kwarg: str | None = None) -> None:
        self.request = request
        override = api_settings.URL_FORMAT_OVERRIDE
        self.usable = format_kwarg is None and not (override and override in request.GET)
        self._host: str | None = None

    def _absolute(self, view_name: str, kwargs: tuple[str, ...]) -> tuple[str, ...]:
        parts = _path_parts(view_name, kwargs, get_script_prefix())
        joined = "".join(p + ph for p, ph in zip(parts, _PLACEHOLDERS, strict=False)) + parts[-1]
        if _plain(joined):
            # build_absolute_uri puts the scheme and host before such a path and quotes the
            # whole character by character: the host's part is the same for every path.
            if self._host is None:
                self._host = self.request.build_absolute_uri("/")[:-1]
            return (self._host + parts[0], *parts[1:])
        # The scheme and host exactly as build_absolute_uri adds them.
        absolute = self.request.build_absolute_uri(joined)
        host = absolute[: len(absolute) - len(joined)]
        if absolute[len(host) :] != joined:  # pragma: no cover - iri_to_uri changed the path
            raise ValueError(f"{view_name}: the path does not survive build_absolute_uri")
        return (host + parts[0], *parts[1:])

    def detail(self, view_name: str, kwarg: str = "uuid") -> Callable[[Any], str]:
        head, tail = self._absolute(view_name, (kwarg,))
        return lambda value: f"{head}{value}{tail}"

    def nested(self, view_name: str, outer: str, inner: str) -> Callable[[Any, Any], str]:
        head, middle, tail = self._absolute(view_name, (outer, inner))
        return lambda first, second: f"{head}{first}{middle}{second}{tail}"
