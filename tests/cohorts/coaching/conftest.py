"""A coach with their candidate, another pair they must never see, and dates relative to today."""

import datetime

import pytest
from django.utils import timezone, translation

from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture(autouse=True)
def english(client):
    """The admin speaks the browser's language: these tests read English."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def own_pair(coach_record):
    """The coach user's current pair, with Awa Suivie, started 60 days ago."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie", cohort=CohortFactory(name="Promo Awa"))
    return PairFactory(coach=coach_record, candidate=candidate, start_date=days_ago(60))


@pytest.fixture
def other_pair(db):
    """Somebody else's pair: nothing of it may reach the coach user."""
    candidate = CandidateFactory(first_name="Bintou", last_name="Ailleurs", cohort=CohortFactory(name="Promo Zed"))
    coach = CoachFactory(first_name="Xavier", last_name="Autrecoach")
    return PairFactory(coach=coach, candidate=candidate, start_date=days_ago(60))
