import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.models import CandidateIndexPage, HomePage
from snippets import roles
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory
from tests.snippets.factories import UserFactory


def pytest_sessionstart(session):
    """Remove the browser tests' failure screenshots of an earlier run, so none is mistaken for new.

    Once, in the process that runs the session: under pytest-xdist the workers share the folder, and one worker
    clearing it must not delete what another has just saved.
    """
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(session.config.rootpath / "test-artifacts" / "failures", ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids are reused after a rollback, and Wagtail caches renditions by id."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A site whose root is our home page, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", hero_title="Un début de réseau"))
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    old_root.delete()
    return home


@pytest.fixture
def story_index(home_page):
    return home_page.add_child(instance=CandidateIndexPage(title="Les candidats", slug="candidats"))


@pytest.fixture
def admin_user(db):
    return UserFactory(username="superadmin", is_superuser=True)


@pytest.fixture
def programme_admin(db):
    return UserFactory(username="admin-programme", groups=[roles.PROGRAMME_ADMINS])


@pytest.fixture
def communication_user(db):
    return UserFactory(username="communication", groups=[roles.COMMUNICATION])


@pytest.fixture
def coach_user(db):
    return UserFactory(username="coach", groups=[roles.COACHES])


@pytest.fixture
def plain_user(db):
    """Logged in, but with no role: sees nothing of the admin."""
    return UserFactory(username="visiteur")


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    return _client_for(client, admin_user)


@pytest.fixture
def programme_admin_client(client, programme_admin):
    return _client_for(client, programme_admin)


@pytest.fixture
def communication_client(client, communication_user):
    return _client_for(client, communication_user)


@pytest.fixture
def coach_client(client, coach_user):
    return _client_for(client, coach_user)


@pytest.fixture
def plain_client(client, plain_user):
    """Logged in, but the account holds no role."""
    client.force_login(plain_user)
    return client


@pytest.fixture
def coach_record(coach_user):
    """The coach behind ``coach_user``: the admin account is linked through ``Coach.user``."""
    return CoachFactory(user=coach_user, first_name="Claire", last_name="Coach")


@pytest.fixture
def coached_candidate(coach_record):
    """The one candidate ``coach_user`` may read: paired with them, pair still active."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie")
    PairFactory(coach=coach_record, candidate=candidate)
    return candidate


@pytest.fixture
def unrelated_candidate():
    """A candidate paired with somebody else's coach."""
    candidate = CandidateFactory(first_name="Bintou", last_name="Ailleurs")
    PairFactory(candidate=candidate)
    return candidate


# A Redis for the tests of the shared cache -------------------------------------------------------------------------

# Debian's redis-server (apt-get install -y redis-server), when neither REDIS_SERVER_PATH nor PATH names one.
REDIS_SERVER = "/usr/bin/redis-server"


def _required(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_missing(reason):
    """Skip the tests of the shared cache, or fail them under REQUIRE_REDIS=1 (as in CI)."""
    if _required("REQUIRE_REDIS"):
        pytest.fail(f"{reason}, and REQUIRE_REDIS=1 forbids skipping the tests of the shared cache", pytrace=False)
    pytest.skip(f"{reason}: tests of the shared cache skipped")


def _answers(url, timeout):
    """Whether a Redis at ``url`` answers a PING within ``timeout`` seconds."""
    client = redis.Redis.from_url(url, socket_timeout=1)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                return client.ping()
            except (redis.ConnectionError, redis.TimeoutError):
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)
    finally:
        client.close()


def _start_redis_server():
    """Our own redis-server on a free port, without persistence; skipped, or failed under REQUIRE_REDIS=1."""
    binary = os.environ.get("REDIS_SERVER_PATH") or shutil.which("redis-server") or REDIS_SERVER
    if not os.access(binary, os.X_OK):
        _redis_missing(f"redis-server not found at {binary} (apt-get install -y redis-server)")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return process, f"redis://127.0.0.1:{port}/0"


@pytest.fixture(scope="session")
def redis_url():
    """A running Redis: REDIS_URL when set (.ci/run starts one), else a redis-server this session starts and stops.

    Tests share it, even across pytest-xdist workers: each test keeps to its own key prefix (``cache_key_prefix``)
    and never flushes the database.
    """
    process = None
    url = os.environ.get("REDIS_URL")
    if not url:
        process, url = _start_redis_server()
    try:
        # A server just started may take a moment; one named by REDIS_URL is up or not.
        if not _answers(url, timeout=10.0 if process else 2.0):
            _redis_missing(f"no Redis answers at {url}")
        yield url
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture
def cache_key_prefix(redis_url, worker_id):
    """A key prefix of this test's own (worker and random part); its keys are deleted afterwards."""
    prefix = f"tremplin-test-{worker_id}-{uuid.uuid4().hex[:12]}"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()
