"""Whole public answers kept in the shared cache for anonymous visitors, and purged by tag the moment they change.

Why not Django's cache middleware or wagtail-cache: both forget an answer only when it expires or when the whole
cache is cleared. A story withdrawn at 10:02 must leave its page, every list page that showed it, the home page and
the API at 10:02, while a share campaign keeps the rest of the site warm. So every answer is stored with the tags of
what it shows (``site`` for all of them; ``stories``, ``story:<page id>``, ``candidate:<id>``, ``offers``,
``impact``, ``counters``...), each tag has a version in the shared cache, and an answer is served only while every
one of its tags still has the version it was stored with. Purging a tag (``purge_tags``) gives it a new version:
on every worker at once, since the versions live in the one Redis every process shares. pages/invalidation.py says
which change purges which tag.

Only what a view marks as cacheable is stored (``mark_cacheable``), for requests that carry no session cookie and
no credentials, and only if the answer sets no cookie: a form page (its CSRF cookie), a logged-in editor or a
visitor who typed a page password are never served from here. The key holds the host, the path, the query string
(sorted) and the language; nothing about the visitor. A view that counts something on each visit (a story's views)
leaves an instruction with the answer, replayed on every hit (``count_view``).

With a CDN in front (``WAGTAILFRONTENDCACHE``), the addresses stored under a tag are also purged there.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.crypto import get_random_string
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

# Every cached answer shows the programme's settings, menus and reference data.
SITE_TAG = "site"
# Answers that list stories (lists, home, content pages, the API), offers, the impact figures, or a count.
STORIES_TAG = "stories"
OFFERS_TAG = "offers"
IMPACT_TAG = "impact"
COUNTERS_TAG = "counters"
IMAGES_TAG = "images"
# Every answer that shows something of the site's pages (menus, content pages, the pages API).
CONTENT_TAGS = (STORIES_TAG, OFFERS_TAG, IMPACT_TAG, COUNTERS_TAG)


def story_tag(page_id):
    return f"story:{page_id}"


def candidate_tag(candidate_id):
    return f"candidate:{candidate_id}"


HEADER = "X-Tremplin-Cache"
HEADERS_NOT_STORED = {"set-cookie", "content-length"}


def public_cache():
    return caches[settings.PUBLIC_CACHE_ALIAS]


def tag_key(tag):
    return f"public-page:tag:{tag}"


def _urls_key(tag):
    return f"public-page:urls:{tag}"


# Marking an answer as cacheable ---------------------------------------------------------------------------------


@dataclass
class CacheMark:
    """What a view tells the middleware about its answer: the tags it shows, and what a hit must count."""

    tags: set = field(default_factory=set)
    count_view: int | None = None


def mark_cacheable(request, *tags, count_view=None):
    """Let this request's answer be cached for anonymous visitors, under ``tags`` (``site`` is always added).

    ``count_view``: the id of a story whose view every hit of the cached answer counts.
    """
    mark = getattr(request, "public_cache_mark", None)
    if mark is None:
        mark = request.public_cache_mark = CacheMark()
    mark.tags.update(tags)
    if count_view is not None:
        mark.count_view = count_view


# Purging --------------------------------------------------------------------------------------------------------


class _PendingPurge:
    """The tags purged within one transaction, purged together once it commits (an import of 10,000 rows: once)."""

    def __init__(self):
        self.tags = set()

    def __call__(self):
        bump_tags(self.tags)


def purge_tags(*tags):
    """Forget every cached answer that showed one of ``tags``: now, or when the current transaction commits.

    A rolled-back transaction purges nothing; what it wrote never showed.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump_tags(tags)
        return
    pending = next((func for _sids, func, _robust in connection.run_on_commit if isinstance(func, _PendingPurge)),
                   None)
    if pending is None:
        pending = _PendingPurge()
        transaction.on_commit(pending, robust=True)
    pending.tags.update(tags)


def bump_tags(tags):
    """Give each tag a new version, and have a CDN, if there is one, forget the addresses stored under it."""
    tags = set(tags)
    if not tags:
        return
    cache = public_cache()
    cache.set_many({tag_key(tag): get_random_string(12) for tag in tags}, timeout=None)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        urls_keys = [_urls_key(tag) for tag in tags]
        stored = cache.get_many(urls_keys)
        cache.delete_many(urls_keys)
        urls = sorted(set().union(*stored.values())) if stored else []
        if urls:
            purge_urls_from_cache(urls)


def remember_urls(cache, tags, url):
    """Note ``url`` under each tag, for the CDN's purge (last writer wins: at worst a URL waits for the CDN's TTL)."""
    keys = [_urls_key(tag) for tag in tags]
    stored = cache.get_many(keys)
    cache.set_many({key: stored.get(key, frozenset()) | {url} for key in keys}, timeout=settings.PUBLIC_CACHE_SECONDS)
