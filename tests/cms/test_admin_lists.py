"""Admin lists: filters and search narrow the rows, columns read as staff expect, exports are readable and private.

One small programme (two cities, two cohorts, three candidates, three coaches...) serves every test; each
filter case names the rows it expects.
"""

import datetime

import pytest
from django.utils import translation
from django.utils.text import capfirst

from cohorts.enums import CandidateStatus, CohortKind, CohortStatus
from cohorts.models import Candidate, Coach
from cohorts.wagtail_hooks import CandidateViewSet
from snippets.enums import OfferStatus, ReferringOrganisationKind
from snippets.models import ContractType
from snippets.wagtail_hooks import OfferViewSet
from tests.admin_screens import SNIPPETS, admin_url, export, listing_rows
from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, ContactRequestFactory, PairFactory
from tests.snippets.factories import (
    CityFactory,
    OfferFactory,
    PartnerCompanyFactory,
    ReferringOrganisationFactory,
    SectorFactory,
)

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

PRIVATE = {
    "candidate_emails": ["awa.private@example.org", "bintou.private@example.org", "chloe.private@example.org"],
    "candidate_phones": ["06 11 11 11 11", "06 22 22 22 22", "06 33 33 33 33"],
    "coach_emails": ["claire.private@example.org", "didier.private@example.org", "emma.private@example.org"],
    "coach_phones": ["07 44 44 44 44", "07 55 55 55 55", "07 66 66 66 66"],
    "company_contacts": ["rh.private@example.org", "01 77 77 77 77", "btp.private@example.org", "03 88 88 88 88"],
    "referent_contacts": ["referente.private@example.org", "01 99 99 99 99"],
    "contact_request_senders": ["sender.private@example.org", "06 98 98 98 98"],
    "notes": ["Suivi social confidentiel"],
    "birth_dates": ["1991-04-12", "12/04/1991"],
}


@pytest.fixture
def programme(story_index):
    """Named rows for every list; the comments say what makes each one stand out."""
    paris = CityFactory(name="Paris", department="75")
    lille = CityFactory(name="Lille", department="59")
    bakery = SectorFactory(label="Boulangerie", slug="boulangerie")
    building = SectorFactory(label="Bâtiment", slug="batiment")
    cohort_paris = CohortFactory(name="Paris 2026", city=paris, status=CohortStatus.RUNNING, kind=CohortKind.ADULTS)
    cohort_lille = CohortFactory(name="Lille jeunes", city=lille, status=CohortStatus.PLANNED, kind=CohortKind.YOUTH)
    mission_locale = ReferringOrganisationFactory(
        name="Mission locale Paris", kind=ReferringOrganisationKind.MISSION_LOCALE, city=paris,
        referent_name="Sophie Référente", referent_email="referente.private@example.org",
        referent_phone="01 99 99 99 99",
    )
    e2c = ReferringOrganisationFactory(name="E2C Lille", kind=ReferringOrganisationKind.E2C, city=lille)
    bakery_company = PartnerCompanyFactory(
        name="Boulangerie Paul", sector=bakery, city=paris,
        contact_email="rh.private@example.org", contact_phone="01 77 77 77 77",
    )
    building_company = PartnerCompanyFactory(
        name="BTP Nord", sector=building, city=lille,
        contact_email="btp.private@example.org", contact_phone="03 88 88 88 88",
    )
    # Awa: coached by Claire, story published.
    awa = CandidateFactory(
        first_name="Awa", last_name="Traoré", email="Awa.Private@example.org", phone="06 11 11 11 11",
        birth_date=datetime.date(1991, 4, 12), notes="Suivi social confidentiel", cohort=cohort_paris,
        referring_organisation=mission_locale, published=True,
    )
    # Bintou: hired, her pair has ended, story still a draft.
    bintou = CandidateFactory(
        first_name="Bintou", last_name="Camara", email="bintou.private@example.org", phone="06 22 22 22 22",
        cohort=cohort_paris, status=CandidateStatus.HIRED, with_story=True,
    )
    # Chloé: left the programme, never paired, no story at all.
    chloe = CandidateFactory(
        first_name="Chloé", last_name="Petit", email="chloe.private@example.org", phone="06 33 33 33 33",
        cohort=cohort_lille, status=CandidateStatus.LEFT, referring_organisation=e2c,
    )
    claire = CoachFactory(first_name="Claire", last_name="Bernard", email="claire.private@example.org",
                          phone="07 44 44 44 44", employer=bakery_company)
    didier = CoachFactory(first_name="Didier", last_name="Roux", email="didier.private@example.org",
                          phone="07 55 55 55 55", employer=building_company)
    CoachFactory(first_name="Emma", last_name="Leroy", email="emma.private@example.org",
                 phone="07 66 66 66 66", active=False)
    PairFactory(coach=claire, candidate=awa, start_date=datetime.date(2026, 9, 15))
    # A baker read Awa's story and offers her a job.
    ContactRequestFactory(candidate=awa, name="Sophie Boulangère", company="Boulangerie Paul",
                          email="sender.private@example.org", phone="06 98 98 98 98")
    PairFactory(coach=didier, candidate=bintou, start_date=datetime.date(2026, 9, 15),
                end_date=datetime.date(2026, 11, 1))
    OfferFactory(title="Vendeuse", company=bakery_company, city=paris, sector=bakery,
                 contract_type=ContractType.objects.get(slug="cdi"), status=OfferStatus.PUBLISHED)
    OfferFactory(title="Maçon", company=building_company, city=lille, sector=building,
                 contract_type=ContractType.objects.get(slug="cdd"), status=OfferStatus.PENDING)
    OfferFactory(title="Apprenti boulanger", company=bakery_company, city=lille, sector=bakery,
                 contract_type=ContractType.objects.get(slug="work_study"), status=OfferStatus.PUBLISHED)
    return {
        "paris": paris, "lille": lille, "bakery": bakery, "building": building,
        "cohort_paris": cohort_paris, "cohort_lille": cohort_lille,
        "bakery_company": bakery_company, "building_company": building_company,
        "awa": awa, "bintou": bintou, "chloe": chloe, "cdd": ContractType.objects.get(slug="cdd"),
    }


