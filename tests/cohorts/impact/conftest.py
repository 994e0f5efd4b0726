"""A programme with known figures: 2 cities, 3 cohorts, 15 candidates, every exit category, answered and pending
follow-up checks, applications with their histories, story counters, pairs and sessions, public and private offers.

The expected figures are worked out by hand in tests/impact/test_figures.py.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from cohorts.enums import ApplicationStatus, ExitCategory, FollowUpKind
from cohorts.models import Application, FollowUpCheck
from pages.models import CandidatePage
from pages.models.counters import StoryCounter
from snippets.models import Offer
from tests.cohorts.factories import CandidateFactory, CoachingSessionFactory, CohortFactory, OutcomeFactory, PairFactory
from tests.snippets.factories import CityFactory, ContractTypeFactory, OfferFactory, PartnerCompanyFactory

D = datetime.date


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English labels; the French ones are checked on the pages that show them."""
    with translation.override("en"):
        yield


def answer(outcome, kind, still_employed):
    FollowUpCheck.objects.filter(outcome=outcome, kind=kind).update(
        checked_on=outcome.checks.get(kind=kind).due_on, still_employed=still_employed
    )


def created_on(model, pk, day):
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    model.objects.filter(pk=pk).update(created_at=noon)


def apply(offer, candidate, *statuses, hired_on=None):
    """An application moved through ``statuses`` by change_status, which writes its history."""
    application = Application.objects.create(offer=offer, candidate=candidate)
    for status in statuses:
        extra = {}
        if status == ApplicationStatus.HIRED:
            extra = {"contract_type": ContractTypeFactory(slug="cdi"), "start_date": hired_on}
        application.change_status(status, user=None, **extra)
    return application


