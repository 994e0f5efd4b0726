"""The API's filters under hostile query strings: a 200 or a clear 400/404, never a server error nor a private field."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pages.models import ContentPage
from tests.cohorts.factories import CandidateFactory
from tests.hostile import FUZZ_SETTINGS, any_character, assert_safe_response, body_text, hostile_text
from tests.snippets.factories import OfferFactory

pytestmark = pytest.mark.django_db

PRIVATE_VALUES = ("Secretlastname", "private.candidate@example.org", "06 99 88 77 66", "rh-secret@example.org")

# The operations and filters each endpoint knows: a client tries these first, and one unknown name makes a 400.
OPERATIONS = ["limit", "offset", "fields", "order", "search", "search_operator", "format", "_"]
PARAMETERS = {
    "pages": OPERATIONS + [
        "type", "child_of", "ancestor_of", "descendant_of", "translation_of", "locale", "site", "html_path",
        "title", "slug", "id", "show_in_menus", "seo_title", "search_description", "first_published_at",
        "has_children", "depth", "path", "url_path", "owner", "locked", "live",
    ],
    "stories": OPERATIONS + [
        "rich_text_format", "city", "sector", "contract_type", "availability", "hide_hired", "q", "photo",
        "candidate", "title", "slug",
    ],
    "offers": OPERATIONS + [
        "id", "title", "company", "contract_type", "part_time", "city", "sector", "start_date", "published_on",
        "expires_on", "status", "contact_email", "target_candidate", "live",
    ],
    "images": OPERATIONS + ["id", "title", "tags", "collection", "file", "width", "height"],
}
# Values that mean something to one of them, then anything at all.
MEANINGFUL_VALUES = [
    "0", "1", "2", "-1", "20", "21", "1000", "9" * 30, "random", "-title", "title", "first_published_at", "id",
    "-id", "*", "-*", "_", "title,-title", "*,candidate", "candidate(email)", "photo(file)", "title(x)", "-",
    ",", "((", "and", "or", "xor", "pages.CandidatePage", "pages.ContentPage", "wagtailcore.Page", "auth.User",
    "pages.nope", "nope", "true", "false", "fr", "en", "zz", "html", "markdown", "json", "api", "/", "//", "%",
    "*:*", "\"quoted\"", "-\"a\"", "OR", "NOT", "NEAR(a b)", "a*", "^a", "title:x", "pk", "id__gt", "root",
    "2027-01-15", "15/01/2027", "2027-02-30", "2027-01-15T10:00:00", "lyon", "cdi", "now",
]
parameter_values = st.one_of(st.sampled_from(MEANINGFUL_VALUES), hostile_text)


def query_strings(endpoint):
    """Mostly names the endpoint knows, with values good and bad; now and then a name it does not know."""
    known = st.tuples(st.sampled_from(PARAMETERS[endpoint]), parameter_values)
    unknown = st.tuples(st.text(any_character, min_size=1, max_size=15), parameter_values)
    extra = st.just([]) | st.just([]) | st.just([]) | st.lists(unknown, min_size=1, max_size=1)
    return st.builds(lambda pairs, extra: pairs + extra, st.lists(known, max_size=3), extra)


@pytest.fixture
def content(home_page, story_index):
    """A little of everything the endpoints serve: a content page, a published story, public and private offers."""
    home_page.add_child(instance=ContentPage(title="Le programme", slug="programme"))
    candidate = CandidateFactory(published=True, last_name="Secretlastname", email="private.candidate@example.org",
                                 phone="06 99 88 77 66")
    OfferFactory(title="Vendeuse", published=True, contact_email="rh-secret@example.org")
    OfferFactory(title="Pour Amina", published=True, target_candidate=candidate, contact_email="rh-secret@example.org")
    OfferFactory(title="En attente", contact_email="rh-secret@example.org")
    return candidate.story_page


def assert_api_answer(response):
    assert_safe_response(response, {200, 301, 302, 400, 404, 406})
    body = body_text(response)
    for value in PRIVATE_VALUES:
        assert value not in body
    if response.status_code in (200, 400) and response["Content-Type"].startswith("application/json"):
        response.json()  # a JSON client can always read the answer, errors included


# A program asks for JSON; a person who opens the address in a browser gets the API's HTML pages.
accepts = st.sampled_from(["application/json", "text/html", "*/*", "application/xml", "text/html;q=0.9, */*;q=0.1"])


@FUZZ_SETTINGS
@given(data=st.data(), endpoint=st.sampled_from(["pages", "offers", "stories"]), accept=accepts)
def test_any_query_string_on_the_listings_answers_cleanly(data, endpoint, accept, client, content, fresh):
    fresh()
    query = data.draw(query_strings(endpoint))

    response = client.get(f"/api/v2/{endpoint}/?{urlencode(query)}", HTTP_ACCEPT=accept)

    assert_api_answer(response)


@FUZZ_SETTINGS
@given(
    endpoint=st.sampled_from(["pages", "offers", "stories", "images"]),
    item=st.sampled_from(["find", "story", "home"]) | st.integers(-1, 10**25).map(str)
    | st.text(any_character, min_size=1, max_size=20),
    data=st.data(),
    accept=accepts,
)
def test_any_item_and_query_string_on_the_details_answers_cleanly(endpoint, item, data, accept, client, content,
                                                                  fresh):
    fresh()
    query = data.draw(query_strings(endpoint))
    item = {"story": str(content.pk), "home": str(content.get_parent().get_parent().pk)}.get(item, item)

    response = client.get(f"/api/v2/{endpoint}/{quote(item, safe='')}/?{urlencode(query)}", HTTP_ACCEPT=accept)

    assert_api_answer(response)


@FUZZ_SETTINGS
@given(
    endpoint=st.sampled_from(["pages", "offers", "stories"]),
    terms=st.one_of(st.sampled_from(MEANINGFUL_VALUES), hostile_text),
    operator=st.sampled_from([None, "and", "or", "xor", ""]),
    order=st.sampled_from([None, "title", "-title", "random"]),
)
def test_any_search_terms_answer_cleanly(endpoint, terms, operator, order, client, content, fresh):
    """Text search reaches the search backend (SQLite's full-text index here) with whatever was typed."""
    fresh()
    query = {"q" if endpoint == "stories" else "search": terms, "search_operator": operator, "order": order}
    if endpoint == "stories":
        query.pop("search_operator")  # the stories' own search has no operator

    response = client.get(f"/api/v2/{endpoint}/", {key: value for key, value in query.items() if value is not None})

    assert_api_answer(response)
