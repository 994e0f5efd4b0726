from django.utils.translation import gettext, ngettext

from snippets.commands import TranslatedCommand
from snippets.expiry import due_expiries, due_reminders, expire_offers, send_expiry_reminders


class Command(TranslatedCommand):
    help = (
        "Remind recruiters whose offer expires within a week (once, with a link to extend it), then take the offers "
        "past their last day offline. Safe to run as often as you like (every hour from cron, for instance)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Count what a run would do, and change nothing.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            reminded, expired = due_reminders().count(), due_expiries().count()
            self.stdout.write(gettext("Dry run: nothing was changed or sent."))
            self.stdout.write(ngettext(
                "%(count)s recruiter would be reminded that their offer expires soon.",
                "%(count)s recruiters would be reminded that their offer expires soon.", reminded,
            ) % {"count": reminded})
            self.stdout.write(ngettext(
                "%(count)s expired offer would be taken offline.",
                "%(count)s expired offers would be taken offline.", expired,
            ) % {"count": expired})
            return
        reminded = send_expiry_reminders()
        expired = expire_offers()
        self.stdout.write(ngettext(
            "%(count)s recruiter reminded that their offer expires soon.",
            "%(count)s recruiters reminded that their offer expires soon.", reminded,
        ) % {"count": reminded})
        self.stdout.write(ngettext(
            "%(count)s expired offer taken offline.", "%(count)s expired offers taken offline.", expired,
        ) % {"count": expired})
