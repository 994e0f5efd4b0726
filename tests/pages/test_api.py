"""The public API serves published stories and nothing private."""

import datetime

import pytest

from tests.factories import CandidateFactory

PRIVATE_VALUES = ("secret.person@example.org", "07 99 88 77 66", "Zerbinetti", "1987-03-04", "Suivi social")


@pytest.fixture
def stories(story_index):
    published = CandidateFactory(
        published=True,
        first_name="Moussa",
        last_name="Zerbinetti",
        email="secret.person@example.org",
        phone="07 99 88 77 66",
        birth_date=datetime.date(1987, 3, 4),
        notes="Suivi social en cours",
    )
    draft = CandidateFactory(with_story=True, first_name="Brouillon")
    return published, draft


def test_api_lists_published_stories_only(client, stories):
    response = client.get("/api/v2/pages/", {"type": "pages.CandidatePage", "fields": "*"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Moussa Z."]


def test_api_never_serves_private_candidate_data(client, stories):
    published, _draft = stories
    listing = client.get("/api/v2/pages/", {"type": "pages.CandidatePage", "fields": "*"}).content.decode()
    detail = client.get(f"/api/v2/pages/{published.story_page.pk}/", {"fields": "*"}).content.decode()
    for body in (listing, detail):
        assert '"candidate"' not in body
        for value in PRIVATE_VALUES:
            assert value not in body


def test_api_hides_draft_story(client, stories):
    _published, draft = stories
    assert client.get(f"/api/v2/pages/{draft.story_page.pk}/").status_code == 404
