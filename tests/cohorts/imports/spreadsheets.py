"""Hostile spreadsheets written for the tests: XLSX files built by hand, part by part, so that a cell can hold any
number of characters (streamed into the ZIP, never held whole) and a ZIP can say what it likes about itself."""

import struct
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"

#: A cell holding GIANT is written as ``giant`` times the letter A.
GIANT = object()


def _content_types(sheets):
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{TYPES}.worksheet+xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
        f'{overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/></Types>'
    )


def _workbook_parts(sheets):
    names = "".join(f'<sheet name="Feuil{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, sheets + 1))
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    return {
        "[Content_Types].xml": _content_types(sheets),
        "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                       f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>{names}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}">{rels}<Relationship Id="rIdS" '
                                      f'Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    }


def _letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_xlsx(path, sheets, *, giant=0, giant_text=None, inline=False, dimension=None):
    """An XLSX of ``sheets`` (lists of rows of texts) whose texts are shared strings, or inline strings with
    ``inline``; a GIANT cell holds ``giant`` letters A, streamed into the ZIP 1 MB at a time (or the byte chunks
    that ``giant_text`` yields)."""
    strings, sheet_xml = [], []
    for rows in sheets:
        cells = []
        for row_number, row in enumerate(rows, start=1):
            parts = []
            for index, value in enumerate(row):
                if value is None:
                    continue
                reference = f"{_letter(index)}{row_number}"
                if inline:
                    text = "\0" if value is GIANT else escape(value)
                    parts.append(f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>')
                else:
                    strings.append(value)
                    parts.append(f'<c r="{reference}" t="s"><v>{len(strings) - 1}</v></c>')
            cells.append(f'<row r="{row_number}">{"".join(parts)}</row>')
        declared = f'<dimension ref="{dimension}"/>' if dimension else ""
        sheet_xml.append(f'<worksheet xmlns="{MAIN}">{declared}<sheetData>{"".join(cells)}</sheetData></worksheet>')
    shared = "".join("<si><t>\0</t></si>" if value is GIANT else f"<si><t>{escape(value)}</t></si>"
                     for value in strings)
    parts = {**_workbook_parts(len(sheets)), "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{shared}</sst>'}
    parts.update({f"xl/worksheets/sheet{n}.xml": xml for n, xml in enumerate(sheet_xml, start=1)})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            with archive.open(name, "w") as member:
                before, *after = text.encode().split(b"\0")
                member.write(before)
                if after:
                    for chunk in giant_text if giant_text is not None else _letters(giant):
                        member.write(chunk)
                    member.write(after[0])
    return path


def _letters(count):
    block = b"A" * (1 << 20)
    while count > 0:
        yield block[:count]
        count -= len(block)


def understate_sizes(path):
    """Make every part of a ZIP claim, in its headers and in the directory, to unpack to 1 KB."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            struct.pack_into("<I", data, start + offset, 1024)
            start += 4
    path.write_bytes(bytes(data))
    return path
