"""With the Content-Security-Policy on, chromium blocks nothing on the public site nor in the Wagtail admin."""

import re

import pytest
import wagtail
from django.urls import reverse
from playwright.sync_api import expect

from pages.models import CandidatePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WAGTAIL_RELEASES = "https://releases.wagtail.org/latest.txt"

# Installed before any script of the page: every report of the browser's CSP enforcement, in words.
LISTEN_FOR_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
        + ` in ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def is_error(message):
    """A console error, except the findings of Wagtail's own accessibility checker, which it logs as errors."""
    return message.type == "error" and not message.text.startswith("axe.run results")


@pytest.fixture
def watched_page(page):
    """The desktop page, listening for CSP violations, console errors and uncaught script errors."""
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.console_errors = []
    page.on("console", lambda message: is_error(message) and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


def reported_violations(page):
    """The violations reported in the page and in each of its frames (the editor's live preview is one)."""
    return [report for frame in page.frames for report in frame.evaluate("window.cspViolations || []")]


def visit(page, url):
    """Open ``url``, let its scripts and requests settle, and return the response and what went wrong there."""
    page.console_errors.clear()
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response, reported_violations(page), page.console_errors


@pytest.mark.parametrize("which", ["home_url", "story_url"])
def test_public_pages_break_no_rule_of_the_policy(which, watched_page, live_server, site_data):
    response, violations, errors = visit(watched_page, live_server.url + getattr(site_data, which))

    assert response.status == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    expect(watched_page.locator("body")).to_contain_text(site_data.first_name)
    assert violations == []
    assert errors == []


@pytest.mark.ignore_template_errors
def test_admin_login_breaks_no_rule_of_the_policy(watched_page, live_server):
    response, violations, errors = visit(watched_page, live_server.url + reverse("wagtailadmin_login"))

    assert response.status == 200
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    expect(watched_page.locator("input[name=username]")).to_be_visible()
    assert violations == []
    assert errors == []


@pytest.mark.ignore_template_errors
def test_staff_work_in_the_admin_without_a_blocked_script(watched_page, live_server, site_data, admin_user):
    """The dashboard, a list and the page editor with its live preview work under the admin policy."""
    # The dashboard asks releases.wagtail.org for Wagtail's latest version (allowed by connect-src); the machine
    # running the tests may have no Internet: answer for it, with the version already installed.
    watched_page.route(
        WAGTAIL_RELEASES, lambda route: route.fulfill(json={"version": wagtail.__version__}, status=200)
    )
    watched_page.goto(live_server.url + reverse("wagtailadmin_login"))
    watched_page.locator("input[name=username]").fill(admin_user.username)
    watched_page.locator("input[name=password]").fill("password")
    watched_page.locator("form[method=post] [type=submit]").click()
    expect(watched_page).to_have_url(re.compile(r"/admin/$"))
    story = CandidatePage.objects.get(photo__isnull=False)  # Amina's, the one with a photo

    seen = {}
    for name, url in {
        "dashboard": reverse("wagtailadmin_home"),
        "story editor": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "candidates": reverse("wagtailsnippets_cohorts_candidate:list"),
    }.items():
        response, violations, errors = visit(watched_page, live_server.url + url)
        assert response.status == 200, name
        seen[name] = violations + errors

    # The live preview frames the story as the public sees it, under the public policy.
    visit(watched_page, live_server.url + reverse("wagtailadmin_pages:edit", args=[story.pk]))
    watched_page.locator('[data-side-panel-toggle="preview"]').click()
    preview = watched_page.frame_locator("#w-preview-iframe")
    expect(preview.locator("body")).to_contain_text(site_data.first_name)
    watched_page.wait_for_load_state("networkidle")
    seen["live preview"] = reported_violations(watched_page) + watched_page.console_errors

    assert seen == {name: [] for name in seen}
