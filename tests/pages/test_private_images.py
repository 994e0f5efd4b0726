"""Candidates' photos are private: the original only for staff who may see the candidate, renditions for the public
only while the candidate consents, deleted (files included) when a consent is withdrawn."""

import pytest
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from cohorts.consent.services import withdraw_consent
from cohorts.enums import ConsentPurpose
from pages.models import CustomRendition
from pages.templatetags.sharing_tags import SOCIAL_IMAGE_RENDITION
from tests.cohorts.factories import CandidateFactory, PairFactory
from tests.pages.factories import ImageFactory
from tests.streaming import close_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    """Zoé's published story, with her photo and her consent to show it."""
    candidate = CandidateFactory(published=True, first_name="Zoé", last_name="Marchetti")
    page = candidate.story_page
    page.photo = ImageFactory(title="Portrait de Zoé")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def original_url(image):
    return reverse("pages_original_image", args=[image.file.name])


def test_an_original_lives_in_the_private_storage_and_its_url_is_the_checked_view(story):
    image = story.photo

    # The same storage (tests that change STORAGES make new instances of it: compare where it keeps files).
    assert image.file.storage.location == storages["images"].location
    assert storages["images"].exists(image.file.name)
    # Nothing of it in the public media, whose folder a web server serves to anyone with the address.
    assert not default_storage.exists(image.file.name)
    assert image.file.url == original_url(image)


@pytest.mark.parametrize("client_fixture", ["admin_client", "programme_admin_client", "communication_client"])
def test_staff_who_may_see_the_candidate_open_the_original(request, story, client_fixture):
    response = request.getfixturevalue(client_fixture).get(original_url(story.photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    with story.photo.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()
    close_file(response)


@pytest.mark.ignore_template_errors  # Wagtail's 404 page reads unset variables
def test_a_coach_does_not_open_an_original_even_of_their_own_candidate(coach_client, coach_record, story):
    """A coach holds no image permission: the photo reaches them in the story preview, as a rendition."""
    PairFactory(coach=coach_record, candidate=story.candidate)

    assert coach_client.get(original_url(story.photo)).status_code == 404


@pytest.mark.ignore_template_errors  # Wagtail's login page reads unset variables
def test_a_visitor_is_sent_to_the_login_page(client, story):
    response = client.get(original_url(story.photo))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.ignore_template_errors
def test_an_unknown_original_is_a_404(admin_client, story):
    assert admin_client.get(reverse("pages_original_image", args=["original_images/nope.png"])).status_code == 404


def test_the_public_page_shows_the_photo_as_a_rendition_never_the_original(client, story):
    html = client.get(story.url).content.decode()

    renditions = CustomRendition.objects.filter(image=story.photo)
    assert renditions.exists()
    assert all(rendition.url in html for rendition in renditions)
    assert "/admin/images/original/" not in html
    assert "original_images" not in html


def test_no_rendition_is_made_for_a_story_whose_photo_is_not_consented(client, story):
    withdraw_consent(consent=story.candidate.consents.get(purpose=ConsentPurpose.SHOW_PHOTO))

    client.get(story.url)
    client.get(f"/api/v2/stories/{story.pk}/")

    assert not CustomRendition.objects.filter(image=story.photo).exists()


@pytest.mark.parametrize("purpose", [ConsentPurpose.SHOW_PHOTO, ConsentPurpose.PUBLISH_STORY])
def test_a_withdrawn_consent_deletes_every_rendition_and_its_file(client, story, purpose,
                                                                   django_capture_on_commit_callbacks):
    client.get(story.url)
    story.photo.get_rendition(SOCIAL_IMAGE_RENDITION)
    renditions = list(CustomRendition.objects.filter(image=story.photo))
    assert len(renditions) >= 2
    assert all(rendition.file.storage.exists(rendition.file.name) for rendition in renditions)

    # Wagtail deletes a rendition's file once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_consent(consent=story.candidate.consents.get(purpose=purpose))

    assert not CustomRendition.objects.filter(image=story.photo).exists()
    assert not any(rendition.file.storage.exists(rendition.file.name) for rendition in renditions)
    # The original stays, private, for staff.
    assert storages["images"].exists(story.photo.file.name)


def test_a_withdrawal_leaves_other_candidates_renditions_alone(client, story, story_index):
    other = CandidateFactory(published=True, first_name="Inès")
    other.story_page.photo = ImageFactory(title="Portrait d'Inès")
    other.story_page.save_revision().publish()
    other.story_page.refresh_from_db()
    client.get(other.story_page.url)

    withdraw_consent(consent=story.candidate.consents.get(purpose=ConsentPurpose.SHOW_PHOTO))

    assert CustomRendition.objects.filter(image=other.story_page.photo).exists()
