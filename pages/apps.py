from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public site")

    def ready(self):
        # Imported once the models are loaded, as Django wants signal receivers connected.
        from pages import invalidation

        invalidation.connect()
