"""Staff reach the candidate list through the real login form, and see who coaches whom."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, live_server, username, password):
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form[method=post] [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


# Wagtail's own admin templates read undefined variables (e.g. ``attrs`` in single_checkbox.html).
@pytest.mark.ignore_template_errors
def test_superuser_logs_in_and_sees_candidates_with_their_coach(page, live_server, admin_user, screenshots_dir):
    cohort = CohortFactory(name="Promotion Lyon 2026")
    amina = CandidateFactory(first_name="Amina", last_name="Diallo", cohort=cohort)
    PairFactory(candidate=amina, coach=CoachFactory(first_name="Claire", last_name="Martin"))
    CandidateFactory(first_name="Karim", last_name="Benali", cohort=cohort)

    log_in(page, live_server, admin_user.username, "password")
    response = page.goto(live_server.url + reverse("wagtailsnippets_cohorts_candidate:list"))
    page.screenshot(path=screenshots_dir / "admin-candidates-desktop.png", full_page=True)

    assert response.status == 200
    table = page.locator("table.listing")
    expect(table.locator("thead")).to_contain_text(re.compile(r"coach", re.IGNORECASE))
    expect(table.locator("tbody tr", has_text="Amina Diallo")).to_contain_text("Claire Martin")
    expect(table.locator("tbody tr", has_text="Karim Benali")).to_have_count(1)
