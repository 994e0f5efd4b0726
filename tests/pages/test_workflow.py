"""The "Relecture du récit" workflow: communication staff review, then the candidate approves through a signed link.

The link works once, expires, and cannot be forged; every refusal changes nothing. Staff keep every version.
"""

import re
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from cohorts.enums import ConsentPurpose
from pages import approval
from pages.models.workflows import AlreadyDecided, CandidateApprovalTask
from snippets import roles
from tests.cohorts.factories import CandidateFactory, ConsentRecordFactory
from tests.pages.editor import edit_form_data
from tests.snippets.factories import UserFactory


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English wording; the French lives in locale/ and is checked by the translation files."""
    settings.LANGUAGE_CODE = "en"


pytestmark = pytest.mark.django_db

CITY_STAFF = ["equipe-lille@example.org", "direction-lille@example.org"]
LINK = re.compile(r"http://testserver/validation/[^/\s]+/")


@pytest.fixture
def reviewer(db):
    return UserFactory(username="relectrice", email="relectrice@example.org", groups=[roles.COMMUNICATION])


@pytest.fixture
def candidate(story_index):
    """Amina has a draft story and has consented to its publication."""
    amina = CandidateFactory(
        with_story=True, first_name="Amina", last_name="Diallo", email="amina.private@example.org",
        cohort__city__staff_emails="\n".join(CITY_STAFF),
    )
    ConsentRecordFactory(candidate=amina, purpose=ConsentPurpose.PUBLISH_STORY)
    return amina


@pytest.fixture
def page(candidate):
    return candidate.story_page


def submit(page, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return page.get_workflow().start(page, user)


def approve_review(page, user, django_capture_on_commit_callbacks):
    """The communication step, approved as staff do it: the candidate's step starts and e-mails the link."""
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.approve(user=user)
    page.refresh_from_db()
    return page.current_workflow_task_state


@pytest.fixture
def candidate_step(page, reviewer, django_capture_on_commit_callbacks):
    """The story submitted and approved by communication: it now waits for the candidate."""
    submit(page, reviewer, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    task_state = approve_review(page, reviewer, django_capture_on_commit_callbacks)
    assert isinstance(task_state.task.specific, CandidateApprovalTask)
    return task_state


@pytest.fixture
def link(candidate_step):
    (message,) = mail.outbox
    return LINK.search(message.body).group(0)


def post(client, url, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def html(response):
    return response.content.decode()


def refreshed(task_state):
    return TaskState.objects.get(pk=task_state.pk)


# The workflow ----------------------------------------------------------------------------------------------------


def test_story_workflow_is_communication_review_then_candidate_approval(page):
    workflow = page.get_workflow()

    tasks = [task.specific for task in workflow.tasks]

    assert workflow.name == "Relecture du récit"
    assert [task.name for task in tasks] == ["Relecture par la communication", "Validation par le candidat"]
    assert [group.name for group in tasks[0].groups.all()] == [roles.COMMUNICATION]
    assert isinstance(tasks[1], CandidateApprovalTask)


def test_submitted_story_waits_for_communication_and_mails_nobody_yet(page, reviewer,
                                                                      django_capture_on_commit_callbacks):
    submit(page, reviewer, django_capture_on_commit_callbacks)

    page.refresh_from_db()
    assert page.current_workflow_task.name == "Relecture par la communication"
    assert mail.outbox == []
    assert not page.live


def test_after_review_the_candidate_receives_an_absolute_expiring_link(candidate_step, candidate):
    (message,) = mail.outbox

    assert message.to == [candidate.email]
    assert LINK.search(message.body)
    expiry = approval.expires_on().strftime("%d/%m/%Y")
    assert expiry in message.body
    assert "Amina" in message.body
    assert "Diallo" not in message.subject


def test_admin_submit_starts_the_story_workflow(communication_client, page, django_capture_on_commit_callbacks):
    """The editor's "submit for moderation" starts "Relecture du récit", not Wagtail's default workflow."""
    with django_capture_on_commit_callbacks(execute=True):
        response = communication_client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, **{"action-submit": "1"})
        )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.workflow.name == "Relecture du récit"


# The link page ---------------------------------------------------------------------------------------------------


def test_link_shows_the_version_under_review_as_a_preview(client, link, page):
    response = client.get(link)

    assert response.status_code == 200
    body = html(response)
    assert "Je suis ponctuelle et je ne lâche rien." in body
    assert "Amina D." in body
    assert 'class="approval-preview"' in body
    assert 'value="approve"' in body and 'value="change"' in body
    assert "amina.private@example.org" not in body
    assert "Diallo" not in body
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_link_shows_the_draft_not_the_live_version(client, candidate_step, link, page):
    page.refresh_from_db()

    response = client.get(link)

    assert not page.live
    assert "pages/candidate_page.html" in [template.name for template in response.templates]


