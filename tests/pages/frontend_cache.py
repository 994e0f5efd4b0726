"""A CDN for the tests: a Wagtail frontend-cache backend that records the addresses it is told to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED_URLS = set()


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED_URLS.add(url)