class Ref(str):
    """A filter value that is the pk of one of the programme's named rows."""


def resolve(params, programme):
    return {key: programme[value].pk if isinstance(value, Ref) else value for key, value in params.items()}


def listed(response):
    return {str(obj) for obj in response.context["object_list"]}


AWA, BINTOU, CHLOE = "Awa Traoré", "Bintou Camara", "Chloé Petit"
CLAIRE, DIDIER, EMMA = "Claire Bernard", "Didier Roux", "Emma Leroy"
PAIR_AWA, PAIR_BINTOU = f"{CLAIRE} — {AWA}", f"{DIDIER} — {BINTOU}"
SELLER, MASON, APPRENTICE = "Vendeuse — Boulangerie Paul", "Maçon — BTP Nord", "Apprenti boulanger — Boulangerie Paul"

FILTER_CASES = [
    ("candidate", {}, {AWA, BINTOU, CHLOE}),
    ("candidate", {"cohort": Ref("cohort_paris")}, {AWA, BINTOU}),
    ("candidate", {"city": Ref("lille")}, {CHLOE}),
    ("candidate", {"status": CandidateStatus.HIRED}, {BINTOU}),
    ("candidate", {"status": CandidateStatus.IN_PROGRAMME}, {AWA}),
    ("candidate", {"has_coach": "true"}, {AWA}),
    ("candidate", {"has_coach": "false"}, {BINTOU, CHLOE}),
    ("candidate", {"story_live": "true"}, {AWA}),
    ("candidate", {"story_live": "false"}, {BINTOU, CHLOE}),
    ("candidate", {"cohort": Ref("cohort_paris"), "has_coach": "false"}, {BINTOU}),
    ("cohort", {"city": Ref("lille")}, {"Lille jeunes"}),
    ("cohort", {"status": CohortStatus.RUNNING}, {"Paris 2026"}),
    ("cohort", {"kind": CohortKind.YOUTH}, {"Lille jeunes"}),
    ("coach", {"active": "false"}, {EMMA}),
    ("coach", {"has_pair": "true"}, {CLAIRE}),
    ("coach", {"has_pair": "false"}, {DIDIER, EMMA}),
    ("coach", {"employer": Ref("building_company")}, {DIDIER}),
    ("pair", {"active": "true"}, {PAIR_AWA}),
    ("pair", {"active": "false"}, {PAIR_BINTOU}),
    ("pair", {"cohort": Ref("cohort_lille")}, set()),
    ("pair", {"cohort": Ref("cohort_paris")}, {PAIR_AWA, PAIR_BINTOU}),
    ("offer", {"status": OfferStatus.PUBLISHED}, {SELLER, APPRENTICE}),
    ("offer", {"contract_type": Ref("cdd")}, {MASON}),
    ("offer", {"city": Ref("lille")}, {MASON, APPRENTICE}),
    ("offer", {"status": OfferStatus.PUBLISHED, "city": Ref("lille")}, {APPRENTICE}),
    ("offer", {"company": Ref("bakery_company")}, {SELLER, APPRENTICE}),
    ("offer", {"sector": Ref("building")}, {MASON}),
    ("partnercompany", {"sector": Ref("building")}, {"BTP Nord"}),
    ("partnercompany", {"city": Ref("paris")}, {"Boulangerie Paul"}),
    ("referringorganisation", {"kind": ReferringOrganisationKind.E2C}, {"E2C Lille"}),
    ("referringorganisation", {"city": Ref("paris")}, {"Mission locale Paris"}),
    ("city", {"department": "59"}, {"Lille (59)"}),
    ("sector", {"label": "boul"}, {"Boulangerie"}),
]


