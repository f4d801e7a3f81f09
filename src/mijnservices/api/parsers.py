"""JSON request bodies with a nesting limit, checked before anything recurses over them.

``json.loads`` and the camelCase conversion both recurse once per level: a small body nested
a few hundred levels deep ends in a ``RecursionError`` (a 500, and an expensive traceback).
The depth is measured first, on the raw text with strings taken out, in linear time; a body
deeper than ``API_MAX_JSON_DEPTH`` is a 400 before it is parsed.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from django.conf import settings
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# A JSON string (the unrolled-loop form: no backtracking per character).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (0 for a scalar)."""
    brackets = _BRACKETS.findall(_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def json_loads_limited(raw: bytes | str, *, max_depth: int | None = None) -> Any:
    """``json.loads`` that refuses (``ValueError``) a document nested deeper than the limit."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    limit = settings.API_MAX_JSON_DEPTH if max_depth is None else max_depth
    depth = json_depth(text)
    if depth > limit:
        raise ValueError(f"the JSON is nested {depth} levels deep; at most {limit} are allowed")
    return json.loads(text)


def _parse_error(exc: ValueError) -> ParseError:
    if isinstance(exc, UnicodeDecodeError):
        return ParseError("JSON parse error - the body is not valid UTF-8.")
    return ParseError(f"JSON parse error - {exc}")


class ZGWJSONParser(CamelCaseJSONParser):
    """camelCase JSON in, snake_case data out; deep nesting refused before either."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        from djangorestframework_camel_case.util import underscoreize

        try:
            data = json_loads_limited(stream.read())
        except ValueError as exc:
            raise _parse_error(exc) from exc
        return underscoreize(data, **self.json_underscoreize)


class LimitedJSONParser(JSONParser):
    """Plain JSON (names kept as given), with the same nesting limit."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        try:
            return json_loads_limited(stream.read())
        except ValueError as exc:
            raise _parse_error(exc) from exc
