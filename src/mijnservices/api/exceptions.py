"""Errors as ``application/problem+json``, shaped like the ZGW ``Fout``/``ValidatieFout``.

Maps DRF exceptions, Django's 404/403 and our :class:`~mijnservices.core.errors.DomainError`
to ``{type, code, title, status, detail, instance, invalidParams}``.
"""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework import exceptions, status
from rest_framework.response import Response

from mijnservices.core.errors import DomainError

logger = structlog.get_logger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class UnknownQueryParameters(exceptions.ValidationError):
    """The request names query parameters the operation does not know (400)."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            {"nonFieldErrors": [f"Unknown query parameters: {', '.join(sorted(names))}"]},
            code="unknown-parameters",
        )
        self.problem_code = "unknown-parameters"


def camel(name: str) -> str:
    return camelize_re.sub(underscore_to_camel, name)


def _flatten(details: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(details, dict) and {"message", "code"} <= set(details):
        name = prefix or "nonFieldErrors"
        return [{"name": name, "code": str(details["code"]), "reason": str(details["message"])}]
    params: list[dict[str, str]] = []
    if isinstance(details, dict):
        for key, value in details.items():
            key = "nonFieldErrors" if key == "non_field_errors" else camel(str(key))
            params += _flatten(value, f"{prefix}.{key}" if prefix else key)
    elif isinstance(details, list):
        for index, value in enumerate(details):
            nested = isinstance(value, dict | list) and not (
                isinstance(value, dict) and {"message", "code"} <= set(value)
            )
            params += _flatten(value, f"{prefix}.{index}" if nested and prefix else prefix)
    return params


def problem(
    *,
    status_code: int,
    code: str,
    title: str,
    detail: str,
    kind: str,
    invalid_params: list[dict[str, str]] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": f"{settings.SITE_URL}/ref/fouten/{kind}/",
        "code": code,
        "title": title,
        "status": status_code,
        "detail": detail,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def _from_domain_error(exc: DomainError) -> Response:
    def name(error: DomainError) -> str:
        return "nonFieldErrors" if error.field == "nonFieldErrors" else camel(error.field)

    return problem(
        status_code=status.HTTP_400_BAD_REQUEST,
        code="invalid",
        title="Invalid input.",
        detail=exc.message,
        kind="ValidationError",
        invalid_params=[
            {"name": name(error), "code": error.code, "reason": error.message}
            for error in (exc, *exc.also)
        ],
    )


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return _from_domain_error(exc)
    if isinstance(exc, RequestDataTooBig):
        return problem(
            status_code=413,
            code="request-too-large",
            title="The request body is too large.",
            detail=str(exc),
            kind="RequestEntityTooLarge",
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        logger.exception("api_unhandled_error", error=type(exc).__name__)
        return problem(
            status_code=500,
            code="error",
            title="A server error occurred.",
            detail="A server error occurred.",
            kind="APIException",
        )
    if isinstance(exc, exceptions.ValidationError):
        code = getattr(exc, "problem_code", "invalid")
        params = _flatten(exc.get_full_details())
        response = problem(
            status_code=exc.status_code,
            code=code,
            title=str(exceptions.ValidationError.default_detail),
            detail=params[0]["reason"] if params else "Invalid input.",
            kind=type(exc).__name__,
            invalid_params=params,
        )
    else:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.default_detail)
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else str(exc.default_code)
        response = problem(
            status_code=exc.status_code,
            code=code,
            title=str(exc.default_detail),
            detail=str(detail),
            kind=type(exc).__name__,
            # Every 400 is a ValidatieFout in the ZGW specs, which requires invalidParams
            # (e.g. a body that is no JSON: ParseError).
            invalid_params=(
                [{"name": "nonFieldErrors", "code": code, "reason": str(detail)}]
                if exc.status_code == 400
                else None
            ),
        )
    if isinstance(exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated):
        request = context.get("request")
        view = context.get("view")
        if request is not None and view is not None:
            header = view.get_authenticate_header(request)
            if header:
                response["WWW-Authenticate"] = header
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        response["Retry-After"] = str(int(wait))
    return response
