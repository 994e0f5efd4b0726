"""The personal links under hostile input: the candidate's approval link and the recruiter's extension link.

Whatever token or path a scanner tries, the answer is a friendly page (400, 404, 405, 410) and nothing changes;
a genuine link with a mangled form changes nothing either, unless its answer is one the form accepts.
"""

import datetime
from urllib.parse import quote

import pytest
from django.core import mail, signing
from django.db import transaction
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry, PageLogEntry, Revision, TaskState

from cohorts.enums import ConsentPurpose
from pages import approval
from pages.models.workflows import CandidateApprovalTask
from snippets import expiry, roles
from snippets.models import Offer
from tests.cohorts.factories import CandidateFactory, ConsentRecordFactory
from tests.hostile import (
    FUZZ_SETTINGS,
    any_character,
    any_text,
    apply_changes,
    assert_safe_response,
    changes_to,
    hostile_text,
)
from tests.snippets.factories import OfferFactory, UserFactory

pytestmark = pytest.mark.django_db

# What a signed payload may hold: the genuine shape with odd values, or any JSON at all.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(any_character, max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8,
)


def tokens(genuine, sign):
    """Tokens a scanner tries: a genuine one altered (cut, a character changed, padded), any text, or any payload
    signed with the right key (the worst case: the key leaked, or a bug signs what it should not)."""
    token = st.just(genuine)
    return st.one_of(
        st.builds(lambda t, cut: t[:cut], token, st.integers(0, len(genuine))),
        st.builds(lambda t, at, char: t[:at] + char + t[at + 1:], token, st.integers(0, len(genuine) - 1),
                  st.characters(exclude_categories=("Cs",), exclude_characters="/")),
        st.builds(lambda t, before, after: before + t + after, token, any_text, any_text),
        hostile_text,
        json_values.map(sign),
    )


def url_for(prefix, token):
    return f"{prefix}{quote(token, safe='')}/"


# The candidate's approval link -------------------------------------------------------------------------------------


@pytest.fixture
def candidate_step(story_index, django_capture_on_commit_callbacks):
    """A story reviewed by communication staff, now waiting for its candidate's answer."""
    candidate = CandidateFactory(with_story=True, first_name="Amina", cohort__city__staff_emails="equipe@example.org")
    ConsentRecordFactory(candidate=candidate, purpose=ConsentPurpose.PUBLISH_STORY)
    reviewer = UserFactory(username="relectrice", groups=[roles.COMMUNICATION])
    page = candidate.story_page
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, reviewer)
        page.refresh_from_db()
        page.current_workflow_task_state.approve(user=reviewer)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert isinstance(task_state.task.specific, CandidateApprovalTask)
    mail.outbox.clear()
    return task_state


def approval_state(task_state):
    page = task_state.workflow_state.content_object
    page.refresh_from_db()
    return {
        "status": TaskState.objects.get(pk=task_state.pk).status, "live": page.live,
        "revisions": Revision.objects.count(), "log entries": PageLogEntry.objects.count(),
    }


DECISION_FIELDS = {
    "decision": st.sampled_from(["approve", "change", "APPROVE", "", "reject"]),
    "comment": any_text | st.sampled_from(["Changez ma photo, s'il vous plaît."]),
}


@FUZZ_SETTINGS
@given(data=st.data(), method=st.sampled_from(["get", "post", "head", "put", "delete"]),
       form=changes_to(DECISION_FIELDS))
def test_altered_or_forged_approval_links_change_nothing(data, method, form, client, candidate_step, fresh,
                                                         django_capture_on_commit_callbacks):
    fresh()
    genuine = approval.make_token(candidate_step)
    token = data.draw(tokens(genuine, lambda payload: signing.dumps(payload, salt=approval.SALT, compress=True)))
    before = approval_state(candidate_step)

    with transaction.atomic(), django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(url_for("/validation/", token), apply_changes({}, form))
        after = approval_state(candidate_step)
        transaction.set_rollback(True)  # the next example finds the candidate's step waiting again

    assert_safe_response(response, {200, 400, 404, 410} if method in ("get", "post") else {404, 405})
    if token != genuine or method != "post":
        assert after == before
        assert mail.outbox == []


@FUZZ_SETTINGS
@given(form=changes_to(DECISION_FIELDS))
def test_a_genuine_approval_link_with_a_mangled_answer_changes_only_what_it_says(
    form, client, candidate_step, fresh, django_capture_on_commit_callbacks
):
    fresh()
    url = url_for("/validation/", approval.make_token(candidate_step))
    before = approval_state(candidate_step)

    with transaction.atomic(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, apply_changes({"decision": "change", "comment": "Ma photo"}, form))
        after = approval_state(candidate_step)
        transaction.set_rollback(True)

    assert_safe_response(response, {200})
    decision = response.wsgi_request.POST.get("decision")
    comment = response.wsgi_request.POST.get("comment", "")
    if decision == "approve":
        assert after["status"] == TaskState.STATUS_APPROVED and after["live"]
    elif decision == "change" and comment.strip() and "\x00" not in comment and len(comment.strip()) <= 2000:
        assert after["status"] == TaskState.STATUS_REJECTED and not after["live"]
    else:
        assert after == before


@FUZZ_SETTINGS
@given(path=st.lists(st.text(any_character, max_size=30), min_size=0, max_size=4),
       method=st.sampled_from(["get", "post"]))
def test_any_path_under_the_approval_links_is_refused_cleanly(path, method, client, candidate_step, fresh):
    fresh()
    before = approval_state(candidate_step)

    response = getattr(client, method)("/validation/" + "/".join(quote(part, safe="") for part in path))

    assert_safe_response(response, {200, 301, 302, 400, 404, 405, 410})
    assert approval_state(candidate_step) == before


# The recruiter's extension link ------------------------------------------------------------------------------------


@pytest.fixture
def offer(db):
    """A validated offer online, whose last day is in five days."""
    today = timezone.localdate()
    return OfferFactory(published=True, published_on=today - datetime.timedelta(days=55),
                        expires_on=today + datetime.timedelta(days=5), contact_email="sophie@example.org")


def extension_state(offer):
    offer = Offer.objects.get(pk=offer.pk)
    return {"expires_on": offer.expires_on, "status": offer.status, "live": offer.live,
            "log entries": ModelLogEntry.objects.count(), "revisions": Revision.objects.count()}


@FUZZ_SETTINGS
@given(data=st.data(), method=st.sampled_from(["get", "get", "head", "post", "put", "delete"]),
       query=st.dictionaries(any_text, hostile_text, max_size=2))
def test_altered_or_forged_extension_links_change_nothing(data, method, query, client, offer, fresh):
    fresh()
    genuine = expiry.make_extension_token(offer)
    signer = signing.TimestampSigner(salt=expiry.SALT)
    token = data.draw(tokens(genuine, lambda payload: signer.sign_object(payload, compress=True)))
    before = extension_state(offer)

    with transaction.atomic():
        response = getattr(client, method)(url_for("/offres/prolonger/", token), query)
        after = extension_state(offer)
        transaction.set_rollback(True)

    assert_safe_response(response, {200, 400, 404, 410} if method == "get" else {404, 405})
    if token != genuine or method != "get":
        assert after == before
