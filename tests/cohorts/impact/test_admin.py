"""The impact report in the admin, its exports and its home panel: who sees them, what they say, how many queries."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from cohorts.enums import ApplicationStatus, ExitCategory
from cohorts.impact.figures import compute_impact
from cohorts.impact.measures import ImpactFilters
from cohorts.models import Application
from pages.models import CandidatePage
from pages.models.counters import StoryCounter
from tests.cohorts.factories import CandidateFactory, CoachingSessionFactory, CohortFactory, OutcomeFactory, PairFactory
from tests.snippets.factories import OfferFactory

pytestmark = pytest.mark.ignore_template_errors  # Wagtail's own admin templates trip the invalid-variable check

YEAR_2026 = {"period": "custom", "start": "2026-01-01", "end": "2026-12-31"}
REPORT = reverse("cohorts_impact")


def export_url(export_format):
    return reverse("cohorts_impact_export", args=[export_format])


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


def test_coach_and_plain_staff_get_403(coach_client, programme):
    assert coach_client.get(REPORT).status_code == 403
    assert coach_client.get(export_url("xlsx")).status_code == 403
    assert coach_client.get(export_url("csv"), {"audience": "public"}).status_code == 403


@pytest.mark.parametrize("client_fixture", ["communication_client", "programme_admin_client"])
def test_report_for_staff_who_may_read_it(client_fixture, request, programme):
    client = request.getfixturevalue(client_fixture)
    response = client.get(REPORT, YEAR_2026)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Impact report, from 01/01/2026 to 12/31/2026" in html
    # Each section has its chart (SVG with a title and a description) and its table.
    assert html.count('<svg class="impact-chart" role="img"') == 10
    assert "<title id=\"chart-exits-title\">Exits by category</title>" in html
    assert "Durable employment: 3 / 8 (38 %)" in html  # the chart's description
    assert "<th scope=\"row\">Positive exits (durable, transition, positive exit)</th><td>5</td><td>5 / 8 (63 %)</td>" \
        in html
    assert "<td>2 / 3 (67 %)</td>" in html  # still employed at 6 months
    assert "<td>&lt; 5</td>" not in html  # the admin shows every figure
    assert "<script" not in html.split("impact-report")[1]
    assert f'href="{export_url("xlsx")}?period=custom&amp;start=2026-01-01&amp;end=2026-12-31&amp;audience=public"' \
        in html


def test_report_filters_by_cohort_and_city(programme_admin_client, programme):
    html = programme_admin_client.get(REPORT, {**YEAR_2026, "cohort": programme.cohort_a.pk}).content.decode()
    assert "cohort Paris janvier 2026" in html
    assert "<th scope=\"row\">Entries in the period</th><td>6</td>" in html
    html = programme_admin_client.get(REPORT, {**YEAR_2026, "city": programme.lille.pk}).content.decode()
    assert "city Lille" in html
    assert "<th scope=\"row\">In programme at the end of the period</th><td>2</td>" in html


def test_presets_and_default_period(programme_admin_client, programme):
    today = datetime.date.today()
    response = programme_admin_client.get(REPORT)
    # From the day after the same date a year ago (28 February when today is the 29th).
    start = datetime.date(today.year - 1, today.month, min(today.day, 28 if today.month == 2 else 31))
    start += datetime.timedelta(days=1)
    assert response.context["filters"].start == start
    assert response.context["filters"].end == today
    response = programme_admin_client.get(REPORT, {"period": "last_year"})
    assert (response.context["filters"].start, response.context["filters"].end) == (
        datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))
    response = programme_admin_client.get(REPORT, {"period": "this_year"})
    assert response.context["filters"].start == datetime.date(today.year, 1, 1)
    response = programme_admin_client.get(REPORT, {"period": "custom", "start": "2026-05-01", "end": "2026-01-01"})
    assert "The end of the period is before its start." in response.content.decode()


def test_xlsx_internal_and_public(programme_admin_client, programme):
    response = programme_admin_client.get(export_url("xlsx"), YEAR_2026)
    assert response["Content-Disposition"] == 'attachment; filename="impact-2026-01-01-2026-12-31.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Candidates", "Exits by category", "Follow-up after hiring", "Time to first contract",
        "Applications proposal to hire", "Offers received", "Offers by company", "Views, shares and QR scans",
        "Coach activity", "Companies that hired", "Hires by company",
    ]
    exits = book["Exits by category"]
    assert exits["A1"].value.startswith("Impact report, from 01/01/2026 to 12/31/2026")
    assert [cell.value for cell in exits[3]] == ["Category", "People", "Rate over all exits"]
    assert [cell.value for cell in exits[4]] == ["Durable employment", 3, "3 / 8 (38 %)"]
    # A company named "=Cuisine Nord" is text, not a formula.
    assert book["Offers by company"]["A5"].value == "'=Cuisine Nord"

    response = programme_admin_client.get(export_url("xlsx"), {**YEAR_2026, "audience": "public"})
    assert response["Content-Disposition"] == 'attachment; filename="impact-2026-01-01-2026-12-31-public.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert "fewer than 5 people" in book["Candidates"]["A1"].value
    assert [cell.value for cell in book["Exits by category"][4]] == ["Durable employment", "< 5", "< 5"]
    assert [cell.value for cell in book["Candidates"][4]] == ["Entries in the period", 10]
    assert [cell.value for cell in book["Follow-up after hiring"][4]] == [
        "Durable employment at 6 months", "< 5", "< 5", "< 5"]


def test_csv_internal_and_public(communication_client, programme):
    response = communication_client.get(export_url("csv"), {**YEAR_2026, "city": programme.lille.pk})
    assert response["Content-Disposition"] == 'attachment; filename="impact-2026-01-01-2026-12-31.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Impact report, from 01/01/2026 to 12/31/2026, city Lille (75)"]
    assert rows[2:4] == [["Candidates"], ["Figure", "People"]]
    assert ["Trial period passed", "2", "1", "1 / 2 (50 %)"] in rows
    assert ["'=Cuisine Nord", "2", "1", "3"] in rows
    response = communication_client.get(export_url("csv"), {**YEAR_2026, "city": programme.lille.pk,
                                                             "audience": "public"})
    public = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Trial period passed", "< 5", "< 5", "< 5"] in public
    assert ["Views", "5"] in public
    assert ["Median days from entry to first contract", "< 5"] in public


def test_home_panel_for_who_may_read_the_report(client, programme_admin, coach_user, programme):
    client.force_login(programme_admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Impact, last 12 months" in html
    assert f'href="{REPORT}"' in html
    assert "Median days to first contract" in html
    client.force_login(coach_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Impact, last 12 months" not in html
    assert f'href="{REPORT}"' not in html


def test_menu_item_for_who_may_read_the_report(client, communication_user, coach_user, programme):
    client.force_login(communication_user)
    assert f'"url": "{REPORT}"' in client.get(reverse("wagtailadmin_home")).content.decode().replace("\\u0022", '"')
    client.force_login(coach_user)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def grow(count, story_index):
    """``count`` more candidates with everything the report counts: outcome, checks, application, story, coaching."""
    cohort = CohortFactory(start_date=datetime.date(2026, 2, 1))
    offer = OfferFactory(published=True)
    for index in range(count):
        candidate = CandidateFactory(cohort=cohort, with_story=True)
        if index % 2:
            OutcomeFactory(candidate=candidate, exit_date=datetime.date(2026, 4, 1),
                           start_date=datetime.date(2026, 4, 1), trial_end_date=datetime.date(2026, 5, 1))
        else:
            OutcomeFactory(candidate=candidate, drop_out=True, category=ExitCategory.DROP_OUT,
                           exit_date=datetime.date(2026, 3, 1))
        Application.objects.create(offer=offer, candidate=candidate).change_status(
            ApplicationStatus.CONTACTED, user=None)
        StoryCounter.objects.create(page=CandidatePage.objects.get(candidate=candidate), kind="view",
                                    channel="direct", day=datetime.date(2026, 3, 1), count=index)
        CoachingSessionFactory(pair=PairFactory(candidate=candidate, start_date=datetime.date(2026, 2, 2)),
                               date=datetime.date(2026, 2, 10))
    # In the year the tests report on, whenever they run.
    Application.objects.filter(candidate__cohort=cohort).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 12, 1, 12)))


QUERIES = 10


@pytest.mark.parametrize("count", [3, 40])
def test_compute_impact_runs_the_same_queries_whatever_the_size(count, story_index, django_assert_num_queries):
    grow(count, story_index)
    filters = ImpactFilters(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    with django_assert_num_queries(QUERIES):
        report = compute_impact(filters)
    assert report.entries == count
    assert report.funnel[1] == count


@pytest.mark.parametrize("count", [3, 40])
def test_report_page_queries_do_not_grow(count, story_index, programme_admin_client, django_assert_num_queries):
    grow(count, story_index)
    programme_admin_client.get(REPORT, YEAR_2026)  # warms the session and permission caches
    # The report's queries, plus the admin page's own (session, user, menus) and the filter form's choices.
    with django_assert_num_queries(QUERIES + 11):
        programme_admin_client.get(REPORT, YEAR_2026)


def test_sheet_names_fit_excel():
    from cohorts.impact.export import sheet_name

    taken = set()
    assert sheet_name("Hires: by company [2026]?", taken) == "Hires by company 2026"
    assert sheet_name("A very long title that goes well past the limit", taken) == "A very long title that goes"
    assert sheet_name("hires by company 2026", taken) == "hires by company 2026 2"
