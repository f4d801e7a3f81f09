"""camelCase JSON, as the ZGW APIs speak it.

Rendering is on every API response's path, so it is done with a cached key conversion and
orjson (decision 0035). The result is the JSON that DRF's renderer with the camel-case
library would write: the same keys in the same order, values through DRF's own encoder for
what orjson does not know (dates and times, decimals, lazy strings), ``\\u2028``/``\\u2029``
escaped; an indented rendering (``Accept: application/json; indent=2``) or anything orjson
refuses goes through DRF's renderer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import orjson
from django.utils.encoding import force_str
from django.utils.functional import Promise
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from djangorestframework_camel_case.settings import api_settings
from djangorestframework_camel_case.util import camelize_re, is_iterable, underscore_to_camel
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

SCALARS = (str, int, float, type(None))
OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
_encoder = JSONEncoder()


@lru_cache(maxsize=8192)
def camel(key: str) -> str:
    """``zaak_type`` → ``zaakType``, as the camel-case library converts a key."""
    return camelize_re.sub(underscore_to_camel, key) if "_" in key else key


def camelize(data: Any, ignore_fields: tuple[str, ...], ignore_keys: tuple[str, ...]) -> Any:
    """The camel-case library's ``camelize`` for rendering (plain dicts and lists out)."""
    if isinstance(data, SCALARS):
        return data
    if isinstance(data, Promise):
        return force_str(data)
    if isinstance(data, dict):
        result = {}
        for key, value in data.items():
            if isinstance(key, Promise):
                key = force_str(key)
            new_key = camel(key) if isinstance(key, str) else key
            if key not in ignore_fields and new_key not in ignore_fields:
                value = camelize(value, ignore_fields, ignore_keys)
            result[key if key in ignore_keys or new_key in ignore_keys else new_key] = value
        return result
    if isinstance(data, list | tuple) or is_iterable(data):
        return [camelize(item, ignore_fields, ignore_keys) for item in data]
    return data


class ZGWJSONRenderer(CamelCaseJSONRenderer):
    """Renders ``application/json``; error responses set ``application/problem+json``
    on the response itself (see :mod:`mijnservices.api.exceptions`)."""

    charset = None
    # ZGW's ``_expand`` keeps its leading underscore (its contents are camelised as usual).
    json_underscoreize: dict[str, Any] = {
        **api_settings.JSON_UNDERSCOREIZE,
        "ignore_keys": ("_expand",),
    }

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(data, accepted_media_type, renderer_context)  # type: ignore[no-any-return]
        options = self.json_underscoreize
        camelized = camelize(
            data, tuple(options.get("ignore_fields") or ()), tuple(options.get("ignore_keys") or ())
        )
        try:
            body = orjson.dumps(camelized, default=_encoder.default, option=OPTIONS)
        except (TypeError, orjson.JSONEncodeError):
            return super().render(data, accepted_media_type, renderer_context)  # type: ignore[no-any-return]
        if b"\xe2\x80\xa8" in body or b"\xe2\x80\xa9" in body:
            body = body.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return body


class OctetStreamRenderer(BaseRenderer):
    """Lets ``Accept: application/octet-stream`` through content negotiation on a download
    (the body is a streamed file response); an error there is still a JSON problem."""

    media_type = "application/octet-stream"
    format = "binary"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None or isinstance(data, bytes):
            return data or b""
        return json.dumps(data).encode()
