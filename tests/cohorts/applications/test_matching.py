"""Matching: who fits an offer and which offers fit a candidate, in which order, and why."""

import datetime

import pytest
from django.utils import timezone, translation

from cohorts.applications import matching
from cohorts.applications.matching import candidates_for_offer, offers_for_candidate
from cohorts.enums import CandidateStatus
from cohorts.models import Candidate
from cohorts.models.applications import Application
from pages.enums import Availability
from snippets.enums import OfferStatus
from tests.cohorts.factories import CandidateFactory, CohortFactory, PairFactory
from tests.snippets.factories import CityFactory, ContractTypeFactory, OfferFactory, SectorFactory

pytestmark = pytest.mark.django_db



def today():
    """Read when a test runs, not when the module is collected: a run may cross midnight."""
    return timezone.localdate()


def in_two_months():
    return today() + datetime.timedelta(days=60)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def lyon():
    return CityFactory(name="Lyon")


@pytest.fixture
def paris():
    return CityFactory(name="Paris")


@pytest.fixture
def cleaning():
    return SectorFactory(label="Propreté")


@pytest.fixture
def building():
    return SectorFactory(label="Bâtiment")


@pytest.fixture
def cdi():
    return ContractTypeFactory(slug="cdi")


@pytest.fixture
def cdd():
    return ContractTypeFactory(slug="cdd")


@pytest.fixture
def offer(lyon, cleaning, cdi):
    """Cleaning, in Lyon, permanent contract, starting in two months."""
    return OfferFactory(published=True, title="Agent d'entretien", city=lyon, sector=cleaning, contract_type=cdi,
                        start_date=in_two_months())


def wishing(first_name, *, cohort_city, last_name="Diallo", sectors=(), cities=(), contracts=(),
            availability=Availability.IMMEDIATE, available_from=None, licence=False, **kwargs):
    """A candidate whose story page says what they look for."""
    candidate = CandidateFactory(first_name=first_name, last_name=last_name, cohort=CohortFactory(city=cohort_city),
                                 with_story=True, **kwargs)
    page = candidate.story_page
    page.sectors.set(sectors)
    page.cities.set(cities)
    page.contract_types.set(contracts)
    page.availability, page.available_from, page.driving_licence = availability, available_from, licence
    page.save()
    return candidate


def ranked(matches):
    return [(match.candidate.first_name, match.score, [str(reason) for reason in match.reasons]) for match in matches]


# --- Candidates for an offer -------------------------------------------------------------------------------------


def test_candidates_are_ranked_by_score_then_name_with_their_reasons(offer, lyon, paris, cleaning, building, cdi, cdd):
    wishing("Zoé", cohort_city=paris, sectors=[cleaning], cities=[lyon], contracts=[cdi])
    wishing("Awa", cohort_city=paris, sectors=[cleaning], cities=[lyon], contracts=[cdi])
    wishing("Bintou", cohort_city=paris, sectors=[cleaning], availability=Availability.FROM_DATE,
            available_from=in_two_months() + datetime.timedelta(days=1))
    wishing("Chloé", cohort_city=lyon, sectors=[building], contracts=[cdi, cdd],
            availability=Availability.WITHIN_A_MONTH)
    wishing("Dina", cohort_city=paris, sectors=[building], cities=[paris], contracts=[cdi])  # nothing in common

    assert ranked(candidates_for_offer(offer)) == [
        ("Awa", 10, ["same job family", "same city", "wished contract", "available now"]),
        ("Zoé", 10, ["same job family", "same city", "wished contract", "available now"]),
        ("Chloé", 6, ["same city", "wished contract", "available now"]),
        ("Bintou", 4, ["same job family"]),
    ]


def test_ties_are_broken_by_last_name(offer, lyon, cleaning):
    wishing("Awa", last_name="Sy", cohort_city=lyon, sectors=[cleaning])
    wishing("Zoé", last_name="Ba", cohort_city=lyon, sectors=[cleaning])

    assert [match.candidate.last_name for match in candidates_for_offer(offer)] == ["Ba", "Sy"]


def test_available_from_a_date_counts_when_it_is_on_or_before_the_start(offer, lyon):
    wishing("Awa", cohort_city=lyon, availability=Availability.FROM_DATE, available_from=in_two_months())
    wishing("Bintou", cohort_city=lyon, availability=Availability.FROM_DATE, available_from=None)

    assert ranked(candidates_for_offer(offer)) == [("Awa", 4, ["same city", "available now"]),
                                                   ("Bintou", 3, ["same city"])]


def test_an_offer_without_start_date_starts_now(lyon, cleaning):
    offer = OfferFactory(published=True, city=lyon, sector=cleaning, start_date=None)
    wishing("Awa", cohort_city=lyon, availability=Availability.FROM_DATE, available_from=today())
    wishing("Bintou", cohort_city=lyon, availability=Availability.FROM_DATE,
            available_from=today() + datetime.timedelta(days=1))

    assert [(match.candidate.first_name, match.score) for match in candidates_for_offer(offer)] == [
        ("Awa", 4), ("Bintou", 3)
    ]


