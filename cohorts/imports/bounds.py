"""The limits a spreadsheet must keep, checked before it is parsed and while it is read, whatever its format.

A 400 KB XLSX can unpack to gigabytes: an XLSX is a ZIP file, and one cell holding 400 MB of the same letter packs
into almost nothing. So, before any XML is parsed:

- the ZIP directory is read (nothing is unpacked): the file is refused when it is malformed, when its parts would
  unpack to more than IMPORT_MAX_UNCOMPRESSED_BYTES, or when one large part unpacks to more than MAX_RATIO times
  its packed size (Python's zipfile never unpacks a part beyond the size its directory declares);
- the shared strings and the first sheet are streamed, unpacked 64 KB at a time, and a text longer than a cell may
  be is found without ever holding it: a fast pass (in C) looks for a run of bytes without « < » longer than
  MAX_CELL_CHARS; only when it finds one does a second pass (an XML parser that gets the text in pieces) count the
  characters and name the cell.

While a file is read, every cell and header is measured (``check_cell``, ``check_header``) and the columns counted
(``check_width``), for CSV too. A refusal names its line and column as the spreadsheet does (« ligne 3, colonne B »)
and never quotes the value.
"""

import io
import re
import xml.sax
import zipfile

import defusedxml.sax
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.xml.constants import SHARED_STRINGS

MAX_CELL_CHARS = 10_000  # a candidate's whole story fits in a quarter of it
MAX_HEADER_CHARS = 200
MAX_COLUMNS = 200  # both files have fewer than 25 columns
MAX_PARTS = 1_000  # an XLSX has a dozen parts
MAX_RATIO = 100  # real sheets pack 5 to 20 times
RATIO_CHECKED_ABOVE = 1024 * 1024  # tiny parts may pack very well: only parts over 1 MB unpacked are judged
CHUNK = 64 * 1024


class SpreadsheetError(Exception):
    """The file cannot be read at all: the message says why, in words an admin understands."""


def grouped(number):
    """« 10 000 »: thousands apart, as the limits are written in both languages."""
    return f"{number:,}".replace(",", " ")


def damaged():
    return SpreadsheetError(_("This XLSX file cannot be read (is it damaged?)."))


# While reading: every format -----------------------------------------------------------------------------------


def check_cell(line, index, value):
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise cell_too_long(line, index)


def cell_too_long(line, index):
    return SpreadsheetError(
        _("Line %(line)s, column %(column)s: this cell holds more than %(limit)s characters. Shorten it, then import "
          "the file again.")
        % {"line": line, "column": get_column_letter(index + 1), "limit": grouped(MAX_CELL_CHARS)}
    )


def check_header(line, index, header):
    if len(str(header)) > MAX_HEADER_CHARS:
        raise SpreadsheetError(
            _("Line %(line)s, column %(column)s: this column header holds more than %(limit)s characters; a header "
              "names its column in a few words. Shorten it, then import the file again.")
            % {"line": line, "column": get_column_letter(index + 1), "limit": grouped(MAX_HEADER_CHARS)}
        )


def check_width(line, row):
    """The row cut to MAX_COLUMNS cells; refused if anything is written beyond (empty cells there are dropped)."""
    if len(row) <= MAX_COLUMNS:
        return row
    if any(value not in (None, "") and str(value).strip() for value in row[MAX_COLUMNS:]):
        raise SpreadsheetError(
            _("Line %(line)s: the file has more than %(limit)s columns. Keep only the columns of the import.")
            % {"line": line, "limit": grouped(MAX_COLUMNS)}
        )
    return row[:MAX_COLUMNS]


