"""The life of an ImportJob: upload, check (the preview), confirm, retry, abandon, purge, and giving up a run that
was interrupted. Small files are handled within the request; larger ones by the background worker
(cohorts/imports/tasks.py)."""

import datetime
import logging

from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ImportStatus
from cohorts.imports.lease import is_interrupted, lease
from cohorts.imports.progress import clear_progress
from cohorts.imports.reading import check_size
from cohorts.imports.report import Report
from cohorts.imports.runner import read
from cohorts.imports.tasks import check_import, run_import_job
from cohorts.imports.work import check_job, import_job, report_fields, store_report
from cohorts.models import ImportJob

logger = logging.getLogger(__name__)
RUNNING = (ImportStatus.CHECKING, ImportStatus.IMPORTING)


def _start(job, *, check):
    """Run the check or the import: now for a small file, by the worker once the request commits for a large one."""
    if job.total_rows <= settings.IMPORT_INLINE_MAX_ROWS:
        (check_job if check else import_job)(job.pk)
    else:
        task = check_import if check else run_import_job
        transaction.on_commit(lambda: task.enqueue(job.pk))


def create_job(*, kind, uploaded_file, user):
    """Store the upload and check it; refuse a file that is too big before reading a byte of it."""
    check_size(uploaded_file.size)
    data = uploaded_file.read()
    table, failure = read(kind, data, uploaded_file.name)
    job = ImportJob(kind=kind, file_name=uploaded_file.name[:255], file_size=uploaded_file.size, uploaded_by=user)
    if failure is not None:
        # Nothing worth keeping: the history says why, the file is not stored.
        store_report(job, failure, status=ImportStatus.INVALID)
        job.finished_at = timezone.now()
        job.save()
        return job
    job.total_rows = len(table.rows)
    uploaded_file.seek(0)
    job.file.save(uploaded_file.name, uploaded_file, save=False)
    job.save()
    _start(job, check=True)
    job.refresh_from_db()
    return job


def confirm_job(job, user):
    """Start the real import of a checked file; False if it is not ready (or a second click already started it)."""
    started = (
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READY)
        .exclude(file="")  # a command-line dry run kept no file: there is nothing to import
        .update(status=ImportStatus.IMPORTING, heartbeat_at=None)  # waiting for its run, which is not dead
    )
    if not started:
        return False
    logger.info("Import %s: confirmed by %s", job.pk, user)
    _start(job, check=False)
    return True


def can_retry(job):
    return job.status == ImportStatus.FAILED and bool(job.file)


def retry_job(job, user):
    """Run again the check or the import that failed, from the stored file, as a new run of the same job; False when
    there is nothing to retry (the job did not fail, its file is gone, or a second click already restarted it)."""
    if not can_retry(job) or not job.file.storage.exists(job.file.name):
        return False
    check = bool((job.report or {}).get("dry_run"))  # what failed: the check, or the import
    restarted = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.FAILED, runs=job.runs).update(
        status=ImportStatus.CHECKING if check else ImportStatus.IMPORTING, heartbeat_at=None, finished_at=None,
    )
    if not restarted:
        return False
    logger.info("Import %s: %s retried by %s", job.pk, "check" if check else "import", user)
    _start(job, check=check)
    return True


def abandon_job(job, user=None):
    if job.is_running:
        return False
    job.file.delete(save=False)
    if job.status in (ImportStatus.READY, ImportStatus.INVALID, ImportStatus.FAILED):
        job.status = ImportStatus.ABANDONED
    job.finished_at = job.finished_at or timezone.now()
    job.save()
    logger.info("Import %s: abandoned by %s", job.pk, user)
    return True


def give_up_if_interrupted(job, now=None):
    """Mark the job failed if its run was interrupted (the rule is in cohorts/imports/lease.py): True if it was, and
    ``job`` then shows it. Nothing of the run was written: it ran in one transaction, which died with it."""
    now = now or timezone.now()
    if not is_interrupted(job, now):
        return False
    seen = {"status": job.status, "runs": job.runs, "heartbeat_at": job.heartbeat_at}
    check = job.status == ImportStatus.CHECKING
    message = (_("The check stopped: the worker was interrupted; nothing was written.") if check else
               _("The import stopped: the worker was interrupted; nothing was written."))
    store_report(job, Report.failed(job.kind, message, dry_run=check), status=ImportStatus.FAILED)
    job.finished_at = now
    try:
        with transaction.atomic():
            # Only if the run gave no sign of life meanwhile: its last act, inside its transaction, is one.
            given_up = ImportJob.objects.filter(pk=job.pk, **seen).update(**report_fields(job), finished_at=now)
    except OperationalError:  # SQLite: the run holds the write lock, so it is alive after all
        given_up = 0
    if not given_up:
        job.refresh_from_db()
        return False
    clear_progress(job.pk)
    logger.warning("Import %s: run %s gave no sign of life since %s; marked failed", job.pk, job.runs,
                   seen["heartbeat_at"])
    return True


def give_up_interrupted_jobs(now=None):
    """Mark failed every running job whose run was interrupted; returns how many."""
    now = now or timezone.now()
    silent = ImportJob.objects.filter(status__in=RUNNING, heartbeat_at__lt=now - lease()).defer("report")
    return sum(give_up_if_interrupted(job, now) for job in silent)


def purge_old_files(now=None):
    """Delete the files of imports left pending for more than IMPORT_FILE_MAX_AGE_HOURS; returns how many."""
    limit = (now or timezone.now()) - datetime.timedelta(hours=settings.IMPORT_FILE_MAX_AGE_HOURS)
    stale = ImportJob.objects.exclude(file="").filter(created_at__lt=limit)
    count = 0
    for job in stale:
        if job.is_running and job.created_at > limit - datetime.timedelta(hours=settings.IMPORT_FILE_MAX_AGE_HOURS):
            continue  # still running; a job stuck for twice the delay is abandoned like the others
        job.status = ImportStatus.DONE if job.status == ImportStatus.DONE else ImportStatus.ABANDONED
        job.file.delete(save=False)
        job.finished_at = job.finished_at or timezone.now()
        job.save()
        count += 1
    return count


def error_report_table(job):
    """Re-read the stored file for the error report; None once the file is gone."""
    if not job.file:
        return None
    with job.file.open("rb") as handle:
        table, _failure = read(job.kind, handle.read(), job.file_name)
    return table
