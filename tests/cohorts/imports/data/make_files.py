"""Write the spreadsheets the import tests read, as staff's tools produce them: run it to regenerate them.

    .venv/bin/python tests/cohorts/imports/data/make_files.py

CSV files are written as exact bytes (separator, encoding, BOM and line endings chosen per file, as Excel or
LibreOffice save them); XLSX files with openpyxl, with real Excel date cells and a phone number stored as a number.
Zip entries get a fixed date so that regenerating gives the same bytes.
"""

import datetime
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime.datetime(2026, 1, 5, 9, 30)
FIXED_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

COHORT_HEADERS = [
    "promotion", "ville", "prenom", "nom", "email", "telephone", "date_naissance", "structure", "secteurs",
    "contrats", "coach_prenom", "coach_nom", "coach_email", "coach_entreprise", "accroche", "histoire",
]
OFFER_HEADERS = [
    "entreprise", "titre", "description", "contrat", "ville", "secteur", "date_debut", "nb_postes", "contact_nom",
    "contact_email", "contact_telephone", "reference",
]

LYON = ["Promo Lyon 2026", "Lyon"]
NO_COACH = ["", "", "", ""]

# Five candidates, the same in every format; dates and the dropped-zero phone become real cells in the XLSX.
COHORT_ROWS = [
    [*LYON, "Hélène", "Dubois", "helene.dubois@example.org", "06 12 34 56 78", datetime.date(1990, 5, 17),
     "Mission locale de Lyon", "Bâtiment, Logistique", "CDI, Intérim",
     "Claire", "Martin", "Claire.Martin@Example.org", "Boulangerie Ange",
     "Je ne lâche rien.", "Arrivée à Lyon en 2019.\nJ'ai travaillé en cuisine.\n\nJe cherche un CDI."],
    [*LYON, "Noël", "Lefèvre", "  Noel.Lefevre@Example.ORG ", "06.12.34.56.79", "02/11/88",
     "Mission locale de Lyon", "Hôtellerie-restauration", "CDD",
     "Karim", "Benali", "karim.benali@example.org", "Transports Rhône", "Toujours à l'heure.", ""],
    [*LYON, "Amina", "Diallo", "amina.diallo@example.org", "+33 6 12 34 56 80", "1995-03-04",
     "", "", "", *NO_COACH, "", ""],
    [*LYON, "FRANÇOISE", "MÜLLER", "francoise.muller@example.org", "0033612345681", datetime.date(1987, 6, 21),
     "", "logistique ; BÂTIMENT", "alternance", *NO_COACH, "", ""],
    [*LYON, "Jean-Baptiste", "N'Guessan", "jb.nguessan@example.org", 612345682, "",
     "", "", "", *NO_COACH, "", ""],
]

# The same people, later: Noël has a new phone; Hélène's birth date cell was left empty (it must not be erased).
COHORT_CHANGED_ROWS = [list(row) for row in COHORT_ROWS]
COHORT_CHANGED_ROWS[0][6] = ""
COHORT_CHANGED_ROWS[1][5] = "07 98 76 54 32"

# A second batch for the same cohort, imported after the first.
COHORT_SECOND_ROWS = [
    [*LYON, "Yasmine", "Bouzid", "yasmine.bouzid@example.org", "06 11 22 33 44", "12/12/2000", "", "Logistique",
     "CDI", *NO_COACH, "", ""],
    [*LYON, "Moussa", "Traoré", "moussa.traore@example.org", "", "", "", "", "", *NO_COACH, "", ""],
]

MARSEILLE = ["Promo Marseille 2025", "Marseille"]


def error_row(**cells):
    """A valid new candidate of the Lyon cohort, except for the cells given."""
    row = dict(zip(COHORT_HEADERS, [*LYON, "Ali", "Ben", "", "", "", "", "", "", *NO_COACH, "", ""], strict=True))
    row.update(cells)
    return [row[header] for header in COHORT_HEADERS]