def test_candidate_approval_publishes_the_story_and_is_recorded_in_the_history(
    client, link, candidate_step, page, django_capture_on_commit_callbacks
):
    response = post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "pages/approval_done.html" in [template.name for template in response.templates]
    assert "Your page is now online" in html(response)
    page.refresh_from_db()
    assert page.live
    assert refreshed(candidate_step).status == TaskState.STATUS_APPROVED
    assert candidate_step.workflow_state.__class__.objects.get(pk=candidate_step.workflow_state_id).status == (
        WorkflowState.STATUS_APPROVED
    )
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").latest("timestamp")
    assert entry.data["workflow"]["task"]["title"] == "Validation par le candidat"
    assert entry.user is None


def test_approval_forms_pass_the_csrf_check_as_a_browser_posts_them(link, candidate_step, page,
                                                                    django_capture_on_commit_callbacks):
    """The page keeps the Origin header (a "no-referrer" policy would make browsers send "Origin: null")."""
    browser = Client(enforce_csrf_checks=True)
    shown = browser.get(link)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(shown)).group(1)

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            link, {"decision": "approve", "csrfmiddlewaretoken": token}, headers={"origin": "http://testserver"}
        )

    assert shown["Referrer-Policy"] == "same-origin"
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live
    assert f'href="{page.url}"' in html(response)


def test_candidate_approval_without_consent_publishes_nothing_and_says_so_kindly(
    client, link, candidate_step, candidate, page, django_capture_on_commit_callbacks
):
    candidate.consents.update(withdrawn_at="2026-10-01T10:00:00Z")

    response = post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "we first need your written agreement" in html(response)
    assert 'class="approval-notice" role="alert"' in html(response)
    page.refresh_from_db()
    assert not page.live
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_final_approval_through_wagtail_cannot_publish_without_consent(candidate_step, candidate, page):
    """Even a programmatic approval (not through the link) meets the publication gate."""
    candidate.consents.update(withdrawn_at="2026-10-01T10:00:00Z")

    with pytest.raises(ValidationError):
        refreshed(candidate_step).approve(user=None)

    page.refresh_from_db()
    assert not page.live


