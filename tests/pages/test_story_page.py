"""A story page shows every public part of the story, and what its address shows once the candidate moves on."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cohorts.enums import CandidateStatus, ConsentPurpose
from pages.enums import Availability
from snippets.models import ContractType
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory
from tests.snippets.factories import CityFactory, SectorFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# Whatever the number of experiences, testimonials, sectors, contract types and cities: they are JSON on the page
# or one query per many-to-many list. The rest: Wagtail's routing and view restrictions, the candidate's state, the
# settings, and both menus in one query. A cached answer costs none (tests/pages/test_public_cache.py).
STORY_PAGE_MAX_QUERIES = 15

EXPERIENCE_KINDS = ["job", "volunteering", "odd_jobs", "family_care", "training"]


@pytest.fixture
def client(client):
    """Visitors reading in English: the assertions below read the English wording, whatever French says."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def html(response):
    return response.content.decode()


def experience(index, kind="job"):
    return {
        "type": "experience",
        "value": {
            "kind": kind,
            "title": f"Expérience {index}",
            "place": f"Lieu {index}",
            "period": f"20{10 + index % 15}",
            "description": f"Ce que j'ai appris n°{index}",
            "tags": [f"mot-{index}-a", f"mot-{index}-b"],
        },
    }


def vouching(index, relation="former_employer"):
    return {
        "type": "testimonial",
        "value": {
            "quote": f"Toujours à l'heure, témoignage {index}.", "author": f"Julie {index}", "relation": relation
        },
    }


def fill_story(page, *, size=1, photo=True, **fields):
    """Give a published story every public part, ``size`` of each list, and publish it again."""
    page.skills = [{"type": "skill", "value": f"Savoir-faire {i}"} for i in range(min(size, 6))]
    page.strengths = [{"type": "strength", "value": f"Qualité {i}"} for i in range(min(size, 6))]
    page.experiences = [experience(i, EXPERIENCE_KINDS[i % len(EXPERIENCE_KINDS)]) for i in range(size)]
    page.testimonials = [vouching(i) for i in range(min(size, 3))]
    page.wished_jobs = "Commis de cuisine, plongeur"
    page.languages = "Français, dari, anglais (notions)"
    page.driving_licence = True
    page.transport = "Transports en commun, vélo"
    if photo:
        page.photo = ImageFactory(description="Portrait souriant")
    for name, value in fields.items():
        setattr(page, name, value)
    page.sectors = [SectorFactory(label=f"Famille {i}") for i in range(size)]
    page.cities = [CityFactory(name=f"Ville {page.pk}-{i}", department=f"{i % 95 + 1:02d}") for i in range(size)]
    page.contract_types = [ContractType.objects.get_or_create(slug=f"kind-{i}", defaults={"label": f"Contrat {i}"})[0]
                           for i in range(size)]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def story(story_index):
    candidate = CandidateFactory(
        published=True, first_name="Ahmad", last_name="Rahimi", email="ahmad.secret@example.org"
    )
    return fill_story(candidate.story_page, size=2, catchphrase="En cuisine, je garde mon calme.")


# The full story -------------------------------------------------------------------------------------------------------


def test_story_page_shows_every_public_part_of_the_story(client, story):
    response = client.get(story.url)

    assert response.status_code == 200
    body = html(response)
    for text in (
        "Ahmad R.</h1>", "En cuisine, je garde mon calme.", "Arrivée en France en 2019",
        "Savoir-faire 0", "Savoir-faire 1", "Qualité 0", "Qualité 1",
        "Famille 0", "Famille 1", "Commis de cuisine, plongeur", "Contrat 0", "Contrat 1",
        f"Ville {story.pk}-0 (01)", f"Ville {story.pk}-1 (02)", "Available now",
        "Français, dari, anglais (notions)", "Transports en commun, vélo",
        "Expérience 0", "Lieu 0", "Ce que j&#x27;ai appris n°0", "mot-0-a", "mot-1-b",
        "Toujours à l&#x27;heure, témoignage 0.", "Julie 1", "Former employer",
    ):
        assert text in body, text
    assert "Driving licence</dt>\n                            <dd>Yes" in body


