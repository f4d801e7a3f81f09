"""State of the employee pages themselves (login throttling). Employee roles and the
per-zaaktype settings that purpose binding reads are ``services.access.models``."""

from __future__ import annotations

from django.db import models


class LoginFailure(models.Model):
    """One failed employee login, for throttling across processes. Holds a hash of the
    username and IP address, not the name itself."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"login failure at {self.at:%Y-%m-%d %H:%M}"
