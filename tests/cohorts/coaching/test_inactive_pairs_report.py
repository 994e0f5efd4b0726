"""The report "Pairs with no session for 14 days": what staff call through, staff only, in constant queries."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.admin_screens import export_rows, listing_rows
from tests.cohorts.coaching.conftest import days_ago
from tests.cohorts.factories import CoachFactory, CoachingSessionFactory, CohortFactory, PairFactory
from tests.snippets.factories import CityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

REPORT = "cohorts_inactive_pairs"


@pytest.fixture
def pairs():
    lyon = CohortFactory(name="Lyon 2026", city=CityFactory(name="Lyon"))
    quiet = PairFactory(coach=CoachFactory(first_name="Claire", last_name="Calme"),
                        candidate__first_name="Awa", candidate__last_name="Suivie", candidate__cohort=lyon,
                        start_date=days_ago(60), inactivity_reminded_at=timezone.now() - datetime.timedelta(days=2))
    CoachingSessionFactory(pair=quiet, date=days_ago(20))
    never = PairFactory(coach=CoachFactory(first_name="Nadia", last_name="Jamais"),
                        candidate__first_name="Bintou", candidate__last_name="Neuve", candidate__cohort=lyon,
                        start_date=days_ago(30))
    active = PairFactory(coach=CoachFactory(first_name="Paul", last_name="Actif"), start_date=days_ago(60))
    CoachingSessionFactory(pair=active, date=days_ago(20))
    CoachingSessionFactory(pair=active, date=days_ago(2))
    PairFactory(coach=CoachFactory(first_name="Lea", last_name="Debut"), start_date=days_ago(3))
    PairFactory(coach=CoachFactory(first_name="Marc", last_name="Fini"), start_date=days_ago(90),
                end_date=days_ago(40))
    return {"quiet": quiet, "never": never}


def test_report_lists_the_pairs_gone_quiet(admin_client, pairs):
    response = admin_client.get(reverse(REPORT))

    assert response.status_code == 200
    rows = listing_rows(response)
    # The longest silence first.
    assert [row["Coach"] for row in rows] == ["Nadia Jamais", "Claire Calme"]
    never, quiet = rows
    assert quiet["Candidate"] == "Awa Suivie"
    assert (quiet["Cohort"], quiet["City"], quiet["Days since"]) == ("Lyon 2026", "Lyon (75)", "20")
    assert quiet["Coach last reminded"] != ""
    assert (never["Days since"], never["Coach last reminded"]) == ("30", "")


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_report_exports(admin_client, pairs, export_format):
    response = admin_client.get(reverse(REPORT), {"export": export_format})

    header, *rows = export_rows(response)
    assert header == ["Coach", "Candidate", "Cohort", "City", "Pair started", "Last session", "Days since",
                      "Coach last reminded"]
    assert [row[:4] + [row[6]] for row in rows] == [
        ["Nadia Jamais", "Bintou Neuve", "Lyon 2026", "Lyon (75)", "30"],
        ["Claire Calme", "Awa Suivie", "Lyon 2026", "Lyon (75)", "20"],
    ]
    assert rows[0][5] in ("", "None")


def test_report_filters_by_city(admin_client, pairs):
    other_city = CityFactory(name="Rennes")

    response = admin_client.get(reverse(REPORT), {"city": other_city.pk})

    assert listing_rows(response) == []


@pytest.mark.parametrize(
    ("role_client", "allowed"),
    [("admin_client", True), ("programme_admin_client", True), ("communication_client", False),
     ("coach_client", False)],
)
def test_report_is_for_staff_who_read_pairs(request, role_client, allowed, pairs):
    response = request.getfixturevalue(role_client).get(reverse(REPORT))

    if allowed:
        assert response.status_code == 200
    else:
        # Wagtail's answer to a PermissionDenied in the admin: back to the dashboard, with an error.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]


@pytest.mark.parametrize("role_client", ["communication_client", "coach_client"])
def test_report_export_is_refused_too(request, role_client, pairs):
    response = request.getfixturevalue(role_client).get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == 302


@pytest.mark.parametrize(("role_client", "shown"), [("programme_admin_client", True), ("coach_client", False)])
def test_report_is_in_the_reports_menu_for_staff_only(request, role_client, shown):
    response = request.getfixturevalue(role_client).get(reverse("wagtailadmin_home"))

    assert (reverse(REPORT) in response.content.decode()) is shown


def test_staff_home_counts_the_pairs_gone_quiet(programme_admin_client, pairs):
    response = programme_admin_client.get(reverse("wagtailadmin_home"))

    assert "2 pairs with no session for 14 days." in response.content.decode()


@pytest.mark.parametrize("quiet_pairs", [3, 30])
def test_report_query_count_does_not_grow(admin_client, django_assert_max_num_queries, quiet_pairs):
    for _index in range(quiet_pairs):
        pair = PairFactory(start_date=days_ago(40))
        CoachingSessionFactory(pair=pair, date=days_ago(20))

    # The pairs: a count and a page, sessions aggregated in SQL; the rest is the admin's frame and filters.
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse(REPORT))
    with django_assert_max_num_queries(6):
        export = admin_client.get(reverse(REPORT), {"export": "csv"})

    assert len(listing_rows(response)) == quiet_pairs
    assert len(export_rows(export)) == quiet_pairs + 1
