"""Content types are recognised from the bytes, not the name."""

from __future__ import annotations

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.registrations.documenten import content
from mijnservices.registrations.documenten.tests.helpers import PDF, PNG


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"GIF89a\x01\x00", "gif"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
        ("Beste heer, één brief".encode(), "text"),
        (b"\x00\x01\x02\x03\xfe", None),
    ],
)
def test_sniff_recognises_common_document_types(head, kind):
    assert content.sniff(head) == kind


def test_a_pdf_name_with_png_bytes_is_refused():
    with pytest.raises(DomainError) as error:
        content.check(PNG, bestandsnaam="brief.pdf", formaat="")
    assert error.value.code == "content-type-mismatch"
    assert "expected pdf" in error.value.message


def test_a_declared_media_type_is_checked_too():
    with pytest.raises(DomainError):
        content.check(PDF, bestandsnaam="", formaat="image/png")


def test_docx_and_xlsx_are_zip_containers():
    zipped = b"PK\x03\x04rest"
    content.check(zipped, bestandsnaam="verslag.docx", formaat="")
    content.check(zipped, bestandsnaam="tabel.xlsx", formaat="")


def test_unknown_names_are_not_checked():
    content.check(b"\x00\x01", bestandsnaam="data.bin", formaat="application/octet-stream")


def test_text_cut_inside_a_multibyte_character_is_still_text():
    assert content.sniff("ééé".encode()[:-1]) == "text"
