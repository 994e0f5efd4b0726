"""The lease of a running check or import: the run is alive while its worker gives signs of life, and was interrupted
(the worker killed, the machine restarted) once it has been silent for longer than IMPORT_LEASE_SECONDS.

A run's first sign of life is ImportJob.heartbeat_at, written when the run starts, before its transaction opens.
The next ones are the modification times of its heartbeat file (cohorts/imports/progress.py), touched every few
seconds by a thread of the process that runs it: a database write could not be seen while the import's own
transaction is open, nor even be made on SQLite, where one connection writes at a time. The thread dies with its
process, which is the point.
"""

import datetime
import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone

from cohorts.imports.progress import beat_time, touch_beat

logger = logging.getLogger(__name__)


def lease():
    return datetime.timedelta(seconds=settings.IMPORT_LEASE_SECONDS)


def beat_interval():
    """A quarter of the lease, at most 5 seconds: a run misses several beats before anyone takes it for dead."""
    return max(0.1, min(5.0, settings.IMPORT_LEASE_SECONDS / 4))


@contextmanager
def heartbeat(job_id):
    """Touch the job's heartbeat file now, then every few seconds until the block ends."""
    stop = threading.Event()

    def beat():
        while True:
            try:
                touch_beat(job_id)
            except OSError:  # a full disk must not stop the import; the lease may then run out
                logger.exception("Import %s: the heartbeat file cannot be written", job_id)
            if stop.wait(beat_interval()):
                return

    thread = threading.Thread(target=beat, name=f"import-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def last_sign_of_life(job):
    beats = [time for time in (job.heartbeat_at, beat_time(job.pk)) if time is not None]
    return max(beats) if beats else None


def is_interrupted(job, now=None):
    """A running job is interrupted when its run has started and gave no sign of life for longer than the lease.

    A job still waiting for the worker to start it has no sign of life yet and is not interrupted: it waits, and
    runs whenever the worker starts.
    """
    if not job.is_running or job.heartbeat_at is None:
        return False
    return last_sign_of_life(job) < (now or timezone.now()) - lease()
