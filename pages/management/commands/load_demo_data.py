from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pages.demo import PASSWORD, load_demo_data


class Command(BaseCommand):
    help = (
        "Load a believable demo programme (pages, cohorts, candidates, coaches, companies, offers, accounts). "
        "Safe to run again: it only creates what is missing and never changes existing rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run even with DEBUG off (a staging copy, say). Production settings refuse in any case: the demo "
                "creates a superuser with a known password."
            ),
        )

    def handle(self, *args, force=False, **options):
        if settings.TREMPLIN_ENVIRONMENT == "production":
            raise CommandError(
                "These are production settings (cms.settings.production): the demo is never loaded on a real site, "
                "with or without --force, since it creates the superuser admin with the published password "
                f"{PASSWORD!r}. Load it on a development or staging machine, with cms.settings.dev."
            )
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a real site, and the demo creates a superuser with a known "
                "password. Use --force if you really mean it."
            )
        summary = load_demo_data()

        if summary.created:
            created = ", ".join(
                f"{count} {model._meta.verbose_name_plural if count > 1 else model._meta.verbose_name}"
                for model, count in summary.created.items()
            )
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Created: {created}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already loaded: nothing to create."))

        self.stdout.write(f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/ with:")
        for username, role in summary.logins:
            self.stdout.write(f"  {username} / {PASSWORD}  ({role})")
        self.stdout.write("Passwords are set when an account is created; a re-run does not reset them.")
