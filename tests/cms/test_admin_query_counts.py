"""Admin lists and exports stay flat: one bound per list holds for 5 rows and for 50.

Bounds are the measured count (programme admin, SQLite and PostgreSQL) plus a small margin. A failure at 50
rows but not at 5 means an N+1: fix the viewset's ``get_queryset``, do not raise the bound.
"""

import pytest

from snippets import roles
from snippets.models import ContractType
from tests.admin_screens import admin_url, export_rows
from tests.cohorts.factories import (
    CandidateFactory,
    CoachFactory,
    CohortFactory,
    ConsentRecordFactory,
    ContactRequestFactory,
    PairFactory,
)
from tests.snippets.factories import (
    CityFactory,
    ContractTypeFactory,
    OfferFactory,
    PartnerCompanyFactory,
    ReferringOrganisationFactory,
    SectorFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def paired_candidates(n):
    """Candidates as the list meets them: each in its own cohort, with an active pair and a published story."""
    for candidate in CandidateFactory.create_batch(n, published=True):
        PairFactory(candidate=candidate)


def paired_coaches(n):
    for _ in range(n):
        PairFactory(coach=CoachFactory(employer=PartnerCompanyFactory()))


def busy_companies(n):
    """Companies with a published offer and a coach each, so that both counted columns have something to count."""
    for company in PartnerCompanyFactory.create_batch(n):
        OfferFactory(company=company, published=True)
        CoachFactory(employer=company)


def fresh_contract_types(n):
    """Exactly n contract types: the migration seeds the usual eight, which would otherwise add to the count."""
    ContractType.objects.all().delete()
    return [ContractTypeFactory(slug=f"contrat-{i}") for i in range(n)]


def consents(n):
    """Consents of n candidates, each in their own cohort, one of every two withdrawn."""
    for i, candidate in enumerate(CandidateFactory.create_batch(n)):
        ConsentRecordFactory(candidate=candidate, withdrawn_at="2026-10-01T10:00:00Z" if i % 2 else None)


ROWS = {
    "cohort": CohortFactory.create_batch,
    "candidate": paired_candidates,
    "coach": paired_coaches,
    "pair": PairFactory.create_batch,
    "consentrecord": consents,
    "contactrequest": ContactRequestFactory.create_batch,
    "city": CityFactory.create_batch,
    "partnercompany": busy_companies,
    "offer": OfferFactory.create_batch,
    "sector": SectorFactory.create_batch,
    "contracttype": fresh_contract_types,
    "referringorganisation": ReferringOrganisationFactory.create_batch,
}

# (list, export) → most queries allowed: session, user, permissions, filter choices, count, rows, prefetches.
BOUNDS = {
    ("cohort", None): 15,
    ("candidate", None): 18,
    ("coach", None): 16,
    ("pair", None): 15,
    ("consentrecord", None): 16,
    ("contactrequest", None): 15,
    ("city", None): 14,
    ("partnercompany", None): 16,
    ("offer", None): 17,
    ("sector", None): 14,
    ("contracttype", None): 14,
    ("referringorganisation", None): 15,
    ("cohort", "csv"): 9,
    # +3: the export is logged, once and per record (cohorts/gdpr/audit.py), whatever the number of rows.
    ("candidate", "csv"): 14,
    ("candidate", "xlsx"): 14,
    ("coach", "csv"): 10,
    ("pair", "csv"): 9,
    ("consentrecord", "csv"): 9,
    ("contactrequest", "csv"): 9,
    ("city", "csv"): 9,
    ("partnercompany", "csv"): 9,
    ("offer", "csv"): 9,
    ("sector", "csv"): 9,
    ("contracttype", "csv"): 9,
    ("referringorganisation", "csv"): 9,
}


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize(("model_name", "export"), BOUNDS, ids=[f"{m}-{e or 'list'}" for m, e in BOUNDS])
def test_admin_list_query_count_does_not_grow_with_rows(
    story_index, programme_admin_client, django_assert_max_num_queries, model_name, export, n
):
    ROWS[model_name](n)
    url = admin_url(model_name, "list")

    with django_assert_max_num_queries(BOUNDS[model_name, export]):
        response = programme_admin_client.get(url, {"export": export} if export else {})
        rows = export_rows(response)[1:] if export else response.context["object_list"]

    assert response.status_code == 200
    assert len(rows) == (n if export else min(n, 20))


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize("role", [roles.COMMUNICATION, roles.COACHES])
def test_candidate_list_query_count_for_reading_roles_does_not_grow_with_rows(
    story_index, client, django_assert_max_num_queries, role, n
):
    user = UserFactory(groups=[role])
    paired_candidates(n)
    PairFactory(coach=CoachFactory(user=user), candidate=CandidateFactory(published=True))
    client.force_login(user)

    with django_assert_max_num_queries(BOUNDS["candidate", None]):
        response = client.get(admin_url("candidate", "list"))

    assert len(response.context["object_list"]) == (1 if role == roles.COACHES else min(n + 1, 20))
