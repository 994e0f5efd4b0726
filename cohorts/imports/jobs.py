"""The life of an ImportJob: upload, check (the preview), confirm, abandon, purge. Small files are handled within
the request; larger ones by the background worker (cohorts/imports/tasks.py)."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ImportStatus
from cohorts.imports.progress import clear_progress, write_progress
from cohorts.imports.reading import check_size
from cohorts.imports.report import Report
from cohorts.imports.runner import read, run_import
from cohorts.models import ImportJob

logger = logging.getLogger(__name__)


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
    if job.total_rows <= settings.IMPORT_INLINE_MAX_ROWS:
        check_job(job.pk)
        job.refresh_from_db()
    else:
        from cohorts.imports.tasks import check_import

        transaction.on_commit(lambda: check_import.enqueue(job.pk))
    return job


def _progress_writer(job_id):
    return lambda **progress: write_progress(job_id, **progress)


def store_report(job, report, *, status):
    counts = report.counts
    job.status = status
    job.total_rows = report.total or job.total_rows
    job.new_count, job.updated_count = counts["new"], counts["updated"]
    job.unchanged_count, job.error_count = counts["unchanged"], counts["error"] + len(report.file_errors)
    job.report = report.to_json()


def _run(job, *, dry_run):
    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        report = run_import(job.kind, data, job.file_name, dry_run=dry_run, user=job.uploaded_by,
                            progress=_progress_writer(job.pk))
    except Exception as error:  # the history must say it failed, whatever happened
        logger.exception("Import %s failed", job.pk)
        report = Report.failed(job.kind, _("The import stopped on an unexpected error: %(error)s") % {"error": error},
                               dry_run=dry_run)
    finally:
        clear_progress(job.pk)
    return report


def check_job(job_id):
    """The preview: every row checked and every write done, then rolled back."""
    job = ImportJob.objects.get(pk=job_id)
    report = _run(job, dry_run=True)
    store_report(job, report, status=ImportStatus.READY if report.ok else ImportStatus.INVALID)
    job.save()


def confirm_job(job, user):
    """Start the real import of a checked file; False if it is not ready (or a second click already started it)."""
    started = (
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READY)
        .exclude(file="")  # a command-line dry run kept no file: there is nothing to import
        .update(status=ImportStatus.IMPORTING)
    )
    if not started:
        return False
    if job.total_rows <= settings.IMPORT_INLINE_MAX_ROWS:
        import_job(job.pk)
    else:
        from cohorts.imports.tasks import run_import_job

        transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return True


def import_job(job_id):
    job = ImportJob.objects.get(pk=job_id)
    report = _run(job, dry_run=False)
    store_report(job, report, status=ImportStatus.DONE if report.ok else ImportStatus.FAILED)
    job.finished_at = timezone.now()
    if report.ok:
        job.file.delete(save=False)
    job.save()


def abandon_job(job):
    if job.is_running:
        return False
    job.file.delete(save=False)
    if job.status in (ImportStatus.READY, ImportStatus.INVALID):  # a failed import stays failed in the history
        job.status = ImportStatus.ABANDONED
    job.finished_at = job.finished_at or timezone.now()
    job.save()
    return True


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
