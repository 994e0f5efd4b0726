"""The daily purge: each kind of personal data goes on the day its retention period ends, not a day before; a dry run
writes nothing; a second run changes nothing; the impact figures stay the same."""

import datetime
import io
import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from wagtail.models import ModelLogEntry
from wagtail.search.backends import get_search_backend

from cohorts.gdpr.retention import PURGE_ACTION, apply_retention, months_before, redact_report
from cohorts.impact.figures import compute_impact
from cohorts.impact.measures import ImpactFilters
from cohorts.models import Candidate, CoachingSession, ContactRequest, RetentionSettings
from cohorts.models.outcomes import add_months
from pages.models import CandidatePage
from pages.sharing import SESSION_KEY
from tests.cohorts.factories import CandidateFactory
from tests.cohorts.gdpr.retention_items import (  # english: autouse, the assertions read English
    SessionStore,
    english,  # noqa: F401
    import_on,
    left_on,
    pair_ended_on,
    received_on,
    snapshot,
    today,
    visitor_counted_on,
)
from tests.cohorts.impact.conftest import programme  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)


def in_months(months):
    """(the day an item dated so is due, the item's date): the item is exactly ``months`` old today."""
    day = months_before(today(), months)
    return add_months(day, months), day


def in_days(days):
    return today(), today() - datetime.timedelta(days=days)


def contact_request_is_gone(request):
    return not ContactRequest.objects.filter(pk=request.pk).exists()


def report_is_emptied(job):
    job.refresh_from_db()
    return job.report_redacted_at is not None and "Amina" not in json.dumps(job.report)


def note_is_erased(session):
    session.refresh_from_db()
    return session.note == ""


def traces_are_gone(session_key):
    return not Session.objects.filter(session_key=session_key).exists()


def candidate_is_erased(candidate):
    candidate.refresh_from_db()
    return candidate.erased_at is not None and candidate.first_name == ""


