"""Content type checks on the bytes, not the name: a ``.pdf`` that starts like a PNG is
refused. Magic numbers for the common document types; text must decode as UTF-8."""

from __future__ import annotations

from pathlib import PurePosixPath

from mijnservices.core.errors import DomainError

# kind → magic prefixes
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),  # docx, xlsx, pptx, odt … are zip containers
}
EXTENSIONS = {
    ".pdf": "pdf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".docx": "zip",
    ".xlsx": "zip",
    ".pptx": "zip",
    ".odt": "zip",
    ".zip": "zip",
    ".txt": "text",
    ".csv": "text",
}
MEDIA_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/gif": "gif",
    "application/zip": "zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "zip",
    "text/plain": "text",
    "text/csv": "text",
}


def sniff(head: bytes) -> str | None:
    """The kind of content the first bytes show, or ``None`` when unrecognised."""
    for kind, prefixes in MAGIC.items():
        if head.startswith(prefixes):
            return kind
    if _is_text(head):
        return "text"
    return None


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut off at the end of the sample is still text
        return exc.start >= len(head) - 3
    return True


def declared_kinds(*, bestandsnaam: str, formaat: str) -> list[tuple[str, str]]:
    """(kind, what declared it) for the media type and the file name, where we know them."""
    found = []
    media = formaat.split(";", 1)[0].strip().lower()
    if media in MEDIA_TYPES:
        found.append((MEDIA_TYPES[media], f"formaat {media}"))
    extension = PurePosixPath(bestandsnaam.lower()).suffix
    if extension in EXTENSIONS:
        found.append((EXTENSIONS[extension], f"bestandsnaam {bestandsnaam}"))
    return found


def check(head: bytes, *, bestandsnaam: str, formaat: str) -> None:
    """Refuse content whose bytes contradict its declared type (``content-type-mismatch``)."""
    if not head:
        return
    found = sniff(head)
    for kind, source in declared_kinds(bestandsnaam=bestandsnaam, formaat=formaat):
        if found != kind:
            raise DomainError(
                f"The content does not match its {source}: expected {kind}, "
                f"the bytes look like {found or 'an unknown type'}.",
                code="content-type-mismatch",
                field="inhoud",
            )
