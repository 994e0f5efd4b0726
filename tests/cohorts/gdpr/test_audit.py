"""Who opened or exported a candidate's private record: logged once per user, candidate and hour, in their history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cohorts.gdpr.audit import EXPORT_LIST_ACTION, VIEW_RECORD_ACTION
from tests.admin_screens import admin_url, export
from tests.cohorts.factories import CandidateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def candidate(db):
    return CandidateFactory(first_name="Amina", last_name="Diallo")


def openings(candidate=None, user=None):
    entries = ModelLogEntry.objects.filter(action=VIEW_RECORD_ACTION)
    if candidate is not None:
        entries = entries.filter(object_id=str(candidate.pk))
    if user is not None:
        entries = entries.filter(user=user)
    return entries


def test_opening_a_candidate_page_is_logged_once_an_hour(programme_admin_client, programme_admin, candidate):
    for _time in range(3):
        assert programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk)).status_code == 200

    entry = openings(candidate).get()
    assert (entry.user, entry.data, entry.label) == (programme_admin, {"via": "inspect"}, "Amina Diallo")

    openings(candidate).update(timestamp=timezone.now() - datetime.timedelta(minutes=61))
    programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk))
    assert openings(candidate).count() == 2


def test_the_edit_form_counts_as_an_opening_within_the_same_hour(programme_admin_client, candidate):
    assert programme_admin_client.get(admin_url("candidate", "edit", candidate.pk)).status_code == 200
    assert openings(candidate).get().data == {"via": "edit"}

    programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk))
    assert openings(candidate).count() == 1


def test_each_user_is_logged_on_their_own(client, programme_admin, communication_user, candidate):
    for user in (programme_admin, communication_user):
        client.force_login(user)
        client.get(admin_url("candidate", "inspect", candidate.pk))
    assert set(openings(candidate).values_list("user", flat=True)) == {programme_admin.pk, communication_user.pk}


def test_a_coach_opening_their_candidate_is_logged(coach_client, coach_user, coached_candidate):
    assert coach_client.get(admin_url("candidate", "inspect", coached_candidate.pk)).status_code == 200
    assert openings(coached_candidate, coach_user).exists()


def test_the_list_itself_logs_nothing(programme_admin_client, candidate):
    assert programme_admin_client.get(admin_url("candidate", "list")).status_code == 200
    assert not ModelLogEntry.objects.exists()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_of_the_list_logs_each_record_and_who_exported_how_many_rows(
    export_format, programme_admin_client, programme_admin, candidate
):
    others = CandidateFactory.create_batch(2)
    rows = export(programme_admin_client, "candidate", export_format)
    assert len(rows) == 4

    assert set(openings(user=programme_admin).values_list("object_id", flat=True)) == {
        str(c.pk) for c in [candidate, *others]}
    assert {entry.data["via"] for entry in openings(user=programme_admin)} == {"list_export"}
    summary = ModelLogEntry.objects.get(action=EXPORT_LIST_ACTION)
    assert (summary.user, summary.data) == (programme_admin, {"rows": 3, "format": export_format})

    # Exported again within the hour: one more summary, no new openings.
    export(programme_admin_client, "candidate", export_format)
    assert openings(user=programme_admin).count() == 3
    assert ModelLogEntry.objects.filter(action=EXPORT_LIST_ACTION).count() == 2


def test_an_export_logs_the_rows_of_the_filtered_list_only(programme_admin_client, programme_admin, candidate):
    other = CandidateFactory()
    export(programme_admin_client, "candidate", "csv", cohort=other.cohort_id)
    assert list(openings(user=programme_admin).values_list("object_id", flat=True)) == [str(other.pk)]
    assert ModelLogEntry.objects.get(action=EXPORT_LIST_ACTION).data["rows"] == 1


def test_the_openings_show_in_the_candidate_history(programme_admin_client, candidate):
    programme_admin_client.get(admin_url("candidate", "inspect", candidate.pk))
    response = programme_admin_client.get(admin_url("candidate", "history", candidate.pk))
    assert "Private record opened, from its page" in response.content.decode()


def test_the_list_export_shows_in_the_site_history(admin_client, candidate):
    export(admin_client, "candidate", "csv")
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    assert "Candidate list exported: 1 row (csv)" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_logging_an_export_costs_the_same_whatever_the_rows(count, programme_admin_client,
                                                            django_assert_max_num_queries):
    CandidateFactory.create_batch(count)
    with django_assert_max_num_queries(16):
        export(programme_admin_client, "candidate", "csv")
