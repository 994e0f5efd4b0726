"""The page cache as a visitor's browser meets it: the same page for everyone, no cookie, and sharing still works."""

import time

import pytest
from playwright.sync_api import expect

from cohorts.enums import ConsentPurpose
from cohorts.models import Candidate
from pages.cache import HEADER
from pages.enums import CounterKind, ShareChannel
from pages.models import StoryCounter
from tests.cohorts.factories import ConsentRecordFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 600


def wait_for_count(page_url_path, channel, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shares = StoryCounter.objects.filter(kind=CounterKind.SHARE, channel=channel,
                                             page__url_path__endswith=page_url_path)
        if shares.exists():
            return sum(shares.values_list("count", flat=True))
        time.sleep(0.1)
    return 0


def test_a_cached_story_sets_no_cookie_and_its_link_can_still_be_copied(page, live_server, site_data,
                                                                        screenshots_dir):
    ConsentRecordFactory(candidate=Candidate.objects.get(first_name=site_data.first_name),
                         purpose=ConsentPurpose.SOCIAL_SHARING)
    story_url = live_server.url + site_data.story_url

    first = page.goto(story_url)
    second = page.goto(story_url)
    for path in (site_data.home_url, site_data.story_list_url, site_data.story_list_url):
        page.goto(live_server.url + path)
    third = page.goto(story_url)
    page.screenshot(path=screenshots_dir / "story-from-the-page-cache.png", full_page=True)

    assert [first.headers.get(HEADER.lower()), second.headers.get(HEADER.lower())] == ["miss", "hit"]
    assert third.headers.get(HEADER.lower()) == "hit"
    assert page.context.cookies() == []
    # The copy button posts the share without a CSRF token: the cached page carries none, and needs none.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copier le lien").click()
    expect(page.locator("[data-share-status]")).to_contain_text("Le lien est copié")
    assert wait_for_count(site_data.story_url, ShareChannel.COPY_LINK) == 1
    assert page.context.cookies() == []
