"""What the cross-cutting tests need: one instance of every snippet model (some the coach's own), and a Redis."""

import os
import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from tests.cohorts.factories import ConsentRecordFactory, ContactRequestFactory
from tests.snippets.factories import (
    CityFactory,
    ContractTypeFactory,
    OfferFactory,
    PartnerCompanyFactory,
    ReferringOrganisationFactory,
    SectorFactory,
)

# Debian's redis-server (apt-get install -y redis-server), when neither REDIS_SERVER_PATH nor PATH names one.
REDIS_SERVER = "/usr/bin/redis-server"


@pytest.fixture
def instances(coached_candidate, coach_record):
    """One row per snippet model; the candidate, coach and pair are the coach user's own."""
    return {
        "cohort": coached_candidate.cohort,
        "candidate": coached_candidate,
        "coach": coach_record,
        "pair": coached_candidate.pairs.get(),
        # Withdrawn: a current consent is withdrawn, never deleted (its delete screen sends to the withdrawal).
        "consentrecord": ConsentRecordFactory(candidate=coached_candidate, withdrawn_at="2026-10-01T10:00:00Z"),
        "contactrequest": ContactRequestFactory(candidate=coached_candidate),
        "city": CityFactory(),
        "partnercompany": PartnerCompanyFactory(),
        "offer": OfferFactory(),
        "sector": SectorFactory(),
        "contracttype": ContractTypeFactory(slug="cdi"),
        "referringorganisation": ReferringOrganisationFactory(),
    }


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
