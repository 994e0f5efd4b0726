"""Coaching sessions in the admin: a coach logs their own pair's sessions in a minute; staff see, filter, export all."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.enums import SessionKind
from cohorts.models.coaching import CoachingSession
from tests.admin_screens import export_rows, listing_rows
from tests.cohorts.coaching.conftest import days_ago
from tests.cohorts.factories import CoachingSessionFactory, CohortFactory, PairFactory
from tests.snippets.factories import CityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def url(view, *args):
    return reverse(f"wagtailsnippets_cohorts_coachingsession:{view}", args=args)


def form_data(pair, **overrides):
    return {
        "pair": pair.pk,
        "date": days_ago(1).isoformat(),
        "duration_minutes": "45",
        "kind": SessionKind.CALL,
        "note": "Préparé l'entretien chez Sodexo.",
        **overrides,
    }


def refused(response):
    """Wagtail sends an admin user without the permission back to the dashboard, with an error."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home") and [
        message.level_tag for message in get_messages(response.wsgi_request)
    ] == ["error"]


# --- A coach: their own pair only ------------------------------------------------------------------------------------


def test_coach_list_shows_only_their_own_sessions(coach_client, own_pair, other_pair):
    CoachingSessionFactory(pair=own_pair, date=days_ago(2))
    CoachingSessionFactory(pair=other_pair, date=days_ago(2))

    response = coach_client.get(url("list"))

    assert [row["Candidate"] for row in listing_rows(response)] == ["Awa Suivie"]


def test_coach_add_form_offers_only_their_pair_already_chosen(coach_client, own_pair, other_pair):
    response = coach_client.get(url("add"))

    select = BeautifulSoup(response.content, "html.parser").select_one("select[name=pair]")
    options = [(option["value"], option.has_attr("selected")) for option in select.find_all("option")]
    assert options == [(str(own_pair.pk), True)]


def test_coach_logs_a_session_signed_with_their_account(coach_client, coach_user, own_pair):
    response = coach_client.post(url("add"), form_data(own_pair))

    assert response.status_code == 302
    session = CoachingSession.objects.get()
    assert (session.pair, session.kind, session.duration_minutes) == (own_pair, SessionKind.CALL, 45)
    assert session.logged_by == coach_user


def test_coach_cannot_log_a_session_for_another_pair(coach_client, own_pair, other_pair):
    response = coach_client.post(url("add"), form_data(other_pair))

    assert response.status_code == 200
    assert "pair" in response.context["form"].errors
    assert not CoachingSession.objects.exists()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (lambda pair: days_ago(-1), "A session cannot be logged in the future."),
        (lambda pair: pair.start_date - datetime.timedelta(days=1), "This date is before the pair started"),
    ],
    ids=["future", "before the pair"],
)
def test_session_dates_are_checked(coach_client, own_pair, date, message):
    response = coach_client.post(url("add"), form_data(own_pair, date=date(own_pair).isoformat()))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["date"])
    assert not CoachingSession.objects.exists()


def test_session_after_the_pair_ended_is_refused(admin_client, own_pair):
    own_pair.end_date = days_ago(10)
    own_pair.save()

    response = admin_client.post(url("add"), form_data(own_pair, date=days_ago(5).isoformat()))

    assert "This date is after the pair ended" in " ".join(response.context["form"].errors["date"])


def test_coach_edits_and_deletes_their_own_session(coach_client, own_pair):
    session = CoachingSessionFactory(pair=own_pair, date=days_ago(4))

    coach_client.post(url("edit", session.pk), form_data(own_pair, duration_minutes="90"))
    session.refresh_from_db()
    assert session.duration_minutes == 90

    coach_client.post(url("delete", session.pk))
    assert not CoachingSession.objects.exists()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_coachs_session_is_404_for_a_coach(coach_client, own_pair, other_pair, view):
    session = CoachingSessionFactory(pair=other_pair, date=days_ago(4), note="Note de Xavier")

    get = coach_client.get(url(view, session.pk))
    post = coach_client.post(url(view, session.pk), form_data(own_pair))

    assert (get.status_code, post.status_code) == (404, 404)
    session.refresh_from_db()
    assert session.pair == other_pair