@pytest.fixture
def programme(story_index):
    paris, lille = CityFactory(name="Paris"), CityFactory(name="Lille")
    cohort_a = CohortFactory(name="Paris janvier 2026", city=paris, start_date=D(2026, 1, 5), end_date=D(2026, 6, 30))
    cohort_b = CohortFactory(name="Paris septembre 2026", city=paris, start_date=D(2026, 9, 1),
                             end_date=D(2027, 2, 28))
    cohort_c = CohortFactory(name="Lille septembre 2025", city=lille, start_date=D(2025, 9, 1),
                             end_date=D(2026, 2, 28))
    # A1 and C4 have a story page, for the counters.
    a = [CandidateFactory(cohort=cohort_a, first_name=f"A{i}", with_story=i == 1) for i in range(1, 7)]
    b = [CandidateFactory(cohort=cohort_b, first_name=f"B{i}") for i in range(1, 5)]
    c = [CandidateFactory(cohort=cohort_c, first_name=f"C{i}", with_story=i == 4) for i in range(1, 6)]
    co1, co2, co3 = (PartnerCompanyFactory(name=name) for name in ("Alpha Nettoyage", "Bâtir", "=Cuisine Nord"))

    def job(candidate, category, company, start, trial_end):
        return OutcomeFactory(candidate=candidate, category=category, employer=company, exit_date=start,
                              start_date=start, trial_end_date=trial_end)

    a1 = job(a[0], ExitCategory.DURABLE_EMPLOYMENT, co1, D(2026, 3, 2), D(2026, 5, 2))
    answer(a1, FollowUpKind.TRIAL_END, True)
    answer(a1, FollowUpKind.SIX_MONTHS, True)
    a2 = job(a[1], ExitCategory.DURABLE_EMPLOYMENT, co2, D(2026, 4, 6), D(2026, 6, 6))
    answer(a2, FollowUpKind.TRIAL_END, True)
    answer(a2, FollowUpKind.SIX_MONTHS, False)
    a3 = job(a[2], ExitCategory.TRANSITION_EMPLOYMENT, co1, D(2026, 5, 4), D(2026, 6, 4))
    answer(a3, FollowUpKind.TRIAL_END, True)  # its six-month check (4 November) stays unanswered
    OutcomeFactory(candidate=a[3], category=ExitCategory.POSITIVE_EXIT, exit_date=D(2026, 6, 1), employer=None,
                   employer_name="AFPA", contract_type=None, start_date=None, trial_end_date=None)
    OutcomeFactory(candidate=a[4], drop_out=True, exit_date=D(2026, 2, 15))
    OutcomeFactory(candidate=b[0], category=ExitCategory.OTHER_EXIT, exit_date=D(2026, 11, 1), employer=None,
                   contract_type=None, start_date=None, trial_end_date=None)
    c1 = job(c[0], ExitCategory.DURABLE_EMPLOYMENT, co2, D(2025, 12, 1), D(2026, 1, 31))
    answer(c1, FollowUpKind.TRIAL_END, True)
    answer(c1, FollowUpKind.SIX_MONTHS, True)
    OutcomeFactory(candidate=c[1], drop_out=True, exit_date=D(2026, 1, 20))
    c3 = job(c[2], ExitCategory.DURABLE_EMPLOYMENT, co3, D(2026, 7, 1), D(2026, 8, 31))
    answer(c3, FollowUpKind.TRIAL_END, False)

    # Offers and applications: dated 1 December 2026 (below) unless moved, whenever the tests run.
    paris_offers = [OfferFactory(company=co1, city=paris, published=True) for _ in range(3)]
    OfferFactory(company=co1, city=paris, target_candidate=a[5])
    early = OfferFactory(company=co2, city=paris, published=True)
    created_on(Offer, early.pk, D(2026, 2, 10))
    OfferFactory.create_batch(2, company=co3, city=lille, published=True)
    OfferFactory(company=co3, city=lille, target_candidate=c[3])
    old = OfferFactory(company=co3, city=lille, published=True)
    created_on(Offer, old.pk, D(2025, 11, 1))

    S = ApplicationStatus
    offer, other_offer = paris_offers[0], paris_offers[1]
    hired = apply(offer, a[0], S.CONTACTED, S.INTERVIEW, S.HIRED, hired_on=D(2026, 2, 20))
    created_on(Application, hired.pk, D(2026, 2, 1))
    apply(offer, b[1], S.HIRED, hired_on=D(2026, 11, 16))
    apply(offer, a[5], S.CONTACTED, S.INTERVIEW, S.REFUSED_AFTER_INTERVIEW)
    apply(other_offer, a[5], S.IMMERSION, S.WITHDRAWN)
    apply(offer, b[2], S.CONTACTED, S.REFUSED_BEFORE_INTERVIEW)
    apply(offer, c[3])
    apply(offer, c[4], S.CONTACTED)

    story_a1, story_c4 = CandidatePage.objects.get(candidate=a[0]), CandidatePage.objects.get(candidate=c[3])
    StoryCounter.objects.bulk_create([
        StoryCounter(page=story_a1, kind="view", channel="direct", day=D(2026, 3, 1), count=10),
        StoryCounter(page=story_a1, kind="share", channel="linkedin", day=D(2026, 3, 1), count=3),
        StoryCounter(page=story_a1, kind="qr_scan", channel="qr", day=D(2025, 12, 31), count=7),
        StoryCounter(page=story_c4, kind="view", channel="direct", day=D(2026, 6, 1), count=5),
        StoryCounter(page=story_c4, kind="qr_scan", channel="qr", day=D(2026, 6, 1), count=2),
    ])

    pair_a1 = PairFactory(candidate=a[0], start_date=D(2026, 1, 10))
    pair_b2 = PairFactory(candidate=b[1], start_date=D(2026, 9, 5))
    pair_c4 = PairFactory(candidate=c[3], start_date=D(2025, 9, 10))
    CoachingSessionFactory(pair=pair_a1, date=D(2026, 1, 20), duration_minutes=60)
    CoachingSessionFactory(pair=pair_a1, date=D(2026, 2, 3), duration_minutes=90)
    CoachingSessionFactory(pair=pair_b2, date=D(2026, 9, 10), duration_minutes=30)
    CoachingSessionFactory(pair=pair_c4, date=D(2025, 10, 1), duration_minutes=60)
    CoachingSessionFactory(pair=pair_c4, date=D(2026, 2, 1), duration_minutes=60)

    december = timezone.make_aware(datetime.datetime(2026, 12, 1, 12))
    Offer.objects.exclude(pk__in=[early.pk, old.pk]).update(created_at=december)
    Application.objects.exclude(pk=hired.pk).update(created_at=december)

    return SimpleNamespace(paris=paris, lille=lille, cohort_a=cohort_a, cohort_b=cohort_b, cohort_c=cohort_c,
                           companies=(co1, co2, co3))

