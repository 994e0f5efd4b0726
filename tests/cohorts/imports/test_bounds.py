"""Hostile files are refused before they cost anything: ZIP bombs, cells and headers too long, too many columns.

Each refusal says what is wrong and where (line and column, as the spreadsheet names them), and nothing is kept:
no record, no stored file, no report holding the oversized value.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports import jobs
from cohorts.imports.runner import run_import
from cohorts.models import ImportJob
from tests.cohorts.imports.spreadsheets import GIANT, understate_sizes, write_xlsx

pytestmark = pytest.mark.django_db

HEADERS = ["promotion", "ville", "prenom", "nom", "email"]
ROW = ["Promo Lyon 2025", "Lyon", "Awa", "Diallo", "awa.diallo@example.org"]
SECOND = ["Promo Lyon 2025", "Lyon", "Karim", "Benali", "karim.benali@example.org"]
MB = 1024 * 1024


def csv_bytes(rows):
    output = io.StringIO()
    csv.writer(output, delimiter=";").writerows(rows)
    return output.getvalue().encode("utf-8-sig")


def refusal(data, name):
    """Run the import of ``data``; the one message of its report, which must have written nothing."""
    report = run_import(ImportKind.COHORT, data, name, dry_run=False)
    assert not report.ok
    assert report.rows == []
    assert len(report.file_errors) == 1
    return report.file_errors[0].replace("\xa0", " ")


def stored_nothing_of(job, value):
    """The job keeps no file and no trace of ``value`` in its report."""
    assert not job.file
    assert value not in json.dumps(job.report)
    assert len(json.dumps(job.report)) < 2000


@pytest.fixture
def nothing_written(references, db_counts):
    before = db_counts()
    yield
    assert db_counts() == before


# Before parsing: the ZIP directory ------------------------------------------------------------------------------


def test_a_zip_bomb_xlsx_is_refused_from_its_directory(tmp_path, nothing_written):
    path = write_xlsx(tmp_path / "bombe.xlsx", [[HEADERS, [GIANT, *ROW[1:]]]], giant=60 * MB)
    assert path.stat().st_size < 100_000  # 60 MB of text packed into a few dozen KB

    message = refusal(path.read_bytes(), path.name)

    assert message == (
        "Once unpacked, this file would take 60.0 MB, more than the 50.0 MB allowed. Remove what the import does not "
        "need (other sheets, images), or split it into several files."
    )


def test_the_unpacked_limit_is_a_setting(tmp_path, settings, nothing_written):
    path = write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, ROW]])
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 1000

    assert refusal(path.read_bytes(), path.name).startswith("Once unpacked, this file would take")


def test_a_part_packed_far_beyond_what_spreadsheets_do_is_refused(tmp_path, nothing_written):
    path = write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, [GIANT, *ROW[1:]]]], giant=5 * MB)

    message = refusal(path.read_bytes(), path.name)

    assert message.startswith("This file is packed in a way no spreadsheet program packs its files (its part "
                              "« xl/sharedStrings.xml » unpacks to ")
    assert message.endswith("so it is refused for safety. Open it in your spreadsheet program and save it again.")


def test_a_zip_that_understates_its_parts_is_refused_as_damaged(tmp_path, nothing_written):
    # Python's zipfile never unpacks a part beyond the size the directory declares: the lie shows as damage.
    path = understate_sizes(write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, [ROW[0] * 500, *ROW[1:]]]]))

    assert refusal(path.read_bytes(), path.name) == "This XLSX file cannot be read (is it damaged?)."


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"\0" * 200, b"PK\x03\x04garbage"])
def test_a_malformed_zip_is_refused_as_damaged(data, nothing_written):
    assert refusal(data, "promotion.xlsx") == "This XLSX file cannot be read (is it damaged?)."


# While reading: cells and headers ------------------------------------------------------------------------------


@pytest.mark.parametrize("inline", [False, True], ids=["shared string", "inline string"])
def test_an_xlsx_cell_too_long_is_refused_with_its_line_and_column(tmp_path, inline, nothing_written):
    rows = [HEADERS, ROW, [SECOND[0], GIANT, *SECOND[2:]]]
    path = write_xlsx(tmp_path / "promotion.xlsx", [rows], giant=20_000, inline=inline)

    assert refusal(path.read_bytes(), path.name) == (
        "Line 3, column B: this cell holds more than 10 000 characters. Shorten it, then import the file again."
    )


def test_a_cell_of_ten_thousand_characters_is_read(tmp_path, references):
    rows = [[*HEADERS, "remarques"], [*ROW, GIANT]]
    path = write_xlsx(tmp_path / "promotion.xlsx", [rows], giant=10_000)

    report = run_import(ImportKind.COHORT, path.read_bytes(), path.name, dry_run=True)

    assert report.ok, report.as_text()


def test_a_long_text_in_a_sheet_that_is_not_imported_is_no_matter_when_inline(tmp_path, references):
    path = write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, ROW], [["notes"], [GIANT]]], giant=20_000, inline=True)

    assert run_import(ImportKind.COHORT, path.read_bytes(), path.name, dry_run=True).ok


def test_a_long_shared_string_used_by_another_sheet_only_is_refused_without_a_place(tmp_path, nothing_written):
    path = write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, ROW], [["notes"], [GIANT]]], giant=20_000)

    assert refusal(path.read_bytes(), path.name) == (
        "This file holds a text of more than 10 000 characters, in a sheet that is not imported. Delete that sheet, "
        "then import the file again."
    )


@pytest.mark.parametrize("length", [20_000, 200_000], ids=["read by the csv module", "beyond its own limit"])
def test_a_csv_cell_too_long_is_refused_with_its_line_and_column(length, nothing_written):
    data = csv_bytes([HEADERS, ROW, [SECOND[0], "x" * length, *SECOND[2:]]])

    assert refusal(data, "promotion.csv") == (
        "Line 3, column B: this cell holds more than 10 000 characters. Shorten it, then import the file again."
    )


def test_a_csv_cell_too_long_is_found_within_quotes_and_line_breaks(nothing_written):
    story = '"Arrivée à Lyon ; ""enfin"".\n' + "y" * 200_000 + '"'
    data = ";".join(HEADERS).encode() + b"\n" + ";".join([*ROW[:4], story]).encode() + b"\n"

    assert refusal(data, "promotion.csv") == (
        "Line 2, column E: this cell holds more than 10 000 characters. Shorten it, then import the file again."
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_header_too_long_is_refused_with_its_line_and_column_and_is_not_kept(tmp_path, file_format, references):
    header = "Remarques " + "z" * 490
    rows = [[*HEADERS[:2], header, *HEADERS[2:]], [*ROW[:2], "", *ROW[2:]]]
    data = csv_bytes(rows) if file_format == "csv" else write_xlsx(tmp_path / "h.xlsx", [rows]).read_bytes()
    upload = SimpleUploadedFile(f"promotion.{file_format}", data)

    job = jobs.create_job(kind=ImportKind.COHORT, uploaded_file=upload, user=None)

    assert job.status == ImportStatus.INVALID
    assert job.report["file_errors"] == [
        "Line 1, column C: this column header holds more than 200 characters; a header names its column in a few "
        "words. Shorten it, then import the file again."
    ]
    stored_nothing_of(job, "zzzzzzzzzz")


def test_a_value_beyond_the_last_column_allowed_is_refused(nothing_written):
    data = csv_bytes([HEADERS, [*ROW, *[""] * 300, "oups"]])

    assert refusal(data, "promotion.csv") == (
        "Line 2: the file has more than 200 columns. Keep only the columns of the import."
    )


def test_empty_cells_beyond_the_last_column_allowed_are_ignored(tmp_path, references):
    data = csv_bytes([HEADERS, [*ROW, *[""] * 300]])

    assert run_import(ImportKind.COHORT, data, "promotion.csv", dry_run=True).ok


def test_an_xlsx_that_declares_the_widest_sheet_is_read_at_its_real_size(tmp_path, references):
    # Rows are not padded to the 16,384 columns the sheet claims: that would be 16,384 cells per row.
    path = write_xlsx(tmp_path / "promotion.xlsx", [[HEADERS, ROW]], dimension="A1:XFD2")

    assert run_import(ImportKind.COHORT, path.read_bytes(), path.name, dry_run=True).ok


# Through the admin's upload screen ------------------------------------------------------------------------------


def stored_files():
    return {path for path in Path(settings.STORAGES["imports"]["OPTIONS"]["location"]).rglob("*") if path.is_file()}


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ").replace("\xa0", " ")


def upload(client, name, data):
    return client.post(reverse("imports:index"), {"kind": ImportKind.COHORT, "file": SimpleUploadedFile(name, data)},
                       follow=True)


@pytest.mark.ignore_template_errors
def test_a_zip_bomb_uploaded_in_the_admin_is_refused_and_nothing_is_kept(tmp_path, references, programme_admin_client,
                                                                         db_counts):
    before, files_before = db_counts(), stored_files()
    path = write_xlsx(tmp_path / "bombe.xlsx", [[HEADERS, [GIANT, *ROW[1:]]]], giant=400 * MB)

    response = upload(programme_admin_client, path.name, path.read_bytes())

    assert response.status_code == 200
    assert "Once unpacked, this file would take 400.0" in response.content.decode()
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.INVALID
    stored_nothing_of(job, "AAAAAAAAAA")
    assert db_counts() == before
    assert stored_files() == files_before


@pytest.mark.ignore_template_errors
def test_a_csv_cell_too_long_uploaded_in_the_admin_is_refused_in_french(references, programme_admin_client, settings):
    settings.LANGUAGE_CODE = "fr"
    data = csv_bytes([HEADERS, ROW, [SECOND[0], "x" * 20_000, *SECOND[2:]]])

    with translation.override("fr"):
        response = upload(programme_admin_client, "promotion.csv", data)

    assert ("Ligne 3, colonne B : cette cellule contient plus de 10 000 caractères. Raccourcissez-la, puis importez "
            "de nouveau le fichier.") in text_of(response)
    stored_nothing_of(ImportJob.objects.get(), "xxxxxxxxxx")


@pytest.mark.ignore_template_errors
def test_too_big_an_upload_is_refused_in_french_and_nothing_is_kept(references, programme_admin_client, settings):
    settings.IMPORT_MAX_BYTES = 1000
    settings.LANGUAGE_CODE = "fr"

    with translation.override("fr"):
        response = upload(programme_admin_client, "promotion.csv", csv_bytes([HEADERS, *[ROW] * 40]))

    assert "plus que les 1000" in text_of(response)
    assert ImportJob.objects.count() == 0
