"""The work of an import job, checking or importing its file: what the request does for a small file, and the
background worker for a large one (cohorts/imports/tasks.py).

Each run claims the job first (a new run number and its first sign of life, cohorts/imports/lease.py) and writes its
result only if the job is still its own: a run given up for dead meanwhile, or replaced by a retry, changes nothing.
"""


import logging

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ImportStatus
from cohorts.imports.lease import heartbeat
from cohorts.imports.progress import clear_progress, write_progress
from cohorts.imports.report import Report
from cohorts.imports.runner import run_import
from cohorts.models import ImportJob

logger = logging.getLogger(__name__)


def _progress_writer(job_id):
    return lambda **progress: write_progress(job_id, **progress)


#: The columns of an ImportJob that store_report fills.
REPORT_FIELDS = ("status", "total_rows", "new_count", "updated_count", "unchanged_count", "error_count", "report")


def store_report(job, report, *, status):
    counts = report.counts
    job.status = status
    job.total_rows = report.total or job.total_rows
    job.new_count, job.updated_count = counts["new"], counts["updated"]
    job.unchanged_count, job.error_count = counts["unchanged"], counts["error"] + len(report.file_errors)
    job.report = report.to_json()


def report_fields(job):
    return {name: getattr(job, name) for name in REPORT_FIELDS}


def claim(job_id, status):
    """Start a run of a job waiting in ``status``: the job, with its new run number, or None if it waits no more
    (abandoned, given up, or already run by another worker). Committed at once, before the import's transaction."""
    claimed = ImportJob.objects.filter(pk=job_id, status=status).update(runs=F("runs") + 1,
                                                                        heartbeat_at=timezone.now())
    return ImportJob.objects.select_related("uploaded_by").get(pk=job_id) if claimed else None


def _still_ours(job):
    """Inside the import's transaction: the job is still this run's, and a fresh sign of life says so, which a
    concurrent « given up » (cohorts/imports/jobs.py) sees and respects."""
    return bool(ImportJob.objects.filter(pk=job.pk, runs=job.runs, status=ImportStatus.IMPORTING)
                .update(heartbeat_at=timezone.now()))


def _run(job, *, dry_run):
    still_ours = None if dry_run else lambda: _still_ours(job)
    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        with heartbeat(job.pk):
            report = run_import(job.kind, data, job.file_name, dry_run=dry_run, user=job.uploaded_by,
                                progress=_progress_writer(job.pk), still_ours=still_ours)
    except Exception as error:  # the history must say it failed, whatever happened
        logger.exception("Import %s failed", job.pk)
        report = Report.failed(job.kind, _("The import stopped on an unexpected error: %(error)s") % {"error": error},
                               dry_run=dry_run)
    finally:
        clear_progress(job.pk)
    return report


def _finish(job, report, *, running, status, **extra):
    store_report(job, report, status=status)
    fields = {**report_fields(job), **extra}
    finished = ImportJob.objects.filter(pk=job.pk, runs=job.runs, status=running).update(**fields)
    if not finished:
        logger.warning("Import %s: run %s was given up or replaced; its result is dropped", job.pk, job.runs)
    return bool(finished)


def check_job(job_id):
    """The preview: every row checked and every write done, then rolled back."""
    job = claim(job_id, ImportStatus.CHECKING)
    if job is None:
        return
    report = _run(job, dry_run=True)
    _finish(job, report, running=ImportStatus.CHECKING,
            status=ImportStatus.READY if report.ok else ImportStatus.INVALID)


def import_job(job_id):
    job = claim(job_id, ImportStatus.IMPORTING)
    if job is None:
        return
    report = _run(job, dry_run=False)
    finished = _finish(job, report, running=ImportStatus.IMPORTING,
                       status=ImportStatus.DONE if report.ok else ImportStatus.FAILED, finished_at=timezone.now())
    if finished and report.ok:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
