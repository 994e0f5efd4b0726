"""The programme's periodic work, enqueued by the scheduler (snippets/scheduling.py) and run by the worker.

Each task calls the service its management command calls, in the site's language, and returns its counts, kept on
the task's result. All are idempotent: a slot run twice, or late, does no harm. (The imports' purge lives here rather
than in cohorts/imports/tasks.py, which cohorts/imports/jobs.py imports.)
"""

from django.conf import settings
from django.utils import translation
from django_tasks import task

from cohorts.coaching.reminders import send_inactivity_reminders
from cohorts.gdpr.retention import apply_retention as apply_retention_periods
from cohorts.imports.jobs import give_up_interrupted_jobs, purge_old_files


@task()
def remind_inactive_coaches():
    """E-mail the coach of each inactive pair, as ``manage.py remind_inactive_coaches`` does (daily)."""
    with translation.override(settings.LANGUAGE_CODE):
        return {"reminded": send_inactivity_reminders()}


@task()
def apply_retention():
    """Purge the personal data past its retention period, as ``manage.py apply_retention`` does (daily)."""
    with translation.override(settings.LANGUAGE_CODE):
        return apply_retention_periods()


@task()
def purge_imports():
    """Mark failed the imports whose worker was interrupted, then delete the files of imports never confirmed, as
    ``manage.py purge_imports`` does (hourly)."""
    with translation.override(settings.LANGUAGE_CODE):
        return {"interrupted": give_up_interrupted_jobs(), "files_deleted": purge_old_files()}