def locate_long_csv_field(text, delimiter):
    """The position (0-based) of the first field longer than MAX_CELL_CHARS in ``text``, one CSV record or the start
    of one; None if there is none. Only run when the csv module gave up on a field too long for it."""
    column, length, quoted, position = 0, 0, False, 0
    while position < len(text):
        char = text[position]
        position += 1
        if quoted:
            if char == '"':
                if text[position:position + 1] == '"':
                    position += 1
                else:
                    quoted = False
                    continue
        elif char == '"':
            quoted = True
            continue
        elif char == delimiter:
            column, length = column + 1, 0
            continue
        length += 1
        if length > MAX_CELL_CHARS:
            return column
    return None


# Before parsing: the ZIP of an XLSX ----------------------------------------------------------------------------


def open_archive(data):
    """The ZIP of an XLSX, once its directory shows it unpacks to a reasonable size in a reasonable way."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise damaged() from error
    if len(parts) > MAX_PARTS:
        raise damaged()
    unpacked = sum(part.file_size for part in parts)
    if unpacked > settings.IMPORT_MAX_UNCOMPRESSED_BYTES:
        raise SpreadsheetError(
            _("Once unpacked, this file would take %(size)s, more than the %(limit)s allowed. Remove what the import "
              "does not need (other sheets, images), or split it into several files.")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(settings.IMPORT_MAX_UNCOMPRESSED_BYTES)}
        )
    for part in parts:
        if part.file_size > RATIO_CHECKED_ABOVE and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise SpreadsheetError(
                _("This file is packed in a way no spreadsheet program packs its files (its part « %(part)s » "
                  "unpacks to %(ratio)s times its size), so it is refused for safety. Open it in your spreadsheet "
                  "program and save it again.")
                % {"part": part.filename[:100], "ratio": grouped(part.file_size // max(part.compress_size, 1))}
            )
    return archive


def check_xlsx_texts(data):
    """Refuse an XLSX whose first sheet holds a text longer than a cell may be, naming the cell, before openpyxl
    (which keeps every shared string in memory, and each cell's text whole) parses it. Run after ``open_archive``."""
    archive, strings_part, sheet_part = _parts_read(data)
    long_strings = set()
    if strings_part and _has_long_text(archive, strings_part):
        long_strings = _long_shared_strings(archive, strings_part)
    if sheet_part and (long_strings or _has_long_text(archive, sheet_part)):
        handler = _SheetScan(long_strings)
        _parse(archive, sheet_part, handler)
    if long_strings:
        # Only in sheets that are not imported: openpyxl would still load it whole.
        raise SpreadsheetError(
            _("This file holds a text of more than %(limit)s characters, in a sheet that is not imported. Delete "
              "that sheet, then import the file again.") % {"limit": grouped(MAX_CELL_CHARS)}
        )


def _parts_read(data):
    """The archive, and the parts openpyxl reads values from: the shared strings and the first worksheet, found as
    openpyxl finds them (its manifest and the workbook's relationships), so the check and the reading agree."""
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_workbook()
        strings = reader.package.find(SHARED_STRINGS)
        sheets = [rel.target for _sheet, rel in reader.parser.find_sheets()
                  if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
    except Exception as error:  # openpyxl raises many kinds of errors on a damaged file.
        raise damaged() from error
    strings_part = strings.PartName[1:] if strings is not None else None
    if strings_part not in reader.valid_files:
        strings_part = None
    return reader.archive, strings_part, (sheets[0] if sheets else None)


def _has_long_text(archive, name):
    """Whether the part holds a run of more than MAX_CELL_CHARS bytes without a « < »: any text longer than that
    many characters is such a run (a character takes one byte or more), though such a run may be a shorter text."""
    if archive.getinfo(name).file_size <= MAX_CELL_CHARS:
        return False
    longer = re.compile(rb"[^<]{%d}" % (MAX_CELL_CHARS + 1))
    run = 0
    try:
        with archive.open(name) as source:
            while chunk := source.read(CHUNK):
                first = chunk.find(b"<")
                if first == -1:
                    run += len(chunk)
                    if run > MAX_CELL_CHARS:
                        return True
                    continue
                if run + first > MAX_CELL_CHARS or longer.search(chunk, first):
                    return True
                run = len(chunk) - chunk.rfind(b"<") - 1
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise damaged() from error
    return False


def _parse(archive, name, handler):
    parser = defusedxml.sax.make_parser()  # no DTD entities, no external references
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        with archive.open(name) as source:
            parser.parse(source)
    except (xml.sax.SAXException, zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError,
            ValueError) as error:
        if isinstance(error, _Stop):  # a handler found what it looked for
            raise error.refusal from None
        raise damaged() from error


class _Stop(xml.sax.SAXException):
    def __init__(self, refusal):
        super().__init__(str(refusal))
        self.refusal = refusal


def _long_shared_strings(archive, name):
    handler = _StringsScan()
    _parse(archive, name, handler)
    return handler.long


class _StringsScan(xml.sax.handler.ContentHandler):
    """Count the characters of each shared string (its <t> pieces, phonetic hints left out) as they stream by."""

    def __init__(self):
        super().__init__()
        self.index = -1
        self.length = 0
        self.in_text = False
        self.phonetic = 0
        self.long = set()

    def startElementNS(self, name, qname, attrs):
        tag = name[1]
        if tag == "si":
            self.index, self.length = self.index + 1, 0
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "t" and not self.phonetic:
            self.in_text = True

    def endElementNS(self, name, qname):
        tag = name[1]
        if tag == "rPh":
            self.phonetic -= 1
        elif tag == "t":
            self.in_text = False

    def characters(self, content):
        if self.in_text:
            self.length += len(content)
            if self.length > MAX_CELL_CHARS:
                self.long.add(self.index)
                if len(self.long) > 1000:  # enough to refuse the file: no need to keep counting
                    raise _Stop(SpreadsheetError(
                        _("This file holds many texts of more than %(limit)s characters: shorten them, then import "
                          "the file again.") % {"limit": grouped(MAX_CELL_CHARS)}
                    ))


class _SheetScan(xml.sax.handler.ContentHandler):
    """Follow the cells of a sheet as they stream by; stop at the first whose text is too long, or which shows a
    shared string too long."""

    VALUE_TAGS = {"v", "t"}

    def __init__(self, long_strings):
        super().__init__()
        self.long_strings = long_strings
        self.row = 0
        self.column = 0  # 1-based; 0 before the first cell of a row
        self.cell_type = ""
        self.in_value = False
        self.in_formula = 0
        self.length = 0
        self.value = []  # a shared string's index only: a few digits

    def startElementNS(self, name, qname, attrs):
        tag = name[1]
        if tag == "row":
            number = attrs.get((None, "r"))
            self.row = int(number) if number and number.isdigit() else self.row + 1
            self.column = 0
        elif tag == "c":
            reference = attrs.get((None, "r"))
            try:
                letters, row = coordinate_from_string(reference) if reference else (None, None)
            except ValueError:
                letters, row = None, None
            self.column = column_index_from_string(letters) if letters else self.column + 1
            self.row = row or self.row
            self.cell_type = attrs.get((None, "t"), "n")
            self.length, self.value = 0, []
        elif tag == "f":
            self.in_formula += 1
        elif tag in self.VALUE_TAGS and not self.in_formula:
            self.in_value = True

    def endElementNS(self, name, qname):
        tag = name[1]
        if tag == "f":
            self.in_formula -= 1
        elif tag in self.VALUE_TAGS:
            self.in_value = False
            if tag == "v" and self.cell_type == "s":
                index = "".join(self.value).strip()
                if index.isdigit() and int(index) in self.long_strings:
                    raise _Stop(cell_too_long(self.row, self.column - 1))

    def characters(self, content):
        if not self.in_value:
            return
        if self.cell_type == "s":
            if len(self.value) < 4:
                self.value.append(content[:20])
            return
        self.length += len(content)
        if self.length > MAX_CELL_CHARS:
            raise _Stop(cell_too_long(self.row, self.column - 1))
