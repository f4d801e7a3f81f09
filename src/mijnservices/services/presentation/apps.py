from django.apps import AppConfig


class PresentationConfig(AppConfig):
    name = "mijnservices.services.presentation"
    label = "presentation"
    verbose_name = "Portal presentation of zaaktypen, branding and help routes"

    def ready(self) -> None:
        # Signals for cache invalidation only (decisions 0040, 0043): a saved zaaktype,
        # statustype, presentation or branding row moves its generation, so every process
        # reads it again (this one on its next use).
        from django.core.signals import setting_changed
        from django.db.models.signals import post_delete, post_save

        from mijnservices.core.process_cache import changed
        from mijnservices.registrations.catalogi.models import StatusType, ZaakType
        from mijnservices.services.presentation import branding, selectors
        from mijnservices.services.presentation.models import (
            Branding,
            StepPresentation,
            ZaaktypePresentation,
        )

        def forget_presentation(**_kwargs: object) -> None:
            changed(selectors.PRESENTATION)

        def forget_branding(**_kwargs: object) -> None:
            changed("branding")

        def forget_branding_here(**_kwargs: object) -> None:
            branding.cache_clear()

        for model in (ZaakType, StatusType, ZaaktypePresentation, StepPresentation):
            name = model.__name__
            for signal, kind in ((post_save, "s"), (post_delete, "d")):
                signal.connect(
                    forget_presentation,
                    sender=model,
                    weak=False,  # a local function: a weak reference would die with ready()
                    dispatch_uid=f"presentation-{name}-{kind}",
                )
        for signal, kind in ((post_save, "s"), (post_delete, "d")):
            signal.connect(
                forget_branding, sender=Branding, weak=False, dispatch_uid=f"branding-{kind}"
            )
        # The view combines the row with the settings (tests change those).
        setting_changed.connect(forget_branding_here, weak=False, dispatch_uid="branding-settings")
