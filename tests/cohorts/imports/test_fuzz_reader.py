"""The import reader under hostile files: it returns rows, or raises its own SpreadsheetError that says why.

Never another exception: the admin screen and the command turn a SpreadsheetError into a report, and anything else
into a server error or a crashed job.
"""

import codecs
import datetime
import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from cohorts.imports.columns import COHORT_COLUMNS, OFFER_COLUMNS
from cohorts.imports.reading import SpreadsheetError, Table, read_table
from tests.cohorts.imports.conftest import read_data
from tests.hostile import FUZZ_SETTINGS, any_character, any_text

FILE_NAMES = ["cohorte.csv", "COHORTE.CSV", "offres.xlsx", "liste.txt", "cohorte.ods", "cohorte", "a.csv.xlsx", ".csv"]
CORE_NAMESPACE = b"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
column_sets = st.sampled_from([COHORT_COLUMNS, OFFER_COLUMNS])
# Headers staff write, in any case and with stray spaces, and headers nobody asked for.
known_headers = sorted({alias for columns in (COHORT_COLUMNS, OFFER_COLUMNS) for key, names in columns.items()
                        for alias in (key, *names)})
headers = st.sampled_from(known_headers).map(lambda header: f" {header.upper()} ") | st.sampled_from(
    known_headers) | any_text
cells = st.one_of(
    any_text,
    st.sampled_from(["", " ", "\xa0", "17/05/1990", "1990-05-17", "06 12 34 56 78", "'=1+1", "=HYPERLINK(\"x\")",
                     "Hélène", "N'Guessan", '"', '""', 'a"b', "a\r\nb", "\n", "\r", "\x00", "\ufeff", "\x1a"]),
    st.builds(lambda piece, times: piece * times, st.text(any_character, min_size=1, max_size=3),
              st.integers(1_000, 150_000)),  # past the csv module's field limit (131,072 characters) too
)


def assert_rows_or_clear_error(data, file_name, columns):
    try:
        table = read_table(data, file_name, columns)
    except SpreadsheetError as error:
        assert str(error)  # a message the admin reads
        return
    assert isinstance(table, Table)
    for line, values in table.rows:
        assert isinstance(line, int) and line > 1
        assert set(values) <= set(columns)
        assert all(isinstance(value, str | datetime.date) for value in values.values())


@FUZZ_SETTINGS
@given(data=st.binary(max_size=2_000) | st.binary(max_size=20).map(lambda head: b"PK\x03\x04" + head),
       file_name=st.sampled_from(FILE_NAMES), columns=column_sets)
def test_any_bytes_give_rows_or_a_clear_error(data, file_name, columns):
    assert_rows_or_clear_error(data, file_name, columns)


@st.composite
def csv_files(draw):
    """A CSV as a spreadsheet, a text editor or a robot saves it: any separator, quoting, line ending, encoding."""
    separator = draw(st.sampled_from([";", ",", "\t", "|", " ", ""]) | st.characters(exclude_categories=("Cs",)))
    line_end = draw(st.sampled_from(["\r\n", "\n", "\r", "\n\r", "\r\r\n"]))
    rows = [draw(st.lists(headers, min_size=1, max_size=8))]
    rows += draw(st.lists(st.lists(cells, max_size=10), max_size=6))

    def quoted(cell):
        style = draw(st.sampled_from(["plain", "quoted", "half-quoted"]))
        if style == "quoted":
            return '"' + cell.replace('"', '""') + '"'
        return '"' + cell if style == "half-quoted" else cell

    text = line_end.join(separator.join(quoted(cell) for cell in row) for row in rows)
    text += draw(st.sampled_from(["", line_end, line_end * 3, "\x1a"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32",
                                     "mac-roman", "cp850"]))
    data = text.encode(encoding, errors="replace")
    bom = draw(st.sampled_from([b"", b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 * 2]))
    return bom + data