def test_the_city_of_the_story_page_or_of_the_cohort_counts(offer, lyon, paris):
    wishing("Awa", cohort_city=paris, cities=[lyon])
    wishing("Bintou", cohort_city=lyon, cities=[paris])

    assert [match.candidate.first_name for match in candidates_for_offer(offer)] == ["Awa", "Bintou"]
    assert all(match.reasons[0] == "same city" for match in candidates_for_offer(offer))


def test_only_candidates_in_the_programme_with_a_story_page_fit(offer, lyon, cleaning):
    wishing("Awa", cohort_city=lyon, sectors=[cleaning])
    wishing("Hired", cohort_city=lyon, sectors=[cleaning], status=CandidateStatus.HIRED)
    wishing("Left", cohort_city=lyon, sectors=[cleaning], status=CandidateStatus.LEFT)
    CandidateFactory(first_name="Nostory", cohort=CohortFactory(city=lyon))

    assert [match.candidate.first_name for match in candidates_for_offer(offer)] == ["Awa"]


def test_a_driving_job_excludes_candidates_without_a_licence(lyon, cleaning):
    offer = OfferFactory(published=True, city=lyon, sector=cleaning, driving_licence_required=True)
    wishing("Awa", cohort_city=lyon, licence=True)
    wishing("Bintou", cohort_city=lyon, sectors=[cleaning], licence=False)

    assert ranked(candidates_for_offer(offer)) == [("Awa", 5, ["same city", "available now",
                                                               "has a driving licence"])]


def test_a_licence_is_no_reason_when_the_job_does_not_need_one(offer, lyon):
    wishing("Awa", cohort_city=lyon, licence=True)

    assert ranked(candidates_for_offer(offer)) == [("Awa", 4, ["same city", "available now"])]


def test_a_candidate_already_proposed_is_shown_with_the_application(offer, lyon):
    awa = wishing("Awa", cohort_city=lyon)
    wishing("Bintou", cohort_city=lyon)
    application = Application.objects.create(offer=offer, candidate=awa)
    Application.objects.create(offer=OfferFactory(published=True), candidate=awa)  # another offer: no matter

    matches = candidates_for_offer(offer)

    assert [(match.candidate.first_name, match.application) for match in matches] == [
        ("Awa", application), ("Bintou", None)
    ]


def test_a_private_offer_fits_its_candidate_only_and_always(lyon, paris, cleaning):
    target = wishing("Awa", cohort_city=paris)  # nothing in common with the offer
    wishing("Bintou", cohort_city=lyon, sectors=[cleaning])
    offer = OfferFactory(published=True, city=lyon, sector=cleaning, target_candidate=target)

    assert ranked(candidates_for_offer(offer)) == [("Awa", 1, ["available now"])]


def test_the_list_is_cut_at_the_limit(offer, lyon):
    for name in ("Awa", "Bintou", "Chloé"):
        wishing(name, cohort_city=lyon)

    assert [match.candidate.first_name for match in candidates_for_offer(offer, limit=2)] == ["Awa", "Bintou"]


@pytest.mark.parametrize("n", [3, 30])
def test_candidates_for_an_offer_take_the_same_queries_for_3_or_30(n, offer, lyon, cleaning,
                                                                   django_assert_max_num_queries):
    for i in range(n):
        candidate = wishing(f"Cand{i}", cohort_city=lyon, sectors=[cleaning])
        PairFactory(candidate=candidate)
        Application.objects.create(offer=offer, candidate=candidate)

    with django_assert_max_num_queries(3):
        matches = candidates_for_offer(offer, limit=100)
        rows = [(m.candidate.full_name, str(m.candidate.cohort), m.candidate.active_coach, m.application.status)
                for m in matches]

    assert len(rows) == n


# --- Offers for a candidate --------------------------------------------------------------------------------------


def test_offers_are_ranked_by_score_then_title_with_their_reasons(lyon, paris, cleaning, building, cdi, cdd):
    awa = wishing("Awa", cohort_city=paris, sectors=[cleaning], cities=[lyon], contracts=[cdi])
    OfferFactory(published=True, title="Plongeur", city=paris, sector=building, contract_type=cdd)
    OfferFactory(published=True, title="Agent de propreté", city=lyon, sector=cleaning, contract_type=cdi)
    OfferFactory(published=True, title="Agent d'accueil", city=lyon, sector=cleaning, contract_type=cdi)
    OfferFactory(published=True, title="Maçon", city=CityFactory(), sector=building, contract_type=cdi)
    OfferFactory(published=True, title="Cariste", city=CityFactory(), sector=cleaning, contract_type=cdd,
                 start_date=today())

    assert [(m.offer.title, m.score, [str(r) for r in m.reasons]) for m in offers_for_candidate(awa)] == [
        ("Agent d'accueil", 10, ["same job family", "same city", "wished contract", "available now"]),
        ("Agent de propreté", 10, ["same job family", "same city", "wished contract", "available now"]),
        ("Cariste", 5, ["same job family", "available now"]),
        ("Plongeur", 4, ["same city", "available now"]),  # the city of the cohort
    ]


