"""Consent gates publication: no story goes live without it, withdrawing it unpublishes at once, the photo follows."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from cohorts.consent.services import record_consent, withdraw_consent
from cohorts.enums import ConsentChannel, ConsentPurpose
from cohorts.models import ConsentRecord
from pages.models import CandidatePage
from snippets import roles
from tests.cohorts.factories import CandidateFactory, ConsentRecordFactory
from tests.pages.editor import edit_form_data
from tests.pages.factories import ImageFactory
from tests.snippets.factories import UserFactory


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English wording; the French lives in locale/ and is checked by the translation files."""
    settings.LANGUAGE_CODE = "en"


pytestmark = [
    pytest.mark.django_db,
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]


@pytest.fixture
def draft(story_index):
    """A candidate with a draft story and no consent yet."""
    return CandidateFactory(with_story=True, first_name="Amina", last_name="Diallo")


@pytest.fixture
def published(story_index):
    """A candidate whose story is live, with consent to publication and to the photo, and a photo."""
    candidate = CandidateFactory(published=True, first_name="Moussa", last_name="Keita")
    page = candidate.story_page
    page.photo = ImageFactory()
    page.save_revision().publish()
    return candidate


def consent(candidate, purpose):
    return ConsentRecord.objects.current().get(candidate=candidate, purpose=purpose)


def story(candidate):
    return CandidatePage.objects.get(candidate=candidate)


# Recording consent -------------------------------------------------------------------------------------------------


def test_record_consent_keeps_what_was_agreed_how_and_by_whom(draft):
    staff = UserFactory(groups=[roles.PROGRAMME_ADMINS])

    recorded = record_consent(
        candidate=draft, purpose=ConsentPurpose.PUBLISH_STORY, text_version="formulaire-2026-09",
        channel=ConsentChannel.PAPER, user=staff,
    )

    assert recorded.is_current
    assert (recorded.purpose, recorded.text_version, recorded.channel) == (
        "publish_story", "formulaire-2026-09", "paper"
    )
    assert recorded.recorded_by == staff
    assert recorded.given_at is not None
    assert draft.has_consent(ConsentPurpose.PUBLISH_STORY)
    assert ModelLogEntry.objects.filter(object_id=str(recorded.pk), action="wagtail.create", user=staff).exists()


def test_recording_a_current_consent_again_returns_it_unchanged(draft):
    first = record_consent(candidate=draft, purpose=ConsentPurpose.SHOW_PHOTO, text_version="v1",
                           channel=ConsentChannel.PAPER)

    again = record_consent(candidate=draft, purpose=ConsentPurpose.SHOW_PHOTO, text_version="v2",
                           channel=ConsentChannel.EMAIL)

    assert again == first
    assert again.text_version == "v1"
    assert draft.consents.count() == 1


def test_record_consent_refuses_an_unknown_purpose(draft):
    with pytest.raises(ValidationError):
        record_consent(candidate=draft, purpose="sell_data", text_version="v1", channel=ConsentChannel.PAPER)

    assert not draft.consents.exists()


# No story goes live without consent ----------------------------------------------------------------------------------


def test_story_cannot_go_live_without_consent_through_revision_publish(draft):
    page = story(draft)

    with pytest.raises(ValidationError):
        page.save_revision().publish()

    assert not story(draft).live


@pytest.mark.ignore_template_errors
def test_admin_publish_without_consent_shows_the_error_and_the_story_stays_draft(communication_client, draft):
    page = story(draft)

    response = communication_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, **{"action-publish": "1"})
    )

    assert response.status_code == 200
    assert "the candidate has not given (or has withdrawn) their consent" in response.content.decode()
    assert not story(draft).live


@pytest.mark.ignore_template_errors
def test_admin_publish_with_consent_publishes(communication_client, draft):
    ConsentRecordFactory(candidate=draft, purpose=ConsentPurpose.PUBLISH_STORY)
    page = story(draft)

    response = communication_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, **{"action-publish": "1"})
    )

    assert response.status_code == 302
    assert story(draft).live


