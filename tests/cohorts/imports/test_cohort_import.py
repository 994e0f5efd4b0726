"""The cohort import end to end, through ``run_import`` and a real database: what it writes, what it refuses, and how
it says so. Files come from tests/cohorts/imports/data (see make_files.py)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cohorts.enums import ImportKind
from cohorts.imports.reading import Column
from cohorts.imports.report import Report, RowReport, error_report_csv
from cohorts.imports.runner import read
from cohorts.models import Candidate, Coach, Cohort, Pair
from pages.models import CandidatePage
from pages.services import create_draft_story
from snippets.enums import ReferringOrganisationKind
from snippets.models import PartnerCompany, ReferringOrganisation
from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory
from tests.cohorts.imports.conftest import read_data, rows_by_label
from tests.snippets.factories import PartnerCompanyFactory, ReferringOrganisationFactory

pytestmark = pytest.mark.django_db

FIRST = "cohort_semicolon_utf8_bom.csv"
COHORT_HEADERS = [
    "promotion", "ville", "prenom", "nom", "email", "telephone", "date_naissance", "structure", "secteurs",
    "contrats", "coach_prenom", "coach_nom", "coach_email", "coach_entreprise", "accroche", "histoire",
]
FORMATS = ["cohort_semicolon_utf8_bom.csv", "cohort_comma_utf8.csv", "cohort_semicolon_cp1252.csv", "cohort.xlsx"]


def page_of(email):
    return CandidatePage.objects.get(candidate__email=email)


# --- What a first import creates ------------------------------------------------------------------------------


def test_new_candidates_get_a_draft_story_page(import_file, admin_user, references):
    report = import_file(FIRST, user=admin_user)

    assert report.ok, report.as_text()
    page = page_of("helene.dubois@example.org")
    assert page.title == page.draft_title == "Hélène D."
    assert not page.live and page.has_unpublished_changes
    assert page.catchphrase == "Je ne lâche rien."
    assert page.story == "<p>Arrivée à Lyon en 2019.<br/>J&#x27;ai travaillé en cuisine.</p><p>Je cherche un CDI.</p>"
    assert {sector.label for sector in page.sectors.all()} == {"Bâtiment", "Logistique"}
    assert {contract.slug for contract in page.contract_types.all()} == {"cdi", "temp"}
    assert page.owner == admin_user
    revision = page.latest_revision
    assert revision.user == admin_user
    assert revision.as_object().catchphrase == "Je ne lâche rien."
    assert page.get_parent().specific == references["story_index"]

    muller = page_of("francoise.muller@example.org")
    assert muller.title == "Françoise M."
    # « logistique ; BÂTIMENT » and « alternance »: codes, capitals and other separators are understood.
    assert {sector.slug for sector in muller.sectors.all()} == {"batiment", "logistique"}
    assert [contract.slug for contract in muller.contract_types.all()] == ["work_study"]
    assert (muller.catchphrase, muller.story) == ("", "")
    assert CandidatePage.objects.count() == 5


def test_coaches_are_created_and_paired(import_file):
    import_file(FIRST)

    claire = Coach.objects.get(email="claire.martin@example.org")  # « Claire.Martin@Example.org » in the file
    assert (claire.first_name, claire.last_name, claire.employer.name) == ("Claire", "Martin", "Boulangerie Ange")
    assert Coach.objects.get(email="karim.benali@example.org").employer.name == "Transports Rhône"
    pairs = {(pair.candidate.email, pair.coach.email) for pair in Pair.objects.active()}
    assert pairs == {("helene.dubois@example.org", "claire.martin@example.org"),
                     ("noel.lefevre@example.org", "karim.benali@example.org")}
    assert {pair.start_date for pair in Pair.objects.all()} == {timezone.localdate()}


def test_a_new_cohort_and_referring_organisation_are_created_in_the_city_given(import_file, references):
    report = import_file(FIRST)

    cohort = Cohort.objects.get()
    assert (cohort.name, cohort.city) == ("Promo Lyon 2026", references["cities"]["Lyon"])
    assert cohort.start_date == timezone.localdate() <= cohort.end_date
    organisation = ReferringOrganisation.objects.get()
    assert (organisation.name, organisation.city, organisation.kind) == (
        "Mission locale de Lyon", references["cities"]["Lyon"], ReferringOrganisationKind.OTHER,
    )
    assert set(organisation.candidates.values_list("first_name", flat=True)) == {"Hélène", "Noël"}
    assert report.created == [
        ["New cohorts", ["Promo Lyon 2026"]],
        ["New referring organisations", ["Mission locale de Lyon"]],
        ["New partner companies", ["Boulangerie Ange", "Transports Rhône"]],
        ["New coaches", ["Claire Martin", "Karim Benali"]],
    ]
    assert "New coaches: Claire Martin, Karim Benali" in report.as_text()


def test_existing_coaches_cohorts_organisations_and_companies_are_matched(import_file, references):
    lyon = references["cities"]["Lyon"]
    cohort = CohortFactory(name="Promo Lyon 2026", city=lyon)
    claire = CoachFactory(first_name="Claire", last_name="Martin", email="claire.martin@example.org")
    organisation = ReferringOrganisationFactory(name="Mission Locale de LYON", city=lyon)
    PartnerCompanyFactory(name="Transports Rhone")

    report = import_file(FIRST)

    assert report.ok, report.as_text()
    # Claire is matched, so her company cell is not read: only Karim is new, with « Transports Rhône » matched.
    assert report.created == [["New coaches", ["Karim Benali"]]]
    assert Cohort.objects.get() == cohort
    assert ReferringOrganisation.objects.get() == organisation
    assert Coach.objects.count() == 2
    assert Pair.objects.get(candidate__email="helene.dubois@example.org").coach == claire
    assert Coach.objects.get(email="karim.benali@example.org").employer.name == "Transports Rhone"
    assert PartnerCompany.objects.count() == 1


def test_a_coach_whose_email_was_stored_with_capitals_is_still_matched(import_file):
    claire = CoachFactory(first_name="Claire", last_name="Martin")
    Coach.objects.filter(pk=claire.pk).update(email="Claire.MARTIN@example.org")  # as older records may hold it

    report = import_file(FIRST)

    assert report.ok, report.as_text()
    assert Pair.objects.get(candidate__email="helene.dubois@example.org").coach == claire


# --- Importing again -------------------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(import_file, db_counts):
    import_file(FIRST)
    before = db_counts()

    report = import_file(FIRST)

    assert report.ok
    assert report.counts == {"new": 0, "updated": 0, "unchanged": 5, "error": 0}
    assert report.created == []
    assert db_counts() == before


def test_the_same_people_saved_in_other_formats_are_unchanged(import_file, db_counts):
    import_file(FIRST)
    before = db_counts()

    for name in FORMATS[1:]:
        report = import_file(name)
        assert report.counts["unchanged"] == 5, (name, report.as_text())

    assert db_counts() == before


def test_a_changed_row_updates_that_candidate_and_says_what_changed(import_file, db_counts):
    import_file(FIRST)
    before = db_counts()
    noel = Candidate.objects.get(email="noel.lefevre@example.org")

    report = import_file("cohort_changed.csv")

    assert report.ok
    assert report.counts == {"new": 0, "updated": 1, "unchanged": 4, "error": 0}
    row = rows_by_label(report)["Noël Lefèvre"]
    assert (row.line, row.status) == (3, RowReport.UPDATED)
    assert row.changes == ["Phone: 06 12 34 56 79 → 07 98 76 54 32"]
    assert "line 3: Noël Lefèvre updated (Phone: 06 12 34 56 79 → 07 98 76 54 32)" in report.as_text()
    noel.refresh_from_db()
    assert noel.phone == "07 98 76 54 32"
    assert db_counts() == before  # no new candidate, page or revision


def test_an_update_refreshes_the_records_modification_date(import_file):
    import_file(FIRST)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Candidate.objects.update(updated_at=long_ago)

    import_file("cohort_changed.csv")

    assert Candidate.objects.get(email="noel.lefevre@example.org").updated_at > long_ago


def test_an_empty_optional_cell_does_not_erase_existing_data(import_file):
    import_file(FIRST)

    report = import_file("cohort_changed.csv")  # Hélène's birth date cell is empty there

    assert rows_by_label(report)["Hélène Dubois"].status == RowReport.UNCHANGED
    helene = Candidate.objects.get(email="helene.dubois@example.org")
    assert helene.birth_date == datetime.date(1990, 5, 17)
    # Rows without coach cells leave existing pairs alone.
    assert Pair.objects.active().count() == 2


def test_a_second_import_adds_its_pages_after_the_first(import_file, references):
    import_file(FIRST)

    report = import_file("cohort_second_batch.csv")

    assert report.counts["new"] == 2
    titles = list(CandidatePage.objects.order_by("path").values_list("title", flat=True))
    assert titles == ["Hélène D.", "Noël L.", "Amina D.", "Françoise M.", "Jean-Baptiste N.", "Yasmine B.", "Moussa T."]
    index = Page.objects.get(pk=references["story_index"].pk)
    assert index.numchild == index.get_children().count() == 7


# --- The page tree and the admin --------------------------------------------------------------------------------


def test_the_page_tree_stays_valid_after_bulk_imports(import_file, references):
    import_file(FIRST)
    import_file("cohort_second_batch.csv")

    assert all(problems == [] for problems in Page.find_problems())
    index = references["story_index"]
    for page in CandidatePage.objects.all():
        assert page.get_parent().pk == index.pk
        assert page.numchild == 0
        assert page.url_path == f"{index.url_path}{page.slug}/"
    # Wagtail's own API still adds pages in the right place after the bulk ones.
    later = create_draft_story(candidate=CandidateFactory(first_name="Zélie"))
    assert later.path > CandidatePage.objects.exclude(pk=later.pk).order_by("-path").first().path
    assert all(problems == [] for problems in Page.find_problems())
    assert Page.objects.get(pk=index.pk).numchild == 8


@pytest.mark.ignore_template_errors  # Wagtail's admin templates read variables they do not always get
def test_new_pages_are_found_by_the_admin_page_search(import_file, admin_client):
    import_file(FIRST)

    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Hélène"})

    assert response.status_code == 200
    assert "Hélène D." in response.content.decode()
    assert "Noël L." not in response.content.decode()


@pytest.mark.ignore_template_errors
def test_a_script_in_a_story_cell_arrives_harmless(import_file, admin_client):
    assert import_file("cohort_script.csv").ok

    page = CandidatePage.objects.get()
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page.story
    assert "<script" not in page.story and "<img" not in page.story
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;b&gt;Gras&lt;/b&gt; &amp; fier" in html


# --- Dry run and all-or-nothing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("names", [[FIRST], ["cohort_errors.csv"], [FIRST, "cohort_changed.csv"]])
def test_the_dry_run_writes_nothing_and_predicts_the_import(import_file, db_counts, names):
    for name in names[:-1]:
        import_file(name)
    name = names[-1]
    before = db_counts()

    preview = import_file(name, dry_run=True)

    assert db_counts() == before
    assert preview.dry_run and "Dry run: nothing was written." in preview.as_text()
    result = import_file(name)
    assert not result.dry_run
    assert preview.counts == result.counts
    assert [(row.line, row.status, row.changes, row.errors) for row in preview.rows] == [
        (row.line, row.status, row.changes, row.errors) for row in result.rows
    ]
    assert preview.created == result.created


@pytest.mark.parametrize("name", ["cohort_to_fix.csv", "cohort_errors.csv", "cohort_duplicate.csv"])
def test_one_bad_row_among_good_ones_writes_nothing(import_file, db_counts, name):
    before = db_counts()

    report = import_file(name)

    assert not report.ok
    assert report.counts["new"] >= 1 and report.counts["error"] >= 1
    assert db_counts() == before
    assert "Nothing was written: fix the errors and import the file again." in report.as_text()


def test_an_exception_while_writing_writes_nothing(import_file, db_counts, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("pages.wagtail_hooks.create_draft_stories", broken)  # run by the after_cohort_import hook
    before = db_counts()

    report = import_file(FIRST)

    assert not report.ok
    assert report.file_errors == ["The import stopped on an unexpected error: disk full"]
    assert db_counts() == before  # candidates, coaches, pairs and the cohort were written, then rolled back


# --- Each error message -----------------------------------------------------------------------------------------

CONTRACTS = "Alternance, Autre, CDD, CDDI, CDI, Intérim, PMSMP (immersion), Stage"
ERRORS = {
    2: "line 2, column date_naissance: « 31/02/1990 » is not a date",
    3: "line 3, column date_naissance: « 01/01/2099 » is in the future",
    4: "line 4, column E-mail: « amina.diallo@ » is not a valid e-mail address",
    5: "line 5, column Téléphone: « 12 34 » is not a phone number",
    6: "line 6, column prenom: this column is required and the cell is empty",
    7: "line 7, column secteurs: « Astronautique » is not a known job family "
       "(known: Bâtiment, Hôtellerie-restauration, Logistique)",
    8: f"line 8, column contrats: « CDI intérimaire » is not a known contract type (known: {CONTRACTS})",
    9: "line 9, column ville: « Marseile » is not a known city (known: Lyon (69), Marseille (13), Saint-Étienne (42))",
    10: "line 10, column promotion: the cohort « Promo Nice 2026 » does not exist yet: give its city in the « ville » "
        "column to create it",
    11: "line 11, column coach_prenom: needed to create the coach nouveau.coach@example.org",
    12: "line 12, column coach_email: this coach already accompanies Omar Said",
    13: "line 13, column coach_email: this candidate is already paired with Paul Durand: end that pair in the admin "
        "before pairing them again",
    15: "line 15, column coach_email: this coach is already paired on line 14",
    16: "line 16, column accroche: 201 characters, more than the 200 allowed",
    17: "line 17, column histoire: 1501 characters, more than the 1500 allowed",
}


@pytest.fixture
def error_file_report(import_file, references):
    """The error file, imported where Julie Roux already coaches Omar Said and Sofia Haddad has Paul Durand."""
    marseille = CohortFactory(name="Promo Marseille 2025", city=references["cities"]["Marseille"])
    PairFactory(coach=CoachFactory(first_name="Julie", last_name="Roux", email="julie.roux@example.org"),
                candidate=CandidateFactory(first_name="Omar", last_name="Said", cohort=marseille))
    PairFactory(coach=CoachFactory(first_name="Paul", last_name="Durand"),
                candidate=CandidateFactory(first_name="Sofia", last_name="Haddad", email="sofia.haddad@example.org",
                                           cohort=marseille))
    return import_file("cohort_errors.csv")


@pytest.mark.parametrize("line", sorted(ERRORS))
def test_each_error_names_its_line_and_column_and_quotes_the_value(error_file_report, line):
    row = next(row for row in error_file_report.rows if row.line == line)

    assert row.status == RowReport.ERROR
    assert row.error_texts() == [ERRORS[line]]


def test_the_error_file_reports_every_bad_row_and_writes_nothing(error_file_report):
    assert [row.line for row in error_file_report.error_rows()] == sorted(ERRORS)
    assert rows_by_label(error_file_report)["Nina Ben"].status == RowReport.NEW  # line 14 is fine on its own
    assert Candidate.objects.count() == 2
    assert Coach.objects.count() == 2
    assert not Cohort.objects.filter(name="Promo Lyon 2026").exists()


def test_errors_carry_the_column_letter_and_the_value_as_written(error_file_report):
    row = next(row for row in error_file_report.rows if row.line == 4)

    assert row.errors == [{"column": "E-mail", "letter": "E", "value": "amina.diallo@",
                           "message": "« amina.diallo@ » is not a valid e-mail address"}]


# --- The report -------------------------------------------------------------------------------------------------


def test_row_error_texts():
    row = RowReport(line=14, status=RowReport.NEW, label="Ali Ben")
    column = Column(key="date_naissance", header="Date de naissance", index=6)

    row.add_error(column, "« 31/02/1990 » is not a date", "31/02/1990")
    row.add_error(None, "unexpected error: boom", "")

    assert row.status == RowReport.ERROR
    assert row.error_texts() == [
        "line 14, column Date de naissance: « 31/02/1990 » is not a date",
        "line 14: unexpected error: boom",
    ]


def test_report_as_text_and_its_json_round_trip(error_file_report):
    text = error_file_report.as_text()

    assert text.splitlines()[:2] == ["16 rows read.", ERRORS[2]]
    assert text.splitlines()[-2:] == [
        "1 new, 0 updated, 0 unchanged, 15 with errors",
        "Nothing was written: fix the errors and import the file again.",
    ]
    assert Report.from_json(error_file_report.to_json()) == error_file_report


def test_a_file_error_in_the_text_report(import_file):
    assert import_file("cohort_missing_email.csv", dry_run=True).as_text().splitlines() == [
        "Dry run: nothing was written.",
        "0 rows read.",
        "The column email is missing (headers read: promotion, ville, prenom, nom).",
        "0 new, 0 updated, 0 unchanged, 0 with errors",
        "Nothing was written: fix the errors and import the file again.",
    ]


def error_report_rows(name, report):
    table, _failure = read(ImportKind.COHORT, read_data(name), name)
    text = error_report_csv(report, table)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_error_report_holds_the_bad_rows_with_their_errors_and_no_live_formula(import_file):
    report = import_file("cohort_to_fix.csv", dry_run=True)

    rows = error_report_rows("cohort_to_fix.csv", report)

    header, rose, lucie = rows
    assert header == [*COHORT_HEADERS, "erreurs"]
    assert (rose[2], lucie[2]) == ("Rose", "Lucie")  # the two bad rows only, as in the file
    assert rose[-1] == "date_naissance: « 31/02/1990 » is not a date"
    assert lucie[-1] == "email: « lucie.brun@ » is not a valid e-mail address"
    assert rose[14] == "'=HYPERLINK(\"http://evil.example\",\"Cliquez\")"
    assert rose[5] == "'+33 6 01 02 03 04"
    assert lucie[14] == "'@SUM(1+1)"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_corrected_error_report_imports(import_file):
    report = import_file("cohort_to_fix.csv", dry_run=True)
    rows = error_report_rows("cohort_to_fix.csv", report)
    rows[1][6] = "28/02/1990"
    rows[2][4] = "lucie.brun@example.org"
    output = io.StringIO()
    csv.writer(output, delimiter=";").writerows(rows)  # saved again by the spreadsheet, errors column and all

    fixed = import_file("erreurs-corrigees.csv", data=("\ufeff" + output.getvalue()).encode())

    assert fixed.ok, fixed.as_text()
    assert fixed.unknown_columns == []  # the « erreurs » column is ours: not reported
    assert fixed.counts["new"] == 2
    rose = Candidate.objects.get(email="rose.lemaire@example.org")
    assert (rose.birth_date, rose.phone) == (datetime.date(1990, 2, 28), "06 01 02 03 04")
    # The neutralised cells come back as they were typed.
    assert rose.story_page.catchphrase == '=HYPERLINK("http://evil.example","Cliquez")'
    assert Candidate.objects.get(email="lucie.brun@example.org").story_page.catchphrase == "@SUM(1+1)"


def test_the_error_report_of_an_xlsx_writes_dates_as_staff_read_them(import_file):
    helene = CandidateFactory(first_name="Hélène", last_name="Dubois", email="helene.dubois@example.org")
    PairFactory(candidate=helene, coach=CoachFactory(first_name="Paul", last_name="Durand"))

    report = import_file("cohort.xlsx", dry_run=True)
    header, row = error_report_rows("cohort.xlsx", report)

    assert (row[2], row[6]) == ("Hélène", "17/05/1990")  # a real date cell, written as staff read it
    assert row[-1] == ("coach_email: this candidate is already paired with Paul Durand: end that pair in the admin "
                       "before pairing them again")
