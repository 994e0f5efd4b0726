"""The public page cache (pages/cache.py, pages/middleware.py): anonymous visitors get whole answers from the shared
cache, with no session and no query, and every change a page shows purges it at once, and only the answers that
showed it."""

import gzip

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches as caches_handler
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from cohorts.consent.services import withdraw_consent
from cohorts.enums import ConsentPurpose
from pages.cache import HEADER, bump_tags, purge_tags
from pages.models import ContentPage, ImpactPage, OfferFormPage, OfferIndexPage
from snippets.enums import OfferStatus
from snippets.expiry import expire_offers
from snippets.models import ProgrammeSettings
from tests.cms.production_env import GOOD, run_python
from tests.cohorts.factories import CandidateFactory, OutcomeFactory
from tests.pages import frontend_cache
from tests.shared_cache import disconnect
from tests.snippets.factories import OfferFactory, SectorFactory

# Purges wait for the commit, as they must in production (a reader must not cache what a transaction has not yet
# committed): these tests commit for real.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 600


@pytest.fixture
def site_pages(home_page, story_index):
    return {
        "offers": home_page.add_child(instance=OfferIndexPage(title="Offres", slug="offres")),
        "impact": home_page.add_child(instance=ImpactPage(title="Impact", slug="impact")),
        "about": home_page.add_child(instance=ContentPage(title="À propos", slug="a-propos", intro="Qui sommes-nous")),
        "form": home_page.add_child(instance=OfferFormPage(title="Proposer une offre", slug="proposer-une-offre")),
    }


@pytest.fixture
def amina(story_index):
    return CandidateFactory(published=True, first_name="Amina", last_name="Diallo")


@pytest.fixture
def offer(site_pages):
    return OfferFactory(published=True, title="Cuisinier ou cuisinière")


def status(client, url, **extra):
    """The page cache's verdict on this request: "hit", "miss" (stored now) or "" (not cacheable)."""
    return client.get(url, **extra).get(HEADER, "")


def public_urls(story, site_pages):
    return [
        "/", story.url, story.get_parent().url, f"{story.get_parent().url}?page=1&sector=",
        site_pages["offers"].url, site_pages["impact"].url, site_pages["about"].url,
        reverse("wagtailapi:stories:listing"), reverse("wagtailapi:stories:detail", args=[story.pk]),
        reverse("wagtailapi:offers:listing"), reverse("wagtailapi:pages:listing"),
    ]


# What is cached, for whom ---------------------------------------------------------------------------------------


def test_every_public_page_and_api_answer_is_cached_for_anonymous_visitors(client, amina, site_pages, offer):
    urls = public_urls(amina.story_page, site_pages)

    assert [status(client, url) for url in urls] == ["miss"] * len(urls)
    assert [status(client, url) for url in urls] == ["hit"] * len(urls)


def test_a_cached_answer_costs_no_query(client, amina, site_pages, django_assert_num_queries):
    urls = public_urls(amina.story_page, site_pages)
    for url in urls:
        client.get(url)

    with django_assert_num_queries(0):
        responses = [client.get(url) for url in urls]
    assert all(response.status_code == 200 for response in responses)


def test_a_cached_story_is_the_same_page_as_the_one_rendered(client, amina):
    first = client.get(amina.story_page.url)
    second = client.get(amina.story_page.url)

    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Amina D." in second.content.decode()


def test_a_hit_is_gzipped_for_who_takes_gzip(client, amina):
    rendered = client.get(amina.story_page.url, HTTP_ACCEPT_ENCODING="gzip, br")

    gzipped = client.get(amina.story_page.url, HTTP_ACCEPT_ENCODING="gzip, br")
    plain = client.get(amina.story_page.url)

    assert "Content-Encoding" not in rendered
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.content) == rendered.content
    assert len(gzipped.content) < len(rendered.content) / 2
    assert "Content-Encoding" not in plain and plain.content == rendered.content
    assert "Accept-Encoding" in gzipped["Vary"] and "Accept-Language" in gzipped["Vary"]
    assert gzipped["Content-Security-Policy"] == rendered["Content-Security-Policy"]


def test_anonymous_visitors_get_no_session_and_no_cookie(amina, site_pages, offer):
    """New visitors and returning ones: no page of the public site creates a session or sets a cookie."""
    visitor = Client()
    for url in public_urls(amina.story_page, site_pages):
        for _ in range(2):
            response = visitor.get(url)
            assert not response.cookies, url
    assert not Session.objects.exists()


