"""Wagtail hooks of the public pages: story views as Wagtail serves them, what cohorts asks of the site, and the
admin's page tree and API kept to what each user may read."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.http import Http404
from django.urls import path
from wagtail import hooks

from cohorts.enums import ConsentPurpose
from cohorts.hooks import (
    AFTER_CANDIDATE_ERASED,
    AFTER_COHORT_IMPORT,
    AFTER_CONSENT_WITHDRAWN,
    APPLY_RETENTION,
    CANDIDATE_DATA,
    STORY_COUNTERS,
)
from pages.api.admin import PermittedDocumentsAdminAPIViewSet, PermittedImagesAdminAPIViewSet
from pages.cache import CONTENT_TAGS, COUNTERS_TAG, IMPACT_TAG, OFFERS_TAG, STORIES_TAG, mark_cacheable
from pages.gdpr import erase_story, story_data
from pages.models import (
    CandidateIndexPage,
    ContentPage,
    HomePage,
    ImpactPage,
    OfferIndexPage,
    StoryCounter,
)
from pages.services import create_draft_stories, delete_public_renditions, unpublish_story
from pages.sharing import forget_counted_visits
from pages.views.documents import may_download
from pages.views.originals import original_image

# What each kind of page shows, as the tags that purge its cached answer; story pages mark themselves (they know
# their candidate's state), and pages not named here (the offer form, with its CSRF token) are never cached.
PAGE_CACHE_TAGS = {
    HomePage: CONTENT_TAGS,
    ContentPage: CONTENT_TAGS,
    CandidateIndexPage: (STORIES_TAG,),
    OfferIndexPage: (OFFERS_TAG,),
    ImpactPage: (IMPACT_TAG, COUNTERS_TAG),
}


# Last among the hooks, so that a page another hook answers (a password form) is never cached.
@hooks.register("before_serve_page", order=100)
def cache_public_pages(page, request, serve_args, serve_kwargs):
    """Let the page's answer be cached for anonymous visitors, under the tags of what it shows (pages/cache.py)."""
    tags = PAGE_CACHE_TAGS.get(type(page))
    if tags is not None and request.method == "GET":
        mark_cacheable(request, *tags)


@hooks.register(AFTER_COHORT_IMPORT)
def create_imported_stories(*, stories, user, progress, index):
    """Each candidate a cohort import creates gets a draft story page, in the same transaction."""
    create_draft_stories(stories, user=user, progress=progress, index=index)


@hooks.register(AFTER_CONSENT_WITHDRAWN)
def take_story_offline(*, candidate, user, purpose):
    """A withdrawn consent to publication takes the story off the site at once and stops its review; either
    withdrawal (publication, photo) deletes the photo's renditions, files included, the share image among them."""
    if purpose == ConsentPurpose.PUBLISH_STORY:
        unpublish_story(candidate=candidate, user=user)
    delete_public_renditions(candidate=candidate)


@hooks.register(STORY_COUNTERS)
def story_counters(*, scope, cohort_scope, period):
    """Views, shares and QR scans of the stories of the candidates in ``scope``, per kind, over ``period``.

    The counts of erased stories, kept under their cohort, are counted by ``cohort_scope``.
    """
    stories = Q(page__isnull=False) & scope
    erased_stories = Q(page__isnull=True) & Q(cohort_scope)
    counters = (StoryCounter.objects.filter(stories | erased_stories, day__range=period)
                .values_list("kind").annotate(total=Sum("count")).order_by())
    return dict(counters)


# After Wagtail's own registrations of these endpoints, which it replaces.
@hooks.register("construct_admin_api", order=100)
def permitted_images_and_documents(router):
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page_to_move, destination):
    """Wagtail's move confirmation names both pages before checking anything: a coach read the title of any story
    by its id. Only who may move this page under that destination sees the question."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register(AFTER_CANDIDATE_ERASED)
def delete_erased_story(*, candidate, user):
    """An erased candidate's story page goes, with its revisions, log entries and photo; its counts stay."""
    erase_story(candidate=candidate, user=user)


@hooks.register(CANDIDATE_DATA)
def story_personal_data(*, candidate):
    """What the site holds about a candidate, for the export of their data: the story, its versions, the photo."""
    return story_data(candidate=candidate)


@hooks.register(APPLY_RETENTION)
def forget_counter_traces(*, cutoffs, dry_run):
    """The daily purge: visitors' sessions forget the stories they were counted for, past the retention period."""
    return {"counter_traces": forget_counted_visits(last_day=cutoffs.counter_traces, dry_run=dry_run)}


@hooks.register("register_admin_urls")
def register_original_image_url():
    """The address of the private storage of originals (cms/settings/base.py): the admin's access check first."""
    return [path("images/original/<path:name>", original_image, name="pages_original_image")]


@hooks.register("before_serve_document")
def serve_private_documents_to_staff_only(document, request):
    """A document outside the public collection is served only to who holds a permission on it: anyone with its
    URL downloaded a candidate's CV or a signed consent before. The public collection's are anyone's."""
    if not may_download(request.user, document):
        raise Http404
