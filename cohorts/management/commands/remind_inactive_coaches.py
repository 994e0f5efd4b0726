from django.utils.translation import gettext, ngettext

from cohorts.coaching.reminders import due_reminders, send_inactivity_reminders
from snippets.commands import TranslatedCommand


class Command(TranslatedCommand):
    """Thin wrapper around cohorts.coaching.reminders.send_inactivity_reminders, for the daily cron."""

    help = (
        "E-mail the coach of each pair with no session for 14 days, at most once a week per pair. Safe to run as "
        "often as you like (every day from cron, for instance)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Count what a run would do, and send nothing.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            due = due_reminders().count()
            self.stdout.write(gettext("Dry run: nothing was changed or sent."))
            self.stdout.write(ngettext(
                "%(count)s coach would be reminded to log a session.",
                "%(count)s coaches would be reminded to log a session.", due,
            ) % {"count": due})
            return
        reminded = send_inactivity_reminders()
        self.stdout.write(ngettext(
            "%(count)s coach reminded to log a session.", "%(count)s coaches reminded to log a session.", reminded,
        ) % {"count": reminded})
