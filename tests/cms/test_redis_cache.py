"""Production's cache is one Redis that every process shares: the public forms' rate limit counts across workers."""

from django.core.cache.backends.redis import RedisCache

from tests.cms.production_env import GOOD, run_python

# One worker process of the site: it sends ``sys.argv[1]`` posts to the contact form from one visitor address
# through the real rate limiter, and prints whether each was allowed.
POST_FROM_ONE_PROCESS = """
import sys
import django
django.setup()
from django.test import RequestFactory
from pages.antispam import count_post
request = RequestFactory().post("/contact/", REMOTE_ADDR="203.0.113.7")
print(" ".join("refused" if count_post(request, scope="contact") else "allowed" for _ in range(int(sys.argv[1]))))
"""


def post_from_new_process(count, **env):
    result = run_python(POST_FROM_ONE_PROCESS, str(count), **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_two_processes_share_the_rate_limit_through_redis(redis_url, cache_key_prefix):
    env = {**GOOD, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": cache_key_prefix}

    first_worker = post_from_new_process(3, **env)
    second_worker = post_from_new_process(3, **env)

    # ANTISPAM_RATE_LIMIT is 5: the sixth post is refused, whichever process receives it.
    assert first_worker == ["allowed"] * 3
    assert second_worker == ["allowed", "allowed", "refused"]


def test_without_redis_each_process_counts_only_its_own_posts():
    """Why production requires REDIS_URL: a single-process site's cache is not seen by a second process."""
    env = {**GOOD, "REDIS_URL": None, "TREMPLIN_SINGLE_PROCESS": "1"}

    post_from_new_process(3, **env)

    assert post_from_new_process(3, **env) == ["allowed"] * 3


def test_caches_with_different_prefixes_on_one_redis_do_not_mix(redis_url, cache_key_prefix):
    ours = RedisCache(redis_url, {"KEY_PREFIX": cache_key_prefix})
    same_site = RedisCache(redis_url, {"KEY_PREFIX": cache_key_prefix})
    other_site = RedisCache(redis_url, {"KEY_PREFIX": f"{cache_key_prefix}-other"})
    try:
        ours.set("figures", 42)

        assert same_site.get("figures") == 42
        assert other_site.get("figures") is None
    finally:
        other_site.delete("figures")
        for cache in (ours, same_site, other_site):
            cache.close()

