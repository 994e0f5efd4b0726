"""Sharing a story without trackers: counted redirects, views and QR scans counted once per visitor and day, with
no session and nothing stored about the visitor; preview tags."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import IntegrityError
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from cohorts.enums import CandidateStatus, ConsentPurpose
from pages import sharing
from pages.enums import CounterKind, ShareChannel
from pages.models.counters import StoryCounter
from tests.cohorts.factories import CandidateFactory, ConsentRecordFactory
from tests.pages.factories import ImageFactory

pytestmark = [
    pytest.mark.django_db,
    # Wagtail never closes the temporary file it renders a rendition into (wagtail/wagtail#14055, open).
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
VISITOR_IP = "203.0.113.77"
# The share endpoints, whatever the number of stories: page, site, counter.
SHARE_MAX_QUERIES = 10


def share_consent(candidate):
    ConsentRecordFactory(candidate=candidate, purpose=ConsentPurpose.SOCIAL_SHARING)
    return candidate


@pytest.fixture
def amina(story_index):
    return share_consent(
        CandidateFactory(
            published=True, first_name="Amina", last_name="Diallo", email="amina.secret@example.org",
            phone="07 11 22 33 44",
        )
    )


@pytest.fixture
def story(amina):
    return amina.story_page


def counts(page, kind):
    """{channel: count} of the story's counters of this kind, all days together."""
    totals = {}
    for counter in StoryCounter.objects.filter(page=page, kind=kind):
        totals[counter.channel] = totals.get(counter.channel, 0) + counter.count
    return totals


def share_url(page, channel):
    return reverse("pages:share", args=[page.pk, channel])


