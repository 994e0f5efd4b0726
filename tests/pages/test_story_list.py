"""The public list of stories: filters that narrow, a fair order that paging keeps, 9 at a time, nothing private."""

import datetime
import re

import pytest
from django.utils import timezone

from cohorts.enums import CandidateStatus, ConsentPurpose
from pages.enums import Availability
from pages.models import CandidatePage
from pages.ordering import KEPT_WINDOWS, ORDER_PARAM, current_window, fair_order
from snippets.models import ContractType
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory
from tests.snippets.factories import CityFactory, SectorFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# The same for 10 stories as for 100: one count, one page of 9, their photos and renditions, the filters' choices.
STORY_LIST_MAX_QUERIES = 18

CARD_LINK = re.compile(r'class="story-card__link" href="([^"]+)"')


@pytest.fixture
def client(client):
    """Visitors reading in English: the assertions below read the English wording, whatever French says."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def html(response):
    return response.content.decode()


def card_urls(response):
    """The stories the list found, in order (not the suggestions shown when it finds none)."""
    parts = html(response).split("data-stories-list>", 1)
    return CARD_LINK.findall(parts[1].split("</ul>", 1)[0]) if len(parts) == 2 else []


def publish_with(candidate, **fields):
    """Publish the candidate's story again with these public fields (many-to-many ones as lists)."""
    page = candidate.story_page
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def story(first_name, **fields):
    return publish_with(CandidateFactory(published=True, first_name=first_name), **fields)


# Filters --------------------------------------------------------------------------------------------------------------


def test_city_filter_keeps_stories_that_name_the_city(client, story_index):
    lille, paris = CityFactory(name="Lille", department="59"), CityFactory(name="Paris", department="75")
    in_lille = story("Dylan", cities=[lille])
    in_both = story("Inès", cities=[lille, paris])
    story("Moussa", cities=[paris])
    story("Nadia")

    urls = card_urls(client.get(story_index.url, {"city": lille.pk}))

    assert sorted(urls) == sorted([in_lille.url, in_both.url])


def test_a_stale_choice_in_the_address_drops_only_that_filter(client, story_index):
    cook = story("Ahmad", catchphrase="En cuisine, je garde mon calme.")
    story("Nadia", catchphrase="Je tiens ma parole.")

    response = client.get(story_index.url, {"q": "calme", "city": 999_999})

    assert response.status_code == 200
    assert card_urls(response) == [cook.url]
    assert "“calme”" in html(response).split('class="active-filters"')[1]


def test_job_family_filter_uses_the_sector_code(client, story_index):
    building = SectorFactory(label="Bâtiment", slug="batiment")
    cooking = SectorFactory(label="Restauration", slug="restauration")
    builder = story("Moussa", sectors=[building])
    story("Ahmad", sectors=[cooking])

    assert card_urls(client.get(story_index.url, {"sector": "batiment"})) == [builder.url]


def test_contract_type_filter_uses_the_contract_code(client, story_index):
    cdi, temp = ContractType.objects.get(slug="cdi"), ContractType.objects.get(slug="temp")
    permanent = story("Nadia", contract_types=[cdi, temp])
    story("Jordan", contract_types=[temp])

    assert card_urls(client.get(story_index.url, {"contract_type": "cdi"})) == [permanent.url]


def test_availability_filter_reads_dates(client, story_index):
    today = timezone.localdate()
    now = story("Now", availability=Availability.IMMEDIATE)
    date_passed = story(
        "Passed", availability=Availability.FROM_DATE, available_from=today - datetime.timedelta(days=3)
    )
    soon = story("Soon", availability=Availability.WITHIN_A_MONTH)
    in_two_weeks = story(
        "Fortnight", availability=Availability.FROM_DATE, available_from=today + datetime.timedelta(days=14)
    )
    story("Later", availability=Availability.FROM_DATE, available_from=today + datetime.timedelta(days=90))

    available_now = card_urls(client.get(story_index.url, {"availability": "now"}))
    within_a_month = card_urls(client.get(story_index.url, {"availability": "within_a_month"}))

    assert sorted(available_now) == sorted([now.url, date_passed.url])
    assert sorted(within_a_month) == sorted([now.url, date_passed.url, soon.url, in_two_weeks.url])