def test_informal_experiences_show_with_their_kind_as_fully_as_jobs(client, story_index):
    page = CandidateFactory(published=True).story_page
    fill_story(page, size=5)

    body = html(client.get(page.url))

    experiences = body.split('<ol class="experiences"')[1].split("</ol>")[0]
    for label in ("Job", "Volunteering", "Odd jobs", "Family care", "Training"):
        assert f'<p class="experience__kind">{label}</p>' in experiences
    # Each kind gets the same card: title, place, period, what was learnt and keywords.
    assert experiences.count('class="experience__title"') == 5
    assert experiences.count('class="experience__description"') == 5
    assert experiences.count('class="tag-list"') == 5


def test_testimonials_show_quote_author_and_relation(client, story_index):
    page = CandidateFactory(published=True).story_page
    fill_story(page, testimonials=[vouching(0, "social_worker"), vouching(1, "coach")])

    body = html(client.get(page.url))

    assert body.count('class="testimonial"') == 2
    assert '<span class="testimonial__relation">Social worker</span>' in body
    assert '<span class="testimonial__relation">Coach</span>' in body
    assert "Julie 0" in body


def test_a_story_with_only_its_first_words_shows_no_empty_section(client, story_index):
    page = CandidateFactory(published=True).story_page

    body = html(client.get(page.url))

    assert "Skills and strengths" not in body
    assert "My experiences" not in body
    assert "They vouch for me" not in body
    assert "What I am looking for" in body  # availability is always known
    assert "Driving licence</dt>\n                            <dd>No" in body


@pytest.mark.parametrize(
    ("availability", "available_from", "shown"),
    [
        (Availability.IMMEDIATE, None, "Available now"),
        (Availability.WITHIN_A_MONTH, None, "Within a month"),
        (Availability.FROM_DATE, datetime.date(2099, 1, 4), "From 4 January 2099"),
        (Availability.FROM_DATE, datetime.date(2020, 1, 4), "Available now"),
    ],
)
def test_availability_says_when_the_candidate_can_start(availability, available_from, shown, client, story_index):
    page = CandidateFactory(published=True).story_page
    fill_story(page, availability=availability, available_from=available_from)

    body = html(client.get(page.url))

    assert f"<dd>{shown}</dd>" in body


def test_photo_shows_only_with_photo_consent(client, story):
    body = html(client.get(story.url))
    assert 'alt="Portrait souriant"' in body
    assert 'class="initial-placeholder"' not in body

    consent = story.candidate.consents.get(purpose=ConsentPurpose.SHOW_PHOTO)
    consent.withdrawn_at = timezone.now()
    consent.save()

    body = html(client.get(story.url))
    assert 'alt="Portrait souriant"' not in body
    assert story.photo.file.name.rsplit("/", 1)[-1].split(".")[0] not in body
    assert 'class="initial-placeholder"' in body


def test_story_page_holds_the_contact_and_sharing_slots_and_preview_tags(client, story):
    body = html(client.get(story.url))

    assert 'class="story__actions"' in body
    assert f"/contact/{story.pk}/" in body
    assert f"/cv/{story.pk}.pdf" in body
    assert '<meta property="og:title"' in body


def test_story_page_never_shows_private_details(client, story):
    candidate = story.candidate
    candidate.phone = "07 99 88 77 66"
    candidate.notes = "Suivi social en cours"
    candidate.save()

    body = html(client.get(story.url))

    for private in ("Rahimi", "ahmad.secret", "07 99 88 77 66", "Suivi social", "1990-05-17"):
        assert private not in body


def test_story_text_is_sanitised(client, story_index):
    page = CandidateFactory(published=True).story_page
    page.story = '<p>Bonjour<script>alert("x")</script> <a href="javascript:alert(1)">lien</a></p>'
    page.catchphrase = "<b>gras</b>"
    page.save_revision().publish()

    body = html(client.get(page.url))

    assert 'alert("x")' not in body
    assert "javascript:" not in body
    assert "&lt;b&gt;gras&lt;/b&gt;" in body


