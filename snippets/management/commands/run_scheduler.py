import logging
import signal
import threading

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from snippets.scheduling import Scheduler

logger = logging.getLogger("snippets.scheduling")


class Command(BaseCommand):
    """Enqueue the periodic tasks of settings.TREMPLIN_SCHEDULE at their times, for the background worker to run."""

    help = (
        "Enqueue the periodic tasks of settings.TREMPLIN_SCHEDULE at their times; manage.py db_worker runs them. "
        "Run one per machine: the shared cache (REDIS_URL) lets each slot be enqueued once, whichever scheduler "
        "claims it first. Stops cleanly on SIGTERM or Ctrl+C. --verbosity 0 logs failures only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="Enqueue what is due now (each entry's latest slot not yet claimed), then exit.")

    def handle(self, *args, once=False, verbosity=1, **options):
        if verbosity == 0:
            logger.setLevel(logging.WARNING)  # failures only: `make run` keeps its terminal for the server
        try:
            scheduler = Scheduler.from_settings()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if once:
            scheduler.tick(timezone.now())
            return
        stop = threading.Event()
        previous = {signum: signal.signal(signum, lambda *_: stop.set()) for signum in (signal.SIGTERM, signal.SIGINT)}
        logger.info("Schedule: scheduler started: %s.",
                    "; ".join(f"{entry.name} {entry.describe()}" for entry in scheduler.entries) or "nothing to do")
        try:
            scheduler.run(stop)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        logger.info("Schedule: scheduler stopped.")
