from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Programme")

    def ready(self):
        # Imported once the models are loaded, as Django wants signal receivers connected.
        from cohorts.impact import version

        version.connect()