def test_filters_combine(client, story_index):
    lille = CityFactory(name="Lille")
    cooking = SectorFactory(slug="restauration")
    match = story("Mamadou", cities=[lille], sectors=[cooking])
    story("Dylan", cities=[lille])
    story("Ahmad", sectors=[cooking])

    assert card_urls(client.get(story_index.url, {"city": lille.pk, "sector": "restauration"})) == [match.url]


@pytest.fixture
def hired_stories(story_index):
    looking = story("Looking")
    kept = story("Kept")
    kept.keep_visible_after_exit = True
    kept.save_revision().publish()
    not_kept = story("Gone")
    left = story("Left")
    statuses = ((kept, CandidateStatus.HIRED), (not_kept, CandidateStatus.HIRED), (left, CandidateStatus.LEFT))
    for page, status in statuses:
        page.candidate.status = status
        page.candidate.save()
    return looking, kept, not_kept, left


def test_hired_candidates_are_hidden_by_default(client, story_index, hired_stories):
    looking, *_others = hired_stories

    response = client.get(story_index.url)

    assert card_urls(response) == [looking.url]
    assert 'name="hide_hired" id="id_hide_hired" checked' in html(response)
    # Also on later pages of the list, which the "see more" link reaches with only a page number.
    assert card_urls(client.get(story_index.url, {"page": 1})) == [looking.url]


def test_unchecking_hide_hired_shows_those_kept_visible_with_a_badge(client, story_index, hired_stories):
    looking, kept, _not_kept, _left = hired_stories

    # The form sent with the box unchecked: browsers send the other fields, not the box.
    response = client.get(story_index.url, {"q": "", "city": "", "availability": ""})

    assert sorted(card_urls(response)) == sorted([looking.url, kept.url])
    body = html(response)
    assert body.count('class="story-badge"') == 1
    assert "Found a job!" in body
    assert 'name="hide_hired" id="id_hide_hired" checked' not in body


@pytest.mark.parametrize(
    ("words", "where"),
    [
        ("ponctuel", "catchphrase"),
        ("CHARIOT", "story"),
        ("cariste", "wished_jobs"),
        ("Jean-Pierre", "title"),
        ("entrepôt cariste", "several words"),
    ],
)
def test_text_search_looks_in_the_public_text(words, where, client, story_index):
    match = story(
        "Jean-Pierre",
        catchphrase="Je suis ponctuel.",
        story="<p>Vingt ans en entrepôt, sur un chariot.</p>",
        wished_jobs="Cariste, préparateur",
    )
    story("Nadia", catchphrase="Je tiens ma parole.", story="<p>Ménages.</p>", wished_jobs="Agente de propreté")

    assert card_urls(client.get(story_index.url, {"q": words})) == [match.url], where


@pytest.mark.parametrize("words", ["Zerbinetti", "moussa.secret", "secret@example", "0799887766", "Suivi social",
                                   "1987"])
def test_text_search_never_finds_private_details(words, client, story_index):
    candidate = CandidateFactory(
        published=True,
        first_name="Moussa",
        last_name="Zerbinetti",
        email="moussa.secret@example.org",
        phone="0799887766",
        birth_date=datetime.date(1987, 3, 4),
        notes="Suivi social en cours",
    )
    assert card_urls(client.get(story_index.url, {"q": "Moussa"})) == [candidate.story_page.url]

    response = client.get(story_index.url, {"q": words})

    assert card_urls(response) == []
    assert "Moussa" not in html(response).split('class="suggestions"')[0]


# The form -------------------------------------------------------------------------------------------------------------


def test_filter_form_is_a_plain_get_form_with_a_label_for_every_field(client, story_index):
    story("Amina")

    body = html(client.get(story_index.url))

    form = body.split("<form", 1)[1].split("</form>")[0]
    assert 'method="get"' in form
    assert 'role="search"' in form
    for name in ("q", "city", "sector", "contract_type", "availability", "hide_hired"):
        assert f'name="{name}"' in form
        assert f'for="id_{name}"' in form
    assert 'type="submit"' in form


