"""The programme's invariants hold in the database, whoever writes: admin, import, shell or raw SQL.

Rows are created with ``objects.create`` / ``bulk_create`` / ``update`` on purpose: no form, no ``full_clean``,
so only the database stands between a bad row and the table.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from cohorts.models import Candidate, Coach, Cohort, Pair
from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 9, 15)
END = datetime.date(2027, 3, 15)


def constraint_message(model, name):
    """The translated violation message that the model declares for this constraint, in the active language."""
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return str(constraint.violation_error_message)


# --- Pairs: one active pair per coach and per candidate -------------------------------------------------------


@pytest.mark.parametrize("shared", ["coach", "candidate"])
def test_database_refuses_a_second_active_pair_for_the_same_person(shared):
    first = PairFactory()
    other_side = {"coach": CoachFactory(), "candidate": CandidateFactory()}
    other_side[shared] = getattr(first, shared)

    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(start_date=START, **other_side)

    assert Pair.objects.count() == 1


@pytest.mark.parametrize("shared", ["coach", "candidate"])
def test_an_ended_pair_does_not_block_a_new_active_pair(shared):
    ended = PairFactory(start_date=START, end_date=END)
    other_side = {"coach": CoachFactory(), "candidate": CandidateFactory()}
    other_side[shared] = getattr(ended, shared)

    new = Pair.objects.create(start_date=END, **other_side)

    assert new.is_active
    assert list(Pair.objects.active()) == [new]


def test_several_ended_pairs_for_the_same_coach_and_candidate_are_allowed():
    ended = PairFactory(start_date=START, end_date=END)
    Pair.objects.create(coach=ended.coach, candidate=ended.candidate, start_date=END, end_date=END)

    assert Pair.objects.filter(coach=ended.coach, candidate=ended.candidate).count() == 2


def test_database_refuses_to_reopen_a_pair_when_the_coach_has_another_active_pair():
    ended = PairFactory(start_date=START, end_date=END)
    PairFactory(coach=ended.coach)

    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.filter(pk=ended.pk).update(end_date=None)


@pytest.mark.parametrize(
    ("shared", "constraint"),
    [("coach", "one_active_pair_per_coach"), ("candidate", "one_active_pair_per_candidate")],
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_full_clean_reports_the_translated_message_for_a_second_active_pair(shared, constraint, language):
    first = PairFactory()
    other_side = {"coach": CoachFactory(), "candidate": CandidateFactory()}
    other_side[shared] = getattr(first, shared)
    second = Pair(start_date=START, **other_side)

    with translation.override(language), pytest.raises(ValidationError) as excinfo:
        second.full_clean()

    with translation.override(language):
        expected = constraint_message(Pair, constraint)
    assert excinfo.value.messages == [expected]


def test_pair_rule_message_is_the_english_text_in_english():
    first = PairFactory()
    second = Pair(coach=first.coach, candidate=CandidateFactory(), start_date=START)

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        second.full_clean()

    assert excinfo.value.messages == ["This coach already has an active pair: end it first."]


def test_full_clean_accepts_a_new_active_pair_once_the_previous_one_ended():
    ended = PairFactory(start_date=START, end_date=END)

    Pair(coach=ended.coach, candidate=CandidateFactory(), start_date=END).full_clean()


def test_full_clean_lets_an_active_pair_be_saved_again():
    pair = PairFactory()

    pair.full_clean()


# --- Dates: nothing ends before it starts ---------------------------------------------------------------------


def test_database_refuses_a_pair_ending_before_it_starts():
    coach, candidate = CoachFactory(), CandidateFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(coach=coach, candidate=candidate, start_date=END, end_date=START)


@pytest.mark.parametrize("end_date", [START, END, None], ids=["same-day", "later", "still-active"])
def test_database_accepts_a_pair_ending_on_or_after_its_start_or_not_ended(end_date):
    Pair.objects.create(coach=CoachFactory(), candidate=CandidateFactory(), start_date=START, end_date=end_date)


def test_full_clean_reports_the_translated_message_for_a_pair_ending_before_it_starts():
    pair = Pair(coach=CoachFactory(), candidate=CandidateFactory(), start_date=END, end_date=START)

    with pytest.raises(ValidationError) as excinfo:
        pair.full_clean()

    assert excinfo.value.messages == [constraint_message(Pair, "pair_ends_after_start")]


def test_database_refuses_a_cohort_ending_before_it_starts():
    city = CohortFactory().city

    with pytest.raises(IntegrityError), transaction.atomic():
        Cohort.objects.create(name="Promotion à l'envers", city=city, start_date=END, end_date=START)


def test_database_refuses_moving_a_cohort_end_before_its_start():
    cohort = CohortFactory(start_date=START, end_date=END)

    with pytest.raises(IntegrityError), transaction.atomic():
        Cohort.objects.filter(pk=cohort.pk).update(end_date=START - datetime.timedelta(days=1))


def test_database_accepts_a_one_day_cohort():
    city = CohortFactory().city

    Cohort.objects.create(name="Journée découverte", city=city, start_date=START, end_date=START)


def test_full_clean_reports_the_translated_message_for_a_cohort_ending_before_it_starts():
    cohort = CohortFactory.build(city=CohortFactory().city, start_date=END, end_date=START)

    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()

    assert excinfo.value.messages == [constraint_message(Cohort, "cohort_ends_after_start")]


# --- E-mail addresses: unique whatever their case ------------------------------------------------------------


@pytest.mark.parametrize(("model", "factory"), [(Candidate, CandidateFactory), (Coach, CoachFactory)])
def test_save_stores_the_email_lower_cased_and_stripped(model, factory):
    person = factory(email="  Amina.Diallo@Example.ORG ")

    assert model.objects.get(pk=person.pk).email == "amina.diallo@example.org"


@pytest.mark.parametrize(("model", "factory"), [(Candidate, CandidateFactory), (Coach, CoachFactory)])
def test_saving_the_same_email_in_another_case_is_refused(model, factory):
    factory(email="amina.diallo@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        factory(email="AMINA.DIALLO@example.org")


def test_raw_insert_of_a_candidate_email_in_another_case_is_refused():
    existing = CandidateFactory(email="amina.diallo@example.org")
    # bulk_create skips save(): the address reaches the table with its capitals.
    duplicate = Candidate(first_name="Amina", last_name="Bis", email="Amina.Diallo@Example.org", cohort=existing.cohort)

    with pytest.raises(IntegrityError), transaction.atomic():
        Candidate.objects.bulk_create([duplicate])


def test_raw_update_of_a_candidate_email_to_another_case_of_an_existing_one_is_refused():
    CandidateFactory(email="amina.diallo@example.org")
    other = CandidateFactory(email="moussa@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Candidate.objects.filter(pk=other.pk).update(email="AMINA.DIALLO@EXAMPLE.ORG")


def test_raw_update_of_a_candidate_email_to_a_new_address_is_accepted():
    candidate = CandidateFactory(email="amina.diallo@example.org")

    Candidate.objects.filter(pk=candidate.pk).update(email="Amina.Nouvelle@Example.org")

    assert Candidate.objects.get(pk=candidate.pk).email == "Amina.Nouvelle@Example.org"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_full_clean_reports_the_translated_message_for_a_duplicate_candidate_email(language):
    existing = CandidateFactory(email="amina.diallo@example.org")
    duplicate = Candidate(first_name="Amina", last_name="Bis", email="AMINA.DIALLO@example.org", cohort=existing.cohort)

    with translation.override(language), pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    with translation.override(language):
        expected = constraint_message(Candidate, "unique_candidate_email")
    assert excinfo.value.messages == [expected]
