import structlog
from django.apps import AppConfig
from django.conf import settings

logger = structlog.get_logger(__name__)


class CatalogiConfig(AppConfig):
    name = "mijnservices.registrations.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi"

    def ready(self) -> None:
        # Defect 4 of issue 15: say once, at start-up, that resultaattypen and zaaktypen are
        # stored without consulting a Selectielijst.
        if not settings.SELECTIELIJST_API_ROOT:
            logger.info(
                "selectielijst_not_configured",
                detail="SELECTIELIJST_API_ROOT is empty: selectielijstklasse, "
                "resultaattypeomschrijving and selectielijstProcestype are stored unchecked "
                "and nothing is derived from them.",
            )