# Withdrawal -----------------------------------------------------------------------------------------------------


def test_withdrawing_publication_consent_unpublishes_at_once(client, published):
    url = story(published).url
    assert client.get(url).status_code == 200

    withdrawn = withdraw_consent(consent=consent(published, ConsentPurpose.PUBLISH_STORY))

    assert withdrawn.withdrawn_at is not None
    assert not story(published).live
    assert client.get(url).status_code == 404
    assert published.public_name not in client.get(story(published).get_parent().url).content.decode()
    assert not published.has_consent(ConsentPurpose.PUBLISH_STORY)


def test_withdrawal_is_kept_as_evidence_and_logged(published):
    staff = UserFactory(groups=[roles.PROGRAMME_ADMINS])
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    withdraw_consent(consent=record, user=staff)

    record.refresh_from_db()
    assert not record.is_current
    assert ModelLogEntry.objects.filter(
        object_id=str(record.pk), action="cohorts.consent.withdraw", user=staff
    ).exists()


def test_withdrawing_twice_changes_nothing(published):
    record = consent(published, ConsentPurpose.PUBLISH_STORY)
    first = withdraw_consent(consent=record).withdrawn_at

    second = withdraw_consent(consent=record).withdrawn_at

    assert second == first


def test_withdrawing_publication_consent_cancels_the_review_under_way(draft, django_capture_on_commit_callbacks):
    ConsentRecordFactory(candidate=draft, purpose=ConsentPurpose.PUBLISH_STORY)
    page = story(draft)
    reviewer = UserFactory(groups=[roles.COMMUNICATION])
    with django_capture_on_commit_callbacks(execute=True):
        state = page.get_workflow().start(page, reviewer)

    withdraw_consent(consent=consent(draft, ConsentPurpose.PUBLISH_STORY))

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert story(draft).current_workflow_state is None


def test_withdrawing_photo_consent_hides_the_photo_but_keeps_the_story(client, published):
    page = story(published)
    photo_url = page.photo.get_rendition("fill-480x480-c80|format-jpeg").url
    assert photo_url in client.get(page.url).content.decode()

    withdraw_consent(consent=consent(published, ConsentPurpose.SHOW_PHOTO))

    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert photo_url not in body
    assert "/media/images/" not in body
    assert story(published).live


def test_consenting_again_allows_publishing_again(published):
    withdraw_consent(consent=consent(published, ConsentPurpose.PUBLISH_STORY))
    page = story(published)
    with pytest.raises(ValidationError):
        page.save_revision().publish()

    record_consent(candidate=published, purpose=ConsentPurpose.PUBLISH_STORY, text_version="formulaire-2026-11",
                   channel=ConsentChannel.IN_PERSON)
    story(published).save_revision().publish()

    assert story(published).live
    assert published.consents.filter(purpose=ConsentPurpose.PUBLISH_STORY).count() == 2


# The admin screens --------------------------------------------------------------------------------------------------


def consent_url(view, *args):
    return reverse(f"wagtailsnippets_cohorts_consentrecord:{view}", args=args)


@pytest.mark.ignore_template_errors
def test_programme_admin_withdraws_a_consent_after_confirming(programme_admin_client, published, programme_admin):
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    confirm = programme_admin_client.get(consent_url("withdraw", record.pk))
    assert confirm.status_code == 200
    assert "goes offline at once" in confirm.content.decode()
    assert story(published).live

    response = programme_admin_client.post(consent_url("withdraw", record.pk))

    assert response.status_code == 302
    record.refresh_from_db()
    assert not record.is_current
    assert not story(published).live


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("role", ["communication_client", "coach_client"])
def test_roles_without_change_permission_cannot_withdraw(request, role, published):
    client = request.getfixturevalue(role)
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    response = client.post(consent_url("withdraw", record.pk))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert consent(published, ConsentPurpose.PUBLISH_STORY) == record
    assert story(published).live


