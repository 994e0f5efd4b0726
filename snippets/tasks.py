"""The partner network's periodic work, enqueued by the scheduler (snippets/scheduling.py) and run by the worker."""

from django.conf import settings
from django.utils import translation
from django_tasks import task

from snippets import expiry


@task()
def expire_offers():
    """Remind recruiters whose offer expires within a week, then take expired offers offline, as
    ``manage.py expire_offers`` does; idempotent, scheduled hourly. Returns the counts, kept on the task's result."""
    with translation.override(settings.LANGUAGE_CODE):
        reminded = expiry.send_expiry_reminders()
        expired = expiry.expire_offers()
    return {"reminded": reminded, "expired": expired}
