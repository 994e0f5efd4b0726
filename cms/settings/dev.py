"""Development: debug on, e-mails printed to the console, a throwaway key."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import DEVELOPMENT_SECRET_KEY, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# runserver serves static files itself; WhiteNoise is for collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# Public media on object storage, when AWS_STORAGE_BUCKET_NAME is set here too (base.py): pages show images from there.
if MEDIA_ORIGIN:  # noqa: F405
    CSP_POLICY = {**CSP_POLICY, "img-src": [*CSP_POLICY["img-src"], MEDIA_ORIGIN]}  # noqa: F405
    CSP_ADMIN_POLICY = {**CSP_ADMIN_POLICY, "img-src": [*CSP_ADMIN_POLICY["img-src"], MEDIA_ORIGIN]}  # noqa: F405
