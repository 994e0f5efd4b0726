"""Outcomes and their follow-up checks: the dates, the rescheduling, the candidate's status and the public page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from cohorts.enums import CandidateStatus, ExitCategory, FollowUpKind
from cohorts.models import Candidate
from cohorts.models.applications import Application
from cohorts.models.outcomes import FollowUpCheck, Outcome, add_months
from tests.cohorts.factories import CandidateFactory, OutcomeFactory
from tests.snippets.factories import ContractTypeFactory, OfferFactory, PartnerCompanyFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def unsaved_job(**fields):
    """A job outcome not saved yet, whose candidate, employer and contract are."""
    return OutcomeFactory.build(
        candidate=CandidateFactory(), employer=PartnerCompanyFactory(), contract_type=ContractTypeFactory(), **fields
    )


def due_dates(outcome):
    return dict(outcome.checks.values_list("kind", "due_on"))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # a leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2028, 2, 29), 6, D(2028, 8, 29)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 3, 31), 6, D(2026, 9, 30)),
        (D(2026, 12, 15), 12, D(2027, 12, 15)),
        (D(2026, 7, 10), 6, D(2027, 1, 10)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_a_job_schedules_the_trial_end_six_and_twelve_month_checks():
    outcome = OutcomeFactory(start_date=D(2026, 12, 1), trial_end_date=D(2027, 2, 1))

    assert due_dates(outcome) == {
        FollowUpKind.TRIAL_END: D(2027, 2, 1),
        FollowUpKind.SIX_MONTHS: D(2027, 6, 1),
        FollowUpKind.TWELVE_MONTHS: D(2027, 12, 1),
    }
    assert not outcome.checks.filter(checked_on__isnull=False).exists()


def test_a_job_started_on_31_january_is_checked_on_the_last_day_of_july_and_january():
    outcome = OutcomeFactory(start_date=D(2027, 1, 31), trial_end_date=None, exit_date=D(2027, 1, 31))

    assert due_dates(outcome) == {FollowUpKind.SIX_MONTHS: D(2027, 7, 31), FollowUpKind.TWELVE_MONTHS: D(2028, 1, 31)}


def test_a_job_started_on_29_february_is_checked_on_28_february_a_year_later():
    outcome = OutcomeFactory(start_date=D(2028, 2, 29), trial_end_date=D(2028, 4, 29), exit_date=D(2028, 2, 29))

    assert due_dates(outcome) == {
        FollowUpKind.TRIAL_END: D(2028, 4, 29),
        FollowUpKind.SIX_MONTHS: D(2028, 8, 29),
        FollowUpKind.TWELVE_MONTHS: D(2029, 2, 28),
    }


def test_pending_checks_move_with_the_start_date_and_answered_ones_stay():
    outcome = OutcomeFactory(start_date=D(2026, 12, 1), trial_end_date=D(2027, 2, 1))
    trial = outcome.checks.get(kind=FollowUpKind.TRIAL_END)
    trial.still_employed, trial.checked_on = True, D(2027, 2, 3)
    trial.save()
    ids = dict(outcome.checks.values_list("kind", "pk"))

    outcome.start_date, outcome.trial_end_date = D(2027, 1, 4), D(2027, 3, 4)
    outcome.save()

    assert due_dates(outcome) == {
        FollowUpKind.TRIAL_END: D(2027, 2, 1),  # answered: its date and answer are history
        FollowUpKind.SIX_MONTHS: D(2027, 7, 4),
        FollowUpKind.TWELVE_MONTHS: D(2028, 1, 4),
    }
    # Moved, not replaced.
    assert dict(outcome.checks.values_list("kind", "pk")) == ids
    trial.refresh_from_db()
    assert (trial.still_employed, trial.checked_on) == (True, D(2027, 2, 3))


def test_clearing_the_trial_end_removes_its_pending_check():
    outcome = OutcomeFactory(trial_end_date=D(2027, 2, 1))

    outcome.trial_end_date = None
    outcome.save()

    assert set(due_dates(outcome)) == {FollowUpKind.SIX_MONTHS, FollowUpKind.TWELVE_MONTHS}


def test_a_job_that_becomes_a_drop_out_loses_its_pending_checks_but_keeps_the_answered_ones():
    outcome = OutcomeFactory(start_date=D(2026, 12, 1), trial_end_date=D(2027, 2, 1))
    outcome.checks.filter(kind=FollowUpKind.TRIAL_END).update(still_employed=False, checked_on=D(2027, 1, 20))

    outcome.category = ExitCategory.DROP_OUT
    outcome.save()

    assert due_dates(outcome) == {FollowUpKind.TRIAL_END: D(2027, 2, 1)}


@pytest.mark.parametrize("category", [ExitCategory.POSITIVE_EXIT, ExitCategory.OTHER_EXIT, ExitCategory.DROP_OUT])
def test_exits_that_are_not_a_job_schedule_no_check(category):
    outcome = OutcomeFactory(category=category, start_date=D(2026, 12, 1))

    assert not outcome.checks.exists()


@pytest.mark.parametrize(
    ("category", "status"),
    [
        (ExitCategory.DURABLE_EMPLOYMENT, CandidateStatus.HIRED),
        (ExitCategory.TRANSITION_EMPLOYMENT, CandidateStatus.HIRED),
        (ExitCategory.POSITIVE_EXIT, CandidateStatus.LEFT),
        (ExitCategory.OTHER_EXIT, CandidateStatus.LEFT),
        (ExitCategory.DROP_OUT, CandidateStatus.LEFT),
    ],
)
def test_the_candidates_status_follows_the_outcome(category, status):
    candidate = CandidateFactory()

    OutcomeFactory(candidate=candidate, category=category)

    candidate.refresh_from_db()
    assert candidate.status == status


def test_the_status_follows_a_changed_category_and_a_deleted_outcome():
    outcome = OutcomeFactory()
    candidate = Candidate.objects.get(pk=outcome.candidate_id)
    assert candidate.status == CandidateStatus.HIRED

    outcome.category = ExitCategory.DROP_OUT
    outcome.save()
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.LEFT

    outcome.delete()
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.IN_PROGRAMME
    assert not FollowUpCheck.objects.exists()


def test_deleting_outcomes_in_bulk_puts_their_candidates_back_in_the_programme():
    hired, left, kept = OutcomeFactory(), OutcomeFactory(drop_out=True), OutcomeFactory()

    Outcome.objects.exclude(pk=kept.pk).delete()

    statuses = dict(Candidate.objects.values_list("pk", "status"))
    assert statuses == {hired.candidate_id: CandidateStatus.IN_PROGRAMME,
                        left.candidate_id: CandidateStatus.IN_PROGRAMME, kept.candidate_id: CandidateStatus.HIRED}


def test_a_job_needs_an_employer_a_contract_and_a_start():
    outcome = Outcome(candidate=CandidateFactory(), exit_date=D(2026, 12, 1), category=ExitCategory.DURABLE_EMPLOYMENT)

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert set(error.value.message_dict) == {"employer", "contract_type", "start_date"}


def test_the_trial_cannot_end_before_the_job_starts():
    outcome = unsaved_job(start_date=D(2026, 12, 1), trial_end_date=D(2026, 11, 1))

    with pytest.raises(ValidationError) as error:
        outcome.clean()

    assert set(error.value.message_dict) == {"trial_end_date"}


def test_the_application_must_be_the_candidates_own():
    other = Application.objects.create(offer=OfferFactory(), candidate=CandidateFactory())
    outcome = unsaved_job(application=other)

    with pytest.raises(ValidationError) as error:
        outcome.clean()

    assert set(error.value.message_dict) == {"candidate"}


def test_an_answered_check_says_whether_the_candidate_is_still_employed():
    check = OutcomeFactory().checks.first()
    check.checked_on, check.checked_by = D(2027, 2, 2), UserFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        check.save()


def test_due_checks_are_the_unanswered_ones_whose_date_has_come():
    outcome = OutcomeFactory(start_date=D(2026, 1, 5), trial_end_date=D(2026, 3, 5), exit_date=D(2026, 1, 5))
    outcome.checks.filter(kind=FollowUpKind.TRIAL_END).update(still_employed=True, checked_on=D(2026, 3, 6))

    due = FollowUpCheck.objects.due(D(2026, 7, 5))

    assert list(due.values_list("kind", flat=True)) == [FollowUpKind.SIX_MONTHS]
    assert not FollowUpCheck.objects.due(D(2026, 7, 4)).exists()


# --- The public story page ------------------------------------------------------------------------------------


def test_a_hired_candidates_story_page_says_they_found_a_job_instead_of_the_story(client, story_index):
    candidate = CandidateFactory(first_name="Ahmad", last_name="Rahimi", published=True)
    story = candidate.story_page
    assert "Arrivée en France en 2019" in client.get(story.url).content.decode()

    OutcomeFactory(candidate=candidate)

    response = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ahmad R. found a job</h1>" in body
    assert "Arrivée en France en 2019" not in body


def test_a_drop_outs_story_page_is_no_longer_online_and_comes_back_when_the_outcome_is_deleted(client, story_index):
    candidate = CandidateFactory(first_name="Ahmad", last_name="Rahimi", published=True)
    story = candidate.story_page
    outcome = OutcomeFactory(candidate=candidate, drop_out=True)

    body = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This story is no longer online</h1>" in body
    assert "found a job" not in body
    assert "Arrivée en France en 2019" not in body

    outcome.delete()

    assert "Arrivée en France en 2019" in client.get(story.url).content.decode()


def test_nothing_happens_before_the_candidate_entered_the_programme():
    """The time to a first contract counts from the cohort's start: a job before it would count negative days."""
    outcome = unsaved_job(exit_date=D(2026, 8, 1), start_date=D(2026, 8, 31))  # the cohort starts on 1 September
    outcome.candidate.cohort.start_date = D(2026, 9, 1)

    with pytest.raises(ValidationError) as error, translation.override("fr"):
        outcome.clean()

    assert set(error.value.message_dict) == {"exit_date", "start_date"}
    assert "(01/09/2026)" in error.value.message_dict["start_date"][0]

    outcome.exit_date = outcome.start_date = D(2026, 9, 1)
    outcome.clean()
