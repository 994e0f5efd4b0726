"""Every response carries a Content-Security-Policy: strict on the public site, wider for the Wagtail admin."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pages.models.offers import OfferFormPage
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory

pytestmark = [
    pytest.mark.django_db,
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# Script types a browser never runs: data for scripts, outside the policy.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def policy(response):
    """The response's CSP as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


@pytest.fixture
def story(story_index):
    page = CandidateFactory(published=True, first_name="Amina", last_name="Diallo").story_page
    page.photo = ImageFactory()
    page.save_revision().publish()
    return page


@pytest.fixture
def public_urls(home_page, story_index, story):
    form = home_page.add_child(instance=OfferFormPage(title="Proposer une offre", slug="proposer-une-offre"))
    return {
        "home": home_page.url,
        "story list": story_index.url,
        "story": story.url,
        "contact": reverse("pages:contact", args=[story.pk]),
        "offer form": form.url,
    }


def test_a_public_page_runs_only_the_sites_own_files(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert "script-src" not in directives and "style-src" not in directives  # both fall back on 'self'
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]  # the page editor's live preview, and no other site


def test_an_error_page_has_the_public_policy_too(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert policy(response)["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def test_djangos_debug_error_pages_keep_their_inline_styles_in_development(client, home_page, settings):
    settings.DEBUG = True

    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Content-Security-Policy" not in response.headers


# Wagtail's own admin templates read undefined variables (e.g. ``attrs`` in single_checkbox.html).
@pytest.mark.ignore_template_errors
def test_the_admin_login_allows_wagtails_inline_code_and_nothing_from_elsewhere(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


@pytest.mark.ignore_template_errors
def test_an_admin_page_of_a_logged_in_user_has_the_admin_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_public_pages_need_no_inline_script_nor_style(client, public_urls):
    """What would break under the public policy: inline scripts, event handlers, style elements and attributes."""
    found = {}
    for name, url in public_urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        soup = BeautifulSoup(response.content, "html.parser")
        inline = [
            str(tag)[:80] for tag in soup.find_all("script")
            if not tag.get("src") and tag.get("type") not in DATA_SCRIPT_TYPES
        ]
        inline += [str(tag)[:80] for tag in soup.find_all("style")]
        inline += [
            f"<{tag.name} {attribute}=…>" for tag in soup.find_all(True) for attribute in tag.attrs
            if attribute == "style" or attribute.startswith("on")
        ]
        inline += [tag["href"] for tag in soup.find_all(href=True) if tag["href"].startswith("javascript:")]
        if inline:
            found[name] = inline

    assert found == {}