# Query budget ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 10])
def test_story_page_queries_do_not_grow_with_the_story(size, client, story_index, django_assert_max_num_queries):
    page = fill_story(CandidateFactory(published=True).story_page, size=size)
    client.get(page.url)  # the first visit makes the renditions, as it would once in production

    with django_assert_max_num_queries(STORY_PAGE_MAX_QUERIES):
        response = client.get(page.url)

    assert html(response).count('class="experience__title"') == size


# Hired or left --------------------------------------------------------------------------------------------------------


def set_status(page, status, *, keep_visible=False):
    candidate = page.candidate
    candidate.status = status
    candidate.save()
    if keep_visible:
        page.keep_visible_after_exit = True
        page.save_revision().publish()
    return page


def test_hired_candidate_kept_visible_shows_the_story_with_the_good_news(client, story):
    set_status(story, CandidateStatus.HIRED, keep_visible=True)

    response = client.get(story.url)

    assert response.status_code == 200
    body = html(response)
    assert "Good news: Ahmad R. found a job!" in body
    assert "Arrivée en France en 2019" in body
    assert "Expérience 0" in body


def test_hired_candidate_not_kept_visible_gets_a_good_news_page_without_the_story(client, story_index, story):
    others = CandidateFactory.create_batch(4, published=True)
    set_status(story, CandidateStatus.HIRED)

    response = client.get(story.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "pages/story_exit.html"
    body = html(response)
    assert "Good news: Ahmad R. found a job!" in body  # the title
    assert "Ahmad R. found a job</h1>" in body
    for hidden in ("je garde mon calme", "Expérience 0", "Julie 0", "Portrait souriant",
                   "og:title", "Rahimi", "ahmad.secret", "/contact/"):
        assert hidden not in body, hidden
    assert f'href="{story_index.url}"' in body
    assert '<meta name="robots" content="noindex">' in body
    # Three other people still looking, the most recently published first.
    assert body.count('class="story-card"') == 3
    assert others[-1].public_name in body


def test_candidate_who_left_gets_a_neutral_page(client, story_index, story):
    set_status(story, CandidateStatus.LEFT, keep_visible=True)

    response = client.get(story.url)

    assert response.status_code == 200
    body = html(response)
    assert "This story is no longer online</h1>" in body
    assert "found a job" not in body
    for hidden in ("Ahmad", "je garde mon calme", "Expérience 0", "og:title"):
        assert hidden not in body, hidden
    assert f'href="{story_index.url}"' in body


@pytest.mark.parametrize("status", [CandidateStatus.IN_PROGRAMME, CandidateStatus.HIRED, CandidateStatus.LEFT])
def test_live_story_without_publication_consent_is_404(status, client, story):
    set_status(story, status, keep_visible=True)
    # Bypasses the withdrawal service on purpose: even a page left live by mistake must not show.
    story.candidate.consents.filter(purpose=ConsentPurpose.PUBLISH_STORY).update(withdrawn_at=timezone.now())

    response = client.get(story.url)

    assert response.status_code == 404
    assert "Ahmad" not in html(response)


def test_draft_story_is_404(client, story_index):
    draft = CandidateFactory(with_story=True).story_page

    assert client.get(f"{story_index.url}{draft.slug}/").status_code == 404


def test_unpublished_story_is_404(client, story):
    story.unpublish()

    assert client.get(f"{story.get_parent().url}{story.slug}/").status_code == 404


def test_an_unsaved_version_renders_for_previews_and_the_approval_link(rf, story):
    """Previews (and the candidate's approval page) render a revision, whose lists live in memory."""
    draft = story.get_latest_revision_as_object()
    draft.sectors = [SectorFactory(label="Nouvelle famille")]
    draft.catchphrase = "Une phrase pas encore publiée."
    request = rf.get(story.url)
    request.user = AnonymousUser()
    request.session = {}

    response = draft.serve_preview(request, draft.default_preview_mode)
    response.render()

    body = response.content.decode()
    assert "Une phrase pas encore publiée." in body
    assert "Nouvelle famille" in body
    assert "Famille 0" not in body
