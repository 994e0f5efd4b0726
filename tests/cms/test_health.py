"""/health/ answers 200 while the database, the cache and the storages work, 500 when one fails, and says no more."""

import json
import socket

import pytest
from django.contrib.sessions.models import Session
from django.test import override_settings

pytestmark = pytest.mark.django_db

CHECKS = [
    "Database(alias='default')",
    "Cache(alias='default')",
    "Storage(alias='default')",
    "Storage(alias='images')",
    "Storage(alias='imports')",
]


def _closed_port():
    """A local port nothing listens on: bound, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_all_is_well_is_200_in_plain_text_without_session_or_cookie(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [f"{check}: OK" for check in CHECKS]
    assert not response.cookies
    assert not Session.objects.exists()
    assert "no-cache" in response["Cache-Control"]


def test_a_probe_may_ask_for_json(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert json.loads(response.content) == dict.fromkeys(CHECKS, "OK")


def test_a_broken_cache_is_500_and_names_no_host(client):
    port = _closed_port()
    broken = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": f"redis://127.0.0.1:{port}/0"}}

    with override_settings(CACHES=broken):
        response = client.get("/health/")

    assert response.status_code == 500
    lines = response.content.decode().splitlines()
    assert "Cache(alias='default'): unavailable" in lines
    assert "Database(alias='default'): OK" in lines
    assert str(port) not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


def test_a_storage_that_cannot_write_is_500(client, settings, tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "imports": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": not_a_folder / "imports"}},
    }

    response = client.get("/health/")

    assert response.status_code == 500
    assert "Storage(alias='imports'): unavailable" in response.content.decode().splitlines()
    assert str(tmp_path) not in response.content.decode()


@pytest.mark.parametrize("format_", ["openmetrics", "atom", "rss", "json", "text"])
def test_no_format_hides_a_failure_behind_a_200(client, format_):
    """The library answers feeds and OpenMetrics with 200 whatever the checks say: a probe must see the 500."""
    broken = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0"}}

    with override_settings(CACHES=broken):
        response = client.get("/health/", {"format": format_})

    assert response.status_code == 500
    assert "unavailable" in response.content.decode()


def test_the_html_page_is_plain_text_too(client):
    """The library's page lists timings and error texts, with an inline style the CSP refuses."""
    response = client.get("/health/", HTTP_ACCEPT="text/html")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"<" not in response.content
