"""What every admin test needs: one instance per snippet model, a client per role, and the admin's URLs."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import (
    CandidateFactory,
    CityFactory,
    CoachFactory,
    ConsentRecordFactory,
    ContactRequestFactory,
    ContractTypeFactory,
    OfferFactory,
    PairFactory,
    PartnerCompanyFactory,
    ReferringOrganisationFactory,
    SectorFactory,
)

# Every snippet model with an admin screen: model_name → app_label.
SNIPPETS = {
    "cohort": "cohorts",
    "candidate": "cohorts",
    "coach": "cohorts",
    "pair": "cohorts",
    "consentrecord": "cohorts",
    "contactrequest": "cohorts",
    "city": "snippets",
    "partnercompany": "snippets",
    "offer": "snippets",
    "sector": "snippets",
    "contracttype": "snippets",
    "referringorganisation": "snippets",
}

ROLE_CLIENTS = {
    "superuser": "admin_client",
    "programme_admin": "programme_admin_client",
    "communication": "communication_client",
    "coach": "coach_client",
    "no_role": "plain_client",
}


def admin_url(model_name, view, pk=None):
    """The URL of one snippet admin screen, e.g. ``admin_url("candidate", "inspect", 3)``."""
    name = f"wagtailsnippets_{SNIPPETS[model_name]}_{model_name}:{view}"
    return reverse(name, args=[pk] if pk is not None else [])


@pytest.fixture
def plain_client(client, plain_user):
    """Logged in, but the account holds no role."""
    client.force_login(plain_user)
    return client


@pytest.fixture
def coach_record(coach_user):
    """The coach behind ``coach_user``: the admin account is linked through ``Coach.user``."""
    return CoachFactory(user=coach_user, first_name="Claire", last_name="Coach")


@pytest.fixture
def coached_candidate(coach_record):
    """The one candidate ``coach_user`` may read: paired with them, pair still active."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie")
    PairFactory(coach=coach_record, candidate=candidate)
    return candidate


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


@pytest.fixture
def unrelated_candidate():
    """A candidate paired with somebody else's coach."""
    candidate = CandidateFactory(first_name="Bintou", last_name="Ailleurs")
    PairFactory(candidate=candidate)
    return candidate


def role_client(request, role):
    return request.getfixturevalue(ROLE_CLIENTS[role])


def export_rows(response):
    """The rows of a CSV or XLSX export, header first, as lists of strings (empty cells as "")."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(content.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def listing_rows(response):
    """The rows of an admin listing as {column heading: cell text}; boolean cells read "True" or "False"."""
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    if table is None:
        return []
    headings = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
    rows = []
    for tr in table.tbody.find_all("tr", recursive=False):
        cells = [(td.select_one(".title-wrapper") or td).get_text(" ", strip=True) for td in tr.find_all("td")]
        rows.append(dict(zip(headings, cells, strict=True)))
    return rows