def test_the_language_is_part_of_the_key(client, amina):
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="fr">' in french
    assert '<html lang="en">' in english
    assert status(client, "/", HTTP_ACCEPT_LANGUAGE="en") == "hit"


def test_the_filters_and_the_page_are_part_of_the_key(client, story_index, site_pages):
    kitchen = SectorFactory(label="Restauration", slug="restauration")
    cook = CandidateFactory(published=True, first_name="Moussa")
    cook.story_page.sectors.add(kitchen)
    cook.story_page.save_revision().publish()
    CandidateFactory(published=True, first_name="Zoé")

    everyone = client.get(story_index.url).content.decode()
    cooks = client.get(story_index.url, {"sector": "restauration"}).content.decode()

    assert "Zoé" in everyone and "Moussa" in everyone
    assert "Moussa" in cooks and "Zoé" not in cooks
    # The same filters in another order are the same answer.
    assert status(client, f"{story_index.url}?sector=restauration&page=1") == "miss"
    assert status(client, f"{story_index.url}?page=1&sector=restauration") == "hit"


@pytest.mark.ignore_template_errors  # Wagtail's user bar, shown to staff
def test_staff_are_never_served_a_cached_page_nor_cached(client, amina, admin_user):
    assert status(client, amina.story_page.url) == "miss"
    client.force_login(admin_user)

    assert status(client, amina.story_page.url) == ""
    client.logout()
    assert status(client, amina.story_page.url) == "hit"


def test_pages_with_a_form_are_never_cached(client, site_pages):
    response = client.get(site_pages["form"].url)

    assert response.status_code == 200
    assert HEADER not in response
    assert status(client, site_pages["form"].url) == ""


def test_previews_never_reach_the_cache(client, amina, admin_user):
    story = amina.story_page
    client.get(story.url)
    story.catchphrase = "Un brouillon que personne ne doit voir"
    story.save_revision()

    preview = story.get_latest_revision_as_object().make_preview_request()

    assert "Un brouillon" in preview.content.decode()
    assert HEADER not in preview
    assert "Un brouillon" not in client.get(story.url).content.decode()


def test_a_not_found_answer_is_not_cached(client, story_index):
    assert client.get("/candidats/personne/").status_code == 404
    assert status(client, "/candidats/personne/") == ""


# Purges -----------------------------------------------------------------------------------------------------------


def test_a_withdrawn_story_disappears_from_every_cached_page_at_once(client, amina, site_pages):
    story = amina.story_page
    urls = public_urls(story, site_pages)
    for url in urls:
        assert "Amina D." in client.get(url).content.decode() or url in (
            site_pages["offers"].url, site_pages["impact"].url, site_pages["about"].url,
            reverse("wagtailapi:offers:listing"), reverse("wagtailapi:pages:listing"),
        )

    withdraw_consent(consent=amina.consents.get(purpose=ConsentPurpose.PUBLISH_STORY))

    for url in urls:
        response = client.get(url)
        assert "Amina" not in response.content.decode(), url
    assert client.get(story.url).status_code == 404


def test_a_hire_shows_the_good_news_at_once(client, amina):
    story = amina.story_page
    assert "Amina D." in client.get(story.url).content.decode()

    OutcomeFactory(candidate=amina)

    body = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "found a job" in body.lower()


def test_a_new_story_shows_in_the_cached_list_at_once(client, amina, story_index):
    client.get(story_index.url)

    CandidateFactory(published=True, first_name="Nadia")

    assert "Nadia" in client.get(story_index.url).content.decode()


def test_an_expired_offer_leaves_the_cached_list_at_once(client, site_pages):
    offer = OfferFactory(published=True, title="Plongeur en restauration")
    offer.save_revision().publish()
    listing = reverse("wagtailapi:offers:listing")
    assert "Plongeur" in client.get(site_pages["offers"].url).content.decode()
    assert "Plongeur" in client.get(listing).content.decode()

    type(offer).objects.filter(pk=offer.pk).update(expires_on=timezone.localdate() - timezone.timedelta(days=1))
    assert expire_offers() == 1

    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    assert "Plongeur" not in client.get(site_pages["offers"].url).content.decode()
    assert "Plongeur" not in client.get(listing).content.decode()


