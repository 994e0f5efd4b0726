"""The public site: every page type renders, only published stories show, and nothing private ever does."""

import datetime

import pytest
from django.template import loader
from wagtail.models import Page

from cohorts.enums import CandidateStatus
from pages.models import ContentPage
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory

pytestmark = [
    pytest.mark.django_db,
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# The same for n stories and for 10 × n: the lists prefetch photos and renditions, the menus cost one query each.
PUBLIC_LIST_MAX_QUERIES = 16
# The story list adds its filters' choices (cities, job families, contracts) and the count of stories for its pages
# of 9 (tests/pages/test_story_list.py tests those).
STORY_LIST_MAX_QUERIES = 18


def give_photo(candidate):
    """Publish the candidate's story again, now with a photo."""
    page = candidate.story_page
    page.photo = ImageFactory()
    page.save_revision().publish()
    return page


def html(response):
    return response.content.decode()


@pytest.fixture
def amina(story_index):
    return CandidateFactory(published=True, first_name="Amina", last_name="Diallo")


# Home page --------------------------------------------------------------------------------------------


def test_home_page_shows_hero_stories_and_a_link_to_all_stories(client, home_page, story_index, amina):
    home_page.hero_text = "Ils ont des compétences, il leur manque un réseau."
    home_page.save_revision().publish()
    draft = CandidateFactory(with_story=True, first_name="Brouillon")

    response = client.get("/")

    assert response.status_code == 200
    assert "pages/home_page.html" in [t.name for t in response.templates]
    body = html(response)
    assert "Un début de réseau" in body
    assert "il leur manque un réseau" in body
    assert "Amina D." in body
    assert amina.story_page.url in body
    assert "Je suis ponctuelle" in body
    assert draft.public_name not in body
    assert f'href="{story_index.url}"' in body


def test_home_page_has_a_kind_empty_state_before_any_story_is_published(client, home_page, story_index):
    CandidateFactory(with_story=True, first_name="Brouillon")

    response = client.get("/")

    assert response.status_code == 200
    assert 'class="empty-state"' in html(response)
    assert "story-card" not in html(response)


def test_home_page_hero_image_is_a_responsive_picture_with_its_text_alternative(client, home_page):
    home_page.hero_image = ImageFactory(description="Des candidats et leurs coachs en atelier")
    home_page.save_revision().publish()

    body = html(client.get("/"))

    hero = body.split('class="hero__media"')[1].split("</picture>")[0]
    assert 'type="image/webp"' in hero
    assert 'alt="Des candidats et leurs coachs en atelier"' in hero


def test_home_page_renders_its_body_blocks(client, home_page):
    home_page.body = [
        ("heading", "Comment ça marche"),
        ("figures", {"heading": "Première promotion", "figures": [{"value": "11 / 15", "label": "embauchés"}]}),
    ]
    home_page.save_revision().publish()

    body = html(client.get("/"))

    assert "Comment ça marche" in body
    assert "11 / 15" in body


def test_page_shell_has_language_skip_link_and_stylesheet(client, home_page):
    body = html(client.get("/"))

    assert '<html lang="fr">' in body
    assert 'href="#main"' in body
    assert 'id="main"' in body
    assert "/static/css/tremplin.css" in body
    assert "Tremplin" in body  # the programme name, from the site settings
    assert "<script>" not in body
    assert " onclick=" not in body


# Story list ---------------------------------------------------------------------------------------------


def test_story_list_shows_published_stories_only(client, story_index, amina):
    draft = CandidateFactory(with_story=True, first_name="Brouillon")
    hired = CandidateFactory(published=True, first_name="Embauche")
    hired.status = CandidateStatus.HIRED
    hired.save()

    response = client.get(story_index.url)

    assert response.status_code == 200
    body = html(response)
    assert "Amina D." in body
    assert draft.public_name not in body
    assert hired.public_name not in body


def test_story_list_has_a_kind_empty_state(client, story_index):
    response = client.get(story_index.url)

    assert response.status_code == 200
    assert 'class="empty-state"' in html(response)


def test_story_cards_use_the_prefetched_rendition_specs(client, story_index, amina):
    page = give_photo(amina)

    body = html(client.get(story_index.url))

    renditions = page.photo.renditions.values_list("filter_spec", flat=True)
    assert sorted(renditions) == ["fill-480x480-c80", "fill-480x480-c80|format-webp"]
    assert 'type="image/webp"' in body


# Story page ------------------------------------------------------------------------------------------------


def test_story_page_shows_name_catchphrase_story_and_a_way_back(client, story_index, amina):
    response = client.get(amina.story_page.url)

    assert response.status_code == 200
    body = html(response)
    assert "<h1" in body and "Amina D.</h1>" in body
    assert "Je suis ponctuelle et je ne lâche rien." in body
    assert "Arrivée en France en 2019" in body
    assert f'href="{story_index.url}"' in body


def test_story_page_without_photo_shows_the_initial(client, amina):
    body = html(client.get(amina.story_page.url))

    assert 'class="initial-placeholder"' in body


def test_story_page_photo_carries_its_text_alternative(client, amina):
    page = give_photo(amina)
    page.photo.description = "Amina sourit devant un chantier"
    page.photo.save()

    body = html(client.get(page.url))

    assert 'alt="Amina sourit devant un chantier"' in body
    assert 'class="initial-placeholder"' not in body


def test_draft_story_page_is_404(client, story_index):
    draft = CandidateFactory(with_story=True)

    assert client.get(draft.story_page.url or f"{story_index.url}{draft.story_page.slug}/").status_code == 404


@pytest.mark.parametrize("where", ["home", "list", "story"])
def test_private_candidate_details_never_reach_the_html(where, client, home_page, story_index):
    candidate = CandidateFactory(
        published=True,
        first_name="Moussa",
        last_name="Zerbinetti",
        email="moussa.secret@example.org",
        phone="07 99 88 77 66",
        birth_date=datetime.date(1987, 3, 4),
        notes="Suivi social en cours",
    )
    give_photo(candidate)
    url = {"home": "/", "list": story_index.url, "story": candidate.story_page.url}[where]

    body = html(client.get(url))

    assert "Moussa Z." in body
    for private in (
        "Zerbinetti", "moussa.secret", "07 99 88 77 66", "0799887766", "Suivi social",
        "1987-03-04", "04/03/1987", "4 mars 1987", "March 4, 1987",
    ):
        assert private not in body


# Content page, navigation and footer --------------------------------------------------------------------------


@pytest.fixture
def about_page(home_page):
    image = ImageFactory(description="Une coach et un candidat autour d'une table")
    return home_page.add_child(
        instance=ContentPage(
            title="Le programme",
            slug="programme",
            show_in_menus=True,
            intro="Six mois d'accompagnement.",
            body=[
                ("heading", "Notre mission"),
                ("paragraph", "<p>Nous prêtons <b>notre réseau</b>.</p>"),
                ("image", {"image": image, "decorative": False, "alt_text": "Un binôme au travail"}),
                ("quote", {"quote": "Trois entreprises m'ont appelé.", "author": "Moussa"}),
                ("figures", {"heading": "En chiffres", "figures": [{"value": "72 %", "label": "sorties positives"}]}),
                (
                    "call_to_action",
                    {
                        "title": "Vous recrutez ?",
                        "text": "Rencontrez nos candidats.",
                        "page": None,
                        "url": "https://example.org/offres",
                        "button_label": "Proposer une offre",
                    },
                ),
            ],
        )
    )


def test_content_page_renders_every_block(client, about_page):
    response = client.get(about_page.url)

    assert response.status_code == 200
    body = html(response)
    for text in (
        "Six mois d&#x27;accompagnement.", "Notre mission", "<b>notre réseau</b>", 'alt="Un binôme au travail"',
        "Trois entreprises m&#x27;ont appelé.", "Moussa", "72 %", "sorties positives",
        'href="https://example.org/offres"', "Proposer une offre",
    ):
        assert text in body


def test_header_menu_lists_menu_pages_and_marks_the_current_one(client, home_page, story_index, about_page):
    home_page.add_child(instance=ContentPage(title="Mentions légales", slug="mentions-legales"))

    body = html(client.get(about_page.url))

    menu = body.split('class="main-nav"')[1].split("</nav>")[0]
    assert 'href="/programme/" aria-current="page"' in menu
    assert "Mentions légales" not in menu
    assert f'class="header-cta button button--primary" href="{story_index.url}"' in body
    footer = body.split('class="site-footer"')[1]
    assert "Mentions légales" in footer
    assert "Le programme" in footer


def test_story_list_link_is_marked_current_on_a_story(client, story_index, amina):
    body = html(client.get(amina.story_page.url))

    assert f'href="{story_index.url}" aria-current="true"' in body


# Error pages ------------------------------------------------------------------------------------------------------


def test_unknown_address_gets_the_warm_404(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert 'href="#main"' in html(response)


def test_500_page_needs_no_request_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        body = loader.get_template("500.html").render()

    assert '<html lang="fr">' in body
    assert "/static/css/tremplin.css" in body


# Query counts -----------------------------------------------------------------------------------------------------


@pytest.fixture
def many_stories(story_index):
    def create(n):
        candidates = CandidateFactory.create_batch(n, published=True)
        for candidate in candidates[::2]:
            give_photo(candidate)
        CandidateFactory.create_batch(2, with_story=True)
        return candidates

    return create


@pytest.mark.parametrize("n", [3, 30])
def test_home_page_queries_do_not_grow_with_stories(n, client, home_page, many_stories, django_assert_max_num_queries):
    many_stories(n)
    client.get("/")  # the first visit creates the renditions, as it would once in production

    with django_assert_max_num_queries(PUBLIC_LIST_MAX_QUERIES):
        response = client.get("/")

    assert html(response).count('class="story-card"') == min(n, 6)


@pytest.mark.parametrize("n", [3, 30])
def test_story_list_queries_do_not_grow_with_stories(
    n, client, story_index, many_stories, django_assert_max_num_queries
):
    many_stories(n)
    client.get(story_index.url)

    with django_assert_max_num_queries(STORY_LIST_MAX_QUERIES):
        response = client.get(story_index.url)

    assert html(response).count('class="story-card"') == min(n, 9)


def test_root_page_is_the_home_page(home_page):
    """Guards the fixtures the tests above rely on: "/" is our home page."""
    assert Page.objects.get(url_path="/accueil/").specific == home_page
