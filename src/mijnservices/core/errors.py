"""Domain errors raised by service functions; the API layer maps them to problem+json."""

from __future__ import annotations


class DomainError(Exception):
    """A business rule was violated. ``code`` follows the ZGW error codes where one exists."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: str = "nonFieldErrors",
        also: tuple[DomainError, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        # Further violations found in the same check, reported beside this one (ac-003).
        self.also = also