# One mistake per row; tests/imports/test_cohort_import.py lists the message expected on each line.
# The e-mail and phone headers are written the way staff write them: messages must name them as written.
COHORT_ERROR_HEADERS = [{"email": "E-mail", "telephone": "Téléphone"}.get(h, h) for h in COHORT_HEADERS]
COHORT_ERROR_ROWS = [
    error_row(email="ali.ben@example.org", date_naissance="31/02/1990", histoire="Un récit\nsur trois lignes\n\nfin."),
    error_row(email="lea.fontaine@example.org", prenom="Léa", date_naissance="01/01/2099"),  # 3
    error_row(email="amina.diallo@", prenom="Amina"),  # 4
    error_row(email="ines.roche@example.org", prenom="Inès", telephone="12 34"),  # 5
    error_row(email="sans.prenom@example.org", prenom=""),  # 6
    error_row(email="tom.blanc@example.org", prenom="Tom", secteurs="Bâtiment, Astronautique"),  # 7
    error_row(email="lina.morel@example.org", prenom="Lina", contrats="CDI intérimaire"),  # 8
    error_row(email="hugo.garnier@example.org", prenom="Hugo", promotion="Promo Marseille 2025", ville="Marseile"),  # 9
    error_row(email="emma.perrin@example.org", prenom="Emma", promotion="Promo Nice 2026", ville=""),  # 10
    error_row(email="leo.girard@example.org", prenom="Léo", coach_nom="Petit", coach_email="nouveau.coach@example.org"),
    error_row(email="chloe.andre@example.org", prenom="Chloé", coach_email="julie.roux@example.org"),  # 12
    error_row(email="sofia.haddad@example.org", prenom="Sofia", nom="Haddad", promotion="Promo Marseille 2025",
              ville="Marseille", coach_prenom="Claire", coach_nom="Martin", coach_email="claire.martin@example.org"),
    error_row(email="nina.lambert@example.org", prenom="Nina", coach_prenom="Karim", coach_nom="Benali",
              coach_email="karim.benali@example.org"),  # 14: fine on its own
    error_row(email="adam.faure@example.org", prenom="Adam", coach_email="Karim.Benali@example.org"),  # 15
    error_row(email="zoe.mercier@example.org", prenom="Zoé", accroche="Motivée. " * 22 + "Fin"),  # 16: 201 characters
    error_row(email="sami.collet@example.org", prenom="Sami", histoire="x" * 1501),  # 17
]

# Two bad rows among good ones, with cells a spreadsheet would run as formulas: the error report must defuse them.
COHORT_TO_FIX_ROWS = [
    [*LYON, "Rose", "Lemaire", "rose.lemaire@example.org", "+33 6 01 02 03 04", "31/02/1990", "", "", "",
     *NO_COACH, '=HYPERLINK("http://evil.example","Cliquez")', ""],
    [*LYON, "Paul", "Vidal", "paul.vidal@example.org", "", "", "", "", "", *NO_COACH, "", ""],
    [*LYON, "Lucie", "Brun", "lucie.brun@", "", "", "", "", "", *NO_COACH, "@SUM(1+1)", ""],
    [*LYON, "Marc", "Henry", "marc.henry@example.org", "", "", "", "", "", *NO_COACH, "", ""],
]

COHORT_SCRIPT_ROWS = [
    [*LYON, "Kevin", "Marchand", "kevin.marchand@example.org", "", "", "", "", "", *NO_COACH,
     "<b>Gras</b> & fier", "Bonjour <script>alert('xss')</script>\n<img src=x onerror=alert(1)>"],
]

# Headers as staff write them: English, capitals, accents, underscores; two columns nobody asked for.
COHORT_ALIAS_HEADERS = [
    "Cohort", "CITY", "First name", "Last_Name", "E-Mail", "Phone", "Date of birth", "Structure orienteuse",
    "Sectors", "Contract types", "Prénom coach", "NOM_COACH", "Coach e-mail", "Coach company", "Catchphrase",
    "Story", "Remarques", "Taille T-shirt",
]
COHORT_ALIAS_ROWS = [
    ["Promo Saint-Étienne 2026", "saint etienne", "Ibrahim", "Koné", "ibrahim.kone@example.org", "06 22 33 44 55",
     "05/09/1992", "", "Logistique", "CDI", "", "", "", "", "", "", "Permis B", "L"],
]

