from django.utils.translation import ngettext

from cohorts.imports.jobs import purge_old_files
from snippets.commands import TranslatedCommand


class Command(TranslatedCommand):
    help = (
        "Delete the uploaded files of imports left unconfirmed for more than IMPORT_FILE_MAX_AGE_HOURS. "
        "Safe to run as often as you like (every hour from cron, for instance)."
    )

    def handle(self, *args, **options):
        count = purge_old_files()
        self.stdout.write(
            ngettext("%(count)s import file deleted.", "%(count)s import files deleted.", count) % {"count": count}
        )
