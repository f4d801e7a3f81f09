"""The base of every Zaken API view: policy-scoped reads, per-zaaktype write checks,
the audit trail, ``expand`` and CRS negotiation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django.db import transaction
from django.db.models import Model, QuerySet
from rest_framework.exceptions import APIException, NotAcceptable, PermissionDenied
from rest_framework.request import Request

from mijnservices.api.scoped import Expanded, ScopedModelViewSet
from mijnservices.core.identity import Party
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api import expand as expansion
from mijnservices.registrations.zaken.api.renderers import ZakenJSONRenderer
from mijnservices.registrations.zaken.api.verwerkingen import DOEL, persons_read
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access import policy

API_VERSION = "1.7.0"
READ = ("zaken.lezen",)
UPDATE = ("zaken.bijwerken", "zaken.geforceerd-bijwerken")
FORCED = "zaken.geforceerd-bijwerken"
CRS = "EPSG:4326"


class PreconditionFailed(APIException):
    status_code = 412
    default_detail = "Precondition failed."
    default_code = "precondition_failed"


class ZakenViewSet(ScopedModelViewSet):
    """Declare ``kind`` (see :mod:`.expand`), the scopes per action, and ``write_scopes``:
    the scopes a write needs *for the zaaktype of the zaak concerned*."""

    api_version = API_VERSION
    component = "zrc"
    kind: ClassVar[str]
    write_scopes: ClassVar[dict[str, tuple[str, ...]]] = {}
    delete_service: ClassVar[Callable[..., None] | None] = None
    instance_argument: ClassVar[str] = ""
    expandable: ClassVar[bool] = True
    renderer_classes = [ZakenJSONRenderer]
    # zrc-006: a zaak outside the client's rights is forbidden, not absent.
    forbidden_detail = "No rights for the zaaktype of this zaak."
    # Zaken and rollen always; other resources when expand brought zaken or rollen in.
    reads_personal_data = True
    verwerking_doel = DOEL

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.expandable and self.action in ("list", "retrieve", "_zoek"):
            allowed.add("expand")
        return allowed

    # --- reads: always through the policy ---------------------------------------------
    def unscoped(self) -> QuerySet[Any]:
        return expansion.KINDS[self.kind].queryset()

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return expansion.scope(self.principal, self.kind, queryset)

    def expand_page(self, objects: list[Any], data: list[Any]) -> Expanded:
        seen: dict[str, list[Model]] = {}
        value = self.request.query_params.get("expand", "")
        if value and objects:
            tree = expansion.parse(self.kind, value)
            expansion.expand(
                principal=self.principal,
                kind=self.kind,
                objects=objects,
                data=data,
                tree=tree,
                context=self.get_serializer_context(),
                seen=seen,
            )
        return seen

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return persons_read(self.kind, objects, expanded)

    # --- writes: rights on the zaak's zaaktype, audit trail in the same transaction ----
    def zaak_of(self, obj: Any) -> Zaak:
        return obj if isinstance(obj, Zaak) else obj.zaak  # type: ignore[no-any-return]

    def check_write(self, zaak: Zaak, action: str) -> None:
        scopes = self.write_scopes.get(action, UPDATE)
        if not policy.may_on_zaak(self.principal, zaak, *scopes):
            raise PermissionDenied("No rights for the zaaktype of this zaak.")
        # zrc-007: a closed zaak changes only with geforceerd-bijwerken.
        if zaak.einddatum is not None and not policy.may_on_zaak(self.principal, zaak, FORCED):
            raise PermissionDenied("The zaak is closed: this needs zaken.geforceerd-bijwerken.")

    def audit(self, *, zaak: Zaak, actie: str, obj: Any, oud: Any, nieuw: Any) -> None:
        entry = self.audit_entry(
            actie=actie, obj=obj, oud=oud, nieuw=nieuw, resource_url=self.resource_path(obj)
        )
        services.audittrail_record(zaak=zaak, **entry)

    def resource_path(self, obj: Any) -> str:
        from django.urls import reverse

        return reverse(f"zaken:{self.kind}-detail", kwargs={"uuid": obj.uuid})

    def perform_create(self, serializer: Any) -> None:
        zaak = serializer.validated_data["zaak"]
        self.check_write(zaak, "create")
        with transaction.atomic():
            obj = serializer.save()
            self.audit(zaak=zaak, actie="create", obj=obj, oud=None, nieuw=serializer.data)

    def perform_update(self, serializer: Any) -> None:
        zaak = self.zaak_of(serializer.instance)
        self.check_write(zaak, "update")
        oud = self.get_serializer(serializer.instance).data
        with transaction.atomic():
            obj = serializer.save()
            actie = "partial_update" if serializer.partial else "update"
            self.audit(zaak=zaak, actie=actie, obj=obj, oud=oud, nieuw=serializer.data)

    def perform_destroy(self, instance: Any) -> None:
        zaak = self.zaak_of(instance)
        self.check_write(zaak, "destroy")
        oud = self.get_serializer(instance).data
        service = type(self).delete_service
        assert service is not None
        with transaction.atomic():
            service(**{self.instance_argument: instance})
            if not isinstance(instance, Zaak):
                self.audit(zaak=zaak, actie="destroy", obj=instance, oud=oud, nieuw=None)


class CrsNegotiation:
    """``Accept-Crs`` (and ``Content-Crs`` on requests with a body) must name EPSG:4326:
    missing answers 412, another CRS 406, as the standard's geo resources do."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("POST", "PUT", "PATCH"):
            self._require(request, "Content-Crs")
        self._require(request, "Accept-Crs")

    @staticmethod
    def _require(request: Request, header: str) -> None:
        value = request.headers.get(header)
        if value is None:
            raise PreconditionFailed(f"The '{header}' header is missing.")
        if value != CRS:
            raise NotAcceptable(f"CRS '{value}' is not supported; use {CRS}.")

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if response.status_code < 300:
            response["Content-Crs"] = CRS
        return response
