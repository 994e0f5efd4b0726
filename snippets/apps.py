from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    name = "snippets"
    verbose_name = _("Companies and offers")

    def ready(self):
        # Imported once the models are loaded, as Django wants signal receivers connected.
        from snippets import lifecycle
        from snippets.spreadsheets import protect_wagtail_reports

        protect_wagtail_reports()
        lifecycle.connect()
