"""Canonical resource paths, as the ZGW APIs will serve them (host added at delivery)."""

from __future__ import annotations

from uuid import UUID

API_MOUNTS = {
    "catalogi": "/catalogi/api/v1",
    "zaken": "/zaken/api/v1",
    "documenten": "/documenten/api/v1",
    "besluiten": "/besluiten/api/v1",
}


def resource_path(api: str, collection: str, uuid: UUID | str) -> str:
    return f"{API_MOUNTS[api]}/{collection}/{uuid}"