def test_coach_no_longer_sees_sessions_once_the_pair_ended(coach_client, own_pair):
    session = CoachingSessionFactory(pair=own_pair, date=days_ago(4))
    own_pair.end_date = days_ago(1)
    own_pair.save()

    assert listing_rows(coach_client.get(url("list"))) == []
    assert coach_client.get(url("edit", session.pk)).status_code == 404


# --- Other roles ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["list", "add"])
def test_communication_sees_no_session(communication_client, view):
    assert refused(communication_client.get(url(view)))


def test_communication_cannot_open_a_session(communication_client, own_pair):
    session = CoachingSessionFactory(pair=own_pair, date=days_ago(4))

    assert refused(communication_client.get(url("edit", session.pk)))


@pytest.mark.parametrize("role_client", ["programme_admin_client", "admin_client"])
def test_staff_see_every_session(request, role_client, own_pair, other_pair):
    CoachingSessionFactory(pair=own_pair, date=days_ago(2))
    CoachingSessionFactory(pair=other_pair, date=days_ago(3))

    response = request.getfixturevalue(role_client).get(url("list"))

    assert [row["Candidate"] for row in listing_rows(response)] == ["Awa Suivie", "Bintou Ailleurs"]


def test_staff_log_a_session_for_any_pair(programme_admin_client, programme_admin, other_pair):
    response = programme_admin_client.post(url("add"), form_data(other_pair))

    assert response.status_code == 302
    assert CoachingSession.objects.get().logged_by == programme_admin


def test_add_form_opens_with_the_pair_from_the_link(programme_admin_client, other_pair):
    response = programme_admin_client.get(url("add"), {"pair": other_pair.pk})

    assert response.context["form"].initial["pair"] == other_pair.pk


@pytest.fixture
def sessions_in_two_cities(own_pair, other_pair):
    lyon = CityFactory(name="Lyon")
    lyon_pair = PairFactory(candidate__first_name="Chloé", candidate__cohort=CohortFactory(city=lyon),
                            start_date=days_ago(90))
    return {
        "meeting": CoachingSessionFactory(pair=own_pair, date=days_ago(20), kind=SessionKind.MEETING),
        "call": CoachingSessionFactory(pair=other_pair, date=days_ago(5), kind=SessionKind.CALL),
        "lyon": CoachingSessionFactory(pair=lyon_pair, date=days_ago(40), kind=SessionKind.COMPANY_VISIT),
        "lyon_city": lyon,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda s: {"kind": SessionKind.CALL}, {"call"}),
        (lambda s: {"city": s["lyon_city"].pk}, {"lyon"}),
        (lambda s: {"cohort": s["meeting"].pair.candidate.cohort_id}, {"meeting"}),
        (lambda s: {"date_from": days_ago(25).isoformat(), "date_to": days_ago(10).isoformat()}, {"meeting"}),
        (lambda s: {}, {"meeting", "call", "lyon"}),
    ],
    ids=["kind", "city", "cohort", "date range", "all"],
)
def test_staff_filter_sessions(programme_admin_client, sessions_in_two_cities, query, expected):
    response = programme_admin_client.get(url("list"), query(sessions_in_two_cities))

    by_pk = {value.pk: key for key, value in sessions_in_two_cities.items() if key != "lyon_city"}
    assert {by_pk[session.pk] for session in response.context["object_list"]} == expected


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_staff_export_sessions_without_the_private_note(programme_admin_client, own_pair, export_format):
    CoachingSessionFactory(pair=own_pair, date=datetime.date(2026, 11, 2), note="Note confidentielle",
                           duration_minutes=30)

    response = programme_admin_client.get(url("list"), {"export": export_format})

    header, *rows = export_rows(response)
    assert header == ["Date", "Coach", "Candidate", "Cohort", "City", "Kind", "Duration (minutes)", "Logged by"]
    assert [row[1:7] for row in rows] == [
        ["Claire Coach", "Awa Suivie", "Promo Awa", str(own_pair.candidate.cohort.city), "Meeting", "30"]
    ]
    assert "Note confidentielle" not in str(rows)


@pytest.mark.parametrize("sessions", [2, 20])
def test_session_list_query_count_does_not_grow(programme_admin_client, django_assert_max_num_queries, sessions):
    for _index in range(sessions):
        CoachingSessionFactory(pair=PairFactory(start_date=days_ago(30)), date=days_ago(2))

    with django_assert_max_num_queries(25):
        response = programme_admin_client.get(url("list"))

    assert len(response.context["object_list"]) == sessions
