"""Receipts (Wmebv ontvangstbevestigingen, decision 0037)."""

from __future__ import annotations


def test_the_receipt_bericht_type_fits_the_berichten_spec():
    # A 20-character code passed on SQLite and failed on PostgreSQL (varchar(8), the spec's
    # maxLength): the code must fit wherever the Berichten API publishes it.
    import yaml

    from mijnservices.services.mijnoverzicht.receipts import RECEIPT_TYPE
    from mijnservices.testing.api import ALL_SPECS

    spec = yaml.safe_load(
        (ALL_SPECS / "taken-berichten" / "openvtb-berichten-0.1.0.yaml").read_text()
    )
    schema = next(
        s
        for s in spec["components"]["schemas"].values()
        if "berichtType" in s.get("properties", {})
    )
    assert len(RECEIPT_TYPE) <= schema["properties"]["berichtType"]["maxLength"]
