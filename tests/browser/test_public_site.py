"""The public site as a person meets it in chromium: at phone and desktop widths, axe-clean and keyboard-first."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = {"home": "home_url", "story_list": "story_list_url", "story": "story_url"}
WIDTHS = {"phone": "phone_page", "desktop": "page"}


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def sized_page(request, width):
    """The phone page, then the desktop one: each test below runs at both widths."""
    return request.getfixturevalue(WIDTHS[width])


def open_public_page(page, live_server, site_data, which):
    response = page.goto(live_server.url + getattr(site_data, PAGES[which]))
    assert response is not None
    return response


@pytest.mark.parametrize("which", list(PAGES))
def test_public_page_shows_programme_and_story(which, width, sized_page, live_server, site_data, screenshots_dir):
    response = open_public_page(sized_page, live_server, site_data, which)
    # Taken before the assertions, so a person can look at the page even when the test fails.
    sized_page.screenshot(path=screenshots_dir / f"{which}-{width}.png", full_page=True)

    assert response.status == 200
    body = sized_page.locator("body")
    expect(body).to_contain_text(site_data.programme_name)
    expect(body).to_contain_text(site_data.first_name)


@pytest.mark.parametrize("which", list(PAGES))
def test_public_page_has_no_wcag_22_aa_violation(which, width, sized_page, live_server, site_data):
    response = open_public_page(sized_page, live_server, site_data, which)
    assert response.status == 200

    violations = axe_violations(sized_page)

    assert [f"{v['id']} ({v['impact']})" for v in violations] == [], describe_violations(violations)


@pytest.mark.parametrize("which", list(PAGES))
def test_first_tab_focuses_a_visible_skip_to_content_link(which, page, live_server, site_data):
    response = open_public_page(page, live_server, site_data, which)
    assert response.status == 200

    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    expect(focused).to_have_js_property("tagName", "A")
    expect(focused).to_have_accessible_name(re.compile(r"contenu|content", re.IGNORECASE))
    expect(focused).to_have_attribute("href", re.compile(r"^#\S+$"))
    # Hidden until focused is fine; still hidden once focused is not (WCAG 2.4.7).
    expect(focused).to_be_in_viewport()
    target_id = focused.get_attribute("href")[1:]
    expect(page.locator(f"[id='{target_id}']")).to_have_count(1)

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"#{re.escape(target_id)}$"))


def test_story_photo_loads_with_its_text_alternative(page, live_server, site_data):
    open_public_page(page, live_server, site_data, "story")

    photo = page.get_by_role("img", name=site_data.photo_description)

    expect(photo).to_be_visible()
    # The rendition was generated and served: a broken image has no natural size.
    expect(photo).to_have_js_property("complete", True)
    assert photo.evaluate("img => img.naturalWidth") > 0


# Controls a thumb presses: buttons, form fields, and links styled as buttons or menu entries. Links inside running
# text are exempt, as WCAG allows.
TOUCH_TARGETS = (
    "button:visible, input:not([type=hidden]):visible, select:visible, textarea:visible, summary:visible, "
    "a.button:visible, nav a:visible, [class*='__button']:visible"
)


@pytest.mark.parametrize("which", list(PAGES))
def test_touch_targets_are_at_least_44px_on_a_phone(which, phone_page, live_server, site_data):
    response = open_public_page(phone_page, live_server, site_data, which)
    assert response.status == 200

    controls = phone_page.locator(TOUCH_TARGETS).all()
    too_small = []
    for element in controls:
        box = element.bounding_box()
        if box and box["width"] > 0 and (box["height"] < 44 or box["width"] < 44):
            html = element.evaluate("e => e.outerHTML.slice(0, 80)")
            too_small.append(f"{html} {box['width']:.0f}×{box['height']:.0f}")

    assert controls, "no control found: the selector no longer matches the page"
    assert too_small == []
