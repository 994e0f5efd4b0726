"""The GDPR screens: only programme admins and superusers export or erase; the erasure confirms, asks why, and once."""

import io
import zipfile

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cohorts.gdpr.audit import ERASE_ACTION, EXPORT_DATA_ACTION
from cohorts.gdpr.views import ERASE_URL, EXPORT_CANDIDATE_URL, EXPORT_COACH_URL
from cohorts.models import Candidate
from tests.admin_screens import admin_url, role_client
from tests.cohorts.factories import CandidateFactory, CoachFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.ignore_template_errors,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

GDPR_SCREENS = [ERASE_URL, EXPORT_CANDIDATE_URL]


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def candidate(story_index):
    return CandidateFactory(first_name="Amina", last_name="Diallo", with_story=True)


def erased(candidate):
    return Candidate.objects.get(pk=candidate.pk).is_erased


def assert_refused(response):
    """Wagtail sends an admin user without the permission back to the dashboard, with an error message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("url_name", GDPR_SCREENS)
@pytest.mark.parametrize("role", ["superuser", "programme_admin"])
def test_programme_admins_open_the_gdpr_screens(url_name, role, request, candidate):
    client = role_client(request, role)
    assert client.get(reverse(url_name, args=[candidate.pk])).status_code == 200


@pytest.mark.parametrize("url_name", GDPR_SCREENS)
@pytest.mark.parametrize("role", ["communication", "coach"])
def test_other_roles_are_refused(url_name, role, request, candidate):
    client = role_client(request, role)
    assert_refused(client.get(reverse(url_name, args=[candidate.pk])))
    assert_refused(client.post(reverse(url_name, args=[candidate.pk]), {"reason": "test"}))
    assert not erased(candidate)
    assert not ModelLogEntry.objects.filter(action__in=[ERASE_ACTION, EXPORT_DATA_ACTION]).exists()


def test_a_coach_cannot_erase_even_their_own_candidate(coach_client, coached_candidate):
    assert_refused(coach_client.post(reverse(ERASE_URL, args=[coached_candidate.pk]), {"reason": "test"}))
    assert not erased(coached_candidate)


@pytest.mark.parametrize("url_name", [*GDPR_SCREENS, EXPORT_COACH_URL])
@pytest.mark.parametrize("visitor", ["client", "plain_client"])
def test_anonymous_visitors_and_accounts_without_a_role_are_sent_to_the_login(url_name, visitor, request, candidate):
    client = request.getfixturevalue(visitor)
    pk = candidate.pk if url_name != EXPORT_COACH_URL else CoachFactory().pk
    response = client.post(reverse(url_name, args=[pk]), {"reason": "test"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not erased(candidate)


@pytest.mark.parametrize("role", ["communication", "coach"])
def test_other_roles_cannot_export_a_coach(role, request):
    client = role_client(request, role)
    coach = CoachFactory()
    assert_refused(client.post(reverse(EXPORT_COACH_URL, args=[coach.pk])))
    assert not ModelLogEntry.objects.filter(action=EXPORT_DATA_ACTION).exists()


def test_the_confirmation_says_what_is_erased_and_asks_why(programme_admin_client, candidate):
    response = programme_admin_client.get(reverse(ERASE_URL, args=[candidate.pk]))
    page = response.content.decode()
    assert "Their names, e-mail address, phone number, birth date and private notes." in page
    assert "Their story page, every version of it, and their photo (deleted)." in page
    assert f"Erased person #{candidate.pk}" in page
    assert 'name="reason"' in page
    assert not erased(candidate)


def test_an_erasure_without_a_reason_is_refused(programme_admin_client, candidate):
    response = programme_admin_client.post(reverse(ERASE_URL, args=[candidate.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not erased(candidate)


def test_erasing_then_the_record_says_who_and_when(programme_admin_client, programme_admin, candidate):
    response = programme_admin_client.post(reverse(ERASE_URL, args=[candidate.pk]), {"reason": "Courrier du 3 mars"})
    assert response.status_code == 302
    assert response["Location"] == admin_url("candidate", "inspect", candidate.pk)
    record = Candidate.objects.get(pk=candidate.pk)
    assert (record.erased_by, record.is_erased) == (programme_admin, True)

    page = programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk)).content.decode()
    assert "Personal data erased by" in page
    assert programme_admin.get_username() in page or programme_admin.get_full_name() in page
    assert "Amina" not in page
    # Its history says it, under the anonymised name, with the reason.
    history = programme_admin_client.get(admin_url("candidate", "history", candidate.pk)).content.decode()
    assert "Personal data erased. Reason: Courrier du 3 mars" in history


def test_an_erased_candidate_cannot_be_erased_twice(programme_admin_client, candidate):
    url = reverse(ERASE_URL, args=[candidate.pk])
    programme_admin_client.post(url, {"reason": "Courrier du 3 mars"})

    page = programme_admin_client.get(url).content.decode()
    assert "An erasure cannot be done twice." in page
    assert 'name="reason"' not in page
    response = programme_admin_client.post(url, {"reason": "Encore"}, follow=True)
    assert "already erased" in response.content.decode()
    assert ModelLogEntry.objects.filter(action=ERASE_ACTION).count() == 1


def test_an_erased_record_cannot_be_edited(programme_admin_client, candidate):
    programme_admin_client.post(reverse(ERASE_URL, args=[candidate.pk]), {"reason": "Courrier du 3 mars"})
    response = programme_admin_client.get(admin_url("candidate", "edit", candidate.pk))
    assert response.status_code == 302
    assert response["Location"] == admin_url("candidate", "inspect", candidate.pk)


def test_the_actions_are_in_the_record_header_and_the_list_for_programme_admins(programme_admin_client, candidate):
    inspect = programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk)).content.decode()
    listing = programme_admin_client.get(admin_url("candidate", "list")).content.decode()
    for page in (inspect, listing):
        assert reverse(ERASE_URL, args=[candidate.pk]) in page
        assert reverse(EXPORT_CANDIDATE_URL, args=[candidate.pk]) in page


def test_an_erased_record_offers_no_erasure_any_more(programme_admin_client, candidate):
    programme_admin_client.post(reverse(ERASE_URL, args=[candidate.pk]), {"reason": "Courrier du 3 mars"})
    inspect = programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk)).content.decode()
    assert reverse(ERASE_URL, args=[candidate.pk]) not in inspect
    assert reverse(EXPORT_CANDIDATE_URL, args=[candidate.pk]) in inspect


def test_communication_sees_the_record_without_the_actions(communication_client, candidate):
    inspect = communication_client.get(admin_url("candidate", "inspect", candidate.pk)).content.decode()
    listing = communication_client.get(admin_url("candidate", "list")).content.decode()
    for page in (inspect, listing):
        assert reverse(ERASE_URL, args=[candidate.pk]) not in page
        assert reverse(EXPORT_CANDIDATE_URL, args=[candidate.pk]) not in page


def test_the_export_screen_sends_a_zip(programme_admin_client, programme_admin, candidate):
    response = programme_admin_client.post(reverse(EXPORT_CANDIDATE_URL, args=[candidate.pk]))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(f'attachment; filename="donnees-candidat-{candidate.pk}-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "data.json" in archive.namelist()
    assert ModelLogEntry.objects.filter(action=EXPORT_DATA_ACTION, user=programme_admin).count() == 1


def test_a_coach_export_from_the_coach_page(programme_admin_client):
    coach = CoachFactory()
    inspect = programme_admin_client.get(admin_url("coach", "inspect", coach.pk)).content.decode()
    assert reverse(EXPORT_COACH_URL, args=[coach.pk]) in inspect
    response = programme_admin_client.post(reverse(EXPORT_COACH_URL, args=[coach.pk]))
    assert response["Content-Type"] == "application/zip"
    assert "csv/sessions.csv" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
