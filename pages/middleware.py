"""The public page cache's middleware: see pages/cache.py for what is cached, under which tags, and why."""

import gzip
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.crypto import get_random_string

from pages.cache import HEADER, HEADERS_NOT_STORED, SITE_TAG, public_cache, remember_urls, tag_key
from pages.sharing import count_story_view


def _entry_key(request):
    """Host, path, sorted query and language; and whether HTML was asked (the API also answers a browser in HTML)."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    html = "html" if "text/html" in request.META.get("HTTP_ACCEPT", "") else ""
    # The language LocaleMiddleware, further in, will choose: from the language cookie or Accept-Language.
    language = translation.get_language_from_request(request)
    raw = "|".join((request.get_host(), request.path, query, language, html))
    return "public-page:entry:" + hashlib.sha256(raw.encode()).hexdigest()


def _is_anonymous_read(request):
    return (
        request.method == "GET"
        # Wagtail's previews (the editor's, the candidate's approval link) run the middleware on a made-up request.
        and not getattr(request, "is_dummy", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(settings.PUBLIC_CACHE_EXCLUDED_PATHS)
    )


def _storable(request, response):
    mark = getattr(request, "public_cache_mark", None)
    return (
        mark is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PublicPageCacheMiddleware:
    """Serve a stored answer while all its tags are current; store what views mark as cacheable.

    Placed right after SecurityMiddleware (its HTTPS redirect comes first): a hit skips every other middleware, and
    the stored answer keeps the headers they set (Content-Security-Policy, Vary, Content-Language). A hit costs two
    reads of the shared cache, and no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = settings.PUBLIC_CACHE_SECONDS and _is_anonymous_read(request)
        if cacheable:
            cache = public_cache()
            key = _entry_key(request)
            entry = cache.get(key)
            if entry is not None and self._is_current(cache, entry):
                return self._hit(request, entry)
        response = self.get_response(request)
        mark = getattr(request, "public_cache_mark", None)
        if mark is not None and mark.count_view is not None and response.status_code == 200:
            count_story_view(request, page_id=mark.count_view)
        if cacheable and _storable(request, response):
            self._store(cache, key, request, response)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _is_current(cache, entry):
        versions = entry["tags"]
        return cache.get_many(list(versions)) == versions

    def _store(self, cache, key, request, response):
        mark = request.public_cache_mark
        tags = mark.tags | {SITE_TAG}
        tag_keys = [tag_key(tag) for tag in tags]
        # A tag never purged has no version yet: give it one, so that its first purge makes this answer stale. add()
        # never overwrites the version a concurrent purge has just set.
        for missing in set(tag_keys) - set(cache.get_many(tag_keys)):
            cache.add(missing, get_random_string(12), timeout=None)
        versions = cache.get_many(tag_keys)
        compressed = response.has_header("Content-Encoding")
        entry = {
            "tags": versions,
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name.lower() not in HEADERS_NOT_STORED],
            # Compressed once, here, rather than on each of the thousands of hits: a phone downloads a quarter.
            "content": response.content if compressed else gzip.compress(response.content, compresslevel=6),
            "gzipped": not compressed,
            "count_view": mark.count_view,
        }
        cache.set(key, entry, timeout=settings.PUBLIC_CACHE_SECONDS)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            remember_urls(cache, tags, request.build_absolute_uri())

    @staticmethod
    def _hit(request, entry):
        content = entry["content"]
        gzipped = entry["gzipped"] and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        if entry["gzipped"] and not gzipped:
            content = gzip.decompress(content)  # a client that takes no gzip: a robot, a monitor
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if entry["gzipped"]:
            patch_vary_headers(response, ("Accept-Encoding",))
            if gzipped:
                response["Content-Encoding"] = "gzip"
        response[HEADER] = "hit"
        if entry["count_view"] is not None:
            count_story_view(request, page_id=entry["count_view"])
        return response
