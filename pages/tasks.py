"""Background work of the public site, run by ``manage.py db_worker``."""

from django_tasks import task

from pages.cache import COUNTERS_TAG, purge_tags
from pages.sharing import flush_counts


@task()
def flush_story_counters():
    """Move the views, shares and QR scans counted in Redis to the database (every minute, on the schedule)."""
    moved = flush_counts()
    if moved:
        purge_tags(COUNTERS_TAG)
    return moved
