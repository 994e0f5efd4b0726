"""Story counts in production: an atomic increment in Redis per view, share or scan, moved to the database in
batches by the worker, exactly once, and never lost when a web worker or the mover stops."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from pages import sharing
from pages.enums import CounterKind
from pages.models import CounterBatch, StoryCounter
from pages.tasks import flush_story_counters
from tests.cms.production_env import GOOD, run_python
from tests.cohorts.factories import CandidateFactory
from tests.shared_cache import disconnect

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"

# A web worker: counts a view of story ``sys.argv[1]`` by each address that follows, then dies without a goodbye.
VIEWS_FROM_A_WORKER = """
import os, sys
import django
django.setup()
from django.test import RequestFactory
from pages.sharing import count_story_view
for address in sys.argv[2:]:
    request = RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT="Firefox")
    count_story_view(request, page_id=int(sys.argv[1]))
print("counted", flush=True)
os._exit(0)
"""


@pytest.fixture
def redis_cache(redis_url, cache_key_prefix, settings):
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": cache_key_prefix,
    }}
    redis_cache = caches["default"]
    yield redis_cache
    disconnect(redis_cache)


@pytest.fixture
def story(story_index):
    return CandidateFactory(published=True).story_page


def view(page, address):
    sharing.count_story_view(RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT=BROWSER), page_id=page.pk)


def views_in_db(page):
    return sum(StoryCounter.objects.filter(page=page, kind=CounterKind.VIEW).values_list("count", flat=True))


def redis_client(redis_cache):
    return redis_cache._cache.get_client(write=True)


def test_a_view_is_no_database_write_until_the_worker_moves_the_counts(redis_cache, story):
    with CaptureQueriesContext(connection) as queries:
        for address in ("203.0.113.1", "203.0.113.2", "203.0.113.2"):
            view(story, address)

    assert len(queries) == 0
    assert views_in_db(story) == 0

    assert flush_story_counters.call() == 2
    assert views_in_db(story) == 2
    assert flush_story_counters.call() == 0
    assert views_in_db(story) == 2


def test_a_cached_story_page_counts_each_new_visitor(redis_cache, story, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.3"):
        Client(REMOTE_ADDR=address, HTTP_USER_AGENT=BROWSER).get(story.url)

    sharing.flush_counts()

    assert views_in_db(story) == 3


def test_the_flush_costs_the_same_queries_for_one_story_or_many(redis_cache, story_index,
                                                                django_assert_max_num_queries):
    pages = [CandidateFactory(published=True).story_page for _ in range(12)]
    view(pages[0], "203.0.113.1")
    with django_assert_max_num_queries(8):
        sharing.flush_counts()
    for page in pages:
        view(page, "203.0.113.1")
        view(page, "203.0.113.2")

    with django_assert_max_num_queries(8):
        sharing.flush_counts()
    assert [views_in_db(page) for page in pages] == [2] + [2] * 11


def test_counts_outlive_the_web_worker_that_made_them(redis_cache, redis_url, cache_key_prefix, story):
    result = run_python(VIEWS_FROM_A_WORKER, str(story.pk), "203.0.113.1", "203.0.113.2",
                        **{**GOOD, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": cache_key_prefix})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "counted"

    # The same visitor, now served by another worker, is not counted again.
    sharing.count_story_view(RequestFactory().get("/", REMOTE_ADDR="203.0.113.1", HTTP_USER_AGENT="Firefox"),
                             page_id=story.pk)
    sharing.flush_counts()

    assert views_in_db(story) == 2


def test_a_batch_a_dead_mover_left_is_moved_by_the_next_run(redis_cache, story):
    view(story, "203.0.113.1")
    client = redis_client(redis_cache)
    # The mover took the pending counts into its batch, then died before writing them.
    client.rename(redis_cache.make_and_validate_key(sharing.PENDING_KEY),
                  redis_cache.make_and_validate_key(sharing.BATCH_PREFIX + "0" * 32))
    view(story, "203.0.113.2")

    assert sharing.flush_counts() == 2
    assert views_in_db(story) == 2


def test_a_batch_already_written_is_never_counted_twice(redis_cache, story):
    view(story, "203.0.113.1")
    sharing.flush_counts()
    client = redis_client(redis_cache)
    # A mover wrote its batch and died before deleting it from Redis.
    batch_id = CounterBatch.objects.get().batch_id
    client.hset(redis_cache.make_and_validate_key(sharing.BATCH_PREFIX + batch_id),
                f"{story.pk}:{CounterKind.VIEW}:direct:{StoryCounter.objects.get().day}", 1)

    assert sharing.flush_counts() == 0
    assert views_in_db(story) == 1
    assert not list(client.scan_iter(match=redis_cache.make_and_validate_key(sharing.BATCH_PREFIX + "*")))


def test_counts_of_a_story_deleted_meanwhile_are_dropped(redis_cache, story):
    view(story, "203.0.113.1")
    story.delete()

    assert sharing.flush_counts() == 1
    assert not StoryCounter.objects.exists()


def test_robots_are_not_counted(redis_cache, story):
    sharing.count_story_view(RequestFactory().get("/", HTTP_USER_AGENT="Googlebot/2.1"), page_id=story.pk)

    assert sharing.flush_counts() == 0


def test_without_redis_counts_go_straight_to_the_database(story):
    view(story, "203.0.113.1")

    assert views_in_db(story) == 1
    assert sharing.flush_counts() == 0