@pytest.mark.parametrize(
    ("model_name", "params", "expected"),
    FILTER_CASES,
    ids=[f"{model}-{'-'.join(f'{k}={v}' for k, v in params.items()) or 'all'}" for model, params, _ in FILTER_CASES],
)
def test_filters_narrow_the_list_to_matching_rows(admin_client, programme, model_name, params, expected):
    response = admin_client.get(admin_url(model_name, "list"), resolve(params, programme))

    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    ("model_name", "query", "expected"),
    [
        ("candidate", "awa", {AWA}),
        ("candidate", "Camara", {BINTOU}),
        ("candidate", "chloe.private", {CHLOE}),
        ("coach", "didier", {DIDIER}),
        ("pair", "Claire", {PAIR_AWA}),
        ("pair", "Bintou", {PAIR_BINTOU}),
        ("cohort", "jeunes", {"Lille jeunes"}),
        ("offer", "maçon", {MASON}),
        ("offer", "Boulangerie Paul", {SELLER, APPRENTICE}),
        ("partnercompany", "btp", {"BTP Nord"}),
        ("referringorganisation", "Référente", {"Mission locale Paris"}),
        ("city", "lil", {"Lille (59)"}),
        ("sector", "bât", {"Bâtiment"}),
        ("candidate", "personne", set()),
    ],
)
def test_search_finds_rows_by_name(admin_client, programme, model_name, query, expected):
    response = admin_client.get(admin_url(model_name, "list"), {"q": query})

    assert response.status_code == 200
    assert listed(response) == expected


def test_candidate_list_shows_cohort_coach_status_label_and_story_flag(admin_client, programme):
    response = admin_client.get(admin_url("candidate", "list"))

    columns = {column.name: column for column in CandidateViewSet.list_display if not isinstance(column, str)}
    with translation.override("fr"):
        name = capfirst(Candidate.full_name.fget.short_description)
        cohort = capfirst(Candidate._meta.get_field("cohort").verbose_name)
        coach, status, story = (str(columns[key].label) for key in ("active_coach", "get_status_display",
                                                                     "story_published"))
        hired, in_programme, left = (str(s.label) for s in (CandidateStatus.HIRED, CandidateStatus.IN_PROGRAMME,
                                                             CandidateStatus.LEFT))
    by_name = {row[name]: {key: row[key] for key in (cohort, coach, status, story)} for row in listing_rows(response)}
    assert by_name == {
        AWA: {cohort: "Paris 2026", coach: CLAIRE, status: in_programme, story: "True"},
        BINTOU: {cohort: "Paris 2026", coach: "", status: hired, story: "False"},
        CHLOE: {cohort: "Lille jeunes", coach: "", status: left, story: "False"},
    }


# --- Exports ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("model_name", SNIPPETS)
def test_export_headings_are_words_not_attribute_names(admin_client, programme, model_name, export_format):
    header, *_rows = export(admin_client, model_name, export_format)

    for heading in header:
        assert heading[:1].isupper(), heading
        assert "_" not in heading and "." not in heading, heading


