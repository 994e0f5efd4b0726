"""The import screens of the admin: who may use them, upload and preview, confirm, abandon, the error report, the
progress of a background job, the templates and the history."""

import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports.kinds import KINDS
from cohorts.imports.progress import write_progress
from cohorts.models import Candidate, Coach, ImportJob, Pair
from pages.models import CandidatePage
from snippets.enums import OfferStatus
from snippets.models import Offer
from tests.snippets.factories import CityFactory, SectorFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

DATA = Path(__file__).resolve().parent / "data"
LOGIN_URL = reverse("wagtailadmin_login")
HOME_URL = reverse("wagtailadmin_home")
INDEX_URL = reverse("imports:index")


@pytest.fixture
def references(story_index):
    """What the files of tests/cohorts/imports/data/admin_* name: Paris, a job family, and the story list page."""
    CityFactory(name="Paris")
    SectorFactory(label="Logistique", slug="logistique")
    return story_index


@pytest.fixture
def offers_only_user(db):
    """May use the admin and import offers, not cohorts."""
    user = UserFactory(username="offres")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="cohorts", codename="import_offers"),
    )
    return user


def upload(client, name, kind=ImportKind.COHORT, *, content=None, follow=False):
    content = (DATA / name).read_bytes() if content is None else content
    return client.post(INDEX_URL, {"kind": kind, "file": SimpleUploadedFile(name, content)}, follow=follow)


def last_job():
    return ImportJob.objects.latest("pk")


def job_url(job, view="job"):
    return reverse(f"imports:{view}", args=[job.pk])


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def rows_of(response):
    """The preview's table as {line: (name, status, details)}."""
    table = page(response).select_one("table.imports-rows")
    return {
        int(cells[0].get_text(strip=True)): tuple(cell.get_text(" ", strip=True) for cell in cells[1:])
        for cells in (tr.find_all("td") for tr in table.tbody.find_all("tr"))
        if len(cells) == 4
    }


