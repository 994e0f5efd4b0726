"""Build production settings in a fresh Python process, with exactly the environment a test gives it."""

import os
import subprocess
import sys

from django.conf import settings

# Every variable the production checks read: a test starts with none of them, whatever the shell or CI exported.
CONTROLLED = {
    "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "WAGTAILADMIN_BASE_URL", "REDIS_URL",
    "CACHE_KEY_PREFIX", "TREMPLIN_SINGLE_PROCESS", "SECURE_HSTS_SECONDS", "HSTS_PRELOAD", "SECURE_SSL_REDIRECT",
    "FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_ZONEID", "CLOUDFLARE_BEARER_TOKEN",
}

# What a real production site sets: a random-looking key, its host and address, a Redis (never reached by the
# tests that only build settings).
GOOD = {
    "SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
    "ALLOWED_HOSTS": "tremplin.example.org",
    "WAGTAILADMIN_BASE_URL": "https://tremplin.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def production_environ(**env):
    """The current environment without the controlled variables, plus ``env``; a value None drops a variable."""
    environ = {key: value for key, value in os.environ.items() if key not in CONTROLLED}
    environ.update({key: value for key, value in env.items() if value is not None})
    environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return environ


def run_python(code, *args, **env):
    """Run ``code`` with ``python -c`` (``args`` in sys.argv) at the project root under production settings."""
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=settings.BASE_DIR, env=production_environ(**env),
        capture_output=True, text=True, timeout=120,
    )


def run_manage(*args, **env):
    """Run ``manage.py *args`` under production settings and ``env``."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=production_environ(**env),
        capture_output=True, text=True, timeout=120,
    )