def test_active_filters_are_summed_up_with_a_link_to_remove_each(client, story_index):
    paris = CityFactory(name="Paris", department="75")
    story("Amina", cities=[paris], catchphrase="Toujours ponctuelle")

    response = client.get(story_index.url, {"q": "ponctuelle", "city": paris.pk, "hide_hired": "on"})

    body = html(response)
    summary = body.split('class="active-filters"')[1].split("</div>")[0]
    assert "“ponctuelle”" in summary
    assert "Paris (75)" in summary
    assert f'href="{story_index.url}?q=&amp;city={paris.pk}&amp;hide_hired=on"' in summary  # without the words
    assert f'href="{story_index.url}?q=ponctuelle&amp;city=&amp;hide_hired=on"' in summary  # without the city
    assert f'class="active-filters__clear" href="{story_index.url}"' in summary
    assert "1 story matches your search" in body


def test_a_search_that_finds_nothing_suggests_recent_stories(client, story_index):
    stories = [story(f"Personne{i}") for i in range(5)]

    response = client.get(story_index.url, {"q": "astronaute"})

    assert response.status_code == 200
    body = html(response)
    assert "No story matches these filters" in body
    suggestions = body.split('class="suggestions"')[1]
    assert CARD_LINK.findall(suggestions) == [page.url for page in reversed(stories[-3:])]


def test_no_story_at_all_shows_the_kind_empty_state_without_filters(client, story_index):
    body = html(client.get(story_index.url))

    assert "No story is online yet" in body
    assert "<form" not in body.split('id="main"')[1]


# Order and paging -----------------------------------------------------------------------------------------------------


def all_pages(client, url, params=None):
    """Follow "see more" from the first page to the last, as a visitor without JavaScript would."""
    urls, response = [], client.get(url, params or {})
    while True:
        urls.append(card_urls(response))
        more = re.search(r'href="([^"]+)" rel="next"', html(response))
        if not more:
            return urls
        response = client.get(more.group(1).replace("&amp;", "&"))


def test_list_shows_9_stories_and_a_see_more_link_that_works_without_javascript(client, story_index):
    stories = CandidateFactory.create_batch(20, published=True)

    first = client.get(story_index.url)

    body = html(first)
    assert len(card_urls(first)) == 9
    assert "9 of 20 stories shown" in body
    assert f'href="{story_index.url}?{ORDER_PARAM}={current_window()}&amp;page=2" rel="next" data-stories-more' in body
    assert 'aria-live="polite"' in body
    assert "/static/js/stories.js" in body
    pages = all_pages(client, story_index.url)
    assert [len(urls) for urls in pages] == [9, 9, 2]
    assert "Stories 10 to 18 of 20" in html(client.get(story_index.url, {"page": 2}))
    assert sorted(url for urls in pages for url in urls) == sorted(c.story_page.url for c in stories)


def test_paging_never_repeats_or_skips_a_story_for_a_visitor(client, story_index):
    stories = CandidateFactory.create_batch(25, published=True)
    # Two months of publications, so that both the month and the shuffle decide the order.
    CandidatePage.objects.filter(pk__in=[c.story_page.pk for c in stories[:12]]).update(
        last_published_at=timezone.now() - datetime.timedelta(days=62)
    )

    first_visit = all_pages(client, story_index.url)
    second_visit = all_pages(client, story_index.url)

    seen = [url for urls in first_visit for url in urls]
    assert len(seen) == len(set(seen)) == 25
    assert second_visit == first_visit  # same session, same order, page after page


def test_filtered_paging_keeps_the_filters(client, story_index):
    lille = CityFactory(name="Lille")
    in_lille = [publish_with(c, cities=[lille]) for c in CandidateFactory.create_batch(11, published=True)]
    CandidateFactory.create_batch(3, published=True)

    pages = all_pages(client, story_index.url, {"city": lille.pk, "q": ""})

    assert [len(urls) for urls in pages] == [9, 2]
    assert sorted(url for urls in pages for url in urls) == sorted(page.url for page in in_lille)