OFFER_ROWS = [
    ["Boulangerie Ange", "Vendeur en boulangerie", "Accueil des clients\net mise en rayon.", "CDI", "Lyon",
     "Hôtellerie-restauration", datetime.date(2026, 10, 1), 2, "Sophie Martin", " RH@Boulangerie-Ange.fr ",
     "04 78 12 34 56", "BA-2026-01"],
    ["Boulangerie Ange", "Commis de cuisine", "", "CDD", "Lyon", "", "2026-11-15", "", "", "", "", "BA-2026-02"],
    ["Transports Rhône", "Préparateur de commandes", "Port de charges.", "Intérim", "Saint-Étienne", "Logistique",
     "", 3, "Marc Petit", "marc.petit@transports-rhone.fr", "+33 4 77 00 11 22", ""],
    ["Transports Rhône", "Chauffeur livreur", "", "CDI", "Lyon", "Logistique", "", 1, "", "", "", ""],
]

# Later: the referenced offer has a new title; the offer without reference a new description.
OFFER_CHANGED_ROWS = [list(row) for row in OFFER_ROWS]
OFFER_CHANGED_ROWS[0][1] = "Vendeuse / vendeur en boulangerie"
OFFER_CHANGED_ROWS[2][2] = "Port de charges, travail en équipe."

OFFER_ERROR_ROWS = [
    ["Boulangerie Ange", "Vendeur", "", "CDI", "Lyon", "", "", "", "", "", "", "BA-1"],  # 2
    ["Boulangerie Ange", "Vendeur (bis)", "", "CDI", "Lyon", "", "", "", "", "", "", "ba-1"],  # 3: same reference
    ["Transports Rhône", "Cariste", "", "CDI", "Lyon", "", "", "", "", "", "", ""],  # 4
    ["Transports Rhône", "Cariste", "Autre description", "CDD", "Lyon", "", "", "", "", "", "", ""],  # 5: same offer
    ["Transports Rhône", "Magasinier", "", "Freelance", "Lyon", "", "", "", "", "", "", ""],  # 6
    ["Transports Rhône", "Livreur", "", "CDI", "Atlantis", "", "", "", "", "", "", ""],  # 7
    ["Transports Rhône", "Agent de quai", "", "CDI", "Lyon", "", "", "0", "", "", "", ""],  # 8
]


