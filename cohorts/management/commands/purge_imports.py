from django.utils.translation import ngettext

from cohorts.imports.jobs import give_up_interrupted_jobs, purge_old_files
from snippets.commands import TranslatedCommand


class Command(TranslatedCommand):
    help = (
        "Mark failed the imports whose worker was interrupted (silent for more than IMPORT_LEASE_SECONDS), then "
        "delete the uploaded files of imports left unconfirmed for more than IMPORT_FILE_MAX_AGE_HOURS. "
        "Safe to run as often as you like (every hour from cron, for instance)."
    )

    def handle(self, *args, **options):
        interrupted = give_up_interrupted_jobs()
        if interrupted:
            self.stdout.write(
                ngettext("%(count)s interrupted import marked failed.", "%(count)s interrupted imports marked failed.",
                         interrupted) % {"count": interrupted}
            )
        count = purge_old_files()
        self.stdout.write(
            ngettext("%(count)s import file deleted.", "%(count)s import files deleted.", count) % {"count": count}
        )
