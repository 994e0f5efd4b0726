"""The work of an import job, checking or importing its file: what the request does for a small file, and the
background worker for a large one (cohorts/imports/tasks.py)."""


import logging

from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ImportStatus
from cohorts.imports.progress import clear_progress, write_progress
from cohorts.imports.report import Report
from cohorts.imports.runner import run_import
from cohorts.models import ImportJob

logger = logging.getLogger(__name__)


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


def import_job(job_id):
    job = ImportJob.objects.get(pk=job_id)
    report = _run(job, dry_run=False)
    store_report(job, report, status=ImportStatus.DONE if report.ok else ImportStatus.FAILED)
    job.finished_at = timezone.now()
    if report.ok:
        job.file.delete(save=False)
    job.save()