def test_only_open_offers_public_or_aimed_at_the_candidate_fit(lyon, cleaning):
    awa = wishing("Awa", cohort_city=lyon, sectors=[cleaning])
    common = {"city": lyon, "sector": cleaning}
    OfferFactory(published=True, title="Public", **common)
    OfferFactory(published=True, title="Pour Awa", target_candidate=awa, **common)
    OfferFactory(published=True, title="Pour une autre", target_candidate=CandidateFactory(), **common)
    OfferFactory(title="En attente", status=OfferStatus.PENDING, **common)
    OfferFactory(title="Pourvue", status=OfferStatus.FILLED, **common)
    OfferFactory(published=True, title="Expirée", expires_on=today() - datetime.timedelta(days=1), **common)
    OfferFactory(published=True, title="Pour Awa, en attente", status=OfferStatus.PENDING, target_candidate=awa,
                 **common)

    assert sorted(match.offer.title for match in offers_for_candidate(awa)) == ["Pour Awa", "Public"]


def test_a_private_offer_for_the_candidate_fits_even_with_nothing_in_common(lyon, paris, building):
    awa = wishing("Awa", cohort_city=lyon)
    OfferFactory(published=True, title="Pour Awa", city=paris, sector=building, target_candidate=awa)

    assert [match.offer.title for match in offers_for_candidate(awa)] == ["Pour Awa"]


def test_offers_needing_a_licence_are_left_out_for_a_candidate_without_one(lyon):
    awa = wishing("Awa", cohort_city=lyon)
    bintou = wishing("Bintou", cohort_city=lyon, licence=True)
    OfferFactory(published=True, title="Livreur", city=lyon, driving_licence_required=True)

    assert offers_for_candidate(awa) == []
    (match,) = offers_for_candidate(bintou)
    assert [str(reason) for reason in match.reasons] == ["same city", "available now", "has a driving licence"]


def test_a_later_availability_fits_offers_starting_after_it(lyon):
    awa = wishing("Awa", cohort_city=lyon, availability=Availability.FROM_DATE, available_from=in_two_months())
    OfferFactory(published=True, title="Tôt", city=lyon, start_date=today())
    OfferFactory(published=True, title="Tard", city=lyon, start_date=in_two_months())
    OfferFactory(published=True, title="Sans date", city=lyon, start_date=None)

    assert [(m.offer.title, m.score) for m in offers_for_candidate(awa)] == [
        ("Tard", 4), ("Sans date", 3), ("Tôt", 3)
    ]


def test_an_offer_already_proposed_is_shown_with_the_application(lyon):
    awa = wishing("Awa", cohort_city=lyon)
    offer = OfferFactory(published=True, city=lyon)
    application = Application.objects.create(offer=offer, candidate=awa)

    (match,) = offers_for_candidate(awa)
    assert match.application == application


def test_a_candidate_out_of_the_programme_or_without_story_fits_nothing(lyon):
    OfferFactory(published=True, city=lyon)
    hired = wishing("Awa", cohort_city=lyon, status=CandidateStatus.HIRED)
    no_story = CandidateFactory(cohort=CohortFactory(city=lyon))

    assert offers_for_candidate(hired) == []
    assert offers_for_candidate(no_story) == []


@pytest.mark.parametrize("n", [3, 30])
def test_offers_for_a_candidate_take_the_same_queries_for_3_or_30(n, lyon, cleaning, django_assert_max_num_queries):
    awa = wishing("Awa", cohort_city=lyon, sectors=[cleaning])
    for offer in OfferFactory.create_batch(n, published=True, city=lyon):
        Application.objects.create(offer=offer, candidate=awa)
    awa = Candidate.objects.select_related("story_page").get(pk=awa.pk)

    with django_assert_max_num_queries(2):
        matches = offers_for_candidate(awa, limit=100)
        rows = [(m.offer.title, str(m.offer.company), str(m.offer.city), str(m.offer.contract_type),
                 m.application.status) for m in matches]

    assert len(rows) == n


def test_availability_values_match_the_story_page():
    assert set(matching.AVAILABLE_SOON) == {Availability.IMMEDIATE, Availability.WITHIN_A_MONTH}
    assert matching.AVAILABLE_FROM_DATE == Availability.FROM_DATE
