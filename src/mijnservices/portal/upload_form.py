"""The form for adding a document to a zaak, and the limits it states to the reader."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Messages per refusal code of citizen_document_add (the service speaks English to logs).
UPLOAD_ERRORS = {
    "file-type": _("This kind of file cannot be added. Choose a file of one of the kinds below."),
    "file-empty": _("This file is empty. Choose another file."),
    "file-too-large": _("This file is too large. Choose a smaller file."),
    "content-type-mismatch": _(
        "The contents of this file do not match its name. Choose another file, or save it "
        "again in the right format."
    ),
    "upload-not-allowed": _("You can no longer add documents to this case."),
    "virus-found": _("This file contains a virus and has not been added. Choose another file."),
    "scan-unavailable": _("We cannot check this file for viruses right now. Try again later."),
    "source-unavailable": _("We cannot send your document right now. Try again later."),
}


@dataclass(frozen=True)
class UploadLimits:
    max_size: str
    extensions: str


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_size=str(filesizeformat(settings.PORTAL_UPLOAD_MAX_SIZE)),
        extensions=", ".join(e.upper() for e in settings.PORTAL_UPLOAD_EXTENSIONS),
    )


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose a file."), "empty": UPLOAD_ERRORS["file-empty"]},
    )
    titel = forms.CharField(
        label=_("Name of the document (optional)"),
        help_text=_("For example: payslip March. Without a name we use the file name."),
        max_length=200,
        required=False,
    )
    beschrijving = forms.CharField(
        label=_("Explanation (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        extensions = ",".join(f".{e.lower()}" for e in settings.PORTAL_UPLOAD_EXTENSIONS)
        self.fields["file"].widget.attrs["accept"] = extensions
