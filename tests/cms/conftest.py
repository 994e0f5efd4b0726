"""What the cross-cutting tests need: one instance of every snippet model (some the coach's own)."""

import pytest

from tests.cohorts.factories import ConsentRecordFactory, ContactRequestFactory
from tests.snippets.factories import (
    CityFactory,
    ContractTypeFactory,
    OfferFactory,
    PartnerCompanyFactory,
    ReferringOrganisationFactory,
    SectorFactory,
)


@pytest.fixture
def instances(coached_candidate, coach_record):
    """One row per snippet model; the candidate, coach and pair are the coach user's own."""
    return {
        "cohort": coached_candidate.cohort,
        "candidate": coached_candidate,
        "coach": coach_record,
        "pair": coached_candidate.pairs.get(),
        # Withdrawn: a current consent is withdrawn, never deleted (its delete screen sends to the withdrawal).
        "consentrecord": ConsentRecordFactory(candidate=coached_candidate, withdrawn_at="2026-10-01T10:00:00Z"),
        "contactrequest": ContactRequestFactory(candidate=coached_candidate),
        "city": CityFactory(),
        "partnercompany": PartnerCompanyFactory(),
        "offer": OfferFactory(),
        "sector": SectorFactory(),
        "contracttype": ContractTypeFactory(slug="cdi"),
        "referringorganisation": ReferringOrganisationFactory(),
    }
