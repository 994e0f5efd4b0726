"""The public impact page on a phone: computed figures that read at a glance, small numbers hidden, accessible."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def impact_url(live_server, home_page):
    from pages.models.impact import ImpactPage
    from tests.cohorts.factories import CandidateFactory, CohortFactory, OutcomeFactory

    today, days = datetime.date.today(), datetime.timedelta
    cohort = CohortFactory(start_date=today - days(days=250), end_date=today - days(days=70))
    candidates = CandidateFactory.create_batch(9, cohort=cohort)
    for candidate in candidates[:7]:
        OutcomeFactory(candidate=candidate, exit_date=today - days(days=200),
                       start_date=today - days(days=200), trial_end_date=None)
    OutcomeFactory(candidate=candidates[7], drop_out=True, exit_date=today - days(days=100))
    page = ImpactPage(title="Notre impact", slug="impact", figures_heading="Nos résultats")
    home_page.add_child(instance=page)
    return live_server.url + page.url


def test_the_impact_page_reads_on_a_phone(phone_page, impact_url, screenshots_dir):
    page = phone_page
    page.goto(impact_url)
    page.screenshot(path=screenshots_dir / "impact-page-phone.png", full_page=True)

    figures = page.locator(".figures")
    expect(figures.get_by_role("heading", name="Nos résultats")).to_be_visible()
    expect(figures.locator(".figures__item", has_text="Entrées")).to_contain_text("9")
    expect(figures.locator(".figures__item", has_text="Dans le programme")).to_contain_text("< 5")
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
