"""Admin list exports that a spreadsheet cannot run as formulas (CSV/XLSX "formula injection").

A name typed on the public site or in the admin, e.g. ``=HYPERLINK("http://evil")``, would otherwise open as a live
formula in whoever's spreadsheet reads the export. Wagtail does nothing for CSV, and for XLSX only stores such a
value as text, which the spreadsheet may turn back into a formula once a user edits the cell.
"""

from django.template.defaultfilters import yesno
from wagtail.admin.views.reports.base import ReportView
from wagtail.snippets.views.snippets import IndexView

# The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a single quote to text a spreadsheet would read as a formula; return anything else unchanged.

    Only strings: numbers, dates and booleans keep their type in the spreadsheet.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Neutralises formulas in every exported cell, CSV and XLSX alike.

    Works on the value Wagtail is about to write, after its own preprocessing has turned model instances (foreign
    keys) and lazy strings into text, so a company whose name starts with "=" is caught in an offer's row too.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class SafeIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The snippet list whose CSV and XLSX exports hold no live formula: every admin list uses it."""


def protect_wagtail_reports():
    """Neutralise the exports of Wagtail's own reports (site history, aging pages...) too.

    Those views are Wagtail's and cannot be given another class, so their export method is wrapped once, at start-up
    (SnippetsConfig.ready). They export page titles, which hold candidates' first names.
    """
    if getattr(ReportView, "_formulas_neutralised", False):
        return
    export_value = ReportView.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(export_value(self, field, value, export_format))

    ReportView.preprocess_field_value = preprocess_field_value
    ReportView._formulas_neutralised = True


class ReadableBooleansExportMixin:
    """CSV exports write the ``export_booleans`` as a translated "oui"/"non" rather than Python's True/False.

    XLSX keeps real booleans, which the spreadsheet shows in its own language. Mixed into a SnippetViewSet.
    """

    export_booleans = ()

    def get_index_view_kwargs(self, **kwargs):
        preprocess = {field: {"csv": yesno} for field in self.export_booleans}
        return super().get_index_view_kwargs(custom_field_preprocess=preprocess, **kwargs)
