"""Which candidates fit an offer, and which offers fit a candidate: ranked, with the reasons in plain words.

The wishes are those of the candidate's story page (pages.CandidatePage, reached through the reverse relations
``story_page`` and ``story_pages``). Rows are scored and ranked in the database: one query for the ranked rows and
one for their applications, whatever their number.

The rule, in plain words:
- only candidates in the programme with a story page, and offers that are validated, online and not expired;
- a candidate and an offer fit when they share the job family or the city (the cities on the story page, or the
  city of the candidate's cohort); the wished contract and the availability rank them further;
- a job that means driving is never matched with a candidate without a driving licence: it is excluded, not
  down-ranked, since staff check that the licence is really needed (``Offer.driving_licence_required``);
- an offer aimed at one candidate fits that candidate only, and always.
"""

import dataclasses

from django.db.models import BooleanField, Case, Exists, OuterRef, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import CandidateStatus
from cohorts.models import Candidate, Cohort
from cohorts.models.applications import Application
from snippets.enums import OfferStatus
from snippets.models import City, ContractType, Offer, Sector

# pages.enums.Availability values, named here since this app does not import the public site.
AVAILABLE_SOON = ("immediate", "within_a_month")
AVAILABLE_FROM_DATE = "from_date"

# (criterion, points, reason shown): the score is the sum of the points of the criteria met.
CRITERIA = (
    ("same_sector", 4, _("same job family")),
    ("same_city", 3, _("same city")),
    ("wished_contract", 2, _("wished contract")),
    ("available", 1, _("available now")),
    ("has_licence", 1, _("has a driving licence")),
)


@dataclasses.dataclass
class Match:
    """One candidate and one offer that fit: the score, the reasons, and the application if one exists already."""

    candidate: Candidate
    offer: Offer
    score: int
    reasons: list
    application: Application | None


def open_offers():
    """Offers that may be proposed: validated, online and not expired, public or aimed at one candidate."""
    return Offer.objects.filter(status=OfferStatus.PUBLISHED, live=True).exclude(
        expires_on__lt=timezone.localdate()
    )


def is_open(offer):
    """Whether this offer may be proposed (see ``open_offers``)."""
    return (
        offer.status == OfferStatus.PUBLISHED and offer.live
        and not (offer.expires_on and offer.expires_on < timezone.localdate())
    )


def _flag(condition):
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def _scored(queryset, conditions):
    """Annotate each criterion as a boolean, and the score as the sum of the points of those met."""
    queryset = queryset.annotate(**{name: _flag(conditions[name]) for name, _points, _reason in CRITERIA})
    score = sum(
        (Case(When(**{name: True}, then=Value(points)), default=Value(0)) for name, points, _reason in CRITERIA),
        start=Value(0),
    )
    return queryset.annotate(score=score)


def _match(row, *, candidate, offer, applications):
    return Match(
        candidate=candidate,
        offer=offer,
        score=row.score,
        reasons=[reason for name, _points, reason in CRITERIA if getattr(row, name)],
        application=applications[0] if applications else None,
    )


def candidates_for_offer(offer, *, limit=20):
    """The candidates who fit ``offer``, best first (score, then name), as ``Match`` rows."""
    page = OuterRef("story_page")
    start = offer.start_date or timezone.localdate()
    conditions = {
        "same_sector": Exists(Sector.objects.filter(pk=offer.sector_id, story_pages=page))
        if offer.sector_id else Value(False),
        "same_city": Q(cohort__city=offer.city_id) | Exists(City.objects.filter(pk=offer.city_id, story_pages=page)),
        "wished_contract": Exists(ContractType.objects.filter(pk=offer.contract_type_id, story_pages=page)),
        "available": Q(story_page__availability__in=AVAILABLE_SOON)
        | Q(story_page__availability=AVAILABLE_FROM_DATE, story_page__available_from__lte=start),
        "has_licence": Value(offer.driving_licence_required),
    }
    candidates = Candidate.objects.filter(status=CandidateStatus.IN_PROGRAMME, story_page__isnull=False)
    if offer.driving_licence_required:
        candidates = candidates.filter(story_page__driving_licence=True)
    candidates = _scored(candidates, conditions)
    if offer.is_private:
        candidates = candidates.filter(pk=offer.target_candidate_id)
    else:
        candidates = candidates.filter(Q(same_sector=True) | Q(same_city=True))
    candidates = (
        candidates.select_related("cohort", "story_page")
        .with_active_coach()
        .prefetch_related(
            Prefetch("applications", queryset=Application.objects.filter(offer=offer), to_attr="offer_applications")
        )
        .order_by("-score", "last_name", "first_name", "pk")[:limit]
    )
    return [
        _match(candidate, candidate=candidate, offer=offer, applications=candidate.offer_applications)
        for candidate in candidates
    ]


def offers_for_candidate(candidate, *, limit=20):
    """The open offers that fit ``candidate``, best first (score, then title), as ``Match`` rows.

    A candidate who has left the programme, or has no story page to read their wishes from, fits nothing.
    """
    page = getattr(candidate, "story_page", None)
    if page is None or candidate.status != CandidateStatus.IN_PROGRAMME:
        return []
    today = timezone.localdate()
    if page.availability in AVAILABLE_SOON:
        available = Value(True)
    elif page.availability == AVAILABLE_FROM_DATE and page.available_from:
        # An offer without a start date starts now.
        available = Q(start_date__gte=page.available_from)
        if page.available_from <= today:
            available |= Q(start_date__isnull=True)
    else:
        available = Value(False)
    conditions = {
        "same_sector": Q(sector__in=page.sectors.all()),
        "same_city": Q(city__in=page.cities.all())
        | Exists(Cohort.objects.filter(pk=candidate.cohort_id, city=OuterRef("city"))),
        "wished_contract": Q(contract_type__in=page.contract_types.all()),
        "available": available,
        "has_licence": Q(driving_licence_required=True) if page.driving_licence else Value(False),
    }
    offers = Offer.objects.public() | open_offers().filter(target_candidate=candidate)
    if not page.driving_licence:
        offers = offers.exclude(driving_licence_required=True)
    offers = (
        _scored(offers, conditions)
        .filter(Q(same_sector=True) | Q(same_city=True) | Q(target_candidate=candidate))
        .select_related("company", "city", "contract_type", "sector")
        .prefetch_related(
            Prefetch(
                "applications", queryset=Application.objects.filter(candidate=candidate),
                to_attr="candidate_applications",
            )
        )
        .order_by("-score", "title", "pk")[:limit]
    )
    return [
        _match(offer, candidate=candidate, offer=offer, applications=offer.candidate_applications)
        for offer in offers
    ]
