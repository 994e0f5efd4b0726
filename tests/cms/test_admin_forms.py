"""Admin forms turn the database rules into messages on the form, never into a server error."""

import datetime

import pytest
from django.utils import translation

from cohorts.models import Candidate, Cohort, Pair
from tests.admin_screens import admin_url
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory
from tests.snippets.factories import CityFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def form_errors(response):
    form = response.context["form"]
    return [str(message) for messages in form.errors.values() for message in messages]


def violation_message(model, name):
    constraint = next(c for c in model._meta.constraints if c.name == name)
    with translation.override("fr"):
        return str(constraint.violation_error_message)


@pytest.mark.parametrize(
    ("shared", "constraint"),
    [("coach", "one_active_pair_per_coach"), ("candidate", "one_active_pair_per_candidate")],
)
def test_pair_form_refuses_a_second_active_pair_with_the_rule_message(programme_admin_client, shared, constraint):
    first = PairFactory()
    other_side = {"coach": CoachFactory().pk, "candidate": CandidateFactory().pk}
    other_side[shared] = getattr(first, shared).pk

    response = programme_admin_client.post(
        admin_url("pair", "add"), {**other_side, "start_date": "2026-10-01", "end_date": ""}
    )

    assert response.status_code == 200
    assert violation_message(Pair, constraint) in form_errors(response)
    assert Pair.objects.count() == 1


def test_pair_form_accepts_a_new_pair_once_the_previous_one_ended(programme_admin_client):
    ended = PairFactory(start_date=datetime.date(2026, 1, 5), end_date=datetime.date(2026, 6, 30))

    response = programme_admin_client.post(
        admin_url("pair", "add"),
        {"coach": ended.coach_id, "candidate": CandidateFactory().pk, "start_date": "2026-07-01", "end_date": ""},
    )

    assert response.status_code == 302
    assert Pair.objects.active().get().coach == ended.coach


def test_pair_form_refuses_an_end_before_the_start(programme_admin_client):
    response = programme_admin_client.post(
        admin_url("pair", "add"),
        {"coach": CoachFactory().pk, "candidate": CandidateFactory().pk, "start_date": "2026-10-01",
         "end_date": "2026-09-01"},
    )

    assert violation_message(Pair, "pair_ends_after_start") in form_errors(response)
    assert not Pair.objects.exists()


def test_cohort_form_refuses_an_end_before_the_start(programme_admin_client):
    response = programme_admin_client.post(
        admin_url("cohort", "add"),
        {"name": "Promotion à l'envers", "city": CityFactory().pk, "kind": "adults", "status": "planned",
         "start_date": "2027-03-01", "end_date": "2026-09-01"},
    )

    assert violation_message(Cohort, "cohort_ends_after_start") in form_errors(response)
    assert not Cohort.objects.exists()


def test_candidate_form_refuses_an_email_already_used_in_another_case(programme_admin_client):
    existing = CandidateFactory(email="amina.diallo@example.org")

    response = programme_admin_client.post(
        admin_url("candidate", "add"),
        {"first_name": "Amina", "last_name": "Bis", "email": "Amina.Diallo@Example.org", "phone": "",
         "birth_date": "", "cohort": existing.cohort_id, "referring_organisation": "", "status": "in_programme",
         "notes": ""},
    )

    assert violation_message(Candidate, "unique_candidate_email") in form_errors(response)
    assert Candidate.objects.count() == 1


def test_candidate_form_stores_the_email_lower_cased(programme_admin_client):
    cohort = CandidateFactory().cohort

    response = programme_admin_client.post(
        admin_url("candidate", "add"),
        {"first_name": "Amina", "last_name": "Neuve", "email": "Amina.Neuve@Example.org", "phone": "",
         "birth_date": "", "cohort": cohort.pk, "referring_organisation": "", "status": "in_programme",
         "notes": ""},
    )

    assert response.status_code == 302
    assert Candidate.objects.get(last_name="Neuve").email == "amina.neuve@example.org"
