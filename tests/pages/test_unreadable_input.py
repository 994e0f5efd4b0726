"""Input the public site cannot read is a 404 or a 400, never a server error: one test per bug the fuzz tests found.

The fuzz tests themselves live in tests/pages/fuzz/; each case here is the smallest example hypothesis gave.
"""

import time

import pytest
from django.urls import Resolver404, resolve

from pages.antispam import sign_form_start
from pages.converters import MAX_ROW_ID
from pages.filters import MAX_SEARCH_LENGTH
from pages.models import ContentPage
from pages.models.offers import OfferFormPage
from snippets.models import Offer
from tests.cohorts.factories import CandidateFactory
from tests.snippets.factories import OfferFactory

pytestmark = pytest.mark.django_db

TOO_BIG = MAX_ROW_ID + 1  # 9223372036854775808: SQLite raised OverflowError on it


@pytest.fixture
def story(story_index):
    return CandidateFactory(published=True, first_name="Amina").story_page


@pytest.fixture
def content_page(home_page):
    """A page the pages endpoint finds by its title (offers cannot be searched yet: Offer indexes no field)."""
    return home_page.add_child(instance=ContentPage(title="Vendeuse en boulangerie", slug="vendeuse"))


@pytest.fixture
def offer(db):
    return OfferFactory(title="Vendeuse en boulangerie", published=True)


# Ids beyond the database's integers ------------------------------------------------------------------------------


def routed_to_our_views(path):
    try:
        return resolve(path).namespace == "pages"
    except Resolver404:
        return False



@pytest.mark.parametrize("path", [
    "/contact/{id}/", "/partager/{id}/facebook/", "/partage/{id}/", "/q/{id}/", "/cv/{id}.pdf",
])
def test_an_id_beyond_the_database_integers_is_not_found_on_every_public_route(path, client, story):
    assert routed_to_our_views(path.format(id=MAX_ROW_ID))  # the largest id still routes
    assert not routed_to_our_views(path.format(id=TOO_BIG))  # it falls through to Wagtail, which has no such page

    assert client.get(path.format(id=TOO_BIG)).status_code == 404
    assert client.post(path.format(id=TOO_BIG)).status_code in (404, 405)


def test_an_offer_aimed_at_an_id_beyond_the_database_integers_is_not_found(client, home_page):
    form_page = home_page.add_child(instance=OfferFormPage(title="Proposer une offre", slug="proposer-une-offre"))

    assert client.get(f"{form_page.url}?pour={TOO_BIG}").status_code == 404
    posted = client.post(form_page.url, {"pour": str(TOO_BIG), "action": "send",
                                         "form_started": sign_form_start(scope="offer", at=time.time() - 60)})
    assert posted.status_code == 404
    assert not Offer.objects.exists()


@pytest.mark.parametrize("endpoint", ["stories", "pages", "offers", "images"])
def test_an_api_item_beyond_the_database_integers_is_not_found(endpoint, client, story, offer):
    assert client.get(f"/api/v2/{endpoint}/{TOO_BIG}/").status_code == 404


@pytest.mark.parametrize("endpoint", ["stories", "pages", "offers", "images"])
@pytest.mark.parametrize("value", ["abc", "", str(TOO_BIG), "-1"])
def test_api_find_with_an_id_that_is_no_row_id_is_a_bad_request(endpoint, value, client, story, offer):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})

    assert response.status_code == 400
    assert response.json() == {"message": "id must be a positive integer"}


def test_api_find_with_a_good_id_still_redirects_to_the_item(client, offer):
    response = client.get("/api/v2/offers/find/", {"id": offer.pk})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/offers/{offer.pk}/?")


# Field filters of the API -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v2/offers/", "/api/v2/offers/{id}/"])
@pytest.mark.parametrize("field", ["start_date", "published_on", "expires_on"])
def test_a_date_filter_that_is_no_date_is_a_bad_request(path, field, client, offer):
    response = client.get(path.format(id=offer.pk), {field: "0"})

    assert response.status_code == 400
    assert "field filter error" in response.json()["message"]


def test_a_date_filter_that_is_a_date_still_filters(client, offer):
    listed = client.get("/api/v2/offers/", {"published_on": offer.published_on.isoformat()}).json()["items"]
    other_day = client.get("/api/v2/offers/", {"published_on": "2001-01-01"}).json()["items"]

    assert [item["id"] for item in listed] == [offer.pk]
    assert other_day == []


# Text search of the API and of the story list ------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["pages", "offers"])
def test_a_search_operator_other_than_and_or_or_is_a_bad_request(endpoint, client, offer, content_page):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "vendeuse", "search_operator": "xor"})

    assert response.status_code == 400
    assert response.json() == {"message": "search_operator must be 'and' or 'or'"}


def test_search_operators_and_and_or_still_search(client, content_page):
    for operator in ("and", "OR"):
        response = client.get("/api/v2/pages/", {"search": "vendeuse", "search_operator": operator})
        assert [item["id"] for item in response.json()["items"]] == [content_page.pk]


def found(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("terms", ['"vendeuse"', 'vendeuse"', '"vendeuse boulangerie', 'vendeuse "en" boulangerie'])
def test_double_quotes_in_a_search_separate_words(terms, client, content_page):
    assert found(client.get("/api/v2/pages/", {"search": terms})) == [content_page.pk]


@pytest.mark.parametrize("terms", [" ", "\t\n", '"', '" "'])
def test_a_search_of_blanks_searches_nothing(terms, client, content_page):
    everything = found(client.get("/api/v2/pages/"))

    assert found(client.get("/api/v2/pages/", {"search": terms})) == everything


@pytest.mark.parametrize("endpoint", ["pages", "offers"])
@pytest.mark.parametrize("terms", [
    pytest.param("vendeuse " * 5000, id="thousands-of-words"),
    pytest.param("x" * (MAX_SEARCH_LENGTH + 1), id="one-long-word"),
    pytest.param("vendeuse\x00", id="nul-character"),  # PostgreSQL refuses it in any text
])
def test_a_search_that_is_no_search_is_a_bad_request(endpoint, terms, client, content_page):
    assert client.get(f"/api/v2/{endpoint}/", {"search": terms}).status_code == 400


def test_a_search_of_a_few_words_still_finds(client, content_page):
    words = ["vendeuse"] * (MAX_SEARCH_LENGTH // len("vendeuse "))

    assert found(client.get("/api/v2/pages/", {"search": " ".join(words)})) == [content_page.pk]


@pytest.mark.parametrize("length", [MAX_SEARCH_LENGTH + 1, 60_000])
def test_a_stories_search_longer_than_a_search_is_refused_by_the_api_and_ignored_by_the_list(
    length, client, story_index, story
):
    # 60,000 characters made SQLite refuse the LIKE pattern ("pattern too complex").
    assert client.get("/api/v2/stories/", {"q": "a" * length}).status_code == 400
    listed = client.get(story_index.url, {"q": "a" * length})

    assert listed.status_code == 200
    assert story.url in listed.content.decode()
