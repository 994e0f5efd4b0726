"""Tests: fast hashing, in-memory mail and cache, plain static files."""

import tempfile
from pathlib import Path

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# One media folder per test session, removed at the end (tests/conftest.py), so sessions never share files.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tremplin-test-media-"))
PRIVATE_ROOT = MEDIA_ROOT / "private"
STORAGES["imports"]["OPTIONS"]["location"] = PRIVATE_ROOT / "imports"  # noqa: F405
STORAGES["images"]["OPTIONS"]["location"] = str(PRIVATE_ROOT / "images")  # noqa: F405
# Background tasks run at once, within the test.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The test server serves static files from the finders; WhiteNoise is for collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# Forms may be posted at once; tests of the minimum fill time set it themselves (tests/pages/test_antispam.py).
ANTISPAM_MIN_FILL_SECONDS = 0
# The public page cache purges on commit, and most tests never commit (each runs in a transaction rolled back at its
# end): it is off here, and on in the tests that commit for real (tests/pages/test_public_cache.py, the browser's).
PUBLIC_CACHE_SECONDS = 0