def test_change_request_rejects_with_the_comment_and_mails_the_city_staff(
    client, link, candidate_step, page, reviewer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    comment = "Je préfère qu'on n'écrive pas l'année d'arrivée, s'il vous plaît."

    response = post(client, link, {"decision": "change", "comment": comment}, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    task_state = refreshed(candidate_step)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment
    assert task_state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert entry.data["comment"] == comment
    (message,) = [message for message in mail.outbox if message.to != [reviewer.email]]
    assert sorted(message.to) == sorted(CITY_STAFF)
    assert comment in message.body
    # Wagtail's own notification tells the staff member who submitted the story.
    assert any(message.to == [reviewer.email] for message in mail.outbox)
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
    page.refresh_from_db()
    assert not page.live


def test_change_request_needs_a_comment(client, link, candidate_step, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    response = post(client, link, {"decision": "change", "comment": "  "}, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert 'aria-invalid="true"' in html(response)
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS
    assert mail.outbox == []


def test_resubmitted_story_sends_the_candidate_a_new_link(
    client, link, candidate_step, page, reviewer, django_capture_on_commit_callbacks
):
    post(client, link, {"decision": "change", "comment": "Enlevez l'année."}, django_capture_on_commit_callbacks)
    page.refresh_from_db()
    page.story = "<p>J'ai travaillé en cuisine.</p>"
    page.save_revision(user=reviewer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.resume(user=reviewer)

    (message,) = mail.outbox
    new_link = LINK.search(message.body).group(0)
    assert new_link != link
    assert "J&#x27;ai travaillé en cuisine." in html(client.get(new_link))


# The link works once, expires, and cannot be forged ----------------------------------------------------------------


def test_link_works_once(client, link, candidate_step, page, django_capture_on_commit_callbacks):
    post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    second = post(client, link, {"decision": "change", "comment": "Finalement non"}, django_capture_on_commit_callbacks)
    again = client.get(link)

    assert second.status_code == 200
    assert "You have already answered" in html(second)
    assert "You have already answered" in html(again)
    assert refreshed(candidate_step).status == TaskState.STATUS_APPROVED
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject").exists()
    assert mail.outbox == []


def test_an_answer_from_a_stale_tab_changes_nothing(client, link, candidate_step, django_capture_on_commit_callbacks):
    """Two answers at once (a double click, two tabs): the step is locked and re-read, the second one is refused."""
    stale = refreshed(candidate_step)
    post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)

    with pytest.raises(AlreadyDecided):
        stale.task.specific.reject_for_candidate(stale, "Trop tard")

    assert refreshed(candidate_step).status == TaskState.STATUS_APPROVED


@pytest.mark.ignore_template_errors
def test_staff_opening_the_link_see_the_same_preview(admin_client, link, candidate_step):
    response = admin_client.get(link)

    assert response.status_code == 200
    assert 'class="approval-preview"' in html(response)
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_expired_link_is_refused_and_changes_nothing(client, link, candidate_step, django_capture_on_commit_callbacks):
    fifteen_days_later = time.time() + 15 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_later):
        shown = client.get(link)
        posted = post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)

    assert shown.status_code == 410
    assert posted.status_code == 410
    assert "This link has expired" in html(shown)
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_link_still_works_on_its_last_day(client, link):
    thirteen_days_later = time.time() + 13 * 24 * 3600

    with mock.patch("django.core.signing.time.time", return_value=thirteen_days_later):
        response = client.get(link)

    assert response.status_code == 200


@pytest.mark.parametrize("tamper", ["drop_last", "swap_char", "garbage"])
def test_tampered_link_is_refused_and_changes_nothing(
    client, link, candidate_step, tamper, django_capture_on_commit_callbacks
):
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = {
        "drop_last": token[:-1],
        "swap_char": token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:],
        "garbage": "not-a-token",
    }[tamper]
    url = reverse("pages:approval", args=[forged])

    shown = client.get(url)
    posted = post(client, url, {"decision": "approve"}, django_capture_on_commit_callbacks)

    assert shown.status_code == 400
    assert posted.status_code == 400
    assert "This link is not valid" in html(shown)
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_token_cannot_be_forged_for_another_task_state(client, candidate_step, django_capture_on_commit_callbacks):
    """Signed with another salt (any other use of the secret key), or naming a step that is not the candidate's."""
    review_state = TaskState.objects.exclude(pk=candidate_step.pk).get(workflow_state=candidate_step.workflow_state)
    other_salt = signing.dumps({"task_state": candidate_step.pk, "revision": candidate_step.revision_id})
    staff_step = approval.make_token(review_state)

    for token in (other_salt, staff_step):
        response = post(
            client, reverse("pages:approval", args=[token]), {"decision": "approve"}, django_capture_on_commit_callbacks
        )
        assert response.status_code == 400
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS
    assert refreshed(review_state).status == TaskState.STATUS_APPROVED


def test_token_naming_another_revision_is_refused(client, candidate_step, page, reviewer):
    older = page.revisions.order_by("created_at").first()
    token = signing.dumps({"task_state": candidate_step.pk, "revision": older.pk - 1}, salt=approval.SALT)

    response = client.get(reverse("pages:approval", args=[token]))

    assert response.status_code == 410
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_link_to_a_story_edited_since_is_refused(client, link, candidate_step, page, reviewer,
                                                 django_capture_on_commit_callbacks):
    page.refresh_from_db()
    page.catchphrase = "Une autre phrase"
    page.save_revision(user=reviewer)

    response = post(client, link, {"decision": "approve"}, django_capture_on_commit_callbacks)

    assert response.status_code == 410
    assert "Your story has changed since this link was sent" in html(response)
    page.refresh_from_db()
    assert not page.live
    assert refreshed(candidate_step).status == TaskState.STATUS_IN_PROGRESS


def test_staff_resend_a_fresh_link_to_the_latest_version(
    client, link, candidate_step, page, reviewer, django_capture_on_commit_callbacks
):
    page.refresh_from_db()
    page.catchphrase = "Une phrase revue avec Amina"
    page.save_revision(user=reviewer)
    mail.outbox.clear()
    task = candidate_step.task.specific

    assert [name for name, _label, _modal in task.get_actions(page, reviewer)] == ["resend"]
    with django_capture_on_commit_callbacks(execute=True):
        task.on_action(refreshed(candidate_step), reviewer, "resend")

    (message,) = mail.outbox
    new_link = LINK.search(message.body).group(0)
    assert "Une phrase revue avec Amina" in html(client.get(new_link))
    assert client.get(link).status_code == 410


def test_link_of_a_cancelled_review_no_longer_works(client, link, candidate_step, reviewer):
    candidate_step.workflow_state.cancel(user=reviewer)

    response = client.get(link)

    assert response.status_code == 410
    assert "This link no longer works" in html(response)


# Staff never decide for the candidate ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.COMMUNICATION, roles.PROGRAMME_ADMINS, roles.COACHES])
def test_nobody_approves_or_rejects_for_the_candidate_in_the_admin(candidate_step, page, role):
    user = UserFactory(groups=[role])

    actions = {name for name, _label, _modal in candidate_step.task.specific.get_actions(page, user)}

    assert not actions & {"approve", "reject"}


@pytest.mark.ignore_template_errors
def test_coach_cannot_edit_a_story_waiting_for_the_candidate(coach_client, candidate_step, page):
    response = coach_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    # Not their candidate's story: the admin does not even say that the page exists.
    assert response.status_code == 404


# Every version is kept; staff compare and revert ---------------------------------------------------------------------


@pytest.mark.ignore_template_errors
def test_each_save_keeps_a_revision_that_communication_can_compare_and_revert(communication_client, page,
                                                                              communication_user):
    first = page.get_latest_revision()
    page.catchphrase = "Deuxième version"
    second = page.save_revision(user=communication_user)
    page.catchphrase = "Troisième version"
    third = page.save_revision(user=communication_user)

    compare = communication_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, third.pk])
    )
    revert = communication_client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, second.pk]))

    assert page.revisions.count() == 3
    assert compare.status_code == 200
    assert "Troisième version" in html(compare)
    assert revert.status_code == 200
    assert "Deuxième version" in html(revert)
