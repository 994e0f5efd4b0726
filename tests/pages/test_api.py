"""The public API serves published, consented stories with their public fields, and nothing private."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from cohorts.enums import CandidateStatus, ConsentPurpose
from pages.enums import Availability
from pages.models import CandidatePage
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory
from tests.snippets.factories import CityFactory, ContractTypeFactory, ReferringOrganisationFactory, SectorFactory


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English wording; the French lives in locale/ and is checked by the translation files."""
    settings.LANGUAGE_CODE = "en"


STORIES_URL = "/api/v2/stories/"
PRIVATE_VALUES = (
    "secret.person@example.org",
    "07 99 88 77 66",
    "Zerbinetti",
    "1987-03-04",
    "Suivi social",
    "Promotion secrète",
    "Mission locale confidentielle",
    "in_programme",
    "Portrait Zerbinetti",
)
PRIVATE_KEYS = ('"candidate"', '"email"', '"phone"', '"last_name"', '"birth_date"', '"notes"', '"cohort"',
                '"status"', '"referring_organisation"')


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Image files of these tests in their own folder: another test session ending empties the shared one."""
    settings.MEDIA_ROOT = tmp_path


def publish(page, **changes):
    """Change a story page and publish a new revision, as staff do in the editor."""
    for name, value in changes.items():
        if name in {"sectors", "contract_types", "cities"}:
            getattr(page, name).set(value)
        else:
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def withdraw(candidate, purpose):
    """Withdraw a consent in the database only: the API must not rely on the page being unpublished."""
    candidate.consents.filter(purpose=purpose).update(withdrawn_at=timezone.now())


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def assert_nothing_private(body):
    for key in PRIVATE_KEYS:
        assert key not in body
    for value in PRIVATE_VALUES:
        assert value not in body


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
        cohort__name="Promotion secrète",
        referring_organisation=ReferringOrganisationFactory(name="Mission locale confidentielle"),
    )
    publish(published.story_page, photo=ImageFactory(title="Portrait Zerbinetti"))
    draft = CandidateFactory(with_story=True, first_name="Brouillon")
    return published, draft


@pytest.fixture
def hidden_stories(story_index):
    """One story for each reason a page must stay out of the API, by first name."""
    draft = CandidateFactory(with_story=True, first_name="Brouillon")
    withdrawn = CandidateFactory(published=True, first_name="Retiree")
    withdraw(withdrawn, ConsentPurpose.PUBLISH_STORY)
    never_consented = CandidateFactory(with_story=True, first_name="Jamais")
    # Forced live past the publication gate, as a faulty import could: the API still refuses it.
    CandidatePage.objects.filter(pk=never_consented.story_page.pk).update(live=True)
    left = CandidateFactory(published=True, first_name="Partie")
    publish(left.story_page, keep_visible_after_exit=True)
    left.status = CandidateStatus.LEFT
    left.save()
    hired_hidden = CandidateFactory(published=True, first_name="Embauchee", status=CandidateStatus.HIRED)
    return [draft, withdrawn, never_consented, left, hired_hidden]


# Which stories are served


def test_stories_endpoint_lists_published_consented_stories_only(client, stories, hidden_stories):
    response = client.get(STORIES_URL)
    assert titles(response) == ["Moussa Z."]
    assert response.json()["meta"]["total_count"] == 1


def test_stories_endpoint_answers_404_for_every_hidden_story(client, hidden_stories):
    for candidate in hidden_stories:
        response = client.get(f"{STORIES_URL}{candidate.story_page.pk}/")
        assert response.status_code == 404, candidate.first_name
        found = client.get(f"{STORIES_URL}find/", {"html_path": candidate.story_page.url_path.split("/", 2)[2]})
        assert found.status_code == 404, candidate.first_name


def test_hired_story_kept_visible_is_served_as_found_job(client, story_index):
    hired = CandidateFactory(published=True, first_name="Awa")
    publish(hired.story_page, keep_visible_after_exit=True)
    hired.status = CandidateStatus.HIRED
    hired.save()
    looking = CandidateFactory(published=True, first_name="Binta")

    items = {item["title"]: item for item in client.get(STORIES_URL).json()["items"]}

    assert items[hired.public_name]["found_job"] is True
    assert items[looking.public_name]["found_job"] is False


def test_story_detail_serves_public_fields(client, story_index):
    sector = SectorFactory(label="Restauration", slug="restauration")
    city = CityFactory(name="Lille", department="59")
    candidate = CandidateFactory(published=True, first_name="Amina")
    page = publish(
        candidate.story_page,
        story=f'<p>J\'ai cuisiné pour <a linktype="page" id="{story_index.pk}">la promo</a>.</p>',
        skills=[("skill", "Cuisine collective"), ("skill", "Hygiène HACCP")],
        strengths=[("strength", "Ponctuelle")],
        sectors=[sector],
        contract_types=[ContractTypeFactory(slug="cdi", label="CDI")],
        cities=[city],
        wished_jobs="Commis de cuisine",
        availability=Availability.FROM_DATE,
        available_from=datetime.date(2026, 11, 2),
        languages="Français, peul",
        driving_licence=True,
        transport="Vélo",
        experiences=[("experience", {"kind": "volunteering", "title": "Cuisine des Restos du cœur",
                                     "place": "Lille", "period": "2022", "description": "", "tags": ["équipe"]})],
        testimonials=[("testimonial", {"quote": "Toujours à l'heure.", "author": "Julie, cheffe",
                                       "relation": "former_employer"})],
    )

    data = client.get(f"{STORIES_URL}{page.pk}/").json()

    assert data["title"] == "Amina D."
    assert data["catchphrase"] == "Je suis ponctuelle et je ne lâche rien."
    assert data["story"] == '<p>J&#x27;ai cuisiné pour <a href="/candidats/">la promo</a>.</p>'
    assert data["skills"] == ["Cuisine collective", "Hygiène HACCP"]
    assert data["strengths"] == ["Ponctuelle"]
    assert data["sectors"] == [{"label": "Restauration", "slug": "restauration"}]
    assert data["contract_types"] == [{"label": "CDI", "slug": "cdi"}]
    assert data["cities"] == [{"id": city.pk, "name": "Lille", "department": "59"}]
    assert data["wished_jobs"] == "Commis de cuisine"
    assert (data["availability"], data["available_from"]) == ("from_date", "2026-11-02")
    assert data["availability_label"] == "From a given date"
    assert (data["languages"], data["driving_licence"], data["transport"]) == ("Français, peul", True, "Vélo")
    assert data["experiences"] == [
        {"kind": "volunteering", "title": "Cuisine des Restos du cœur", "place": "Lille", "period": "2022",
         "description": "", "tags": ["équipe"], "kind_label": "Volunteering"}
    ]
    assert data["testimonials"] == [
        {"quote": "Toujours à l'heure.", "author": "Julie, cheffe", "relation": "former_employer",
         "relation_label": "Former employer"}
    ]
    assert data["found_job"] is False
    assert data["photo"] is None
    assert data["meta"]["html_url"] == f"http://localhost/candidats/{page.slug}/"
    assert data["meta"]["detail_url"] == f"http://localhost/api/v2/stories/{page.pk}/"
    assert "parent" not in data["meta"]


def test_story_can_come_as_markdown_when_asked(client, stories):
    published, _draft = stories
    data = client.get(f"{STORIES_URL}{published.story_page.pk}/", {"rich_text_format": "markdown"}).json()
    assert data["story"].strip() == "Arrivée en France en 2019, j'ai travaillé en cuisine."


# The photo


def test_photo_comes_as_renditions_while_the_candidate_consents(client, stories):
    published, _draft = stories
    photo = client.get(f"{STORIES_URL}{published.story_page.pk}/").json()["photo"]

    assert set(photo) == {"card", "share"}
    assert ".fill-480x480-c80" in photo["card"]["url"]
    assert (photo["card"]["width"], photo["card"]["height"]) == (480, 480)
    assert ".fill-1200x630-c60" in photo["share"]["url"]
    assert photo["card"]["alt"] == "Portrait souriant"
    assert photo["share"]["full_url"].startswith("http")


def test_photo_is_null_without_photo_consent(client, stories):
    published, _draft = stories
    publish(published.story_page, photo=ImageFactory(file=get_test_image_file(filename="photo-sans-accord.png")))
    withdraw(published, ConsentPurpose.SHOW_PHOTO)

    listing = client.get(STORIES_URL)
    detail = client.get(f"{STORIES_URL}{published.story_page.pk}/", {"fields": "*"})

    assert listing.json()["items"][0]["photo"] is None
    assert detail.json()["photo"] is None
    for body in (listing.content.decode(), detail.content.decode()):
        assert "photo-sans-accord" not in body
        assert "original_images" not in body


def test_photo_cannot_be_used_as_a_filter_or_an_order(client, stories):
    published, _draft = stories
    photo_id = published.story_page.photo_id
    assert client.get(STORIES_URL, {"photo": photo_id}).status_code == 400
    assert client.get(STORIES_URL, {"order": "photo"}).status_code == 400


# Nothing private, whatever the request


@pytest.mark.parametrize(
    "path_params",
    [
        ("", {}),
        ("", {"fields": "*"}),
        ("{pk}/", {}),
        ("{pk}/", {"fields": "*"}),
        ("{pk}/", {"fields": "*,photo(*)"}),
        ("", {"fields": "_,title,sectors,cities,contract_types,photo"}),
    ],
)
def test_stories_endpoint_never_serves_private_candidate_data(client, stories, path_params):
    published, _draft = stories
    path, params = path_params
    response = client.get(STORIES_URL + path.format(pk=published.story_page.pk), params)
    assert response.status_code == 200, response.content
    assert_nothing_private(response.content.decode())


@pytest.mark.parametrize(
    "fields", ["candidate", "*,candidate", "candidate(email)", "cities(staff_emails)", "photo_id", "owner"]
)
def test_asking_for_a_private_field_is_refused(client, stories, fields):
    published, _draft = stories
    for url in (STORIES_URL, f"{STORIES_URL}{published.story_page.pk}/"):
        response = client.get(url, {"fields": fields})
        assert response.status_code == 400, (url, fields)
        assert_nothing_private(response.content.decode())


@pytest.mark.parametrize("param", ["candidate", "candidate__last_name", "email", "status", "search", "type"])
def test_filtering_on_anything_but_public_filters_is_refused(client, stories, param):
    response = client.get(STORIES_URL, {param: "Zerbinetti"})
    assert response.status_code == 400
    assert "Zerbinetti" not in response.content.decode()


def test_text_search_never_reads_private_fields(client, stories):
    for private in ("Zerbinetti", "secret.person", "Suivi social", "Promotion secrète", "Mission locale"):
        assert titles(client.get(STORIES_URL, {"q": private})) == [], private


# The generic pages and images endpoints leave stories and photos out


def test_pages_endpoint_leaves_story_pages_out(client, stories):
    published, draft = stories
    listing = client.get("/api/v2/pages/", {"fields": "*"})
    typed = client.get("/api/v2/pages/", {"type": "pages.CandidatePage", "fields": "*"})
    children = client.get("/api/v2/pages/", {"child_of": published.story_page.get_parent().pk})

    assert "pages.CandidatePage" not in listing.content.decode()
    assert "Les candidats" in titles(listing)
    assert titles(typed) == []
    assert titles(children) == []
    for candidate in (published, draft):
        assert client.get(f"/api/v2/pages/{candidate.story_page.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"id": candidate.story_page.pk}).status_code == 404
    by_path = client.get("/api/v2/pages/find/", {"html_path": f"/candidats/{published.story_page.slug}/"})
    assert by_path.status_code == 404


def test_pages_endpoint_never_serves_private_candidate_data(client, stories):
    published, _draft = stories
    bodies = [
        client.get("/api/v2/pages/", {"fields": "*"}).content.decode(),
        client.get("/api/v2/pages/", {"type": "pages.CandidatePage", "fields": "*"}).content.decode(),
        client.get("/api/v2/pages/", {"search": "Moussa"}).content.decode(),
        client.get(f"/api/v2/pages/{published.story_page.pk}/", {"fields": "*"}).content.decode(),
        client.get(f"/api/v2/pages/{published.story_page.get_parent().pk}/", {"fields": "*"}).content.decode(),
    ]
    for body in bodies:
        assert "Moussa" not in body
        assert_nothing_private(body)


def test_images_endpoint_leaves_candidate_photos_out(client, stories):
    published, _draft = stories
    other = ImageFactory(title="Chantier")
    response = client.get("/api/v2/images/", {"fields": "*"})

    assert [item["id"] for item in response.json()["items"]] == [other.pk]
    assert client.get(f"/api/v2/images/{published.story_page.photo_id}/").status_code == 404
    assert_nothing_private(response.content.decode())


def test_draft_story_is_404_on_every_endpoint(client, stories):
    _published, draft = stories
    assert client.get(f"/api/v2/pages/{draft.story_page.pk}/").status_code == 404
    assert client.get(f"{STORIES_URL}{draft.story_page.pk}/").status_code == 404


# Filters, as on the public list


@pytest.fixture
def varied_stories(story_index):
    lille, lyon = CityFactory(name="Lille", department="59"), CityFactory(name="Lyon", department="69")
    roubaix = CityFactory(name="Roubaix", department="59")
    building, catering = SectorFactory(slug="batiment", label="Bâtiment"), SectorFactory(slug="restauration")
    cdi, interim = ContractTypeFactory(slug="cdi"), ContractTypeFactory(slug="interim")

    def story(first_name, *, status=CandidateStatus.IN_PROGRAMME, **changes):
        candidate = CandidateFactory(published=True, first_name=first_name)
        publish(candidate.story_page, keep_visible_after_exit=True, **changes)
        if status != CandidateStatus.IN_PROGRAMME:
            candidate.status = status
            candidate.save()
        return candidate

    story("Amina", cities=[lille, roubaix], sectors=[building], contract_types=[cdi],
          availability=Availability.IMMEDIATE)
    story("Bakary", cities=[lyon], sectors=[catering], contract_types=[interim],
          availability=Availability.WITHIN_A_MONTH, wished_jobs="Plongeur")
    story("Chloé", cities=[roubaix], sectors=[building, catering], contract_types=[cdi, interim],
          availability=Availability.IMMEDIATE, status=CandidateStatus.HIRED, catchphrase="Je répare tout.")
    return {"lille": lille, "lyon": lyon, "roubaix": roubaix}


# One set of stories, every filter: building the stories is the slow part. The filters are the public list's.
FILTER_CASES = [
    ({}, ["Amina D.", "Bakary D.", "Chloé D."]),
    ({"city": "lille"}, ["Amina D."]),
    ({"city": "roubaix"}, ["Amina D.", "Chloé D."]),
    ({"city": "lyon"}, ["Bakary D."]),
    ({"sector": "batiment"}, ["Amina D.", "Chloé D."]),
    ({"sector": "restauration"}, ["Bakary D.", "Chloé D."]),
    ({"contract_type": "interim"}, ["Bakary D.", "Chloé D."]),
    ({"contract_type": "cdi"}, ["Amina D.", "Chloé D."]),
    ({"availability": "now"}, ["Amina D.", "Chloé D."]),
    ({"availability": "within_a_month"}, ["Amina D.", "Bakary D.", "Chloé D."]),
    ({"hide_hired": "1"}, ["Amina D.", "Bakary D."]),
    ({"hide_hired": "on"}, ["Amina D.", "Bakary D."]),
    ({"hide_hired": "true"}, ["Amina D.", "Bakary D."]),
    ({"hide_hired": "0"}, ["Amina D.", "Bakary D.", "Chloé D."]),
    ({"hide_hired": "false"}, ["Amina D.", "Bakary D.", "Chloé D."]),
    ({"q": "plongeur"}, ["Bakary D."]),
    ({"q": "répare"}, ["Chloé D."]),
    ({"q": "chloé"}, ["Chloé D."]),
    ({"q": "ponctuelle"}, ["Amina D.", "Bakary D."]),
    ({"q": "je répare"}, ["Chloé D."]),
    ({"q": "plongeur répare"}, []),
    ({"sector": "batiment", "hide_hired": "1", "city": "roubaix"}, ["Amina D."]),
    ({"sector": "restauration", "availability": "now", "city": "lyon"}, []),
]


def test_each_filter_narrows_the_stories(client, varied_stories):
    for params, expected in FILTER_CASES:
        query = {key: varied_stories[value].pk if key == "city" else value for key, value in params.items()}
        response = client.get(STORIES_URL, query)
        assert titles(response) == expected, params
        assert response.json()["meta"]["total_count"] == len(expected), params


def test_unknown_filter_value_is_a_bad_request(client, varied_stories):
    for params in ({"sector": "inconnu"}, {"contract_type": "cdd-fantome"}, {"availability": "jamais"},
                   {"city": "x"}, {"city": varied_stories["lyon"].pk + 1000}, {"department": "59"}):
        assert client.get(STORIES_URL, params).status_code == 400, params


def test_stories_can_be_ordered_by_title(client, varied_stories):
    items = client.get(STORIES_URL, {"order": "-title"}).json()["items"]
    assert [item["title"] for item in items] == ["Chloé D.", "Bakary D.", "Amina D."]


# Query budget


STORIES_QUERY_BUDGET = 12


@pytest.mark.parametrize("n", [5, 50])
def test_stories_listing_query_count_is_flat(n, client, story_index, settings, django_assert_max_num_queries):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    sectors = [SectorFactory(), SectorFactory()]
    city = CityFactory()
    for index in range(n):
        candidate = CandidateFactory(published=True)
        publish(
            candidate.story_page,
            photo=ImageFactory(file=get_test_image_file(size=(64, 64))),
            sectors=sectors,
            cities=[city],
            contract_types=[ContractTypeFactory(slug="cdi")],
            experiences=[("experience", {"kind": "job", "title": "Commis", "tags": ["cuisine"]})] * 3,
            testimonials=[("testimonial", {"quote": "Fiable.", "author": "Julie", "relation": "coach"})] * 3,
        )
        if index % 2:
            withdraw(candidate, ConsentPurpose.SHOW_PHOTO)
    params = {"limit": n, "fields": "*"}
    client.get(STORIES_URL, params)  # makes the renditions once, as the first visitor would
    cache.clear()  # renditions must come from the prefetch, not from the cache the first request filled

    with django_assert_max_num_queries(STORIES_QUERY_BUDGET):
        response = client.get(STORIES_URL, params)

    items = response.json()["items"]
    assert len(items) == n
    photos = [item["photo"] for item in items if item["photo"] is not None]
    assert len(photos) == (n + 1) // 2
    assert all(".fill-1200x630-c60" in photo["share"]["url"] for photo in photos)
    assert len({photo["card"]["url"] for photo in photos}) == len(photos)
