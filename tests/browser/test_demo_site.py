"""The demo programme, with its real texts and pictures, read by a person and by axe at both widths."""

from io import StringIO

import pytest
from django.core.management import call_command

from pages.models import CandidateIndexPage, CandidatePage, ContentPage, HomePage
from tests.browser.accessibility import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_urls(live_server):
    """Home, story list, the newest published story and the personal data page (its register) of the demo."""
    # --force: the demo refuses to run with DEBUG off, which is the test settings' case.
    call_command("load_demo_data", "--force", stdout=StringIO())
    story = CandidatePage.objects.published_stories().order_by("-last_published_at").first()
    return {
        "home": HomePage.objects.get().url,
        "story_list": CandidateIndexPage.objects.get().url,
        "story": story.url,
        "personal_data": ContentPage.objects.get(slug="donnees-personnelles").url,
    }


@pytest.mark.parametrize("fixture_name", ["phone_page", "page"], ids=["phone", "desktop"])
def test_demo_pages_load_and_pass_axe(fixture_name, request, live_server, demo_urls, screenshots_dir):
    page = request.getfixturevalue(fixture_name)
    width = "phone" if fixture_name == "phone_page" else "desktop"
    statuses, problems = {}, {}

    # Every page is visited and screenshotted before anything is asserted, so one bad page hides no other.
    for which, url in demo_urls.items():
        statuses[which] = page.goto(live_server.url + url).status
        page.screenshot(path=screenshots_dir / f"demo-{which}-{width}.png", full_page=True)
        if violations := axe_violations(page):
            problems[which] = describe_violations(violations)

    assert statuses == dict.fromkeys(demo_urls, 200)
    assert list(problems) == [], "\n".join(f"{which} ({url}):\n{problems[which]}" for which, url in
                                          demo_urls.items() if which in problems)
