"""Production settings refuse to start with anything unsafe, build a shared cache, and pass the deploy checks."""

import json
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from tests.cms.production_env import GOOD, run_manage, run_python

READ_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'cache': settings.CACHES['default']['BACKEND'], 'location': settings.CACHES['default'].get('LOCATION'),"
    "'environment': settings.TREMPLIN_ENVIRONMENT, 'debug': settings.DEBUG,"
    "'hsts': settings.SECURE_HSTS_SECONDS, 'preload': settings.SECURE_HSTS_PRELOAD}))"
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "dev-only-insecure-key-do-not-use-in-production"}, "SECRET_KEY is a development"),
        ({"SECRET_KEY": "test-only-key"}, "SECRET_KEY is a development"),
        ({"SECRET_KEY": "change-me-to-a-long-random-string"}, "SECRET_KEY is a development"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 50}, "SECRET_KEY is a development"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS must be set"),
        ({"ALLOWED_HOSTS": "*"}, "'*' accepts any Host header"),
        ({"ALLOWED_HOSTS": "tremplin.example.org, *"}, "'*' accepts any Host header"),
        ({"DEBUG": "1"}, "DEBUG must be off in production"),
        ({"WAGTAILADMIN_BASE_URL": None}, "WAGTAILADMIN_BASE_URL must be set"),
        ({"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}, "is a development address"),
        ({"WAGTAILADMIN_BASE_URL": "http://localhost:8000"}, "is a development address"),
        ({"REDIS_URL": None}, "REDIS_URL must be set in production"),
        ({"REDIS_URL": None, "TREMPLIN_SINGLE_PROCESS": "0"}, "TREMPLIN_SINGLE_PROCESS=1"),
    ],
    ids=lambda value: value if isinstance(value, str) else ",".join(f"{k}={v}" for k, v in value.items()),
)
def test_production_refuses_to_start_with_an_unsafe_setting(change, message):
    result = run_python(READ_SETTINGS, **{**GOOD, **change})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_settings_build_a_redis_cache_and_say_they_are_production():
    result = run_python(READ_SETTINGS, **GOOD)

    assert result.returncode == 0, result.stderr
    built = json.loads(result.stdout)
    assert built["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert built["location"] == GOOD["REDIS_URL"]
    assert built["environment"] == "production"
    assert built["debug"] is False


def test_a_single_process_site_may_run_without_redis_when_it_says_so():
    result = run_python(READ_SETTINGS, **{**GOOD, "REDIS_URL": None, "TREMPLIN_SINGLE_PROCESS": "1"})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_hsts_is_off_unless_asked_for_and_preload_needs_its_own_variable():
    off = json.loads(run_python(READ_SETTINGS, **GOOD).stdout)
    on = json.loads(run_python(READ_SETTINGS, **GOOD, SECURE_HSTS_SECONDS="31536000").stdout)
    preloaded = json.loads(run_python(READ_SETTINGS, **GOOD, SECURE_HSTS_SECONDS="31536000", HSTS_PRELOAD="1").stdout)

    assert (off["hsts"], off["preload"]) == (0, False)
    assert (on["hsts"], on["preload"]) == (31536000, False)
    assert (preloaded["hsts"], preloaded["preload"]) == (31536000, True)


@pytest.mark.parametrize(
    ("hsts", "reported"),
    [
        ({}, ["security.W004"]),
        ({"SECURE_HSTS_SECONDS": "31536000"}, ["security.W021"]),
        ({"SECURE_HSTS_SECONDS": "31536000", "HSTS_PRELOAD": "1"}, []),
    ],
    ids=["hsts-off", "hsts-on", "hsts-preloaded"],
)
def test_deploy_checks_report_only_the_hsts_choices_left_to_the_deployer(hsts, reported):
    """HSTS cannot be undone once browsers have seen it: turning it on, and preloading, are opt-in (README)."""
    result = run_manage("check", "--deploy", **GOOD, **hsts)

    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert re.findall(r"\(([\w.]+)\) ", output) == reported, output


@pytest.mark.parametrize("args", [[], ["--force"]], ids=["plain", "force"])
def test_demo_data_is_refused_under_production_settings(args):
    result = run_manage("load_demo_data", *args, **GOOD)

    assert result.returncode != 0
    assert "production settings" in result.stderr
    assert "tremplin-demo" in result.stderr


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_demo_data_creates_no_account_when_the_environment_is_production(force, settings, db):
    settings.TREMPLIN_ENVIRONMENT = "production"
    settings.DEBUG = True

    with pytest.raises(CommandError, match="never loaded on a real site"):
        call_command("load_demo_data", force=force, stdout=StringIO())

    assert not User.objects.exists()
