"""Production: every secret comes from the environment, and whatever would be unsafe stops the start.

Each refusal is an ImproperlyConfigured naming the variable to set; .env.example and the README list them all.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import *  # noqa: F403
from cms.settings.base import DEVELOPMENT_SECRET_KEY, env_bool, os

TREMPLIN_ENVIRONMENT = "production"

# Keys that are public: the development fallback, the test settings' and the example in .env.example.
KNOWN_INSECURE_SECRET_KEYS = {DEVELOPMENT_SECRET_KEY, "test-only-key", "change-me-to-a-long-random-string"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
if SECRET_KEY in KNOWN_INSECURE_SECRET_KEYS or SECRET_KEY.startswith("django-insecure-"):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is a development or example key, which anyone can read: set a long random one, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment.")
if "*" in ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts: '*' accepts any Host header.")
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured(
        "DEBUG must be off in production: its error pages show settings and personal data. Unset DEBUG."
    )

_admin_host = urlsplit(WAGTAILADMIN_BASE_URL).hostname or ""  # noqa: F405
if "WAGTAILADMIN_BASE_URL" not in os.environ or _admin_host in LOOPBACK_HOSTS or _admin_host.endswith(".localhost"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set to the site's public address (e.g. https://tremplin.example.org): "
        f"{WAGTAILADMIN_BASE_URL!r} is a development address, and every link in an e-mail would lead there."  # noqa: F405
    )

# A cache per process would give each gunicorn worker its own rate limits and counters (with 2 workers, the first
# 429 comes at post 9 instead of 5). TREMPLIN_SINGLE_PROCESS=1 is only for a site served by one single process.
if not REDIS_URL and not env_bool("TREMPLIN_SINGLE_PROCESS"):  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production (e.g. redis://127.0.0.1:6379/0): without a shared cache each worker "
        "process keeps its own rate limits and counters. Only for a site served by one single process, set "
        "TREMPLIN_SINGLE_PROCESS=1 instead."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# HSTS is opt-in: once a browser has seen it, the site cannot go back to plain HTTP for that long. Turn it on
# (31536000, a year) once HTTPS works for good; preloading (HSTS_PRELOAD=1) is for sites listed at hstspreload.org.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# A load balancer may probe /health/ over plain HTTP from inside the network: no redirect to HTTPS there.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# One JSON object per log line (cms/logging.py) unless LOG_FORMAT=text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405

# Public media served from object storage (AWS_STORAGE_BUCKET_NAME, base.py): pages show images from there.
if MEDIA_ORIGIN:  # noqa: F405
    CSP_POLICY = {**CSP_POLICY, "img-src": [*CSP_POLICY["img-src"], MEDIA_ORIGIN]}  # noqa: F405
    CSP_ADMIN_POLICY = {**CSP_ADMIN_POLICY, "img-src": [*CSP_ADMIN_POLICY["img-src"], MEDIA_ORIGIN]}  # noqa: F405
