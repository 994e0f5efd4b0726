"""The coach's "My pair" panel on the admin home, and the read-only preview of their candidate's story draft."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.formats import date_format

from cohorts.models.applications import Application
from snippets.enums import OfferStatus
from tests.cohorts.coaching.conftest import days_ago
from tests.cohorts.factories import CandidateFactory, CoachingSessionFactory
from tests.snippets.factories import OfferFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def panel(response):
    return BeautifulSoup(response.content, "html.parser").select_one("#my-pair-content")


def preview_url(candidate):
    return reverse("cohorts_story_draft", args=[candidate.pk])


def test_the_panel_opens_with_log_a_session_for_the_pair(coach_client, own_pair):
    response = coach_client.get(reverse("wagtailadmin_home"))

    first_link = panel(response).select_one("a")
    assert first_link.get_text(strip=True) == "Log a session"
    assert first_link["href"] == reverse("wagtailsnippets_cohorts_coachingsession:add") + f"?pair={own_pair.pk}"


def test_the_panel_sums_up_the_candidate(coach_client, own_pair):
    candidate = own_pair.candidate
    CoachingSessionFactory(pair=own_pair, date=days_ago(20), note="Préparer Sodexo")
    CoachingSessionFactory(pair=own_pair, date=days_ago(16))
    Application.objects.create(offer=OfferFactory(title="Commis de cuisine", status=OfferStatus.PUBLISHED),
                               candidate=candidate)

    text = panel(coach_client.get(reverse("wagtailadmin_home"))).get_text(" ", strip=True)

    assert "Awa Suivie" in text
    assert "Promo Awa" in text
    assert "Last session with Awa: 16 days ago." in text
    assert "Commis de cuisine" in text and "Proposed" in text
    assert date_format(days_ago(20), "SHORT_DATE_FORMAT") in text
    assert "Préparer Sodexo" not in text  # the notes stay on the session's page
    assert "No story page yet" in text


def test_the_panel_links_to_the_story_draft(coach_client, own_pair, home_page):
    candidate = CandidateFactory(with_story=True)
    own_pair.candidate = candidate
    own_pair.save()

    links = [a["href"] for a in panel(coach_client.get(reverse("wagtailadmin_home"))).select("a")]

    assert preview_url(candidate) in links


def test_a_coach_without_a_pair_is_told_so(coach_client, coach_record):
    text = panel(coach_client.get(reverse("wagtailadmin_home"))).get_text(" ", strip=True)

    assert "You are not paired with a candidate at the moment." in text


@pytest.mark.parametrize("role_client", ["programme_admin_client", "communication_client"])
def test_staff_have_no_my_pair_panel(request, role_client):
    assert panel(request.getfixturevalue(role_client).get(reverse("wagtailadmin_home"))) is None


@pytest.mark.parametrize("sessions", [2, 20])
def test_the_panel_query_count_does_not_grow(coach_client, own_pair, django_assert_max_num_queries, sessions):
    for day in range(sessions):
        CoachingSessionFactory(pair=own_pair, date=days_ago(day + 1))
        Application.objects.create(offer=OfferFactory(status=OfferStatus.PUBLISHED), candidate=own_pair.candidate)

    with django_assert_max_num_queries(30):
        response = coach_client.get(reverse("wagtailadmin_home"))

    # The last five sessions and eight applications, not all of them.
    assert len(panel(response).select("li")) == min(sessions, 5) + min(sessions, 8)


# --- The read-only preview of the story draft ------------------------------------------------------------------------


@pytest.fixture
def story(own_pair, home_page):
    """Awa's story, published once, then changed in a draft not yet published."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie", published=True)
    own_pair.candidate = candidate
    own_pair.save()
    page = candidate.story_page
    page.catchphrase = "Nouvelle phrase pas encore publiée"
    page.save_revision()
    return page


@pytest.mark.parametrize("role_client", ["coach_client", "programme_admin_client", "communication_client"])
def test_the_preview_shows_the_latest_draft(request, role_client, story):
    response = request.getfixturevalue(role_client).get(preview_url(story.candidate))

    assert response.status_code == 200
    assert "Nouvelle phrase pas encore publiée" in response.content.decode()


def test_the_preview_works_before_the_candidate_consents(coach_client, own_pair, home_page):
    """The coach helps write the story long before it may be published."""
    candidate = CandidateFactory(with_story=True)
    own_pair.candidate = candidate
    own_pair.save()

    response = coach_client.get(preview_url(candidate))

    assert response.status_code == 200
    assert "Je suis ponctuelle" in response.content.decode()


def test_another_candidates_story_is_404_for_a_coach(coach_client, own_pair, home_page):
    other = CandidateFactory(with_story=True)

    assert coach_client.get(preview_url(other)).status_code == 404


def test_a_candidate_without_story_is_404(programme_admin_client, own_pair):
    assert programme_admin_client.get(preview_url(own_pair.candidate)).status_code == 404


def test_the_preview_needs_an_admin_account(client, plain_user, story):
    client.force_login(plain_user)

    response = client.get(preview_url(story.candidate))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_the_preview_changes_nothing(coach_client, story):
    response = coach_client.post(preview_url(story.candidate))

    assert response.status_code == 405