def csv_bytes(headers, rows, *, separator=";", encoding="utf-8", bom=False, newline="\r\n", trailing=0,
              blank_after=()):
    """The file as a spreadsheet saves it: quotes only where needed, optional empty trailing columns."""

    def cell(value):
        if isinstance(value, datetime.date):
            value = value.strftime("%d/%m/%Y")
        text = str(value)
        if any(char in text for char in (separator, '"', "\n", "\r")) or text != text.strip():
            text = '"' + text.replace('"', '""') + '"'
        return text

    lines = [separator.join([cell(h) for h in headers] + [""] * trailing)]
    for index, row in enumerate(rows):
        lines.append(separator.join([cell(value) for value in row] + [""] * trailing))
        if index in blank_after:
            lines.append(separator * (len(headers) + trailing - 1))
    text = newline.join(lines) + newline
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(headers, rows, *, blank_after=(), text_cells=()):
    """An XLSX as Excel saves it: dates as date cells, numbers as numbers, empty formatted cells at the right.

    ``text_cells`` are (row index, column index) pairs written as text even when they hold a date.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Feuille1"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    line = 1
    for index, row in enumerate(rows):
        line += 1
        for column, value in enumerate(row, start=1):
            if value in ("", None):
                continue
            if isinstance(value, datetime.date) and (index, column - 1) in text_cells:
                value = value.strftime("%d/%m/%Y")
            cell = sheet.cell(row=line, column=column, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, int):
                cell.number_format = "0"
        if index in blank_after:
            line += 1
    # Cells someone coloured beyond the table: empty, but part of the sheet's dimensions.
    for row_number in range(1, line + 3):
        sheet.cell(row=row_number, column=len(headers) + 2).fill = PatternFill("solid", fgColor="FFFF00")
    workbook.properties.creator = "Tremplin"
    workbook.properties.created = FIXED_TIME
    output = io.BytesIO()
    workbook.save(output)
    return _fixed_zip(output.getvalue())


def _fixed_zip(data):
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED_STAMP, content)
            target.writestr(fixed, content)
    return output.getvalue()


def ods_bytes():
    """The shell of a LibreOffice Calc file: a zip, like an XLSX, but not one."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        stamp = FIXED_TIME.timetuple()[:6]
        target.writestr(zipfile.ZipInfo("mimetype", date_time=stamp), "application/vnd.oasis.opendocument.spreadsheet")
        target.writestr(zipfile.ZipInfo("content.xml", date_time=stamp),
                        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return output.getvalue()


def files():
    rows = COHORT_ROWS
    xlsx = xlsx_bytes(COHORT_HEADERS, rows, blank_after={1}, text_cells={(3, 6)})
    return {
        # Excel's « CSV UTF-8 »: semicolons, BOM, CRLF, a blank line and empty columns at the right.
        "cohort_semicolon_utf8_bom.csv": csv_bytes(COHORT_HEADERS, rows, bom=True, trailing=2, blank_after={1}),
        # LibreOffice's default: commas, UTF-8 without BOM, LF.
        "cohort_comma_utf8.csv": csv_bytes(COHORT_HEADERS, rows, separator=",", newline="\n"),
        # Excel's « CSV (séparateur: point-virgule) » on Windows: Windows-1252.
        "cohort_semicolon_cp1252.csv": csv_bytes(COHORT_HEADERS, rows, encoding="cp1252", blank_after={1}),
        "cohort.xlsx": xlsx,
        "cohort_changed.csv": csv_bytes(COHORT_HEADERS, COHORT_CHANGED_ROWS, bom=True),
        "cohort_second_batch.csv": csv_bytes(COHORT_HEADERS, COHORT_SECOND_ROWS, bom=True),
        "cohort_aliases.csv": csv_bytes(COHORT_ALIAS_HEADERS, COHORT_ALIAS_ROWS, bom=True),
        "cohort_duplicate.csv": csv_bytes(
            COHORT_HEADERS, [rows[2], rows[4], [*rows[2][:4], "AMINA.Diallo@example.org", *rows[2][5:]]], bom=True,
        ),
        "cohort_missing_email.csv": csv_bytes(COHORT_HEADERS[:4], [row[:4] for row in rows], bom=True),
        "cohort_headers_only.csv": csv_bytes(COHORT_HEADERS, [], bom=True),
        "cohort_errors.csv": csv_bytes(COHORT_ERROR_HEADERS, COHORT_ERROR_ROWS, bom=True),
        "cohort_to_fix.csv": csv_bytes(COHORT_HEADERS, COHORT_TO_FIX_ROWS, bom=True),
        "cohort_script.csv": csv_bytes(COHORT_HEADERS, COHORT_SCRIPT_ROWS, bom=True),
        # The first half of an XLSX, as a broken download leaves it.
        "cohort_damaged.xlsx": xlsx[: len(xlsx) // 2],
        "cohort_same_column_twice.csv": csv_bytes(
            [*COHORT_HEADERS[:5], "E-mail"], [[*row[:5], row[4]] for row in rows[:2]], bom=True,
        ),
        "cohort.ods": ods_bytes(),
        "cohort.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "offers.csv": csv_bytes(OFFER_HEADERS, OFFER_ROWS, bom=True),
        "offers.xlsx": xlsx_bytes(OFFER_HEADERS, OFFER_ROWS),
        "offers_changed.csv": csv_bytes(OFFER_HEADERS, OFFER_CHANGED_ROWS, bom=True),
        "offers_errors.csv": csv_bytes(OFFER_HEADERS, OFFER_ERROR_ROWS, bom=True),
    }


def main():
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
