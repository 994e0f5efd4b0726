"""Production settings refuse to start half-configured, and pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR


def run_manage(*args, **env):
    environ = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environ, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [({"ALLOWED_HOSTS": "tremplin.example.org"}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_required_variable(env, missing):
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_settings_pass_deploy_checks():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3, ALLOWED_HOSTS="tremplin.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_french_first_with_english_available():
    assert settings.LANGUAGE_CODE == "fr"
    assert [code for code, _name in settings.LANGUAGES] == ["fr", "en"]
    assert settings.TIME_ZONE == "Europe/Paris"


def test_postgres_features_follow_the_database():
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert ("django.contrib.postgres" in settings.INSTALLED_APPS) is on_postgres