# Share links -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "network", "parameter"),
    [
        ("linkedin", "https://www.linkedin.com/sharing/share-offsite/", "url"),
        ("facebook", "https://www.facebook.com/sharer/sharer.php", "u"),
        ("x", "https://x.com/intent/tweet", "url"),
    ],
)
def test_share_link_counts_and_redirects_to_the_network_with_the_story_url(client, story, channel, network,
                                                                           parameter):
    response = client.get(share_url(story, channel), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == network
    assert parse_qs(target.query)[parameter] == [story.get_full_url()]
    # Encoded, so that the story's own address cannot be mistaken for the network's parameters.
    assert "%3A%2F%2F" in target.query
    assert counts(story, CounterKind.SHARE) == {channel: 1}
    assert response["Cache-Control"].startswith("max-age=0")


def test_whatsapp_share_sends_a_message_ending_with_the_story_url(client, story):
    response = client.get(share_url(story, "whatsapp"))

    target = urlsplit(response["Location"])
    assert target.netloc == "wa.me"
    text = parse_qs(target.query)["text"][0]
    assert "Amina D." in text
    assert text.endswith(" " + story.get_full_url())


def test_email_share_opens_the_mail_program_with_the_story_url(client, story):
    response = client.get(share_url(story, "email"))

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.scheme == "mailto"
    fields = parse_qs(target.query)
    assert "Amina D." in fields["subject"][0]
    assert story.get_full_url() in fields["body"][0]
    assert "Je suis ponctuelle" in fields["body"][0]
    assert "+" not in target.query  # spaces are %20 in a mailto: link, as mail programs expect
    assert counts(story, CounterKind.SHARE) == {"email": 1}


def test_repeated_share_by_the_same_visitor_counts_once(client, story):
    for _ in range(3):
        assert client.get(share_url(story, "linkedin")).status_code == 302
    client.get(share_url(story, "facebook"))

    assert counts(story, CounterKind.SHARE) == {"linkedin": 1, "facebook": 1}


def test_another_visitor_counts_the_share_again(story):
    Client(REMOTE_ADDR="203.0.113.1", HTTP_USER_AGENT=BROWSER).get(share_url(story, "linkedin"))
    Client(REMOTE_ADDR="203.0.113.2", HTTP_USER_AGENT=BROWSER).get(share_url(story, "linkedin"))
    iphone = "Mozilla/5.0 (iPhone) Safari/605"
    Client(REMOTE_ADDR="203.0.113.2", HTTP_USER_AGENT=iphone).get(share_url(story, "linkedin"))

    assert counts(story, CounterKind.SHARE) == {"linkedin": 3}
    assert StoryCounter.objects.filter(page=story, kind=CounterKind.SHARE).count() == 1  # one row a day


def test_the_next_day_counts_again_on_a_new_row(client, story, monkeypatch):
    client.get(share_url(story, "x"))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(sharing.timezone, "localdate", lambda: tomorrow)

    client.get(share_url(story, "x"))

    assert sorted(StoryCounter.objects.filter(page=story).values_list("day", "count")) == [
        (tomorrow - datetime.timedelta(days=1), 1), (tomorrow, 1)
    ]


def test_robots_following_a_share_link_are_redirected_but_not_counted(client, story):
    response = client.get(share_url(story, "linkedin"), HTTP_USER_AGENT="LinkedInBot/1.0 (compatible)")

    assert response.status_code == 302
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert counts(story, CounterKind.SHARE) == {}


def test_unknown_channel_is_404(client, story):
    assert client.get(share_url(story, "myspace")).status_code == 404
    # Browser-side channels are told by POST, never through the redirect.
    assert client.get(share_url(story, "copy_link")).status_code == 404
    assert not StoryCounter.objects.exists()


def test_story_without_social_sharing_consent_cannot_be_shared(client, story_index):
    candidate = CandidateFactory(published=True)

    response = client.get(share_url(candidate.story_page, "linkedin"))

    assert response.status_code == 404
    assert not StoryCounter.objects.exists()


def test_withdrawn_social_sharing_consent_stops_sharing(client, amina, story):
    amina.consents.filter(purpose=ConsentPurpose.SOCIAL_SHARING).update(withdrawn_at=timezone.now())

    assert client.get(share_url(story, "linkedin")).status_code == 404


@pytest.mark.parametrize("state", ["draft", "unpublished", "hired", "left"])
def test_only_published_stories_can_be_shared(client, story_index, state):
    candidate = share_consent(CandidateFactory(with_story=state == "draft", published=state != "draft"))
    page = candidate.story_page
    if state == "unpublished":
        page.unpublish()
    elif state in ("hired", "left"):
        candidate.status = CandidateStatus.HIRED if state == "hired" else CandidateStatus.LEFT
        candidate.save()

    assert client.get(share_url(page, "linkedin")).status_code == 404
    assert client.post(reverse("pages:record_share", args=[page.pk]), {"channel": "copy_link"}).status_code == 404
    assert not StoryCounter.objects.exists()


def test_missing_story_is_404(client, story_index):
    assert client.get(reverse("pages:share", args=[987654, "linkedin"])).status_code == 404
    assert client.get(reverse("pages:qr_scan", args=[987654])).status_code == 404
    assert client.get(reverse("pages:cv_pdf", args=[987654])).status_code == 404


@pytest.mark.parametrize("n", [1, 10])
def test_share_endpoints_cost_the_same_queries_for_1_or_10_stories(n, client, story_index,
                                                                    django_assert_max_num_queries):
    pages = [share_consent(CandidateFactory(published=True)).story_page for _ in range(n)]
    page = pages[-1]
    client.get("/")  # the site's root paths are cached, as they are on a running server

    with django_assert_max_num_queries(SHARE_MAX_QUERIES):
        client.get(share_url(page, "linkedin"))
    with django_assert_max_num_queries(SHARE_MAX_QUERIES):
        client.get(share_url(page, "linkedin"))  # already counted: no write
    with django_assert_max_num_queries(SHARE_MAX_QUERIES):
        client.post(reverse("pages:record_share", args=[page.pk]), {"channel": "copy_link"})
    with django_assert_max_num_queries(SHARE_MAX_QUERIES):
        client.get(reverse("pages:qr_scan", args=[page.pk]))


# Shares made in the browser: copy the link, the phone's share menu --------------------------------------


@pytest.fixture
def csrf_client():
    """A browser whose posts Django checks for a CSRF token, as a real one's."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("channel", ["copy_link", "native"])
def test_browser_share_is_counted_once_by_a_post_without_token(csrf_client, story, channel):
    """The story page is cached, the same for everyone: it carries no CSRF token, and the count needs none."""
    url = reverse("pages:record_share", args=[story.pk])

    responses = [csrf_client.post(url, {"channel": channel}) for _ in range(2)]

    assert [r.status_code for r in responses] == [204, 204]
    assert counts(story, CounterKind.SHARE) == {channel: 1}
    assert not responses[0].cookies


def test_browser_share_accepts_only_post_and_browser_channels(client, story):
    url = reverse("pages:record_share", args=[story.pk])

    assert client.get(url).status_code == 405
    assert client.post(url, {"channel": "linkedin"}).status_code == 400
    assert client.post(url, {"channel": "view"}).status_code == 400
    assert client.post(url).status_code == 400
    assert not StoryCounter.objects.exists()


# QR codes ----------------------------------------------------------------------------------------------


def test_qr_scan_counts_once_per_visitor_and_redirects_to_the_story(client, story):
    url = reverse("pages:qr_scan", args=[story.pk])

    responses = [client.get(url), client.get(url)]

    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0]["Location"] == story.get_full_url()
    assert counts(story, CounterKind.QR_SCAN) == {"qr": 1}


def test_qr_scan_does_not_need_the_social_sharing_consent(client, story_index):
    page = CandidateFactory(published=True).story_page

    assert client.get(reverse("pages:qr_scan", args=[page.pk])).status_code == 302
    assert counts(page, CounterKind.QR_SCAN) == {"qr": 1}


def test_qr_scan_of_a_hired_candidate_leads_to_their_page_without_counting(client, amina, story):
    """A printed CV outlives the search: its code leads to the page, which tells the good news."""
    amina.status = CandidateStatus.HIRED
    amina.save()

    response = client.get(reverse("pages:qr_scan", args=[story.pk]))

    assert response.status_code == 302
    assert response["Location"] == story.get_full_url()
    assert not StoryCounter.objects.exists()


def test_qr_scan_of_an_unpublished_story_is_404(client, story_index):
    page = CandidateFactory(with_story=True).story_page

    assert client.get(reverse("pages:qr_scan", args=[page.pk])).status_code == 404
    assert not StoryCounter.objects.exists()


# Views ---------------------------------------------------------------------------------------------------


def test_story_view_is_counted_once_per_visitor_and_day(client, story):
    for _ in range(3):
        assert client.get(story.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert counts(story, CounterKind.VIEW) == {"direct": 1}

    Client(REMOTE_ADDR=VISITOR_IP).get(story.url, HTTP_USER_AGENT=BROWSER)

    assert counts(story, CounterKind.VIEW) == {"direct": 2}


def test_a_reload_costs_no_query_for_counting(story, django_assert_num_queries):
    request = RequestFactory().get(story.url)
    sharing.count_story_view(request, page_id=story.pk)

    with django_assert_num_queries(0):
        sharing.count_story_view(request, page_id=story.pk)
    assert counts(story, CounterKind.VIEW) == {"direct": 1}


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; SemrushCrawler)",
        "Baiduspider",
        "Mozilla/5.0 (Google Web Preview)",
    ],
)
def test_robots_are_served_the_story_but_not_counted(client, story, user_agent):
    response = client.get(story.url, HTTP_USER_AGENT=user_agent)

    assert response.status_code == 200
    assert counts(story, CounterKind.VIEW) == {}
    assert "sessionid" not in response.cookies


def test_previews_are_not_counted(story, admin_user):
    response = story.make_preview_request()
    request = RequestFactory().get(story.url)
    request.is_preview = True
    sharing.count_story_view(request, page_id=story.pk)

    assert response.status_code == 200
    assert not StoryCounter.objects.exists()


def test_draft_story_is_404_and_not_counted(client, story_index):
    page = CandidateFactory(with_story=True).story_page

    assert client.get(page.url or f"/candidats/{page.slug}/").status_code == 404
    assert not StoryCounter.objects.exists()


def test_other_pages_are_not_counted(client, home_page, story_index, story):
    for url in ("/", story_index.url, reverse("wagtailapi:stories:listing")):
        assert client.get(url).status_code == 200

    assert not StoryCounter.objects.exists()


def test_story_of_a_hired_candidate_no_longer_counts_views(client, amina, story):
    amina.status = CandidateStatus.HIRED
    amina.save()

    client.get(story.url)

    assert not StoryCounter.objects.exists()


# Privacy --------------------------------------------------------------------------------------------------


def test_no_visitor_address_or_browser_is_ever_stored(story):
    visitor = Client(REMOTE_ADDR=VISITOR_IP, HTTP_USER_AGENT=BROWSER, HTTP_X_FORWARDED_FOR=VISITOR_IP)
    visitor.get(story.url)
    visitor.get(share_url(story, "linkedin"))
    visitor.post(reverse("pages:record_share", args=[story.pk]), {"channel": "copy_link"})
    visitor.get(reverse("pages:qr_scan", args=[story.pk]))

    columns = {field.name for field in StoryCounter._meta.get_fields()}
    # "cohort" is set only once a story is erased (pages/gdpr.py): nothing about the visitor either.
    assert columns == {"id", "page", "cohort", "kind", "channel", "day", "count"}
    assert {field.name for field in Session._meta.get_fields()} == {"session_key", "session_data", "expire_date"}
    stored = [str(row) for row in StoryCounter.objects.values()]
    # What the cache holds to count each visitor once a day: a keyed hash, whose key of the day is random.
    stored += [f"{key} {value!r}" for key, value in cache._cache.items()]
    assert not Session.objects.exists()
    for value in (VISITOR_IP, "Firefox", "REMOTE_ADDR", "X11"):
        assert not any(value in row for row in stored)
    assert counts(story, CounterKind.VIEW) == {"direct": 1}


def test_the_next_day_s_salt_is_new(story, monkeypatch):
    """Yesterday's keys cannot be matched with today's: the salt of each day is drawn at random."""
    today = timezone.localdate()
    first = sharing._salt_of(today)
    tomorrow = today + datetime.timedelta(days=1)

    assert sharing._salt_of(tomorrow) != first
    assert len(first) == 32


def test_concurrent_first_events_of_the_day_add_up(story, monkeypatch):
    """Two requests both find no row; the second one's INSERT meets the constraint, and it adds to the row."""
    today = timezone.localdate()
    StoryCounter.objects.create(page=story, kind=CounterKind.SHARE, channel=ShareChannel.X, day=today, count=1)
    real_update = type(StoryCounter.objects.all()).update
    calls = []

    def update_that_first_misses(queryset, **kwargs):
        calls.append(kwargs)
        return 0 if len(calls) == 1 else real_update(queryset, **kwargs)

    monkeypatch.setattr(type(StoryCounter.objects.all()), "update", update_that_first_misses)

    sharing.increment_counter(page_id=story.pk, kind=CounterKind.SHARE, channel=ShareChannel.X, day=today)

    assert len(calls) == 2
    assert StoryCounter.objects.get(page=story).count == 2
    with pytest.raises(IntegrityError):
        StoryCounter.objects.create(page=story, kind=CounterKind.SHARE, channel=ShareChannel.X, day=today)


# Totals ----------------------------------------------------------------------------------------------------


def add_counts(page, kind, channel, count, day=None):
    StoryCounter.objects.create(page=page, kind=kind, channel=channel, day=day or timezone.localdate(), count=count)


@pytest.mark.parametrize("n", [2, 20])
def test_totals_by_candidate_come_in_one_query(n, story_index, django_assert_num_queries):
    candidates = [CandidateFactory(published=True) for _ in range(n)]
    without_story = CandidateFactory()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for index, candidate in enumerate(candidates):
        add_counts(candidate.story_page, CounterKind.VIEW, ShareChannel.DIRECT, 10 + index)
        add_counts(candidate.story_page, CounterKind.VIEW, ShareChannel.DIRECT, 5, day=yesterday)
        add_counts(candidate.story_page, CounterKind.SHARE, ShareChannel.LINKEDIN, 2)
        add_counts(candidate.story_page, CounterKind.SHARE, ShareChannel.COPY_LINK, 1)
    add_counts(candidates[0].story_page, CounterKind.QR_SCAN, ShareChannel.QR, 4)
    ids = [candidate.pk for candidate in candidates] + [without_story.pk]

    with django_assert_num_queries(1):
        totals = sharing.story_totals_by_candidate(ids)

    assert totals[candidates[0].pk] == {"view": 15, "share": 3, "qr_scan": 4}
    assert totals[candidates[1].pk] == {"view": 16, "share": 3, "qr_scan": 0}
    assert totals[without_story.pk] == {"view": 0, "share": 0, "qr_scan": 0}
    assert len(totals) == n + 1


def test_story_totals_tag_gives_one_story_s_counts_by_channel(story, django_assert_num_queries):
    add_counts(story, CounterKind.VIEW, ShareChannel.DIRECT, 7)
    add_counts(story, CounterKind.SHARE, ShareChannel.LINKEDIN, 2)
    add_counts(story, CounterKind.SHARE, ShareChannel.WHATSAPP, 3)

    with django_assert_num_queries(1):
        rendered = Template(
            "{% load sharing_tags %}{% story_totals page as totals %}"
            "{{ totals.view }}/{{ totals.share }}/{{ totals.qr_scan }}"
            "{% for channel, count in totals.share_channels.items %} {{ channel }}={{ count }}{% endfor %}"
        ).render(Context({"page": story}))

    assert rendered == "7/5/0 LinkedIn=2 WhatsApp=3"


def test_home_page_shows_the_total_of_shares(client, home_page, story, django_assert_num_queries):
    other = CandidateFactory(published=True).story_page
    add_counts(story, CounterKind.SHARE, ShareChannel.LINKEDIN, 1200)
    add_counts(other, CounterKind.SHARE, ShareChannel.EMAIL, 34)
    add_counts(story, CounterKind.VIEW, ShareChannel.DIRECT, 5000)

    with django_assert_num_queries(1):
        assert Template("{% load sharing_tags %}{% total_shares %}").render(Context()) == "1234"
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "<strong>1,234 shares</strong>" in body


def test_home_page_says_nothing_of_shares_before_the_first(client, home_page, story):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert " share" not in body


# Share buttons -------------------------------------------------------------------------------------------


def render_tag(tag, page):
    request = RequestFactory().get(page.url)
    return Template("{% load sharing_tags %}{% " + tag + " page %}").render(
        Context({"request": request, "page": page})
    )


def test_share_buttons_go_through_our_counting_redirect(story):
    soup = BeautifulSoup(render_tag("share_links", story), "html.parser")

    links = [a["href"] for a in soup.select(".share__list a")]
    assert links == [share_url(story, channel) for channel in ("linkedin", "facebook", "x", "whatsapp", "email")]
    assert all(a.get("rel") == ["nofollow"] for a in soup.select(".share__list a"))
    container = soup.select_one("[data-share]")
    assert container["data-share-url"] == story.get_full_url()
    assert container["data-share-record"] == reverse("pages:record_share", args=[story.pk])
    assert not container.has_attr("data-csrf-token")  # the page is the same for everyone: no token
    # The buttons that need JavaScript stay hidden until share.js shows them.
    assert soup.select_one("[data-share-native-item]").has_attr("hidden")
    assert soup.select_one("[data-share-copy-item]").has_attr("hidden")
    assert [s["src"] for s in soup.select("script")] == ["/static/js/share.js"]
    assert soup.select_one("a[type='application/pdf']")["href"] == reverse("pages:cv_pdf", args=[story.pk])


def test_no_share_button_without_the_social_sharing_consent(story_index):
    page = CandidateFactory(published=True).story_page

    soup = BeautifulSoup(render_tag("share_links", page), "html.parser")

    assert soup.select("[data-share]") == []
    assert soup.select("script") == []
    assert soup.select_one("a[type='application/pdf']")["href"] == reverse("pages:cv_pdf", args=[page.pk])


# Preview tags: what a shared link shows on LinkedIn, Facebook, WhatsApp, X ------------------------------


def meta_tags(page):
    soup = BeautifulSoup(render_tag("social_meta", page), "html.parser")
    return {tag.get("property") or tag.get("name"): tag["content"] for tag in soup.select("meta")}


def test_shared_link_preview_shows_the_story_with_a_1200x630_photo(story):
    story.photo = ImageFactory(file=get_test_image_file(size=(1600, 1200)), description="Amina en cuisine")
    story.story = "<p>Arrivée en France en 2019, <b>j'ai travaillé</b> en cuisine.</p>"
    story.save_revision().publish()
    story.refresh_from_db()

    tags = meta_tags(story)

    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Amina D. · Je suis ponctuelle et je ne lâche rien."
    assert tags["og:description"] == "Arrivée en France en 2019, j'ai travaillé en cuisine."
    assert tags["og:url"] == story.get_full_url()
    assert tags["og:image"].startswith("http://localhost/media/images/")
    assert ".fill-1200x630-c60.format-jpeg" in tags["og:image"] or tags["og:image"].endswith(".jpg")
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Amina en cuisine"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["twitter:title"] == tags["og:title"]


def test_shared_link_preview_uses_the_default_image_without_photo_consent(amina, story):
    story.photo = ImageFactory(file=get_test_image_file(size=(1600, 1200)))
    story.save_revision().publish()
    amina.consents.filter(purpose=ConsentPurpose.SHOW_PHOTO).update(withdrawn_at=timezone.now())
    story.refresh_from_db()

    tags = meta_tags(story)

    assert tags["og:image"] == "http://localhost/static/img/share-default.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert "/media/" not in str(tags)


def test_default_share_image_is_1200x630():
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/share-default.png")) as image:
        assert image.size == (1200, 630)


def test_shared_link_preview_never_shows_a_private_field(amina, story):
    amina.notes = "Suivi social confidentiel"
    amina.birth_date = datetime.date(1987, 3, 4)
    amina.save()

    rendered = render_tag("social_meta", story)

    for private in ("Diallo", "amina.secret@example.org", "07 11 22 33 44", "0711223344", "Suivi social",
                    "1987", amina.cohort.name):
        assert private not in rendered


def test_served_story_page_carries_the_preview_tags_and_the_share_buttons(client, amina, story):
    response = client.get(story.url, HTTP_USER_AGENT="facebookexternalhit/1.1")

    soup = BeautifulSoup(response.content, "html.parser")
    tags = {tag.get("property") or tag.get("name"): tag["content"] for tag in soup.select("head meta[content]")}
    assert tags["og:title"] == "Amina D. · Je suis ponctuelle et je ne lâche rien."
    assert tags["og:url"] == story.get_full_url()
    assert tags["twitter:card"] == "summary_large_image"
    head = str(soup.head)
    for private in ("Diallo", "amina.secret@example.org", "07 11 22 33 44", amina.cohort.name):
        assert private not in head
    assert [a["href"] for a in soup.select("[data-share] .share__list a")][0] == share_url(story, "linkedin")
    # No third-party script: the only script of the share buttons is ours.
    assert all(script["src"].startswith("/static/") for script in soup.select("script[src]"))
    assert not soup.select("script:not([src])")


def test_served_story_page_without_sharing_consent_has_no_share_button(client, story_index):
    page = CandidateFactory(published=True).story_page

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select("[data-share]") == []
    assert soup.select_one("a[type='application/pdf']")["href"] == reverse("pages:cv_pdf", args=[page.pk])
