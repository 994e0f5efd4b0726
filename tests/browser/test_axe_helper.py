"""The axe helper is not vacuous: it reports a WCAG failure planted in a page, and nothing on a clean one."""

import pytest

from tests.browser.accessibility import axe_violations

pytestmark = pytest.mark.browser

CLEAN = """<!doctype html><html lang="fr"><head><title>Propre</title></head>
<body><main><h1>Bonjour</h1><p>Un texte lisible.</p></main></body></html>"""


def test_axe_reports_an_image_without_text_alternative(page):
    page.set_content(CLEAN.replace("<p>", '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))

    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]


def test_axe_finds_nothing_on_a_clean_page(page):
    page.set_content(CLEAN)

    assert axe_violations(page) == []
