import structlog
from django.apps import AppConfig
from django.conf import settings

logger = structlog.get_logger(__name__)


class CatalogiConfig(AppConfig):
    name = "mijnservices.registrations.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi"

    def ready(self) -> None:
        # Cache invalidation only (decision 0045): a saved or deleted zaaktype moves the
        # generation of the per-process cache of published zaaktypen.
        from mijnservices.core.process_cache import changed_on_write
        from mijnservices.registrations.catalogi import selectors
        from mijnservices.registrations.catalogi.models import ZaakType

        changed_on_write(selectors.ZAAKTYPEN, ZaakType)
        # Defect 4 of issue 15: say once, at start-up, that resultaattypen and zaaktypen are
        # stored without consulting a Selectielijst.
        if not settings.SELECTIELIJST_API_ROOT:
            logger.info(
                "selectielijst_not_configured",
                detail="SELECTIELIJST_API_ROOT is empty: selectielijstklasse, "
                "resultaattypeomschrijving and selectielijstProcestype are stored unchecked "
                "and nothing is derived from them.",
            )
