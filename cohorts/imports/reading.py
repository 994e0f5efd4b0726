"""Read a spreadsheet as staff produce it: CSV (comma or semicolon, UTF-8 with or without BOM, Windows-1252) or XLSX.

The result is a ``Table``: the recognised columns under their canonical names, the unknown ones, and each row
with its line number in the file (the header is line 1, as in the spreadsheet), blank lines left out. Every file
keeps the limits of cohorts/imports/bounds.py: an XLSX is checked before it is parsed, every cell as it is read.
"""

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cohorts.imports.bounds import (
    SpreadsheetError,
    cell_too_long,
    check_cell,
    check_header,
    check_width,
    check_xlsx_texts,
    damaged,
    grouped,
    locate_long_csv_field,
    open_archive,
)
from cohorts.imports.columns import IGNORED, normalise_header

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Column:
    key: str  # canonical name, e.g. "date_naissance"
    header: str  # as written in the file
    index: int  # 0-based position in the file

    @property
    def letter(self):
        return get_column_letter(self.index + 1)


@dataclass
class Table:
    columns: list = field(default_factory=list)  # recognised columns, in file order
    unknown: list = field(default_factory=list)  # headers nobody asked for
    rows: list = field(default_factory=list)  # (line number, {key: value})
    raw_headers: list = field(default_factory=list)
    raw_rows: list = field(default_factory=list)  # (line number, every cell), for the error report
    ignored: set = field(default_factory=set)  # positions of the columns we add ourselves (errors)

    def raw_headers_for_report(self):
        return [header for index, header in enumerate(self.raw_headers) if index not in self.ignored]

    @property
    def keys(self):
        return [column.key for column in self.columns]

    def column(self, key):
        return next((column for column in self.columns if column.key == key), None)


def check_size(size):
    if size > settings.IMPORT_MAX_BYTES:
        raise SpreadsheetError(
            _("The file weighs %(size)s, more than the %(limit)s allowed: split it into several files.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.IMPORT_MAX_BYTES)}
        )


def read_table(data, file_name, columns):
    """Read ``data`` (bytes) into a Table, recognising the headers listed in ``columns`` (key -> aliases)."""
    check_size(len(data))
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    name = file_name.lower()
    # An .ods or .docx is a zip too: the name decides first, so that it is not taken for a damaged XLSX.
    if not name.endswith((".xlsx", ".csv", ".txt")):
        raise SpreadsheetError(_("Only CSV and XLSX files can be imported."))
    is_xlsx = name.endswith(".xlsx") or data[:4] == b"PK\x03\x04"  # an XLSX saved under a .csv name too
    if is_xlsx:
        open_archive(data)  # its ZIP directory first: nothing unpacked yet
        check_xlsx_texts(data)
    return _build_table(_xlsx_records(data) if is_xlsx else _csv_records(data), columns)


def clean_value(value):
    """Text trimmed of spaces (non-breaking ones too); dates stay dates; whole numbers lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\xa0", " ").replace("\u202f", " ").strip()
    # A value neutralised by one of our exports ('=...) comes back as written.
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS:
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def _limit_rows(count):
    if count > settings.IMPORT_MAX_ROWS + 1:
        raise SpreadsheetError(
            _("The file has more than %(limit)s rows: split it into several files.")
            % {"limit": grouped(settings.IMPORT_MAX_ROWS)}
        )


def _xlsx_records(data):
    try:
        # openpyxl parses the XML with defusedxml when it is installed (it is: requirements.txt).
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on a damaged file.
        raise damaged() from error
    try:
        sheet = workbook.worksheets[0]
        if sheet.max_row:
            _limit_rows(sheet.max_row)
        # Rows as long as their last written cell, not padded to the size the sheet declares (which may be 16,384
        # columns wide whatever it holds).
        sheet.reset_dimensions()
        records = []
        for count, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            _limit_rows(count)
            row = check_width(count, row)
            for index, value in enumerate(row):
                check_cell(count, index, value)
            records.append((count, list(row)))
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl reads the sheet lazily: a damaged part (no sheet, a bad cell) fails here.
        raise damaged() from error
    finally:
        workbook.close()
    return records


def _decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _sniff_delimiter(text):
    """The separator of the header line: whichever of ; , and tab occurs most outside quotes."""
    header = []
    in_quotes = False
    for char in text[:10_000]:
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            if "".join(header).strip():
                break
            header = []
            continue
        header.append(char)
    line = "".join(header)
    counts = {delimiter: line.count(delimiter) for delimiter in (";", ",", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ";"


class _Lines:
    """The lines of a text, remembering those of the record being read (to find a field too long to be read)."""

    def __init__(self, text):
        self._lines = iter(io.StringIO(text, newline=""))
        self.pending = []

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self._lines)
        self.pending.append(line)
        return line


def _csv_records(data):
    text = _decode(data)
    delimiter = _sniff_delimiter(text)
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    records = []
    count = 0
    try:
        for count, row in enumerate(reader, start=1):  # noqa: B007 (count is read after the loop on an error)
            lines.pending = []
            _limit_rows(count)
            row = check_width(count, row)
            for index, value in enumerate(row):
                check_cell(count, index, value)
            records.append((count, row))
    except csv.Error as error:
        # The csv module stops at a field of more than 131,072 characters: longer than any cell may be.
        column = locate_long_csv_field("".join(lines.pending), delimiter)
        if column is not None:
            raise cell_too_long(count + 1, column) from error
        raise SpreadsheetError(_("This CSV file cannot be read: %(error)s") % {"error": error}) from error
    return records


def _build_table(records, columns):
    records = [(line, row) for line, row in records if any(clean_value(value) != "" for value in row)]
    if not records:
        raise SpreadsheetError(_("The file is empty."))
    header_line, headers = records[0]
    for index, header in enumerate(headers):
        check_header(header_line, index, clean_value(header))
    aliases = {normalise_header(alias): key for key, names in columns.items() for alias in (key, *names)}
    table = Table(raw_headers=[clean_value(header) for header in headers])
    seen = {}
    for index, header in enumerate(table.raw_headers):
        if header == "":
            continue
        key = aliases.get(normalise_header(str(header)))
        if key == IGNORED:
            table.ignored.add(index)
            continue
        if key is None:
            table.unknown.append(str(header))
        elif key in seen:
            raise SpreadsheetError(
                _("The columns « %(first)s » and « %(second)s » are the same column: keep only one.")
                % {"first": seen[key], "second": header}
            )
        else:
            seen[key] = header
            table.columns.append(Column(key=key, header=str(header), index=index))
    for line, row in records[1:]:
        values = {column.key: clean_value(row[column.index]) if column.index < len(row) else "" for column in
                  table.columns}
        if any(value != "" for value in values.values()):
            table.rows.append((line, values))
            cells = [clean_value(value) for value in row]
            table.raw_rows.append((line, [cell for index, cell in enumerate(cells) if index not in table.ignored]))
    return table
