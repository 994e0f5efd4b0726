"""Operations on the public pages that other apps and commands share."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug

from cohorts.models import Candidate

from .models import CandidateIndexPage, CandidatePage


@transaction.atomic
def create_draft_story(*, candidate, catchphrase="", story="", photo=None, parent=None):
    """Give a candidate a draft story page to write, with its first revision; return the existing one if any.

    It exists so that every writer creates story pages the same way: the cohort import (in ``cohorts``)
    calls it for each new candidate, and ``load_demo_data`` for the demo. The page is never published here:
    publication goes through review and the candidate's approval. Its title is the public name (first name
    and initial), never the full name. ``parent`` defaults to the site's story list page.
    """
    # Lock the candidate so that two imports running at once cannot both create a page for them.
    Candidate.objects.select_for_update().get(pk=candidate.pk)
    existing = CandidatePage.objects.filter(candidate=candidate).first()
    if existing is not None:
        return existing

    if parent is None:
        parent = CandidateIndexPage.objects.first()
        if parent is None:
            raise CandidateIndexPage.DoesNotExist("Create the story list page before creating story pages.")

    page = CandidatePage(
        title=candidate.public_name,
        slug=find_available_slug(parent, slugify(f"{candidate.first_name}-{candidate.pk}")),
        candidate=candidate,
        catchphrase=catchphrase,
        story=story,
        photo=photo,
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


@transaction.atomic
def unpublish_story(*, candidate, user=None):
    """Take a candidate's story off the public site at once, and stop any review of it under way.

    Called when the candidate withdraws their consent to publication (``cohorts.services.withdraw_consent``):
    the withdrawal must win over everything, so no permission check stands in the way, a scheduled
    publication is dropped, and a workflow in progress is cancelled so that a late approval cannot put the
    story back online. Returns the page, or None when the candidate has no story page.
    """
    page = CandidatePage.objects.select_for_update().filter(candidate=candidate).first()
    if page is None:
        return None
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    if page.live:
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    page.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    return page
