"""The dashboard's query count does not grow with the programme: the same for 100 and for 10,000 candidates."""

import datetime

import pytest

from cohorts.enums import ApplicationStatus, CandidateStatus, ExitCategory, FollowUpKind
from cohorts.impact.figures import compute_impact
from cohorts.impact.measures import ImpactFilters
from cohorts.models import Application, Candidate, CoachingSession, FollowUpCheck, Outcome, Pair
from tests.cohorts.factories import CoachFactory, CohortFactory
from tests.snippets.factories import ContractTypeFactory, OfferFactory, PartnerCompanyFactory

pytestmark = pytest.mark.django_db

QUERIES = 10
D = datetime.date


def build(count):
    """``count`` candidates in bulk, each with a pair, a session, an application and, for half, a job and its check."""
    cohorts = [CohortFactory(start_date=D(2026, 2, 1)) for _ in range(4)]
    company, contract, offer = PartnerCompanyFactory(), ContractTypeFactory(), OfferFactory(published=True)
    coach = CoachFactory()
    candidates = Candidate.objects.bulk_create(
        Candidate(first_name="Prénom", last_name=f"Nom {index}", email=f"c{index}@example.org",
                  cohort=cohorts[index % 4], status=CandidateStatus.IN_PROGRAMME)
        for index in range(count)
    )
    outcomes = Outcome.objects.bulk_create(
        Outcome(candidate=candidate, exit_date=D(2026, 5, 1), category=ExitCategory.DURABLE_EMPLOYMENT,
                employer=company, contract_type=contract, start_date=D(2026, 5, 1))
        for candidate in candidates[::2]
    )
    FollowUpCheck.objects.bulk_create(
        FollowUpCheck(outcome=outcome, kind=FollowUpKind.SIX_MONTHS, due_on=D(2026, 11, 1), still_employed=True,
                      checked_on=D(2026, 11, 2))
        for outcome in outcomes
    )
    # Ended pairs: one coach may have had many.
    pairs = Pair.objects.bulk_create(
        Pair(coach=coach, candidate=candidate, start_date=D(2026, 2, 2), end_date=D(2026, 5, 1))
        for candidate in candidates
    )
    CoachingSession.objects.bulk_create(CoachingSession(pair=pair, date=D(2026, 3, 1)) for pair in pairs)
    Application.objects.bulk_create(
        Application(offer=offer, candidate=candidate, status=ApplicationStatus.PROPOSED) for candidate in candidates
    )


@pytest.mark.parametrize("count", [100, 10_000])
def test_the_same_queries_for_100_and_for_10000_candidates(count, django_assert_num_queries):
    build(count)

    with django_assert_num_queries(QUERIES):
        report = compute_impact(ImpactFilters(D(2026, 1, 1), D(2026, 12, 31)))

    assert report.entries == count
    assert report.six_months.denominator == count // 2
