"""Wagtail hooks of the public pages: story views as Wagtail serves them, and what cohorts asks of the site."""

from django.db.models import Sum
from wagtail import hooks

from cohorts.hooks import AFTER_COHORT_IMPORT, AFTER_CONSENT_WITHDRAWN, APPLY_RETENTION, STORY_COUNTERS
from pages.enums import CounterKind
from pages.models import CandidatePage, StoryCounter
from pages.services import create_draft_stories, unpublish_story
from pages.sharing import already_counted, forget_counted_visits, record_event


# Last among the hooks, so that a page another hook refuses (a restricted one, a wrong method) is not counted.
@hooks.register("before_serve_page", order=100)
def count_story_view(page, request, serve_args, serve_kwargs):
    """Count one view of a published story per visitor session and day; previews and robots are not counted.

    The session is checked first, so a reload costs no query beyond reading the session.
    """
    if request.method != "GET" or not isinstance(page, CandidatePage) or getattr(request, "is_preview", False):
        return None
    if already_counted(request, page_id=page.pk, kind=CounterKind.VIEW):
        return None
    if CandidatePage.objects.published_stories().filter(pk=page.pk).exists():
        record_event(request=request, page_id=page.pk, kind=CounterKind.VIEW)
    return None


@hooks.register(AFTER_COHORT_IMPORT)
def create_imported_stories(*, stories, user, progress, index):
    """Each candidate a cohort import creates gets a draft story page, in the same transaction."""
    create_draft_stories(stories, user=user, progress=progress, index=index)


@hooks.register(AFTER_CONSENT_WITHDRAWN)
def take_story_offline(*, candidate, user):
    """A withdrawn consent to publication takes the story off the site at once and stops its review."""
    unpublish_story(candidate=candidate, user=user)


@hooks.register(STORY_COUNTERS)
def story_counters(*, scope, period):
    """Views, shares and QR scans of the stories of the candidates in ``scope``, per kind, over ``period``."""
    counters = (StoryCounter.objects.filter(scope, day__range=period)
                .values_list("kind").annotate(total=Sum("count")).order_by())
    return dict(counters)


@hooks.register(APPLY_RETENTION)
def forget_counter_traces(*, cutoffs, dry_run):
    """The daily purge: visitors' sessions forget the stories they were counted for, past the retention period."""
    return {"counter_traces": forget_counted_visits(last_day=cutoffs.counter_traces, dry_run=dry_run)}