def test_candidate_export_headings_are_the_translated_labels(admin_client, programme):
    header, *_rows = export(admin_client, "candidate", "csv")

    with translation.override("fr"):
        expected = [str(CandidateViewSet.export_headings[field]) for field in CandidateViewSet.list_export]
    assert header == expected


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("model_name", SNIPPETS)
def test_no_export_holds_contact_details_notes_or_birth_dates(admin_client, programme, model_name, export_format):
    rows = export(admin_client, model_name, export_format)

    cells = " | ".join(cell for row in rows for cell in row).lower()
    for kind, values in PRIVATE.items():
        for value in values:
            assert value.lower() not in cells, f"{kind} leaked into the {model_name} export"


def test_candidate_export_reads_as_labels(admin_client, programme):
    header, *rows = export(admin_client, "candidate", "csv")

    by_first_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    with translation.override("fr"):
        heading = {field: str(CandidateViewSet.export_headings[field]) for field in CandidateViewSet.list_export}
        hired, in_programme = str(CandidateStatus.HIRED.label), str(CandidateStatus.IN_PROGRAMME.label)
        yes, no = translation.gettext("yes,no,maybe").split(",")[:2]
    awa, bintou = by_first_name["Awa"], by_first_name["Bintou"]
    assert awa[heading["cohort"]] == "Paris 2026"
    assert awa[heading["referring_organisation"]] == "Mission locale Paris"
    assert awa[heading["active_coach"]] == CLAIRE
    assert awa[heading["get_status_display"]] == in_programme
    assert awa[heading["story_published"]] == yes
    assert bintou[heading["active_coach"]] == ""
    assert bintou[heading["get_status_display"]] == hired
    assert bintou[heading["story_published"]] == no
    assert not {"in_programme", "hired", "left", "True", "False"} & {cell for row in rows for cell in row}


def test_offer_export_shows_contract_and_status_labels(admin_client, programme):
    header, *rows = export(admin_client, "offer", "csv")

    with translation.override("fr"):
        contract = header.index(str(OfferViewSet.export_headings["contract_type"]))
        status = header.index(str(OfferViewSet.export_headings["get_status_display"]))
        expected = {
            "Vendeuse": (ContractType.objects.get(slug="cdi").label, str(OfferStatus.PUBLISHED.label)),
            "Maçon": (ContractType.objects.get(slug="cdd").label, str(OfferStatus.PENDING.label)),
            "Apprenti boulanger": (ContractType.objects.get(slug="work_study").label, str(OfferStatus.PUBLISHED.label)),
        }
    assert {row[0]: (row[contract], row[status]) for row in rows} == expected


def test_coach_export_reads_active_as_yes_or_no(admin_client, programme):
    header, *rows = export(admin_client, "coach", "csv")

    with translation.override("fr"):
        yes, no = translation.gettext("yes,no,maybe").split(",")[:2]
        column = header.index(capfirst(Coach._meta.get_field("active").verbose_name))
    active = {row[0]: row[column] for row in rows}
    assert active == {"Claire": yes, "Didier": yes, "Emma": no}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_keeps_the_list_filters_and_search(admin_client, programme, export_format):
    filtered = export(admin_client, "candidate", export_format, status=CandidateStatus.HIRED)
    searched = export(admin_client, "candidate", export_format, q="chloé")

    assert [row[:2] for row in filtered[1:]] == [["Bintou", "Camara"]]
    assert [row[:2] for row in searched[1:]] == [["Chloé", "Petit"]]


@pytest.mark.parametrize("model_name", SNIPPETS)
def test_xlsx_export_opens_with_openpyxl_and_matches_the_csv(admin_client, programme, model_name):
    csv_rows = export(admin_client, model_name, "csv")
    xlsx_rows = export(admin_client, model_name, "xlsx")

    assert xlsx_rows[0] == csv_rows[0]
    assert len(xlsx_rows) == len(csv_rows) > 1
    assert [row[0] for row in xlsx_rows] == [row[0] for row in csv_rows]


@pytest.mark.parametrize(("model_name", "filename"), [("candidate", "candidats"), ("offer", "offres")])
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_is_downloaded_under_a_french_file_name(admin_client, programme, model_name, filename, export_format):
    response = admin_client.get(admin_url(model_name, "list"), {"export": export_format})

    assert response["Content-Disposition"] == f'attachment; filename="{filename}.{export_format}"'
