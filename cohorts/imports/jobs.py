"""The life of an ImportJob: upload, check (the preview), confirm, abandon, purge. Small files are handled within
the request; larger ones by the background worker (cohorts/imports/tasks.py)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cohorts.enums import ImportStatus
from cohorts.imports.reading import check_size
from cohorts.imports.runner import read
from cohorts.imports.tasks import check_import, run_import_job
from cohorts.imports.work import check_job, import_job, store_report
from cohorts.models import ImportJob


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
        transaction.on_commit(lambda: check_import.enqueue(job.pk))
    return job


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
        transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return True


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
