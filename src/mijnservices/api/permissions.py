"""DRF glue: map a view's action to the ZGW scopes it needs and ask the policy.

The decision itself is :func:`mijnservices.services.access.policy.has_scope`; this class
only knows which scopes an action requires (as the standard's ``security`` lists them).
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from mijnservices.core.identity import ApiClient
from mijnservices.services.access import policy


class ScopeRequired(BasePermission):
    """The view declares ``component`` and ``required_scopes = {action: (scope, ...)}``;
    any one of an action's scopes is enough. An action without an entry is refused."""

    def has_permission(self, request: Request, view: Any) -> bool:
        principal = request.user
        if not isinstance(principal, ApiClient):
            raise NotAuthenticated()
        action = getattr(view, "action", None) or request.method.lower()
        scopes = view.required_scopes.get(action)
        if scopes is None or not policy.has_scope(principal, view.component, *scopes):
            raise PermissionDenied(f"This action needs scope {' or '.join(scopes or ('(none)',))}.")
        return True
