"""Files as staff produce them are read right: separators, encodings, line breaks in cells, Excel dates and numbers.

The four cohort files of data/ hold the same five candidates, saved by Excel or LibreOffice in different
ways (see data/make_files.py); whichever is imported, the same records come out.
"""

import datetime

import pytest
from openpyxl import load_workbook

from cohorts.enums import ImportKind
from cohorts.imports.columns import COHORT_COLUMNS
from cohorts.imports.reading import read_table
from cohorts.imports.runner import read
from cohorts.models import Candidate
from tests.cohorts.imports.conftest import DATA, read_data

pytestmark = pytest.mark.django_db

SAME_FIVE = ["cohort_semicolon_utf8_bom.csv", "cohort_comma_utf8.csv", "cohort_semicolon_cp1252.csv", "cohort.xlsx"]

EXPECTED = {
    "helene.dubois@example.org": ("Hélène", "Dubois", "06 12 34 56 78", datetime.date(1990, 5, 17)),
    "noel.lefevre@example.org": ("Noël", "Lefèvre", "06 12 34 56 79", datetime.date(1988, 11, 2)),
    "amina.diallo@example.org": ("Amina", "Diallo", "06 12 34 56 80", datetime.date(1995, 3, 4)),
    "francoise.muller@example.org": ("Françoise", "Müller", "06 12 34 56 81", datetime.date(1987, 6, 21)),
    "jb.nguessan@example.org": ("Jean-Baptiste", "N'Guessan", "06 12 34 56 82", None),
}


def table_of(name):
    return read_table(read_data(name), name, COHORT_COLUMNS)


@pytest.mark.parametrize("name", SAME_FIVE)
def test_every_format_gives_the_same_candidates(import_file, name):
    report = import_file(name)

    assert report.ok, report.as_text()
    assert report.counts == {"new": 5, "updated": 0, "unchanged": 0, "error": 0}
    found = {c.email: (c.first_name, c.last_name, c.phone, c.birth_date) for c in Candidate.objects.all()}
    assert found == EXPECTED


@pytest.mark.parametrize(("name", "separator"), [
    ("cohort_semicolon_utf8_bom.csv", ";"), ("cohort_comma_utf8.csv", ","), ("cohort_semicolon_cp1252.csv", ";"),
])
def test_the_separator_is_detected(name, separator):
    data = read_data(name)
    header = data.split(b"\r\n" if b"\r\n" in data else b"\n")[0]
    assert header.count(separator.encode()) >= 15  # the file really uses this separator

    table = table_of(name)

    assert table.keys == list(COHORT_COLUMNS)[:16]
    assert len(table.rows) == 5


@pytest.mark.parametrize(("name", "encoding_check"), [
    ("cohort_semicolon_utf8_bom.csv", lambda data: data.startswith(b"\xef\xbb\xbf") and "Hélène".encode() in data),
    ("cohort_comma_utf8.csv", lambda data: not data.startswith(b"\xef\xbb\xbf") and "Hélène".encode() in data),
    ("cohort_semicolon_cp1252.csv", lambda data: "Hélène".encode("cp1252") in data and "é".encode() not in data),
])
def test_accents_are_read_right_in_every_encoding(name, encoding_check):
    assert encoding_check(read_data(name))  # the file is saved as its name says

    table = table_of(name)

    assert table.raw_headers[0] == "promotion"  # no BOM left glued to the first header
    first_names = [values["prenom"] for _line, values in table.rows]
    assert first_names == ["Hélène", "Noël", "Amina", "FRANÇOISE", "Jean-Baptiste"]
    assert table.rows[1][1]["nom"] == "Lefèvre"
    assert table.rows[0][1]["secteurs"] == "Bâtiment, Logistique"


@pytest.mark.parametrize("name", ["cohort_semicolon_utf8_bom.csv", "cohort_semicolon_cp1252.csv"])
def test_a_cell_with_line_breaks_stays_one_cell_and_lines_match_the_spreadsheet_rows(name):
    data = read_data(name)
    assert data.count(b"\n") == 7 + 3  # 7 records ending in CRLF; Hélène's story adds 3 line feeds, as Excel writes

    table = table_of(name)

    lines = [line for line, _values in table.rows]
    # Hélène's story takes 4 lines of text but one spreadsheet row; the blank row 4 is skipped.
    assert lines == [2, 3, 5, 6, 7]
    assert table.rows[0][1]["histoire"] == "Arrivée à Lyon en 2019.\nJ'ai travaillé en cuisine.\n\nJe cherche un CDI."
    assert table.rows[1][1]["prenom"] == "Noël"


def test_an_error_after_a_multi_line_cell_reports_its_own_line(import_file):
    report = import_file("cohort_errors.csv", dry_run=True)

    # Line 2 holds a story on three lines of text: the next rows keep their spreadsheet row numbers.
    assert [row.line for row in report.rows] == list(range(2, 18))
    assert report.rows[2].error_texts() == [
        "line 4, column E-mail: « amina.diallo@ » is not a valid e-mail address"
    ]


def test_blank_lines_and_empty_columns_at_the_right_are_ignored():
    table = table_of("cohort_semicolon_utf8_bom.csv")

    assert table.raw_headers[-2:] == ["", ""]  # the file has two empty columns at the right
    assert table.unknown == []
    assert len(table.rows) == 5
    assert all(len(cells) == 18 for _line, cells in table.raw_rows)