def test_an_edited_setting_shows_on_every_cached_page_at_once(client, amina, site_pages):
    urls = ["/", amina.story_page.url, site_pages["offers"].url]
    for url in urls:
        client.get(url)

    programme = ProgrammeSettings.for_site(Site.objects.get(is_default_site=True))
    programme.programme_name = "Passerelle Emploi"
    programme.save()

    for url in urls:
        assert "Passerelle Emploi" in client.get(url).content.decode(), url


def test_a_renamed_sector_shows_on_the_cached_story_at_once(client, amina):
    kitchen = SectorFactory(label="Restauration")
    amina.story_page.sectors.add(kitchen)
    amina.story_page.save_revision().publish()
    client.get(amina.story_page.url)

    kitchen.label = "Cuisine et restauration"
    kitchen.save()

    assert "Cuisine et restauration" in client.get(amina.story_page.url).content.decode()


def test_a_purge_is_exact_other_answers_stay_cached(client, amina, site_pages, offer):
    other = CandidateFactory(published=True, first_name="Nadia").story_page
    for url in (amina.story_page.url, other.url, site_pages["offers"].url, amina.story_page.get_parent().url):
        client.get(url)

    amina.story_page.save_revision().publish()

    assert status(client, amina.story_page.url) == "miss"
    assert status(client, amina.story_page.get_parent().url) == "miss"
    assert status(client, other.url) == "hit"
    assert status(client, site_pages["offers"].url) == "hit"


def test_a_rolled_back_change_purges_nothing(client, amina):
    client.get(amina.story_page.url)
    with pytest.raises(RuntimeError), transaction.atomic():
        purge_tags("site")
        raise RuntimeError("the import failed")

    assert status(client, amina.story_page.url) == "hit"


def test_a_transaction_purges_once_when_it_commits(client, amina, monkeypatch):
    client.get(amina.story_page.url)
    bumps = []
    monkeypatch.setattr("pages.cache.bump_tags", bumps.append)

    with transaction.atomic():
        for _ in range(50):
            purge_tags("stories", "site")
        assert bumps == []  # not before the commit: a reader would cache what is not yet written

    assert bumps == [{"stories", "site"}]


# Several workers, and a CDN ---------------------------------------------------------------------------------------


def test_a_purge_by_another_process_reaches_this_one_through_redis(client, amina, redis_url, cache_key_prefix):
    caches = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url,
        "KEY_PREFIX": cache_key_prefix,
    }}
    with override_settings(CACHES=caches):
        client.get(amina.story_page.url)
        assert status(client, amina.story_page.url) == "hit"

        result = run_python(
            "import django; django.setup(); from pages.cache import bump_tags; bump_tags(['site'])",
            **{**GOOD, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": cache_key_prefix},
        )

        assert result.returncode == 0, result.stderr
        assert status(client, amina.story_page.url) == "miss"
        disconnect(caches_handler["default"])


@override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": "tests.pages.frontend_cache.RecordingBackend"}})
def test_a_cdn_is_told_to_forget_every_address_that_showed_the_story(client, amina, site_pages):
    story = amina.story_page
    urls = [story.url, story.get_parent().url, f"{story.get_parent().url}?sector=", "/",
            reverse("wagtailapi:stories:listing")]
    for url in urls:
        client.get(url)
    client.get(site_pages["offers"].url)
    frontend_cache.PURGED_URLS.clear()

    withdraw_consent(consent=amina.consents.get(purpose=ConsentPurpose.PUBLISH_STORY))

    purged = frontend_cache.PURGED_URLS
    assert {f"http://testserver{url}" for url in urls} <= purged
    assert f"http://testserver{site_pages['offers'].url}" not in purged


def test_bumping_no_tag_does_nothing(client, amina):
    client.get(amina.story_page.url)
    bump_tags([])
    assert status(client, amina.story_page.url) == "hit"


def test_production_purges_a_cdn_declared_in_the_environment():
    code = "import django; django.setup(); from django.conf import settings as s; print(sorted(s.WAGTAILFRONTENDCACHE))"
    without = run_python(code, **GOOD)
    varnish = run_python(code, **GOOD, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    both = run_python(code, **GOOD, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081", CLOUDFLARE_ZONEID="zone",
                      CLOUDFLARE_BEARER_TOKEN="token")

    assert [without.stdout.strip(), varnish.stdout.strip(), both.stdout.strip()] == [
        "[]", "['http']", "['cloudflare', 'http']"
    ], (without.stderr, varnish.stderr, both.stderr)