@FUZZ_SETTINGS
@given(data=csv_files(), file_name=st.sampled_from(["cohorte.csv", "cohorte.txt", "Cohorte.CSV"]), columns=column_sets)
def test_any_csv_gives_rows_or_a_clear_error(data, file_name, columns):
    assert_rows_or_clear_error(data, file_name, columns)


@st.composite
def xlsx_files(draw, damages):
    """An XLSX as Excel saves it, with any cells, then maybe damaged in one of the ``damages`` ways: cut, a byte
    changed, one part replaced by any bytes, or the sheet rewritten by hand with cells of any type and value."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(draw(st.lists(st.sampled_from(known_headers), min_size=1, max_size=6)))
    values = st.one_of(any_text.map(lambda text: "".join(ch for ch in text if ch.isprintable()) or None),
                       st.integers(-(10**15), 10**15), st.floats(allow_nan=False, allow_infinity=False),
                       st.dates(), st.booleans(), st.none())
    for row in draw(st.lists(st.lists(values, max_size=6), max_size=5)):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = _rebuilt(buffer.getvalue())  # the same bytes for the same draws, whenever it is saved
    damage = draw(st.sampled_from(damages))
    if damage == "cut":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif damage == "part":
        name = draw(st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml",
                                     "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]))
        content = draw(st.binary(max_size=200) | st.sampled_from([b"", b"<x/>", b"<?xml version='1.0'?>"]))
        data = _rebuilt(data, {name: content})
    elif damage == "sheet":
        data = _rebuilt(data, {"xl/worksheets/sheet1.xml": draw(sheet_xml())})
    return data


@st.composite
def sheet_xml(draw):
    """A worksheet written by hand: cells typed as anything (shared string, number, boolean...) holding anything."""
    cells = []
    for row in range(1, draw(st.integers(1, 4)) + 1):
        for column in "ABC"[: draw(st.integers(1, 3))]:
            kind = draw(st.sampled_from(["s", "n", "b", "e", "str", "inlineStr", "d", ""]))
            value = escape(draw(st.sampled_from(["0", "1", "99", "-1", "1.5", "1e400", "abc", "", "2027-01-15"])
                                | st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), max_size=8)))
            style = draw(st.sampled_from(["", ' s="0"', ' s="99"']))
            cells.append(f'<c r="{column}{row}" t="{kind}"{style}><v>{value}</v></c>' if kind else
                         f'<c r="{column}{row}"{style}><v>{value}</v></c>')
    dimension = draw(st.sampled_from(["A1:C4", "A1", "", "XFD1048576", "A0:B-1"]))
    return (f'<worksheet xmlns="{MAIN_NAMESPACE}"><dimension ref="{dimension}"/><sheetData><row r="1">'
            + "".join(cells) + "</row></sheetData></worksheet>").encode()


def _rebuilt(data, parts=None):
    """The workbook's zip written again, dated 1980 and with ``parts`` (name: content) replaced or added."""
    parts = {"docProps/core.xml": b"<cp:coreProperties xmlns:cp='" + CORE_NAMESPACE + b"'/>", **(parts or {})}
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for name in dict.fromkeys([*source.namelist(), *parts]):
            content = parts[name] if name in parts else source.read(name)
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return target.getvalue()


@FUZZ_SETTINGS
@given(data=xlsx_files(damages=["none", "cut", "flip"]), columns=column_sets)
def test_any_xlsx_gives_rows_or_a_clear_error(data, columns):
    assert_rows_or_clear_error(data, "cohorte.xlsx", columns)


@given(data=xlsx_files(damages=["part", "sheet"]), columns=column_sets)
def test_an_xlsx_with_a_damaged_part_gives_rows_or_a_clear_error(data, columns):
    assert_rows_or_clear_error(data, "cohorte.xlsx", columns)


@pytest.mark.parametrize("name", ["cohort.xlsx", "offers.xlsx", "cohort_semicolon_utf8_bom.csv"])
def test_the_real_files_of_data_still_read(name):
    """The strategies above start from what real files hold: check the reader still reads the real ones."""
    assert read_table(read_data(name), name, COHORT_COLUMNS if "cohort" in name else OFFER_COLUMNS).rows
