"""The follow-ups staff must make: the "Follow-ups to do" screen, answering in place, the home panel."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from cohorts.enums import FollowUpKind
from cohorts.models.outcomes import FollowUpCheck
from tests.cohorts.factories import CandidateFactory, OutcomeFactory
from tests.cohorts.outcomes.conftest import check_url, refused
from tests.snippets.factories import PartnerCompanyFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

TODO = reverse("wagtailsnippets_cohorts_followupcheck:todo")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def check(name, kind=FollowUpKind.SIX_MONTHS, due_in=0, answered=False):
    """The check of ``kind`` of a new job outcome, due in ``due_in`` days (negative: late)."""
    outcome = OutcomeFactory(
        candidate=CandidateFactory(first_name=name, last_name="Test"),
        employer=PartnerCompanyFactory(name=f"Employeur {name}"),
    )
    followup = outcome.checks.get(kind=kind)
    # The outcome's other checks out of the screen's sight, whenever the tests run.
    outcome.checks.exclude(pk=followup.pk).update(due_on=days(400))
    followup.due_on = days(due_in)
    if answered:
        followup.still_employed, followup.checked_on = True, days(-1)
    followup.save()
    return followup


def section_rows(response, section):
    """The rows of one section of the screen ("due" or "upcoming") as lists of cell texts (the form left out)."""
    soup = BeautifulSoup(response.content, "html.parser")
    rows = []
    for tr in soup.select(f"section#{section} table tbody tr"):
        rows.append([td.get_text(" ", strip=True) for td in tr.find_all("td", recursive=False)[:-1]])
    return rows


def answer(followup, **fields):
    prefix = f"check-{followup.pk}-"
    return {"check": followup.pk, **{prefix + name: value for name, value in fields.items()}}


def test_the_screen_lists_the_due_checks_then_the_coming_ones_and_nothing_else(programme_admin_client):
    late = check("Late", due_in=-12)
    today = check("Today", kind=FollowUpKind.TRIAL_END, due_in=0)
    soon = check("Soon", due_in=5)
    last = check("Last", kind=FollowUpKind.TWELVE_MONTHS, due_in=30)
    check("Answered", due_in=-3, answered=True)
    check("AnsweredSoon", due_in=3, answered=True)
    check("Far", due_in=31)

    response = programme_admin_client.get(TODO)

    assert response.status_code == 200
    def date(day):
        return date_format(day, "SHORT_DATE_FORMAT")

    assert section_rows(response, "due") == [
        ["Late Test", "Employeur Late", "6 months", date(late.due_on), "12"],
        ["Today Test", "Employeur Today", "End of the trial period", date(today.due_on), "0"],
    ]
    assert [row[0] for row in section_rows(response, "upcoming")] == ["Soon Test", "Last Test"]
    assert section_rows(response, "upcoming")[1][2:] == ["12 months", date(last.due_on)]
    assert soon.pk  # listed above, by name


def test_each_row_proposes_today_as_the_date_checked(programme_admin_client):
    followup = check("Late", due_in=-2)

    soup = BeautifulSoup(programme_admin_client.get(TODO).content, "html.parser")

    assert soup.select_one(f"#check-{followup.pk} input[name='check-{followup.pk}-checked_on']")["value"] == (
        timezone.localdate().strftime(settings.WAGTAIL_DATE_FORMAT)
    )
    assert soup.select_one(f"#check-{followup.pk} form input[name='csrfmiddlewaretoken']")


def test_answering_records_the_answer_who_checked_and_when(programme_admin_client, programme_admin):
    followup = check("Late", due_in=-2)
    other = check("Other", due_in=-1)

    response = programme_admin_client.post(
        TODO, answer(followup, still_employed="False", checked_on=days(-1).isoformat(), note="Fin de contrat")
    )

    assert response.status_code == 302
    assert response.url == TODO
    followup.refresh_from_db()
    assert (followup.still_employed, followup.checked_on, followup.checked_by, followup.note) == (
        False, days(-1), programme_admin, "Fin de contrat"
    )
    assert ModelLogEntry.objects.filter(object_id=str(followup.pk), action="wagtail.edit", user=programme_admin)
    other.refresh_from_db()
    assert other.checked_on is None
    assert [row[0] for row in section_rows(programme_admin_client.get(TODO), "due")] == ["Other Test"]


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"checked_on": "today"}, "still_employed"),
        ({"still_employed": "True", "checked_on": ""}, "checked_on"),
        ({"still_employed": "True", "checked_on": "tomorrow"}, "checked_on"),
    ],
)
def test_an_incomplete_answer_is_refused_in_its_row(programme_admin_client, fields, field_in_error):
    followup = check("Late", due_in=-2)
    named_days = {"today": days(0).isoformat(), "tomorrow": days(1).isoformat()}
    fields = {name: named_days.get(value, value) for name, value in fields.items()}

    response = programme_admin_client.post(TODO, answer(followup, **fields))

    assert response.status_code == 200
    assert list(response.context["due_rows"][0]["form"].errors) == [field_in_error]
    followup.refresh_from_db()
    assert (followup.checked_on, followup.checked_by) == (None, None)


def test_an_answered_check_is_not_answered_again(programme_admin_client):
    followup = check("Done", due_in=-3, answered=True)

    programme_admin_client.post(TODO, answer(followup, still_employed="False", checked_on=days(0).isoformat()))

    followup.refresh_from_db()
    assert (followup.still_employed, followup.checked_on) == (True, days(-1))


@pytest.mark.parametrize("role", ["coach_client", "communication_client"])
def test_coaches_and_communication_are_refused_the_follow_ups(request, role):
    followup = check("Late", due_in=-2)
    client = request.getfixturevalue(role)

    assert refused(client.get(TODO))
    assert refused(client.post(TODO, answer(followup, still_employed="True", checked_on=days(0).isoformat())))
    assert refused(client.get(check_url("list")))
    assert refused(client.get(check_url("edit", followup.pk)))
    followup.refresh_from_db()
    assert followup.checked_on is None


def test_checks_are_answered_never_added_nor_deleted_in_the_admin(programme_admin_client):
    followup = check("Late", due_in=-2)

    assert programme_admin_client.get(check_url("list")).status_code == 200
    assert refused(programme_admin_client.get(check_url("add")))
    assert refused(programme_admin_client.post(check_url("delete", followup.pk)))
    assert FollowUpCheck.objects.filter(pk=followup.pk).exists()


def test_the_edit_form_answers_or_corrects_a_check_as_the_user_who_saves(programme_admin_client, programme_admin):
    followup = check("Late", due_in=-2, answered=True)

    response = programme_admin_client.post(
        check_url("edit", followup.pk),
        {"still_employed": "False", "checked_on": days(0).isoformat(), "note": "Rappelé : a quitté le poste"},
    )

    assert response.status_code == 302
    followup.refresh_from_db()
    assert (followup.still_employed, followup.checked_on, followup.checked_by) == (False, days(0), programme_admin)
    assert followup.kind == FollowUpKind.SIX_MONTHS


def test_the_home_panel_counts_the_due_follow_ups_for_staff_who_answer_them(
    client, programme_admin, coach_user, communication_user
):
    check("Late", due_in=-2)
    check("Today", due_in=0)
    check("Soon", due_in=3)
    check("Answered", due_in=-2, answered=True)
    home = reverse("wagtailadmin_home")

    client.force_login(programme_admin)
    panel = BeautifulSoup(client.get(home).content, "html.parser").select_one("#followups-due-section")
    assert panel.select_one(f"a[href='{TODO}']").get_text(" ", strip=True) == "2 follow-ups due"
    for user in (coach_user, communication_user):
        client.force_login(user)
        assert "followups-due" not in client.get(home).content.decode()


def test_the_screen_query_count_does_not_grow_with_checks(programme_admin_client, django_assert_max_num_queries):
    check("Late", due_in=-2)
    check("Soon", due_in=3)
    with CaptureQueriesContext(connection) as few:
        assert programme_admin_client.get(TODO).status_code == 200

    for index in range(12):
        check(f"Late{index}", due_in=-index)
        check(f"Soon{index}", kind=FollowUpKind.TRIAL_END, due_in=index + 1)

    with django_assert_max_num_queries(len(few)):
        response = programme_admin_client.get(TODO)
    assert len(section_rows(response, "due")) == 13
    assert len(section_rows(response, "upcoming")) == 13