def test_withdrawal_needs_the_csrf_token(client, published, programme_admin):
    client.handler.enforce_csrf_checks = True
    client.force_login(programme_admin)
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    response = client.post(consent_url("withdraw", record.pk))

    assert response.status_code == 403
    assert story(published).live


@pytest.mark.ignore_template_errors
def test_a_current_consent_cannot_be_deleted(programme_admin_client, published):
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    response = programme_admin_client.post(consent_url("delete", record.pk))

    assert response.status_code == 302
    assert response.url == consent_url("withdraw", record.pk)
    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    assert story(published).live


@pytest.mark.ignore_template_errors
def test_admin_records_a_consent_with_who_recorded_it(programme_admin_client, programme_admin, draft):
    response = programme_admin_client.post(
        consent_url("add"),
        {"candidate": draft.pk, "purpose": "publish_story", "channel": "paper", "given_at": "2026-09-15 10:00",
         "text_version": "formulaire-2026-09"},
    )

    assert response.status_code == 302
    record = consent(draft, ConsentPurpose.PUBLISH_STORY)
    assert record.recorded_by == programme_admin
    assert record.given_at.date().isoformat() == "2026-09-15"


@pytest.mark.ignore_template_errors
def test_record_a_consent_from_the_candidate_page_opens_the_form_for_that_candidate(programme_admin_client, draft):
    inspect = programme_admin_client.get(reverse("wagtailsnippets_cohorts_candidate:inspect", args=[draft.pk]))
    add_url = consent_url("add") + f"?candidate={draft.pk}"

    form = programme_admin_client.get(add_url)

    assert add_url in inspect.content.decode()
    assert form.context["form"].initial["candidate"] == draft.pk


@pytest.mark.ignore_template_errors
def test_admin_refuses_a_second_current_consent_for_the_same_purpose(programme_admin_client, published):
    response = programme_admin_client.post(
        consent_url("add"),
        {"candidate": published.pk, "purpose": "publish_story", "channel": "email", "given_at": "2026-09-15 10:00",
         "text_version": "v2"},
    )

    assert response.status_code == 200
    assert "already has a current consent for this purpose" in response.content.decode()
    assert published.consents.filter(purpose=ConsentPurpose.PUBLISH_STORY).count() == 1


@pytest.mark.ignore_template_errors
def test_editing_a_consent_cannot_change_whose_it_is_or_its_purpose(programme_admin_client, published, draft):
    record = consent(published, ConsentPurpose.PUBLISH_STORY)

    programme_admin_client.post(
        consent_url("edit", record.pk),
        {"candidate": draft.pk, "purpose": "social_sharing", "channel": "email", "given_at": "2026-09-15 10:00",
         "text_version": "corrigé"},
    )

    record.refresh_from_db()
    assert (record.candidate, record.purpose, record.text_version) == (published, "publish_story", "corrigé")


@pytest.mark.ignore_template_errors
def test_candidate_page_in_the_admin_lists_consents_with_a_withdraw_button(programme_admin_client, published):
    withdraw_consent(consent=consent(published, ConsentPurpose.SHOW_PHOTO))
    current = consent(published, ConsentPurpose.PUBLISH_STORY)

    response = programme_admin_client.get(
        reverse("wagtailsnippets_cohorts_candidate:inspect", args=[published.pk])
    )

    body = response.content.decode()
    assert "Publish the story" in body and "Show the photo" in body
    assert "Withdrawn on" in body
    assert consent_url("withdraw", current.pk) in body
    assert body.count("/withdraw/") == 1


@pytest.mark.ignore_template_errors
def test_communication_sees_consents_but_no_withdraw_button(communication_client, published):
    response = communication_client.get(
        reverse("wagtailsnippets_cohorts_candidate:inspect", args=[published.pk])
    )

    body = response.content.decode()
    assert "Publish the story" in body
    assert "/withdraw/" not in body


@pytest.mark.ignore_template_errors
def test_consent_export_holds_no_contact_details(programme_admin_client, published):
    response = programme_admin_client.get(consent_url("list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    assert "Moussa Keita" in content
    assert published.email not in content
    assert published.phone not in content
