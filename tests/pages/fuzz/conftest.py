"""What the fuzz tests of the public site share: a published story with a coach, and a fresh start per example."""

import pytest
from django.core import mail
from django.core.cache import cache

from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory


@pytest.fixture
def story(story_index):
    """Amina's published story: her coach and her city's staff are told of every message."""
    candidate = CandidateFactory(published=True, first_name="Amina", cohort__city__staff_emails="equipe@example.org")
    PairFactory(candidate=candidate, coach=CoachFactory(email="coach@example.org"))
    return candidate.story_page


@pytest.fixture
def fresh():
    """Call before each example: hypothesis runs them all in one test, so the rate limit and outbox would carry."""

    def reset():
        cache.clear()
        mail.outbox.clear()

    return reset
