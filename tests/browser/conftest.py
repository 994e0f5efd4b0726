"""Playwright over Debian's chromium: one browser per session, a fresh context per test, a screenshot on failure.

Playwright's sync API keeps an asyncio loop running in the main thread from the browser's launch to its close.
Django's async-safety check and asgiref's thread-critical locals both notice it, so the browser tests run last,
and the loop, DJANGO_ALLOW_ASYNC_UNSAFE and the connection hand-over below never reach another test.
"""

import re
import sys
from dataclasses import dataclass

import pytest

from tests.browser.chromium import LAUNCH_ARGS, browser_required, chromium_executable

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

_phase_reports = pytest.StashKey[dict]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the tests that drive chromium last, and skip them up front when chromium is missing.

    trylast: after pytest-django has put transactional tests behind the others, which moving the browser tests
    (transactional, or using no database) to the very end keeps true. Skipping here, rather than in the
    ``browser`` fixture, spares building a database and a live server for nothing. Under REQUIRE_BROWSER=1
    nothing is skipped: the ``browser`` fixture fails each test instead.
    """
    def drives_chromium(item):
        # The marker also covers tests that reach a page through request.getfixturevalue().
        return bool(item.get_closest_marker("browser")) or "browser" in getattr(item, "fixturenames", ())

    items.sort(key=drives_chromium)
    browser_items = [item for item in items if drives_chromium(item)]
    if not browser_items or browser_required():
        return
    try:
        chromium_executable()
    except pytest.skip.Exception as missing:
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=str(missing)))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so the page fixtures know at teardown whether the test failed."""
    report = yield
    item.stash.setdefault(_phase_reports, {})[report.when] = report
    return report


@pytest.fixture(scope="session")
def artifacts_dir(pytestconfig):
    """test-artifacts/ (gitignored): the screenshots the tests take, and those of failures."""
    return pytestconfig.rootpath / "test-artifacts"


@pytest.fixture(scope="session")
def screenshots_dir(artifacts_dir):
    """Where the tests leave the pages they looked at, for a person to look at too."""
    path = artifacts_dir / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole run; skipped (or failed, under REQUIRE_BROWSER=1) without chromium."""
    executable = chromium_executable()
    from django.db import connections
    from playwright.sync_api import sync_playwright

    existing = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # The running loop is Playwright's, not async code of ours: let the tests touch the database.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # With a loop running, asgiref's thread-critical Local (Django's `connections`) switches to
        # context-variable storage and would hand out new connection objects, which on SQLite lack the snapshot
        # serialized_rollback restores and differ from the live server's. Keep the ones Django already made.
        for alias, connection in existing.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def _open_page(browser, request, artifacts_dir, name, **context_options):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", **context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    call_report = request.node.stash.get(_phase_reports, {}).get("call")
    if call_report is not None and call_report.failed:
        _screenshot_failure(page, request, artifacts_dir, name)
    # The live server shares the test's in-memory SQLite connection: let in-flight requests (lazy images,
    # renditions being generated) finish before pytest-django flushes and restores the database under them.
    page.wait_for_load_state("networkidle")
    context.close()


def _screenshot_failure(page, request, artifacts_dir, name):
    from playwright.sync_api import Error

    path = artifacts_dir / "failures" / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.nodeid)}-{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=path, full_page=True)
    except Error as error:  # a crashed page must not hide the test's own failure
        print(f"could not save a failure screenshot: {error}", file=sys.stderr)
    else:
        request.node.add_report_section("teardown", "screenshot", f"saved {path}")


@pytest.fixture
def page(browser, request, artifacts_dir):
    """A desktop-sized page in a fresh context (no cookies shared between tests)."""
    yield from _open_page(browser, request, artifacts_dir, "desktop", viewport=DESKTOP)


@pytest.fixture
def phone_page(browser, request, artifacts_dir):
    """A phone-sized page (390×844, mobile viewport meta and touch honoured) in a fresh context."""
    yield from _open_page(
        browser, request, artifacts_dir, "phone", viewport=PHONE, is_mobile=True, has_touch=True
    )


@dataclass
class SiteData:
    programme_name: str
    first_name: str
    home_url: str
    story_list_url: str
    story_url: str
    photo_description: str


PHOTO_DESCRIPTION = "Amina sourit devant l'entrée d'un chantier"


@pytest.fixture
def site_data(live_server, home_page, story_index):
    """A small public site in the live server's database: three published stories, one with a photo.

    The programme name is not the default, so a template that hard-codes "Tremplin" shows up.
    """
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from snippets.models import ProgrammeSettings
    from tests.cohorts.factories import CandidateFactory
    from tests.pages.factories import ImageFactory

    settings = ProgrammeSettings.for_site(Site.objects.get(is_default_site=True))
    settings.programme_name = "Tremplin Lyon"
    settings.save()

    amina = CandidateFactory(published=True, first_name="Amina", last_name="Diallo")
    CandidateFactory(published=True, first_name="Karim", last_name="Benali")
    CandidateFactory(published=True, first_name="Sofia", last_name="Martins")

    story = amina.story_page
    # A coloured picture, not the factory's white one, so a person looking at the screenshots sees it load.
    photo_file = get_test_image_file(filename="amina.png", colour="#c8794f", size=(960, 960))
    story.photo = ImageFactory(title="Amina", description=PHOTO_DESCRIPTION, file=photo_file)
    story.save_revision().publish()
    story.refresh_from_db()

    return SiteData(
        programme_name=settings.programme_name,
        first_name=amina.first_name,
        home_url=home_page.url,
        story_list_url=story_index.url,
        story_url=story.url,
        photo_description=PHOTO_DESCRIPTION,
    )
