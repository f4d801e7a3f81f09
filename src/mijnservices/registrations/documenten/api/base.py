"""The base of every Documenten API view: policy-scoped reads (per informatieobjecttype
and maximum vertrouwelijkheid), per-type write checks and the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import PermissionDenied

from mijnservices.api.scoped import Expanded, ScopedModelViewSet
from mijnservices.core.identity import Party
from mijnservices.core.resources import resource_path
from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.api.embedding import expand_documents
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.zaken.api.verwerkingen import persons_of_documents
from mijnservices.services.access import policy

API_VERSION = "1.7.0"
READ = ("documenten.lezen",)
UPDATE = ("documenten.bijwerken",)
EXPAND = OpenApiParameter(
    "expand",
    str,
    description=(
        "`informatieobject` to include the document under _expand (gebruiksrechten, "
        "objectinformatieobjecten, verzendingen); `informatieobjecttype` on "
        "enkelvoudiginformatieobjecten, with what the Catalogi API expands below it "
        "(`informatieobjecttype.catalogus`)."
    ),
)


def document_url(document: EnkelvoudigInformatieObject) -> str:
    site = settings.SITE_URL.rstrip("/")
    return site + resource_path("documenten", "enkelvoudiginformatieobjecten", document.uuid)


class DocumentenViewSet(ScopedModelViewSet):
    """Declare ``via`` (the path from the model to its document, ``""`` for the document
    itself), ``kind`` (the URL name) and the scopes per action."""

    # Every read logs one verwerkingsactie naming the persons of the zaken the documents
    # belong to, directly or through a besluit of the zaak (one query per page). A comment,
    # not the docstring: the docstring is the published operations' description.

    api_version = API_VERSION
    component = "drc"
    reads_personal_data = True
    verwerking_doel = "Documenten bij een zaak of besluit gebruiken (Documenten API)"
    # As zrc-006 for zaken: a document outside the client's rights is forbidden.
    forbidden_detail = "No rights for the informatieobjecttype of this document."
    via: ClassVar[str] = "informatieobject__"
    kind: ClassVar[str]
    # What ``expand`` accepts (as the Zaken API, decision 0011: only relations within this
    # API, one level; the expanded document is read through documenten_scope).
    expandable: ClassVar[tuple[str, ...]] = ()

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return persons_of_documents({document_url(self.document_of(obj)) for obj in objects})

    def unscoped(self) -> Any:
        """The model's queryset before the policy (each view names its own)."""
        raise NotImplementedError

    def scope(self, queryset: Any) -> Any:
        return policy.documenten_scope(self.principal, queryset, *READ, via=self.via)

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.action in ("list", "retrieve"):
            allowed.add("expand")
        return allowed

    def expand_page(self, objects: list[Any], data: list[Any]) -> Expanded:
        """Add ``_expand`` to each representation in ``data`` (aligned with ``objects``)."""
        if "informatieobject" not in self.expand_request(self.expandable):
            return {}
        embedded = expand_documents(
            list(zip(objects, data, strict=True)),
            name="informatieobject",
            principal=self.principal,
            context=self.get_serializer_context(),
        )
        return {"informatieobject": [document for document, _ in embedded]}

    def document_of(self, obj: Any) -> EnkelvoudigInformatieObject:
        return obj if isinstance(obj, EnkelvoudigInformatieObject) else obj.informatieobject  # type: ignore[no-any-return]

    def check_write(self, document: EnkelvoudigInformatieObject, *scopes: str) -> None:
        versie = document.huidige_versie
        assert versie is not None
        if not policy.may_on_informatieobjecttype(
            self.principal,
            *scopes,
            informatieobjecttype_uuid=versie.informatieobjecttype.uuid,
            vertrouwelijkheidaanduiding=versie.vertrouwelijkheidaanduiding,
        ):
            raise PermissionDenied("No rights for the informatieobjecttype of this document.")

    def audit(
        self, *, document: EnkelvoudigInformatieObject, actie: str, obj: Any, oud: Any, nieuw: Any
    ) -> None:
        path = reverse(f"documenten:{self.kind}-detail", kwargs={"uuid": obj.uuid})
        entry = self.audit_entry(actie=actie, obj=obj, oud=oud, nieuw=nieuw, resource_url=path)
        services.audittrail_record(informatieobject=document, **entry)
