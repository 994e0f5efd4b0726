"""The base of the project's management commands: messages in the site's language, whoever runs them."""


from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class TranslatedCommand(BaseCommand):
    """A command whose messages are in the site's language (French) unless ``--language`` says otherwise.

    Set explicitly rather than inherited, so that the language does not depend on who calls the command.
    """

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES], default=None,
            help=f"Language of the messages (default: {settings.LANGUAGE_CODE}).",
        )

    def execute(self, *args, **options):
        with translation.override(options.get("language") or settings.LANGUAGE_CODE):
            return super().execute(*args, **options)
