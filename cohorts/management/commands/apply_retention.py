from django.utils.translation import gettext

from cohorts.gdpr.retention import KINDS, apply_retention
from snippets.commands import TranslatedCommand


class Command(TranslatedCommand):
    """Thin wrapper around cohorts.gdpr.retention.apply_retention, for the daily cron."""

    help = (
        "Delete or anonymise the personal data past its retention period (Settings → Retention periods): contact "
        "requests, import reports' values, coaching notes, counter traces, candidates who left. Safe to run as often "
        "as you like (every day from cron, for instance)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Count what a run would purge, and write nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = apply_retention(dry_run=dry_run)
        if dry_run:
            self.stdout.write(gettext("Dry run: nothing was changed."))
        for kind in KINDS:
            label = kind.to_do if dry_run else kind.done
            self.stdout.write(gettext("%(label)s: %(count)s") % {"label": label, "count": counts[kind.name]})