# kind → (a period other than the default, (due day, item date) from it, make the item, has it been purged?)
KINDS = {
    "contact_requests": ({"contact_request_months": 6}, in_months, received_on, contact_request_is_gone),
    "import_reports": ({"import_report_days": 10}, in_days, import_on, report_is_emptied),
    "coaching_notes": ({"coaching_note_months": 18}, in_months, pair_ended_on, note_is_erased),
    "counter_traces": ({"counter_trace_days": 2}, in_days, visitor_counted_on, traces_are_gone),
    "left_candidates": ({"left_candidate_months": 48}, in_months, left_on, candidate_is_erased),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_goes_on_the_day_its_period_ends_not_a_day_before(kind):
    period, dates, make, purged = KINDS[kind]
    RetentionSettings.objects.create(**period)
    (value,) = period.values()
    due_day, item_day = dates(value)
    item = make(item_day)
    younger = make(item_day + ONE_DAY)

    counts = apply_retention(today=due_day - ONE_DAY)
    assert counts[kind] == 0
    assert not purged(item)

    counts = apply_retention(today=due_day)
    assert counts[kind] == 1
    assert purged(item)
    assert not purged(younger)


def test_the_periods_come_from_the_settings():
    RetentionSettings.objects.create(contact_request_months=3)
    recent = received_on(months_before(today(), 3))
    assert apply_retention()["contact_requests"] == 1
    assert contact_request_is_gone(recent)


def test_an_emptied_report_keeps_its_counts_and_errors_but_no_value():
    job = import_on(today() - datetime.timedelta(days=31))
    apply_retention()
    job.refresh_from_db()
    assert job.report["rows"] == [
        {"line": 2, "status": "new", "label": "", "changes": [], "errors": []},
        {"line": 3, "status": "error", "label": "", "changes": [], "errors": [
            {"column": "date_naissance", "letter": "E", "value": "", "message": "« … » is not a date"},
        ]},
    ]
    assert job.report["created"] == []
    assert (job.total_rows, job.new_count, job.error_count) == (2, 1, 1)
    assert "Claire" not in json.dumps(job.report)


def test_a_running_import_keeps_its_report():
    job = import_on(today() - datetime.timedelta(days=60), status="importing")
    assert apply_retention()["import_reports"] == 0
    job.refresh_from_db()
    assert job.report_redacted_at is None


def test_redacting_an_empty_report_gives_an_empty_report():
    assert redact_report({}) == {}


def test_notes_of_a_running_pair_and_of_recent_pairs_stay():
    old = pair_ended_on(today() - datetime.timedelta(days=365 * 3))
    running = pair_ended_on(today() - datetime.timedelta(days=365 * 3))
    running.pair.end_date = None
    running.pair.save()
    apply_retention()
    old.refresh_from_db()
    running.refresh_from_db()
    assert old.note == ""
    assert running.note != ""
    assert CoachingSession.objects.count() == 2  # the sessions stay, for the figures


def test_a_left_candidate_is_erased_by_the_erasure_service_and_keeps_what_the_figures_count():
    exit_day = months_before(today(), 36)
    candidate = left_on(exit_day, first_name="Moussa", last_name="Keita", email="moussa@example.org", notes="Suivi",
                        with_story=True)
    other = left_on(today())
    cohort, status = candidate.cohort_id, candidate.status
    apply_retention()
    candidate.refresh_from_db()
    assert (candidate.first_name, candidate.last_name) == ("", "")
    assert str(candidate) == f"Erased person #{candidate.pk}"
    assert "moussa" not in candidate.email
    assert (candidate.phone, candidate.birth_date, candidate.notes) == ("", None, "")
    assert (candidate.cohort_id, candidate.status, candidate.outcome.exit_date) == (cohort, status, exit_day)
    assert candidate.erased_by is None  # the purge, not a person
    # The erasure service's whole reach: the story page goes too; the contact requests about them keep no sender.
    assert not CandidatePage.objects.filter(candidate=candidate).exists()
    assert set(ContactRequest.objects.filter(candidate=candidate).values_list("name", "email", "phone")) <= {
        ("", "", "")}
    assert ContactRequest.objects.filter(candidate=other).count() == 1
    search = get_search_backend()
    assert list(search.search("Keita", Candidate)) == []
    assert list(search.search("Moussa", Candidate)) == []


def test_history_forgets_the_names_of_what_was_purged():
    candidate = left_on(months_before(today(), 36), first_name="Moussa", last_name="Keita")
    request = received_on(months_before(today(), 12), name="Sophie Recruteuse")
    for instance in (candidate, request):
        ModelLogEntry.objects.log_action(instance, "wagtail.edit")
    apply_retention()
    labels = set(ModelLogEntry.objects.exclude(action=PURGE_ACTION).values_list("label", flat=True))
    assert labels == {f"Erased person #{candidate.pk}", "Deleted contact request"}


def test_a_visitor_session_keeps_what_is_not_counting_and_todays_counting():
    yesterday = today() - ONE_DAY
    logged_in = visitor_counted_on(yesterday, _auth_user_id="7")
    counted_today = visitor_counted_on(today())
    assert apply_retention()["counter_traces"] == 1
    assert SessionStore(session_key=logged_in).load() == {"_auth_user_id": "7"}
    assert SESSION_KEY in SessionStore(session_key=counted_today).load()


def test_a_real_visit_leaves_no_session_to_purge_and_its_count_is_kept(client, story_index):
    """A visitor is counted once a day by a keyed hash kept in the cache until the day ends: nothing to purge."""
    page = CandidateFactory(published=True).story_page
    client.get(page.url)
    assert not Session.objects.exists()
    assert page.counters.get().count == 1
    assert apply_retention(today=today() + ONE_DAY)["counter_traces"] == 0
    assert page.counters.get().count == 1


def one_of_each_kind(*, left_candidate=True):
    received_on(months_before(today(), 12))
    import_on(today() - datetime.timedelta(days=30))
    pair_ended_on(months_before(today(), 24))
    visitor_counted_on(today() - ONE_DAY)
    if left_candidate:
        left_on(months_before(today(), 36))
    # And what must stay.
    received_on(today())
    import_on(today())
    pair_ended_on(today())
    visitor_counted_on(today())
    left_on(today())


EVERY_KIND_ONCE = {"contact_requests": 1, "import_reports": 1, "coaching_notes": 1, "counter_traces": 1,
                   "left_candidates": 1}


def test_a_dry_run_says_what_it_would_purge_and_writes_nothing():
    one_of_each_kind()
    before = snapshot()
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", "--language", "en", stdout=out)
    assert snapshot() == before
    assert out.getvalue().splitlines() == [
        "Dry run: nothing was changed.",
        "Contact requests to delete: 1",
        "Import reports to empty of their values: 1",
        "Coaching notes to erase: 1",
        "Visitor sessions to clear of counter traces: 1",
        "Candidates who left, to anonymise: 1",
    ]
    assert not RetentionSettings.objects.exists()


def test_a_second_run_changes_nothing():
    one_of_each_kind()
    assert apply_retention() == EVERY_KIND_ONCE
    after_first = snapshot()
    assert apply_retention() == dict.fromkeys(EVERY_KIND_ONCE, 0)
    assert snapshot() == after_first


def test_the_command_says_what_it_purged_in_french():
    one_of_each_kind()
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Prises de contact supprimées : 1" in out.getvalue()
    assert "Candidats sortis, anonymisés : 1" in out.getvalue()


def test_each_purge_is_logged_with_its_counts(caplog):
    one_of_each_kind()
    with caplog.at_level(logging.INFO, logger="cohorts.gdpr.retention"):
        apply_retention()
    assert "Retention applied: contact_requests=1, import_reports=1" in caplog.text
    entry = ModelLogEntry.objects.get(action=PURGE_ACTION)
    assert entry.data == {"counts": EVERY_KIND_ONCE}
    assert entry.content_type.model_class() is RetentionSettings
    apply_retention()  # nothing left to purge: no new entry
    assert ModelLogEntry.objects.filter(action=PURGE_ACTION).count() == 1


def test_impact_figures_stay_the_same_when_left_candidates_are_erased(programme):  # noqa: F811
    filters = [ImpactFilters(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)),
               ImpactFilters(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), city=programme.paris),
               ImpactFilters(datetime.date(2025, 9, 1), datetime.date(2026, 12, 31), cohort=programme.cohort_c)]
    before = [(compute_impact(f).tables("internal"), compute_impact(f).tables("public")) for f in filters]
    # Four years on, every exit of the programme is past its 36 months.
    counts = apply_retention(today=datetime.date(2030, 12, 31))
    assert counts["left_candidates"] == 9
    assert Candidate.objects.filter(erased_at__isnull=False).count() == 9
    after = [(compute_impact(f).tables("internal"), compute_impact(f).tables("public")) for f in filters]
    assert after == before


@pytest.mark.parametrize("count", [3, 30])
def test_the_purge_runs_the_same_queries_whatever_the_number_of_rows(count, django_assert_max_num_queries):
    """Every kind but the left candidates, each of whom is one erasure through the service (a few a day)."""
    for _ in range(count):
        one_of_each_kind(left_candidate=False)
    with django_assert_max_num_queries(34):
        counts = apply_retention()
    assert counts == dict.fromkeys(EVERY_KIND_ONCE, count) | {"left_candidates": 0}