def test_the_order_needs_no_session_and_paging_keeps_it(client, story_index):
    CandidateFactory.create_batch(12, published=True)
    window = current_window()

    response = client.get(story_index.url)

    assert not response.cookies
    assert f"{ORDER_PARAM}={window}" in response.context["next_page_url"]
    # Another visitor, at the same time, sees the same order: the list is the same answer for everyone.
    other = type(client)()
    assert card_urls(other.get(story_index.url)) == card_urls(response)


def test_each_time_window_shuffles_differently_within_a_month(client, story_index):
    CandidateFactory.create_batch(12, published=True)
    window = current_window()
    orders = []
    for asked in (window, window - 1):
        orders.append([url for urls in all_pages(client, story_index.url, {ORDER_PARAM: asked}) for url in urls])

    assert orders[0] != orders[1]
    assert sorted(orders[0]) == sorted(orders[1])


@pytest.mark.parametrize("asked", ["abc", "-1", "99999999999999999999", "window-too-old"])
def test_an_order_not_recent_or_made_up_takes_the_current_one(client, story_index, asked):
    CandidateFactory.create_batch(12, published=True)
    if asked == "window-too-old":
        asked = str(current_window() - KEPT_WINDOWS - 1)

    assert card_urls(client.get(story_index.url, {ORDER_PARAM: asked})) == card_urls(client.get(story_index.url))


def test_stories_updated_in_a_more_recent_month_come_first(story_index):
    pages = [c.story_page for c in CandidateFactory.create_batch(9, published=True)]
    now = timezone.now()
    for months_ago, chunk in ((2, pages[:3]), (0, pages[3:6]), (1, pages[6:])):
        CandidatePage.objects.filter(pk__in=[p.pk for p in chunk]).update(
            last_published_at=now - datetime.timedelta(days=31 * months_ago)
        )

    for seed in (0, 7, 123_456_789, 2_147_483_646):
        order = list(fair_order(CandidatePage.objects.all(), seed=seed).values_list("pk", flat=True))
        assert set(order[:3]) == {p.pk for p in pages[3:6]}
        assert set(order[3:6]) == {p.pk for p in pages[6:]}
        assert set(order[6:]) == {p.pk for p in pages[:3]}


def test_fair_order_is_a_total_order_without_overflow_for_large_ids(story_index):
    pages = [c.story_page for c in CandidateFactory.create_batch(3, published=True)]

    for seed in (0, 2_147_483_646):
        order = list(fair_order(CandidatePage.objects.all(), seed=seed).values_list("pk", "shuffle_key"))
        assert sorted(pk for pk, _key in order) == sorted(p.pk for p in pages)
        assert all(0 <= key < 2_147_483_647 for _pk, key in order)


def test_a_page_number_out_of_range_shows_the_last_page(client, story_index):
    CandidateFactory.create_batch(10, published=True)

    assert len(card_urls(client.get(story_index.url, {"page": 99}))) == 1
    assert len(card_urls(client.get(story_index.url, {"page": "abc"}))) == 9


# Query budget ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [10, 100])
def test_story_list_queries_do_not_grow_with_candidates(n, client, story_index, django_assert_max_num_queries):
    lille = CityFactory(name="Lille")
    candidates = CandidateFactory.create_batch(n, published=True)
    # Photos and a city on the first ones, so that every card of the page has a photo.
    CandidatePage.objects.filter(pk__in=[c.story_page.pk for c in candidates]).update(photo=ImageFactory())
    CandidatePage.cities.through.objects.bulk_create(
        [CandidatePage.cities.through(candidatepage_id=c.story_page.pk, city_id=lille.pk) for c in candidates]
    )
    params = {"q": "", "city": lille.pk, "hide_hired": "on"}
    client.get(story_index.url, params)  # the first visit creates the renditions

    with django_assert_max_num_queries(STORY_LIST_MAX_QUERIES):
        response = client.get(story_index.url, params)

    assert len(card_urls(response)) == 9
    assert html(response).count("<picture>") == 9


def test_withdrawn_consent_takes_a_story_out_of_the_list(client, story_index):
    kept, withdrawn = story("Gardé"), story("Retiré")
    withdrawn.candidate.consents.filter(purpose=ConsentPurpose.PUBLISH_STORY).update(withdrawn_at=timezone.now())

    assert card_urls(client.get(story_index.url)) == [kept.url]
