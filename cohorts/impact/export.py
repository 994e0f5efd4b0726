"""The impact report as files: XLSX (one sheet per table) and CSV (the tables one after the other).

Both take the report's ``tables(audience)``: with ``audience="public"`` (for outside readers) every figure about fewer
than 5 people reads "< 5". Every text cell goes through ``neutralise_formula``: company names are typed by recruiters.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from snippets.spreadsheets import neutralise_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetml.sheet"
SHEET_NAME_MAX = 31  # Excel's limit
FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _text(value):
    return neutralise_formula(str(value)) if not isinstance(value, int | float) else value


def file_name(report, audience, extension):
    """E.g. ``impact-2026-01-01-2026-12-31-public.xlsx``: the period, and who the file is for."""
    filters = report.filters
    suffix = "-public" if audience == "public" else ""
    return f"impact-{filters.start:%Y-%m-%d}-{filters.end:%Y-%m-%d}{suffix}.{extension}"


def _heading(report, audience):
    title = _("Impact report, %(filters)s") % {"filters": report.filters.describe()}
    if audience == "public":
        title += " — " + _("for outside readers: figures about fewer than 5 people read « < 5 »")
    return title


def sheet_name(title, taken):
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    name = " ".join(str(title).translate(FORBIDDEN_IN_SHEET_NAMES).split())
    if len(name) > SHEET_NAME_MAX:
        name = name[: SHEET_NAME_MAX + 1].rsplit(" ", 1)[0]
    base, number = name, 2
    while name.lower() in taken:
        suffix = f" {number}"
        name, number = base[: SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def xlsx_bytes(report, audience):
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    for table in report.tables(audience):
        sheet = workbook.create_sheet(sheet_name(table.title, taken))
        sheet.append([_text(_heading(report, audience))])
        sheet.append([_text(table.title)])
        sheet.append([_text(column) for column in table.columns])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_text(value) for value in row])
        if table.note:
            sheet.append([])
            sheet.append([_text(table.note)])
        sheet.column_dimensions["A"].width = 55
        for letter in "BCD":
            sheet.column_dimensions[letter].width = 22
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def csv_text(report, audience):
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([_text(_heading(report, audience))])
    for table in report.tables(audience):
        writer.writerow([])
        writer.writerow([_text(table.title)])
        writer.writerow([_text(column) for column in table.columns])
        writer.writerows([_text(value) for value in row] for row in table.rows)
        if table.note:
            writer.writerow([_text(table.note)])
    return output.getvalue()


def export_response(report, export_format, audience):
    """The file to download; the CSV starts with a BOM so that Excel reads its accents."""
    if export_format == "xlsx":
        response = HttpResponse(xlsx_bytes(report, audience), content_type=XLSX_TYPE)
    else:
        response = HttpResponse("\ufeff" + csv_text(report, audience), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, audience, export_format)}"'
    return response
