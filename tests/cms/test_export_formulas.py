"""Admin list exports never hand a spreadsheet a live formula (CSV/XLSX "formula injection").

A cell whose text starts with =, +, -, @, a tab or a carriage return is written with a leading single quote, in
CSV and XLSX alike; numbers, dates and booleans keep their type.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cohorts.wagtail_hooks import CandidateViewSet
from pages.models import ContentPage
from snippets.models import PartnerCompany
from snippets.spreadsheets import FORMULA_TRIGGERS, SafeSpreadsheetExportMixin, neutralise_formula
from snippets.wagtail_hooks import OfferViewSet, PartnerCompanyViewSet
from tests.admin_screens import SNIPPETS, admin_url
from tests.cohorts.factories import CandidateFactory
from tests.snippets.factories import OfferFactory, PartnerCompanyFactory, SectorFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

HYPERLINK = '=HYPERLINK("http://evil")'
DDE = "+cmd|' /C calc'!A0"
AT_SUM = "@SUM(1+1)"
MINUS = "-2+3"
EVE = "=1+1 Eve"
TABBED = "\tTabulée"


# --- neutralise_formula -------------------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_with_a_trigger_gets_a_leading_quote(trigger):
    assert trigger in FORMULA_TRIGGERS
    assert neutralise_formula(f"{trigger}SUM(A1:A9)") == f"'{trigger}SUM(A1:A9)"


@pytest.mark.parametrize("value", ["Boulangerie", "", "a=b", "Jean-Pierre", "06 12 34 56 78", "'=déjà"])
def test_safe_text_is_left_alone(value):
    assert neutralise_formula(value) == value


@pytest.mark.parametrize(
    "value", [None, 0, -3, 2.5, True, datetime.date(2026, 9, 1), datetime.datetime(2026, 9, 1, 10, 0)]
)
def test_values_that_are_not_text_are_left_alone(value):
    assert neutralise_formula(value) is value


class _ExportView(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
    pass


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_mixin_neutralises_the_text_wagtail_makes_of_instances_and_lazy_strings(export_format):
    view = _ExportView()

    assert view.preprocess_field_value("company", PartnerCompany(name=HYPERLINK), export_format) == f"'{HYPERLINK}"
    assert view.preprocess_field_value("label", gettext_lazy("=lazy"), export_format) == "'=lazy"
    assert view.preprocess_field_value("positions", -2, export_format) == -2


@pytest.mark.parametrize("model_name", SNIPPETS)
def test_every_admin_list_exports_through_the_safe_view(model_name):
    view_class = resolve(admin_url(model_name, "list")).func.view_class

    assert issubclass(view_class, SafeSpreadsheetExportMixin)


# --- The exports themselves ---------------------------------------------------------------------------------


@pytest.fixture
def hostile():
    """Rows whose text a spreadsheet would run, beside an ordinary sector, "Boulangerie"."""
    bakery = SectorFactory(label="Boulangerie", slug="boulangerie")
    evil = PartnerCompanyFactory(name=HYPERLINK, sector=bakery)
    for title in (DDE, AT_SUM, MINUS):
        OfferFactory(title=title, company=evil, sector=bakery, positions=3)
    CandidateFactory(first_name=EVE, last_name=TABBED)


def export(client, model_name, export_format):
    """The export's rows, header first, with each cell's raw value (XLSX numbers stay numbers)."""
    response = client.get(admin_url(model_name, "list"), {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column(rows, viewset, field):
    index = viewset.list_export.index(field)
    return [row[index] for row in rows[1:]]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_offer_export_neutralises_titles_and_the_company_name(admin_client, hostile, export_format):
    rows = export(admin_client, "offer", export_format)

    assert sorted(column(rows, OfferViewSet, "title")) == sorted([f"'{DDE}", f"'{AT_SUM}", f"'{MINUS}"])
    assert column(rows, OfferViewSet, "company") == [f"'{HYPERLINK}"] * 3
    assert column(rows, OfferViewSet, "sector") == ["Boulangerie"] * 3
    assert column(rows, OfferViewSet, "positions") == (["3"] * 3 if export_format == "csv" else [3] * 3)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_company_export_neutralises_the_name(admin_client, hostile, export_format):
    rows = export(admin_client, "partnercompany", export_format)

    assert column(rows, PartnerCompanyViewSet, "name") == [f"'{HYPERLINK}"]
    assert column(rows, PartnerCompanyViewSet, "sector") == ["Boulangerie"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_candidate_export_neutralises_the_names(admin_client, hostile, export_format):
    rows = export(admin_client, "candidate", export_format)

    assert column(rows, CandidateViewSet, "first_name") == [f"'{EVE}"]
    assert column(rows, CandidateViewSet, "last_name") == [f"'{TABBED}"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_reports_neutralise_page_titles_too(admin_client, home_page, export_format):
    """The "Reports" menu is Wagtail's own; its exports carry page titles, which hold candidates' first names."""
    page = home_page.add_child(instance=ContentPage(title=HYPERLINK, slug="hostile", live=False))
    page.save_revision().publish()

    response = admin_client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": export_format})

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        cells = [cell for row in csv.reader(io.StringIO(content.decode("utf-8"))) for cell in row]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert f"'{HYPERLINK}" in cells
    assert HYPERLINK not in cells