def message_texts(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def stored_job(kind=ImportKind.COHORT, status=ImportStatus.READY, *, rows=(), with_file=True, **fields):
    """A job as the core leaves it, without running an import: its report written by hand."""
    job = ImportJob(kind=kind, status=status, file_name="promotion.csv", total_rows=len(rows), **fields)
    job.report = {"kind": kind, "dry_run": True, "total": len(rows), "rows": list(rows), "file_errors": [],
                  "unknown_columns": [], "created": []}
    if with_file:
        job.file.save("promotion.csv", ContentFile(b"promotion;prenom;nom;email\n"), save=False)
    job.save()
    return job


def report_rows(count, status="new"):
    return [{"line": line, "status": status, "label": f"Candidate {line}", "changes": [], "errors": []}
            for line in range(2, count + 2)]


# Who may see and use the screens ----------------------------------------------------------------------------


def every_request(job):
    """(method, url) of every import screen, about ``job``."""
    return [
        ("get", INDEX_URL),
        ("post", INDEX_URL),
        ("get", reverse("imports:template", args=["cohort", "csv"])),
        ("get", reverse("imports:template", args=["offers", "xlsx"])),
        ("get", job_url(job)),
        ("get", job_url(job, "progress")),
        ("post", job_url(job, "confirm")),
        ("post", job_url(job, "abandon")),
        ("get", job_url(job, "errors")),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    job = stored_job()
    for method, url in every_request(job):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(LOGIN_URL), url


@pytest.mark.parametrize("role", ["coach_client", "communication_client"])
def test_other_roles_are_refused_every_screen_and_change_nothing(request, role):
    client = request.getfixturevalue(role)
    job = stored_job(rows=[{"line": 2, "status": "error", "label": "Awa Diallo", "changes": [],
                            "errors": [{"column": "email", "letter": "E", "value": "x", "message": "bad"}]}])
    missing = ImportJob(pk=job.pk + 1)  # refused alike: nothing tells which jobs exist
    for method, url in every_request(job) + every_request(missing)[4:]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"] == HOME_URL, url
        assert "Sorry, you do not have permission to access this area." in message_texts(response)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY
    assert job.file.storage.exists(job.file.name)
    assert ImportJob.objects.count() == 1


def test_a_refused_progress_request_from_the_script_gets_a_403(coach_client):
    job = stored_job(status=ImportStatus.CHECKING)
    response = coach_client.get(job_url(job, "progress"), headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403


@pytest.mark.parametrize(("user", "shown"), [
    ("programme_admin", True), ("admin_user", True), ("coach_user", False), ("communication_user", False),
])
def test_the_menu_shows_imports_only_to_those_who_may_import(request, client, user, shown):
    client.force_login(request.getfixturevalue(user))
    assert (f'"{INDEX_URL}"' in client.get(HOME_URL).content.decode()) is shown


def test_the_programme_admin_group_may_use_the_screens(programme_admin_client):
    response = programme_admin_client.get(INDEX_URL)
    assert response.status_code == 200
    kinds = [field["value"] for field in page(response).select("input[name=kind]")]
    assert kinds == ["cohort", "offers"]
    assert page(response).select_one("input[type=file]")["accept"].startswith(".csv,.xlsx")


def test_a_user_who_may_import_offers_only_never_meets_a_cohort_import(client, offers_only_user, programme_admin):
    cohort_job = stored_job(uploaded_by=programme_admin)
    offers_job = stored_job(kind=ImportKind.OFFERS)
    offers_job.file_name = "offres.csv"
    offers_job.save()
    client.force_login(offers_only_user)

    response = client.get(INDEX_URL)
    assert [field["value"] for field in page(response).select("input[name=kind]")] == ["offers"]
    history = page(response).select_one("section.imports-history").get_text()
    assert "offres.csv" in history
    assert "promotion.csv" not in history
    assert INDEX_URL in client.get(HOME_URL).content.decode()  # the menu item

    for url in (job_url(cohort_job), job_url(cohort_job, "progress"), job_url(cohort_job, "errors"),
                reverse("imports:template", args=["cohort", "csv"])):
        assert client.get(url)["Location"] == HOME_URL, url
    for view in ("confirm", "abandon"):
        assert client.post(job_url(cohort_job, view))["Location"] == HOME_URL
    cohort_job.refresh_from_db()
    assert cohort_job.status == ImportStatus.READY

    response = upload(client, "admin_cohort.csv")
    assert response.status_code == 200
    assert page(response).select_one(".w-field--error input[name=kind]") is not None
    assert ImportJob.objects.count() == 2


# Upload, preview, confirm -----------------------------------------------------------------------------------


def test_upload_shows_the_preview_of_every_row_and_writes_nothing(references, programme_admin_client):
    response = upload(programme_admin_client, "admin_cohort.csv")
    job = last_job()
    assert response["Location"] == job_url(job)
    assert job.status == ImportStatus.READY
    assert (job.new_count, job.error_count) == (3, 0)

    response = programme_admin_client.get(job_url(job))
    assert response.status_code == 200
    rows = rows_of(response)
    assert rows[2][:2] == ("Awa Diallo", "New")
    assert rows[3][:2] == ("Karim Benali", "New")  # as it will be saved
    html = page(response)
    assert html.select_one("form[action$='/confirm/'] button").get_text(strip=True) == "Import 3 rows"
    assert "Nothing has been written yet" in html.get_text()
    assert "Promo Admin 2026" in html.select_one(".imports-created").get_text()  # the new cohort
    assert Candidate.objects.count() == 0
    assert CandidatePage.objects.count() == 0


def test_confirm_writes_candidates_story_pages_and_pairs(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort.csv")
    job = last_job()

    response = programme_admin_client.post(job_url(job, "confirm"), follow=True)

    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert not job.file
    assert "Imported: 3 new, 0 updated, 0 unchanged." in message_texts(response)
    assert set(Candidate.objects.values_list("email", flat=True)) == {
        "awa.diallo@example.org", "karim.benali@example.org", "ines.moreau@example.org"}
    assert CandidatePage.objects.count() == 3
    assert {(pair.candidate.email, pair.coach.email) for pair in Pair.objects.select_related("candidate", "coach")} == {
        ("awa.diallo@example.org", "claire.martin@example.org"),
        ("karim.benali@example.org", "paul.durand@example.org")}
    html = page(response)
    assert html.select_one("form[action$='/confirm/']") is None
    links = {link.get_text(strip=True): link["href"] for link in html.select(".help-block a")}
    assert links["Candidates"] == reverse("wagtailsnippets_cohorts_candidate:list")


def test_a_changed_file_shows_what_changes(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort.csv")
    programme_admin_client.post(job_url(last_job(), "confirm"))
    changed = (DATA / "admin_cohort.csv").read_bytes().replace(b"07.11.22.33.44", b"07 11 22 33 55")

    upload(programme_admin_client, "admin_cohort.csv", content=changed)

    job = last_job()
    assert (job.status, job.new_count, job.updated_count, job.unchanged_count) == (ImportStatus.READY, 0, 1, 2)
    rows = rows_of(programme_admin_client.get(job_url(job)))
    assert rows[2] == ("Awa Diallo", "Unchanged", "")
    assert rows[3][1] == "Updated"
    assert "07 11 22 33 44 → 07 11 22 33 55" in rows[3][2]
    assert list(rows_of(programme_admin_client.get(job_url(job), {"status": "updated"}))) == [3]


def test_confirm_twice_imports_once(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort.csv")
    job = last_job()
    programme_admin_client.post(job_url(job, "confirm"))

    response = programme_admin_client.post(job_url(job, "confirm"))

    assert response["Location"] == job_url(job)
    assert any("cannot be imported now" in text for text in message_texts(response))
    assert Candidate.objects.count() == 3
    assert CandidatePage.objects.count() == 3
    assert Coach.objects.count() == 2


def test_confirm_is_post_only(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort.csv")
    job = last_job()
    assert programme_admin_client.get(job_url(job, "confirm")).status_code == 405
    assert programme_admin_client.get(job_url(job, "abandon")).status_code == 405
    job.refresh_from_db()
    assert job.status == ImportStatus.READY


def test_confirm_needs_the_csrf_token(references, client, programme_admin):
    client.force_login(programme_admin)
    upload(client, "admin_cohort.csv")
    job = last_job()
    client.handler.enforce_csrf_checks = True
    assert client.post(job_url(job, "confirm")).status_code == 403
    assert Candidate.objects.count() == 0


def test_one_bad_row_shows_line_and_column_and_nothing_can_be_written(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort_bad.csv")
    job = last_job()
    assert job.status == ImportStatus.INVALID

    response = programme_admin_client.get(job_url(job))
    rows = rows_of(response)
    assert rows[2][:2] == ("Awa Diallo", "New")
    assert rows[3] == ("Karim Benali", "Error", "date_naissance (G): « 31/02/1990 » is not a date")
    html = page(response)
    assert html.select_one("form[action$='/confirm/']") is None
    assert "Fix the errors below" in html.get_text()
    tiles = {tile.select_one(".imports-tiles__label").get_text(): tile.select_one(".imports-tiles__count").get_text()
             for tile in html.select(".imports-tiles__tile")}
    assert tiles == {"New": "2", "Updated": "0", "Unchanged": "0", "Error": "1"}

    response = programme_admin_client.post(job_url(job, "confirm"))
    assert any("cannot be imported now" in text for text in message_texts(response))
    assert Candidate.objects.count() == 0
    assert CandidatePage.objects.count() == 0
    assert Pair.objects.count() == 0


def test_rows_filtered_by_status_and_paginated(programme_admin_client):
    rows = report_rows(240)
    rows[5]["status"] = "error"
    rows[5]["errors"] = [{"column": "email", "letter": "E", "value": "awa@", "message": "« awa@ » is not valid"}]
    job = stored_job(status=ImportStatus.INVALID, rows=rows)

    first = programme_admin_client.get(job_url(job))
    assert len(rows_of(first)) == 100
    assert page(first).select_one("nav.pagination") is not None
    assert len(rows_of(programme_admin_client.get(job_url(job), {"p": 3}))) == 40

    errors = programme_admin_client.get(job_url(job), {"status": "error"})
    assert list(rows_of(errors)) == [7]
    assert page(errors).select_one(".imports-filters [aria-current=page]").get_text(strip=True) == "Error (1)"
    assert len(rows_of(programme_admin_client.get(job_url(job), {"status": "nonsense"}))) == 100


def test_an_xlsx_file_is_read_too(references, programme_admin_client, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Promotion", "Ville", "Prénom", "Nom", "E-mail", "Date de naissance"])
    workbook.active.append(["Promo Admin 2026", "Paris", "Awa", "Diallo", "awa@example.org",
                            datetime.date(1990, 5, 17)])
    path = tmp_path / "promotion.xlsx"
    workbook.save(path)

    upload(programme_admin_client, "promotion.xlsx", content=path.read_bytes())

    assert last_job().status == ImportStatus.READY
    assert last_job().new_count == 1


def test_offers_are_imported_pending_validation(references, programme_admin_client):
    upload(programme_admin_client, "admin_offers.csv", ImportKind.OFFERS)
    job = last_job()
    assert job.status == ImportStatus.READY

    response = programme_admin_client.post(job_url(job, "confirm"), follow=True)

    offer = Offer.objects.get()
    assert offer.status == OfferStatus.PENDING
    links = {link.get_text(strip=True): link["href"] for link in page(response).select(".help-block a")}
    assert links["Offers pending validation"].endswith("?status=pending")


def test_a_file_that_cannot_be_read_says_why_and_is_not_stored(programme_admin_client):
    upload(programme_admin_client, "promotion.pdf", content=b"%PDF-1.4")
    job = last_job()
    assert job.status == ImportStatus.INVALID
    assert not job.file
    text = page(programme_admin_client.get(job_url(job))).get_text()
    assert "Only CSV and XLSX files can be imported." in text


def test_too_big_a_file_is_refused_next_to_the_file_field(references, programme_admin_client, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = upload(programme_admin_client, "admin_cohort.csv")
    assert response.status_code == 200
    error = page(response).select_one(".w-field--error .error-message").get_text(strip=True)
    assert error.startswith("The file weighs")
    assert page(response).select_one(".w-field--error input[type=file]") is not None
    assert ImportJob.objects.count() == 0


# Abandon, the error report ----------------------------------------------------------------------------------


def test_abandon_deletes_the_file(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort_bad.csv")
    job = last_job()
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)

    response = programme_admin_client.post(job_url(job, "abandon"))

    assert response["Location"] == INDEX_URL
    assert not storage.exists(name)
    job.refresh_from_db()
    assert job.status == ImportStatus.ABANDONED
    assert programme_admin_client.get(job_url(job, "errors")).status_code == 404
    assert Candidate.objects.count() == 0


def test_an_import_under_way_cannot_be_abandoned(programme_admin_client):
    job = stored_job(status=ImportStatus.IMPORTING)
    response = programme_admin_client.post(job_url(job, "abandon"))
    assert response["Location"] == job_url(job)
    assert job.file.storage.exists(job.file.name)


def test_the_error_report_holds_the_bad_rows_and_can_be_fixed_and_uploaded_again(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort_bad.csv")
    job = last_job()
    html = page(programme_admin_client.get(job_url(job)))
    assert html.select_one("a[download][href$='errors.csv']") is not None

    response = programme_admin_client.get(job_url(job, "errors"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="erreurs-admin_cohort_bad.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][-1] == "erreurs"
    assert len(rows) == 2
    assert rows[1][2:5] == ["Karim", "Benali", "karim.benali@example.org"]
    assert "31/02/1990" in rows[1][-1]

    rows[1][6] = "28/02/1990"
    fixed = io.StringIO()
    csv.writer(fixed, delimiter=";").writerows(rows)
    upload(programme_admin_client, "erreurs-admin_cohort_bad.csv", content=fixed.getvalue().encode("utf-8-sig"))

    fixed_job = last_job()
    assert fixed_job.status == ImportStatus.READY
    assert (fixed_job.new_count, fixed_job.error_count) == (1, 0)
    programme_admin_client.post(job_url(fixed_job, "confirm"))
    assert Candidate.objects.get().birth_date == datetime.date(1990, 2, 28)


def test_no_error_report_without_errors(references, programme_admin_client):
    upload(programme_admin_client, "admin_cohort.csv")
    job = last_job()
    assert page(programme_admin_client.get(job_url(job))).select_one("a[href$='errors.csv']") is None
    assert programme_admin_client.get(job_url(job, "errors")).status_code == 404


# Background jobs and their progress -------------------------------------------------------------------------


def test_a_large_file_is_checked_and_imported_in_the_background(
    references, programme_admin_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_INLINE_MAX_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        upload(programme_admin_client, "admin_cohort.csv")
    assert len(callbacks) == 1
    job = last_job()
    assert job.status == ImportStatus.READY

    with django_capture_on_commit_callbacks(execute=True):
        response = programme_admin_client.post(job_url(job, "confirm"))
    assert "The import has started in the background; this page follows it." in message_texts(response)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert Candidate.objects.count() == 3


def test_a_job_waiting_for_the_worker_shows_a_progress_bar(references, programme_admin_client, settings):
    settings.IMPORT_INLINE_MAX_ROWS = 0
    upload(programme_admin_client, "admin_cohort.csv")  # the check is enqueued once the request commits: not here
    job = last_job()
    assert job.status == ImportStatus.CHECKING

    html = page(programme_admin_client.get(job_url(job)))

    assert html.select_one("progress")["value"] == "0"
    assert html.select_one("[data-import-phase]").get_text(strip=True) == "Waiting for the background worker to start…"
    assert html.select_one("noscript meta[http-equiv=refresh]")["content"] == "2"
    assert html.select_one("script[src$='cohorts/imports.js']") is not None
    assert html.select_one("table.imports-rows") is None
    assert programme_admin_client.get(job_url(job, "progress")).json() == {
        "status": "checking", "percent": 0, "phase": "", "done": 0, "total": 3,
        "label": "Waiting for the background worker to start…",
    }


def test_the_progress_of_a_check_and_of_an_import(programme_admin_client):
    job = stored_job(status=ImportStatus.CHECKING, rows=report_rows(3))
    write_progress(job.pk, phase="rows", done=1200, total=10000)

    assert programme_admin_client.get(job_url(job, "progress")).json() == {
        "status": "checking", "percent": 6, "phase": "rows", "done": 1200, "total": 10000,
        "label": "Checking rows 1,200 / 10,000",
    }
    html = page(programme_admin_client.get(job_url(job)))
    bar = html.select_one("progress")
    assert (bar["value"], bar["max"]) == ("6", "100")
    assert bar["aria-valuetext"] == "6% — Checking rows 1,200 / 10,000"
    assert html.select_one(f"label[for={bar['id']}]").get_text(strip=True) == "Checking the file"
    assert html.select_one("[data-import-progress]")["data-import-progress-url"] == job_url(job, "progress")

    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.IMPORTING)
    write_progress(job.pk, phase="pages", done=3000, total=10000)
    data = programme_admin_client.get(job_url(job, "progress")).json()
    assert (data["status"], data["percent"], data["label"]) == ("importing", 64, "Creating story pages 3,000 / 10,000")
    html = page(programme_admin_client.get(job_url(job)))
    assert html.select_one("label[for=import-progress]").get_text(strip=True) == "Importing"
    assert html.select_one("[data-import-phase]").get_text(strip=True) == "Creating story pages 3,000 / 10,000"
    assert html.select_one("form[action$='/abandon/']") is None

    write_progress(job.pk, phase="writing", done=10000, total=10000)
    assert programme_admin_client.get(job_url(job, "progress")).json()["label"] == "Writing"


def test_a_finished_job_reports_its_status_and_no_progress_bar(programme_admin_client):
    job = stored_job(status=ImportStatus.READY, rows=report_rows(3))
    data = programme_admin_client.get(job_url(job, "progress")).json()
    assert (data["status"], data["percent"]) == ("ready", 100)
    html = page(programme_admin_client.get(job_url(job)))
    assert html.select_one("progress") is None
    assert html.select_one("meta[http-equiv=refresh]") is None


# Templates, history, purge ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["cohort", "offers"])
def test_the_csv_template_has_the_header_row(programme_admin_client, kind):
    response = programme_admin_client.get(reverse("imports:template", args=[kind, "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{KINDS[kind].template_name}.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]), delimiter=";")) == [KINDS[kind].template_headers]


@pytest.mark.parametrize("kind", ["cohort", "offers"])
def test_the_xlsx_template_opens_with_a_bold_header_row(programme_admin_client, kind):
    response = programme_admin_client.get(reverse("imports:template", args=[kind, "xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == KINDS[kind].template_headers
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.max_row == 1


def test_an_unknown_template_is_not_found(programme_admin_client):
    assert programme_admin_client.get(reverse("imports:template", args=["people", "csv"])).status_code == 404
    assert programme_admin_client.get(reverse("imports:template", args=["cohort", "ods"])).status_code == 404


def test_the_index_links_the_templates_and_explains_the_columns(programme_admin_client):
    html = page(programme_admin_client.get(INDEX_URL))
    links = {link["href"] for link in html.select("section.imports-columns a[download]")}
    assert links == {reverse("imports:template", args=[kind, file_format])
                     for kind in ("cohort", "offers") for file_format in ("csv", "xlsx")}
    text = html.select_one("section.imports-columns").get_text(" ")
    assert "README" in text
    assert "date_naissance" in text


def test_the_history_shows_the_job(references, programme_admin_client, programme_admin):
    upload(programme_admin_client, "admin_cohort_bad.csv")
    job = last_job()

    html = page(programme_admin_client.get(INDEX_URL))

    row = html.select_one("section.imports-history tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    assert cells[1:] == [programme_admin.get_username(), "admin_cohort_bad.csv", "Cohort (candidates, coaches, pairs)",
                         "3", "2", "0", "0", "1", "Errors to fix"]
    assert cells[0] == date_format(timezone.localtime(job.created_at), "SHORT_DATETIME_FORMAT")  # Paris time
    assert row.select_one("a")["href"] == job_url(job)


def test_opening_the_index_deletes_files_older_than_a_day(programme_admin_client):
    job = stored_job()
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    fresh = stored_job()

    programme_admin_client.get(INDEX_URL)

    assert not job.file.storage.exists(job.file.name)
    assert fresh.file.storage.exists(fresh.file.name)
    job.refresh_from_db()
    assert job.status == ImportStatus.ABANDONED


# Query counts -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [5, 50])
def test_the_index_costs_the_same_for_5_or_50_jobs(programme_admin_client, programme_admin, n,
                                                   django_assert_max_num_queries):
    for _ in range(n):
        stored_job(status=ImportStatus.DONE, rows=report_rows(200), with_file=False, uploaded_by=programme_admin)
    with django_assert_max_num_queries(13):
        response = programme_admin_client.get(INDEX_URL)
    assert len(page(response).select("section.imports-history tbody tr")) == n


@pytest.mark.parametrize("n", [5, 10_000])
def test_the_job_page_costs_the_same_for_5_or_10000_rows(programme_admin_client, programme_admin, n,
                                                         django_assert_max_num_queries):
    job = stored_job(status=ImportStatus.READY, rows=report_rows(n), uploaded_by=programme_admin)
    with django_assert_max_num_queries(12):
        response = programme_admin_client.get(job_url(job))
    assert len(rows_of(response)) == min(n, 100)
