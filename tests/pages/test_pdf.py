"""The printable CV: a PDF of the published story with its QR code, drawn once per publication."""

import datetime
import urllib.request

import pytest
import segno
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cohorts.enums import ConsentPurpose
from pages import pdf
from pages.models.counters import StoryCounter
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory

pytestmark = [
    pytest.mark.django_db,
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# Page, its photo's rendition, sectors, contract types, cities, site, settings; the same once cached.
CV_MAX_QUERIES = 12


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def drawn(monkeypatch):
    """The HTML of every PDF WeasyPrint actually draws, in order (the real drawing still happens)."""
    calls = []
    real_write_pdf = pdf.write_pdf

    def spy(html):
        calls.append(html)
        return real_write_pdf(html)

    monkeypatch.setattr(pdf, "write_pdf", spy)
    return calls


@pytest.fixture
def amina(story_index):
    candidate = CandidateFactory(
        published=True, first_name="Amina", last_name="Diallo", email="amina.secret@example.org",
        phone="07 11 22 33 44", birth_date=datetime.date(1987, 3, 4), notes="Suivi social confidentiel",
    )
    page = candidate.story_page
    page.photo = ImageFactory(description="Amina en cuisine")
    page.skills = [("skill", "Cuisine collective"), ("skill", "Hygiène HACCP")]
    page.strengths = [("strength", "Ponctuelle")]
    page.wished_jobs = "Commis de cuisine"
    page.experiences = [
        ("experience", {"kind": "volunteering", "title": "Bénévole en épicerie solidaire", "place": "Saint-Denis",
                        "period": "2020-2022", "description": "Accueil et réassort.", "tags": ["logistique"]}),
    ]
    page.testimonials = [
        ("testimonial", {"quote": "Toujours à l'heure, toujours souriante.", "author": "Julie, cheffe",
                         "relation": "former_employer"}),
    ]
    page.save_revision().publish()
    return candidate


@pytest.fixture
def story(amina):
    page = amina.story_page
    page.refresh_from_db()
    return page


def cv_url(page):
    return reverse("pages:cv_pdf", args=[page.pk])


def test_cv_is_an_inline_pdf_named_after_the_story(client, story):
    response = client.get(cv_url(story))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5_000
    assert response["Content-Disposition"] == f'inline; filename="cv-{story.slug}.pdf"'
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_cv_shows_the_public_story_photo_and_a_qr_code_to_the_counted_short_link(client, story, drawn):
    client.get(cv_url(story))

    [html] = drawn
    assert "Amina D." in html
    assert "Je suis ponctuelle" in html
    assert "Arrivée en France en 2019" in html
    for public in ("Cuisine collective", "Ponctuelle", "Commis de cuisine", "Bénévole en épicerie solidaire",
                   "logistique", "Toujours à l&#x27;heure", "Julie, cheffe"):
        assert public in html
    assert 'src="data:image/jpeg;base64,' in html
    assert 'alt="Amina en cuisine"' in html
    scan_url = "http://localhost" + reverse("pages:qr_scan", args=[story.pk])
    assert scan_url in html
    # The code drawn is the one that encodes that counted short link.
    assert segno.make(scan_url, error="m").svg_data_uri(scale=4, border=0, dark="#2a211b") in html


def test_cv_never_shows_a_private_field(client, amina, story, drawn):
    client.get(cv_url(story))

    [html] = drawn
    for private in ("Diallo", "amina.secret@example.org", "07 11 22 33 44", "0711223344", "Suivi social",
                    "1987", amina.cohort.name):
        assert private not in html


def test_cv_leaves_the_photo_out_without_photo_consent(client, amina, story, drawn):
    amina.consents.filter(purpose=ConsentPurpose.SHOW_PHOTO).update(withdrawn_at=timezone.now())

    response = client.get(cv_url(story))

    assert response.status_code == 200
    [html] = drawn
    assert "data:image/jpeg" not in html
    assert "Amina en cuisine" not in html


def test_second_request_is_served_from_the_cache(client, story, drawn, django_assert_max_num_queries):
    first = client.get(cv_url(story))

    with django_assert_max_num_queries(CV_MAX_QUERIES):
        second = client.get(cv_url(story))

    assert len(drawn) == 1
    assert second.content == first.content


def test_publishing_a_new_revision_draws_the_cv_again(client, story, drawn):
    client.get(cv_url(story))
    story.catchphrase = "Je cuisine pour cent personnes sans stress."
    story.save_revision().publish()

    response = client.get(cv_url(story))

    assert len(drawn) == 2
    assert "Je cuisine pour cent personnes" in drawn[1]
    assert response.content.startswith(b"%PDF-")


def test_a_draft_change_does_not_reach_the_cv(client, story, drawn):
    client.get(cv_url(story))
    story.catchphrase = "Brouillon pas encore relu"
    story.save_revision()

    client.get(cv_url(story))

    assert len(drawn) == 1


def test_withdrawing_photo_consent_draws_the_cv_again_without_photo(client, amina, story, drawn):
    client.get(cv_url(story))
    amina.consents.filter(purpose=ConsentPurpose.SHOW_PHOTO).update(withdrawn_at=timezone.now())

    client.get(cv_url(story))

    assert len(drawn) == 2
    assert "data:image/jpeg" in drawn[0]
    assert "data:image/jpeg" not in drawn[1]


def test_withdrawn_publication_takes_the_cached_cv_offline(client, amina, story):
    assert client.get(cv_url(story)).status_code == 200
    story.unpublish()

    assert client.get(cv_url(story)).status_code == 404


@pytest.mark.parametrize("state", ["draft", "no_consent"])
def test_unpublished_story_has_no_cv(client, story_index, state, drawn):
    candidate = CandidateFactory(with_story=True) if state == "draft" else CandidateFactory(published=True)
    if state == "no_consent":
        candidate.consents.update(withdrawn_at=timezone.now())

    assert client.get(cv_url(candidate.story_page)).status_code == 404
    assert drawn == []


def test_cv_does_not_count_a_view_or_a_scan(client, story):
    client.get(cv_url(story))

    assert not StoryCounter.objects.exists()


def test_cv_drawing_never_fetches_a_remote_or_local_resource(monkeypatch):
    opened = []
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", lambda self, *args, **kwargs: opened.append(args))

    document = pdf.write_pdf(
        '<link rel="stylesheet" href="https://example.org/style.css">'
        '<img src="https://example.org/tracker.png"><img src="file:///etc/passwd"><p>Bonjour</p>'
    )

    assert document.startswith(b"%PDF-")
    assert opened == []
