"""What the admin tests share: every snippet screen, a client per role, and readers of listings and exports."""

import csv
import io

import openpyxl
from bs4 import BeautifulSoup
from django.urls import reverse

# Every snippet model with an admin screen: model_name → app_label.
SNIPPETS = {
    "cohort": "cohorts",
    "candidate": "cohorts",
    "coach": "cohorts",
    "pair": "cohorts",
    "consentrecord": "cohorts",
    "contactrequest": "cohorts",
    "city": "snippets",
    "partnercompany": "snippets",
    "offer": "snippets",
    "sector": "snippets",
    "contracttype": "snippets",
    "referringorganisation": "snippets",
}

ROLE_CLIENTS = {
    "superuser": "admin_client",
    "programme_admin": "programme_admin_client",
    "communication": "communication_client",
    "coach": "coach_client",
    "no_role": "plain_client",
}


def admin_url(model_name, view, pk=None):
    """The URL of one snippet admin screen, e.g. ``admin_url("candidate", "inspect", 3)``."""
    name = f"wagtailsnippets_{SNIPPETS[model_name]}_{model_name}:{view}"
    return reverse(name, args=[pk] if pk is not None else [])


def role_client(request, role):
    return request.getfixturevalue(ROLE_CLIENTS[role])


def export_rows(response):
    """The rows of a CSV or XLSX export, header first, as lists of strings (empty cells as "")."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(content.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def export(client, model_name, export_format, **params):
    response = client.get(admin_url(model_name, "list"), {"export": export_format, **params})
    assert response.status_code == 200
    return export_rows(response)


def listing_rows(response):
    """The rows of an admin listing as {column heading: cell text}; boolean cells read "True" or "False"."""
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    if table is None:
        return []
    headings = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
    rows = []
    for tr in table.tbody.find_all("tr", recursive=False):
        cells = [(td.select_one(".title-wrapper") or td).get_text(" ", strip=True) for td in tr.find_all("td")]
        rows.append(dict(zip(headings, cells, strict=True)))
    return rows

