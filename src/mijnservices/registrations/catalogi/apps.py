import structlog
from django.apps import AppConfig
from django.conf import settings

logger = structlog.get_logger(__name__)


class CatalogiConfig(AppConfig):
    name = "mijnservices.registrations.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi"

    def ready(self) -> None:
        # Cache invalidation only (decision 0045): a saved or deleted zaaktype or
        # informatieobjecttype moves the generation of its per-process cache.
        from mijnservices.core.process_cache import changed_on_write
        from mijnservices.registrations.catalogi import selectors
        from mijnservices.registrations.catalogi.models import InformatieObjectType, ZaakType

        changed_on_write(selectors.ZAAKTYPEN, ZaakType)
        changed_on_write(selectors.INFORMATIEOBJECTTYPEN, InformatieObjectType)
        # Defect 4 of issue 15: say once, at start-up, that resultaattypen and zaaktypen are
        # stored without consulting a Selectielijst.
        if not settings.SELECTIELIJST_API_ROOT:
            logger.info(
                "selectielijst_not_configured",
                detail="SELECTIELIJST_API_ROOT is empty: selectielijstklasse, "
                "resultaattypeomschrijving and selectielijstProcestype are stored unchecked "
                "and nothing is derived from them.",
            )