def test_the_xlsx_file_holds_real_date_cells_and_a_phone_stored_as_a_number():
    sheet = load_workbook(DATA / "cohort.xlsx").active
    assert sheet["G2"].is_date and sheet["G2"].number_format == "dd/mm/yyyy"
    assert sheet["G3"].data_type == "s"  # dates typed as text too
    assert sheet["F7"].value == 612345682 and sheet["F7"].data_type == "n"
    assert sheet.max_column > 16  # cells coloured beyond the table

    table = table_of("cohort.xlsx")

    assert table.rows[0][1]["date_naissance"] == datetime.date(1990, 5, 17)
    assert table.rows[1][1]["date_naissance"] == "02/11/88"
    assert table.rows[4][1]["telephone"] == "612345682"
    assert [line for line, _values in table.rows] == [2, 3, 5, 6, 7]  # row 4 is empty
    assert table.unknown == []


def test_headers_are_matched_ignoring_case_accents_spaces_and_underscores_in_french_or_english(import_file):
    table = table_of("cohort_aliases.csv")
    assert table.keys == [
        "promotion", "ville", "prenom", "nom", "email", "telephone", "date_naissance", "structure", "secteurs",
        "contrats", "coach_prenom", "coach_nom", "coach_email", "coach_entreprise", "accroche", "histoire",
    ]

    report = import_file("cohort_aliases.csv")

    assert report.ok, report.as_text()
    assert report.unknown_columns == ["Remarques", "Taille T-shirt"]
    assert "Ignored columns: Remarques, Taille T-shirt" in report.as_text()
    candidate = Candidate.objects.get()
    assert (candidate.first_name, candidate.email, candidate.phone) == ("Ibrahim", "ibrahim.kone@example.org",
                                                                        "06 22 33 44 55")
    assert candidate.cohort.city.name == "Saint-Étienne"  # « saint etienne » in the file


def test_a_missing_required_column_is_named(import_file, db_counts):
    before = db_counts()

    report = import_file("cohort_missing_email.csv")

    assert not report.ok
    assert report.file_errors == ["The column email is missing (headers read: promotion, ville, prenom, nom)."]
    assert db_counts() == before


def test_the_same_column_twice_is_refused(import_file):
    report = import_file("cohort_same_column_twice.csv")

    assert report.file_errors == ["The columns « email » and « E-mail » are the same column: keep only one."]


def test_headers_without_rows(import_file):
    assert import_file("cohort_headers_only.csv").file_errors == ["The file has headers but no rows to import."]


def test_an_empty_file(import_file):
    assert import_file("promo.csv", data=b"").file_errors == ["The file is empty."]
    assert import_file("promo.csv", data=b"\r\n;;;\r\n").file_errors == ["The file is empty."]


def test_the_same_candidate_twice_is_a_duplicate_on_the_second_line(import_file, db_counts):
    before = db_counts()

    report = import_file("cohort_duplicate.csv")

    assert [row.status for row in report.rows] == ["new", "new", "error"]
    assert report.rows[2].error_texts() == ["line 4, column email: this candidate is already on line 2 (same e-mail)"]
    assert db_counts() == before


@pytest.mark.parametrize(("name", "limit", "message"), [
    ("cohort_semicolon_utf8_bom.csv", 1000, "The file weighs 1.0 KB, more than the 1000 bytes allowed"),
    ("cohort.xlsx", 4096, "The file weighs 5.7 KB, more than the 4.0 KB allowed"),
])
def test_a_file_over_the_size_limit_is_refused(import_file, settings, name, limit, message):
    settings.IMPORT_MAX_BYTES = limit

    report = import_file(name)

    assert [error.replace("\xa0", " ") for error in report.file_errors] == [
        f"{message}: split it into several files."
    ]
    assert Candidate.objects.count() == 0


@pytest.mark.parametrize("name", ["cohort_semicolon_utf8_bom.csv", "cohort.xlsx"])
def test_a_file_at_the_size_limit_is_accepted(import_file, settings, name):
    settings.IMPORT_MAX_BYTES = len(read_data(name))

    assert import_file(name, dry_run=True).ok


@pytest.mark.parametrize("name", ["cohort_comma_utf8.csv", "cohort.xlsx"])
def test_a_file_over_the_row_limit_is_refused(import_file, settings, name):
    settings.IMPORT_MAX_ROWS = 4

    report = import_file(name)

    assert report.file_errors == ["The file has more than 4 rows: split it into several files."]
    assert Candidate.objects.count() == 0


def test_a_file_at_the_row_limit_is_accepted(import_file, settings):
    settings.IMPORT_MAX_ROWS = 5

    assert import_file("cohort_comma_utf8.csv", dry_run=True).ok


@pytest.mark.parametrize("name", ["cohort.pdf", "cohort.ods"])
def test_a_file_that_is_not_csv_or_xlsx_is_refused(import_file, name):
    assert import_file(name).file_errors == ["Only CSV and XLSX files can be imported."]


def test_a_damaged_xlsx_is_refused(import_file):
    assert import_file("cohort_damaged.xlsx").file_errors == ["This XLSX file cannot be read (is it damaged?)."]


def test_an_xlsx_saved_under_a_csv_name_is_still_read():
    table, failure = read(ImportKind.COHORT, read_data("cohort.xlsx"), "cohort.csv")

    assert failure is None
    assert len(table.rows) == 5
