"""The outcome screens: who opens them, the list and its filters and export, recording, correcting, deleting."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.enums import CandidateStatus, ExitCategory, FollowUpKind
from cohorts.models import Candidate
from cohorts.models.outcomes import Outcome
from tests.cohorts.factories import CandidateFactory, CohortFactory, OutcomeFactory
from tests.cohorts.outcomes.conftest import outcome_url, refused
from tests.snippets.factories import CityFactory, ContractTypeFactory, PartnerCompanyFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

D = datetime.date


def listing(response):
    """The rows of the admin list as {heading: text}."""
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    if table is None:
        return []
    headings = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
    return [
        dict(zip(headings, [(td.select_one(".title-wrapper") or td).get_text(" ", strip=True)
                            for td in tr.find_all("td")], strict=True))
        for tr in table.tbody.find_all("tr", recursive=False)
    ]


def names(response):
    return sorted(row["Candidate"] for row in listing(response))


@pytest.fixture
def outcome():
    return OutcomeFactory(
        candidate=CandidateFactory(first_name="Moussa", last_name="Keita", cohort__name="Lyon 2026"),
        employer=PartnerCompanyFactory(name="Bistrot du Port"),
        notes="Secret: difficult start",
    )


# --- Who opens the screens ------------------------------------------------------------------------------------

SCREENS = ["list", "export", "inspect", "add", "edit", "delete", "history"]


def get_screen(client, screen, outcome):
    if screen == "list":
        return client.get(outcome_url("list"))
    if screen == "export":
        return client.get(outcome_url("list"), {"export": "csv"})
    if screen == "add":
        return client.get(outcome_url("add"))
    return client.get(outcome_url(screen, outcome.pk))


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("role", ["admin_client", "programme_admin_client"])
def test_programme_admins_open_every_outcome_screen(request, role, screen, outcome):
    response = get_screen(request.getfixturevalue(role), screen, outcome)

    assert response.status_code == 200


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("role", ["coach_client", "communication_client"])
def test_coaches_and_communication_are_refused_every_outcome_screen(request, role, screen, outcome):
    response = get_screen(request.getfixturevalue(role), screen, outcome)

    assert refused(response)


@pytest.mark.parametrize("role", ["coach_client", "communication_client"])
def test_coaches_and_communication_cannot_post_outcomes(request, role, outcome):
    client = request.getfixturevalue(role)
    candidate = CandidateFactory()

    assert refused(client.post(outcome_url("add"), {"candidate": candidate.pk, "exit_date": "2026-12-01",
                                                    "category": ExitCategory.DROP_OUT}))
    assert refused(client.post(outcome_url("delete", outcome.pk)))

    assert Outcome.objects.get() == outcome


def test_the_menu_shows_outcomes_and_follow_ups_to_programme_admins_only(
    client, programme_admin, coach_user, communication_user
):
    home = reverse("wagtailadmin_home")
    menu_urls = [outcome_url("list"), reverse("wagtailsnippets_cohorts_followupcheck:todo")]

    client.force_login(programme_admin)
    body = client.get(home).content.decode()
    assert all(url in body for url in menu_urls)
    for user in (coach_user, communication_user):
        client.force_login(user)
        body = client.get(home).content.decode()
        assert not any(url in body for url in menu_urls), user


# --- The list -------------------------------------------------------------------------------------------------


def test_the_list_shows_candidate_cohort_category_employer_contract_and_dates(programme_admin_client, outcome):
    OutcomeFactory(
        candidate=CandidateFactory(first_name="Sara", last_name="Ben", cohort=outcome.candidate.cohort),
        category=ExitCategory.POSITIVE_EXIT, employer=None, employer_name="AFPA Vénissieux", contract_type=None,
        start_date=D(2027, 1, 4), trial_end_date=None, exit_date=D(2026, 12, 20),
    )

    rows = listing(programme_admin_client.get(outcome_url("list")))

    assert [(row["Candidate"], row["Cohort"], row["Category"], row["Employer"], row["Contract"]) for row in rows] == [
        ("Sara Ben", "Lyon 2026", "Positive exit (training, work-study, inclusion employer)", "AFPA Vénissieux", ""),
        ("Moussa Keita", "Lyon 2026", "Durable employment", "Bistrot du Port", "CDI"),
    ]
    assert rows[1]["Start of the job or training"] and rows[1]["Exit date"]


def test_the_list_filters_by_category_cohort_city_and_exit_dates(programme_admin_client):
    lyon, lille = CityFactory(name="Lyon"), CityFactory(name="Lille")
    lyon_cohort, lille_cohort = CohortFactory(city=lyon), CohortFactory(city=lille)
    OutcomeFactory(candidate=CandidateFactory(first_name="A", last_name="Lyon", cohort=lyon_cohort),
                   exit_date=D(2026, 10, 1))
    OutcomeFactory(candidate=CandidateFactory(first_name="B", last_name="Lyon", cohort=lyon_cohort),
                   drop_out=True, exit_date=D(2026, 11, 15))
    OutcomeFactory(candidate=CandidateFactory(first_name="C", last_name="Lille", cohort=lille_cohort),
                   exit_date=D(2026, 12, 20))
    client = programme_admin_client

    def listed(**query):
        return names(client.get(outcome_url("list"), query))

    assert listed() == ["A Lyon", "B Lyon", "C Lille"]
    assert listed(category=ExitCategory.DROP_OUT) == ["B Lyon"]
    assert listed(cohort=lille_cohort.pk) == ["C Lille"]
    assert listed(city=lyon.pk) == ["A Lyon", "B Lyon"]
    assert listed(exit_date_from="2026-11-01", exit_date_to="2026-11-30") == ["B Lyon"]
    assert listed(city=lyon.pk, exit_date_from="2026-11-01") == ["B Lyon"]
    assert listed(q="Lille") == ["C Lille"]


def test_the_export_holds_the_outcome_but_not_the_private_notes(programme_admin_client, programme_admin, outcome):
    outcome.recorded_by = programme_admin
    outcome.save()

    response = programme_admin_client.get(outcome_url("list"), {"export": "csv"})

    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert rows[0] == ["Candidate", "Cohort", "City", "Category", "Employer", "Contract",
                       "Start of the job or training", "End of the trial period", "Exit date", "Recorded by"]
    assert rows[1][:6] == ["Moussa Keita", "Lyon 2026", str(outcome.candidate.cohort.city), "Durable employment",
                           "Bistrot du Port", "CDI"]
    assert rows[1][6:9] == ["2026-12-01", "2027-02-01", "2026-12-01"]
    assert "Secret" not in content.decode()


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_the_list_query_count_does_not_grow_with_outcomes(programme_admin_client, django_assert_max_num_queries,
                                                          export):
    query = {"export": export} if export else {}
    OutcomeFactory.create_batch(2)
    OutcomeFactory(drop_out=True)
    with CaptureQueriesContext(connection) as few:
        assert programme_admin_client.get(outcome_url("list"), query).status_code == 200

    for index in range(15):
        OutcomeFactory(employer_name=f"Garage {index}", employer=None, contract_type=ContractTypeFactory(slug="cdd"))
        OutcomeFactory(candidate__cohort=CohortFactory(), category=ExitCategory.TRANSITION_EMPLOYMENT)

    with django_assert_max_num_queries(len(few)):
        response = programme_admin_client.get(outcome_url("list"), query)
    assert response.status_code == 200
    if export is None:
        assert len(listing(response)) == 20  # the first page


# --- Recording, correcting, deleting --------------------------------------------------------------------------


def job_form(candidate, **overrides):
    data = {
        "candidate": candidate.pk,
        "exit_date": "2026-12-01",
        "category": ExitCategory.DURABLE_EMPLOYMENT,
        "employer": PartnerCompanyFactory().pk,
        "employer_name": "",
        "contract_type": ContractTypeFactory(slug="cdi").pk,
        "start_date": "2026-12-01",
        "trial_end_date": "2027-02-01",
        "notes": "",
    }
    return {**data, **overrides}


def test_recording_an_outcome_notes_who_recorded_it_and_schedules_its_checks(programme_admin_client,
                                                                             programme_admin):
    candidate = CandidateFactory()

    response = programme_admin_client.post(outcome_url("add"), job_form(candidate))

    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.candidate, outcome.recorded_by) == (candidate, programme_admin)
    assert outcome.checks.count() == 3
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.HIRED


def test_the_form_refuses_a_job_without_employer_contract_or_start(programme_admin_client):
    candidate = CandidateFactory()

    response = programme_admin_client.post(
        outcome_url("add"), job_form(candidate, employer="", contract_type="", start_date="", trial_end_date="")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"employer", "contract_type", "start_date"}
    assert errors["employer"] == ["A job needs its employer: a partner company or a name."]
    assert not Outcome.objects.exists()
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.IN_PROGRAMME


def test_a_candidate_has_one_outcome(programme_admin_client, outcome):
    response = programme_admin_client.post(outcome_url("add"), job_form(outcome.candidate))

    assert response.status_code == 200
    assert "candidate" in response.context["form"].errors
    assert Outcome.objects.count() == 1


def test_editing_moves_the_checks_and_keeps_the_candidate_and_who_recorded(programme_admin_client, outcome,
                                                                            programme_admin):
    other = CandidateFactory()
    data = job_form(other, start_date="2027-01-04", trial_end_date="2027-03-04", exit_date="2027-01-04",
                    employer=outcome.employer_id)

    response = programme_admin_client.post(outcome_url("edit", outcome.pk), data)

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert outcome.candidate_id != other.pk  # whose outcome it is never changes
    assert outcome.recorded_by is None
    assert dict(outcome.checks.values_list("kind", "due_on")) == {
        FollowUpKind.TRIAL_END: D(2027, 3, 4), FollowUpKind.SIX_MONTHS: D(2027, 7, 4),
        FollowUpKind.TWELVE_MONTHS: D(2028, 1, 4),
    }


def test_deleting_an_outcome_puts_the_candidate_back_in_the_programme(programme_admin_client, outcome):
    candidate = outcome.candidate
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.HIRED

    response = programme_admin_client.post(outcome_url("delete", outcome.pk))

    assert response.status_code == 302
    assert not Outcome.objects.exists()
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.IN_PROGRAMME


def test_deleting_outcomes_in_bulk_puts_their_candidates_back_in_the_programme(programme_admin_client, outcome):
    other = OutcomeFactory(drop_out=True)
    kept = OutcomeFactory()
    url = reverse("wagtail_bulk_action", args=["cohorts", "outcome", "delete"])

    response = programme_admin_client.post(f"{url}?id={outcome.pk}&id={other.pk}", {})

    assert response.status_code == 302
    assert list(Outcome.objects.all()) == [kept]
    statuses = dict(Candidate.objects.values_list("pk", "status"))
    assert statuses == {outcome.candidate_id: CandidateStatus.IN_PROGRAMME,
                        other.candidate_id: CandidateStatus.IN_PROGRAMME, kept.candidate_id: CandidateStatus.HIRED}


def test_the_inspect_page_shows_the_checks_and_their_state(programme_admin_client, programme_admin):
    today = datetime.date.today()
    outcome = OutcomeFactory(start_date=today - datetime.timedelta(days=200),
                             trial_end_date=today - datetime.timedelta(days=100),
                             exit_date=today - datetime.timedelta(days=200))
    trial = outcome.checks.get(kind=FollowUpKind.TRIAL_END)
    trial.still_employed, trial.checked_on = True, today - datetime.timedelta(days=90)
    trial.checked_by, trial.note = programme_admin, "Tout va bien"
    trial.save()

    response = programme_admin_client.get(outcome_url("inspect", outcome.pk))

    soup = BeautifulSoup(response.content, "html.parser")
    cells = ([td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select("table tbody tr"))
    rows = {row[0]: row[2:5] for row in cells if row}
    assert rows["End of the trial period"][0].startswith("Still employed (checked on")
    assert rows["End of the trial period"][1:] == [programme_admin.get_full_name() or programme_admin.username,
                                                   "Tout va bien"]
    assert rows["6 months"][0] == "Due, not answered"
    assert rows["12 months"][0] == "To come"
    answer_urls = {a["href"] for a in soup.select("table a.button")}
    assert reverse("wagtailsnippets_cohorts_followupcheck:edit", args=[trial.pk]) in answer_urls
