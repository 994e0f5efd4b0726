"""The public impact page: figures computed from the data, small numbers hidden, cached until outcomes change."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cohorts.enums import ExitCategory
from cohorts.models import Outcome
from pages.models.impact import ImpactPage, ImpactPeriod, period_dates
from tests.cohorts.factories import CandidateFactory, CohortFactory, OutcomeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def impact_page(home_page):
    page = ImpactPage(
        title="Notre impact", slug="impact", intro="<p>Calculés chaque jour.</p>", figures_heading="Nos résultats",
        body=[{"type": "paragraph", "value": "<p>Comment nous comptons : une sortie positive est…</p>"}],
    )
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def programme():
    """Twelve entries last spring; six hired durably, one drop-out, five still in the programme."""
    days = datetime.timedelta
    cohort = CohortFactory(start_date=TODAY - days(days=200), end_date=TODAY + days(days=30))
    candidates = CandidateFactory.create_batch(12, cohort=cohort, first_name="Prénom-secret")
    for candidate in candidates[:6]:
        OutcomeFactory(candidate=candidate, exit_date=TODAY - datetime.timedelta(days=60),
                       start_date=TODAY - datetime.timedelta(days=60), trial_end_date=None)
    OutcomeFactory(candidate=candidates[6], drop_out=True, exit_date=TODAY - datetime.timedelta(days=100))
    return candidates


def figures(response):
    return {figure["key"]: figure for figure in response.context["page"].figures}


def test_the_figures_are_computed_from_the_data(client, impact_page, programme):
    response = client.get(impact_page.url)

    assert response.status_code == 200
    shown = figures(response)
    assert shown["entries"]["value"] == "12"
    assert shown["in_programme"]["value"] == "5"
    assert shown["positive_exits"]["value"] == "86 %"
    assert shown["positive_exits"]["detail"] == "6 / 7 over all exits"
    html = response.content.decode()
    assert "Nos résultats" in html and "Calculés chaque jour." in html and "Comment nous comptons" in html


def test_figures_about_fewer_than_five_people_are_hidden(client, impact_page, programme):
    shown = figures(client.get(impact_page.url))

    # Six hires counted from 60 days ago: no six-month check is due yet, so nothing to show but "< 5".
    assert shown["durable_six_months"]["value"] == "< 5"
    assert shown["median_days"]["detail"] == "for < 5 people" or shown["median_days"]["value"] != "< 5"


def test_no_personal_data_is_shown(client, impact_page, programme):
    html = client.get(impact_page.url).content.decode()

    assert "Prénom-secret" not in html
    assert programme[0].email not in html


def test_the_figures_are_cached_and_refreshed_when_an_outcome_changes(client, impact_page, programme):
    client.get(impact_page.url)
    # A change that sends no signal is not seen: the page serves its cached figures, without reading outcomes.
    Outcome.objects.filter(category=ExitCategory.DROP_OUT).update(category=ExitCategory.DURABLE_EMPLOYMENT)
    with CaptureQueriesContext(connection) as queries:
        cached = figures(client.get(impact_page.url))
    assert cached["positive_exits"]["value"] == "86 %"
    assert not [query for query in queries.captured_queries if "cohorts_outcome" in query["sql"]]

    # Recording an outcome, as staff do in the admin, refreshes them.
    OutcomeFactory(candidate=programme[7], exit_date=TODAY - datetime.timedelta(days=10))
    fresh = figures(client.get(impact_page.url))
    assert fresh["positive_exits"]["value"] == "100 %"
    assert fresh["in_programme"]["value"] == "< 5"


def test_the_page_speaks_french(client, impact_page, programme):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = client.get(impact_page.url).content.decode()

    assert "Entrées" in html and "Sorties positives" in html


@pytest.mark.parametrize(
    ("period", "start"),
    [
        (ImpactPeriod.LAST_12_MONTHS, datetime.date(2025, 12, 3)),
        (ImpactPeriod.CURRENT_YEAR, datetime.date(2026, 1, 1)),
    ],
)
def test_staff_choose_the_period(period, start):
    assert period_dates(period, today=datetime.date(2026, 12, 3)) == (start, datetime.date(2026, 12, 3))


def test_since_the_start_means_since_the_first_cohort():
    CohortFactory(start_date=datetime.date(2025, 3, 1), end_date=datetime.date(2025, 9, 1))

    assert period_dates(ImpactPeriod.SINCE_START, today=datetime.date(2026, 12, 3))[0] == datetime.date(2025, 3, 1)


def test_the_api_serves_the_figures_small_numbers_hidden(client, impact_page, programme):
    response = client.get(f"/api/v2/pages/{impact_page.pk}/")

    assert response.status_code == 200
    data = response.json()
    served = {figure["key"]: figure["value"] for figure in data["figures"]}
    assert served["entries"] == "12"
    assert served["durable_six_months"] == "< 5"
    assert data["intro"] == "<p>Calculés chaque jour.</p>"


def test_translation_is_not_cached_across_languages(client, impact_page, programme):
    client.get(impact_page.url)
    with translation.override("fr"):
        labels = [figure["label"] for figure in ImpactPage.objects.get(pk=impact_page.pk).figures]

    assert "Entrées" in labels
