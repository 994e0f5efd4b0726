"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place,
with defaults that are safe for development. See .env.example for the full list.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Which kind of site this is: production.py sets "production", which refuses what only suits a demo
# (manage.py load_demo_data and its known password).
TREMPLIN_ENVIRONMENT = "development"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# The key dev.py falls back on; production.py refuses it, as it refuses the test key and .env.example's.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "cohorts",
    "snippets",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    # /health/ (cms/health.py) and `manage.py health_check`, for load balancers and container health checks
    "health_check",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after the HTTPS redirect: a cached answer skips every other middleware, and keeps the headers they set.
    "pages.middleware.PublicPageCacheMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite unless DATABASE_URL names another database (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded spreadsheets hold personal data: they live outside MEDIA_ROOT, are never served, and are deleted once
# their import is done or abandoned (cohorts/imports/jobs.py, manage.py purge_imports).
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "private"))
# Media on S3-compatible object storage (AWS, Scaleway, OVH, MinIO...) once AWS_STORAGE_BUCKET_NAME is set, so that
# several web servers and the task worker share one set of files; on this machine's disk otherwise (development,
# tests, a single server). Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which django-storages
# and boto3 read from the environment themselves (or from the machine's role): they are no setting of ours.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# The origin of public media when it is not this site's (object storage): the Content-Security-Policy lets the
# pages show images from there (production.py, dev.py).
MEDIA_ORIGIN = ""
if AWS_STORAGE_BUCKET_NAME:
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    _region = os.environ.get("AWS_S3_REGION_NAME", "")
    _s3_connection = {"endpoint_url": _endpoint or None, "region_name": _region or None, "file_overwrite": False}
    # Public URLs are built from settings alone, so that the CSP knows their origin: the CDN or host that serves
    # the bucket (AWS_S3_CUSTOM_DOMAIN, e.g. "media.tremplin.example.org" or "s3.example.org/tremplin-media"), by
    # default the endpoint followed by the bucket (path-style), or AWS's own address of the bucket.
    _media_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    _media_protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "")
    if not _media_domain and _endpoint:
        _endpoint_parts = urlsplit(_endpoint)
        _media_domain = f"{_endpoint_parts.netloc}/{AWS_STORAGE_BUCKET_NAME}"
        _media_protocol = _media_protocol or f"{_endpoint_parts.scheme}:"
    elif not _media_domain:
        _media_domain = f"{AWS_STORAGE_BUCKET_NAME}.s3.{_region or 'us-east-1'}.amazonaws.com"
    _media_protocol = _media_protocol or "https:"
    MEDIA_URL = f"{_media_protocol}//{_media_domain}/media/"
    MEDIA_ORIGIN = f"{_media_protocol}//{_media_domain.split('/')[0]}"
    # The private files go to their own bucket when AWS_PRIVATE_BUCKET_NAME names one (best: no public access at
    # all), else under private/ in the public bucket, whose anonymous read must then be limited to media/*.
    _private = {**_s3_connection, "bucket_name": os.environ.get("AWS_PRIVATE_BUCKET_NAME") or AWS_STORAGE_BUCKET_NAME}
    STORAGES = {
        # Renditions: read by anyone who has the address, by a public-read ACL on each file (AWS_MEDIA_ACL), or,
        # with AWS_MEDIA_ACL empty, by the bucket's own policy (MinIO, buckets without ACLs). Documents stay
        # private even here (cms/storage.py): Wagtail streams them after its checks.
        "default": {
            "BACKEND": "cms.storage.MediaS3Storage",
            "OPTIONS": {
                **_s3_connection, "bucket_name": AWS_STORAGE_BUCKET_NAME, "location": "media",
                "custom_domain": _media_domain, "url_protocol": _media_protocol, "querystring_auth": False,
                "default_acl": os.environ.get("AWS_MEDIA_ACL", "public-read") or None,
            },
        },
        "imports": {
            "BACKEND": "cms.storage.PrivateS3Storage",
            "OPTIONS": {**_private, "location": "private/imports"},
        },
        # The originals stay private: the admin view streams them (pages/views/originals.py) after its checks, so
        # their URLs lead there, never to the bucket.
        "images": {
            "BACKEND": "cms.storage.PrivateS3Storage",
            "OPTIONS": {**_private, "location": "private/images", "base_url": "/admin/images/original/"},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "imports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_ROOT / "imports", "base_url": None},
        },
        # The original of every image (candidates' photos among them) is private: the public sees renditions only,
        # under random names (pages/models/images.py), and staff open an original through a view that checks who may
        # see it (pages/views/originals.py), whose address is this storage's base URL.
        "images": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_ROOT / "images"), "base_url": "/admin/images/original/"},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

# One cache for every process: the public forms' rate limits (pages/antispam.py), the impact figures and the PDF
# CVs must be shared by all web workers and the task worker, so production needs REDIS_URL (production.py).
# Without it, each process keeps its own in memory: fine for `make run`, wrong behind several workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Sites sharing one Redis (staging and production, say) each set their own.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tremplin"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages cached whole for anonymous visitors in that cache, purged by tag the moment what they show changes
# (pages/cache.py); PUBLIC_CACHE_SECONDS bounds how long an answer is kept (0 turns the page cache off). Paths under
# PUBLIC_CACHE_EXCLUDED_PATHS are never cached. With a CDN in front, WAGTAILFRONTENDCACHE (Wagtail's frontend cache:
# Cloudflare, CloudFront, Varnish...) gets the same purges: see the README.
# Without Redis, each process has its own cache, and a purge made by the task worker (an offer's expiry) does not
# reach the web server's: answers are then kept 30 seconds only.
PUBLIC_CACHE_ALIAS = "default"
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "600" if REDIS_URL else "30"))
PUBLIC_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/static/", "/media/", "/health/")
# A CDN or a Varnish in front of the site: FRONTEND_CACHE_PURGE_URL (HTTP PURGE, Varnish or nginx) or Cloudflare's
# zone and token; every purge of the page cache then purges the same addresses there (pages/cache.py). Wagtail's
# frontend_cache app is not installed: its own handlers would purge a published page's address alone, which the
# tags already cover, and enqueue a task on every publish even with no CDN.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }

# Content-Security-Policy (cms/security.py): the public site runs only its own files, with no inline script or
# style; the Wagtail admin (paths under CSP_ADMIN_PATH_PREFIXES) runs inline scripts and styles of its own, and
# asks releases.wagtail.org whether Wagtail has a new release (for superusers, on the dashboard).
CSP_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # Not 'none': the page editor's live preview frames a public page, rendered under this very policy (Wagtail
    # passes the preview through the middleware at the page's own address). Other sites may not frame us.
    "frame-ancestors": ["'self'"],
}
CSP_ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tremplin <contact@tremplin.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "wagtailadmin_login"

WAGTAIL_SITE_NAME = "Tremplin"
# No Gravatar: it would send a hash of each staff e-mail to a third party (and the CSP blocks it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_IMAGE_MODEL = "pages.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
# Documents are streamed by Django after the checks of pages/wagtail_hooks.py (staff only, but for the collection
# below), never by a redirect to the file: the web server must not serve MEDIA_ROOT/documents/ itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The collection whose documents (and its sub-collections') anyone may download: a brochure, the statutes. Any other
# document (a candidate's CV, a signed consent) goes only to staff who hold a permission on it.
PUBLIC_DOCUMENTS_COLLECTION = "Documents publics"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Logs go to the console, where the service manager (systemd's journal, Docker) collects them: one JSON object per
# line (cms/logging.py) with LOG_FORMAT=json, the default in production, for a log collector; plain text otherwise.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "cms.logging.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task and per page save drowns what matters.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Public forms (pages/antispam.py): a minimum fill time, and at most RATE_LIMIT posts per RATE_PERIOD seconds per
# visitor address and form. Behind N reverse proxies that set X-Forwarded-For, set ANTISPAM_TRUSTED_PROXIES=N.
ANTISPAM_MIN_FILL_SECONDS = 3
ANTISPAM_RATE_LIMIT = 5
ANTISPAM_RATE_PERIOD = 600
ANTISPAM_TRUSTED_PROXIES = int(os.environ.get("ANTISPAM_TRUSTED_PROXIES", "0"))

# The link e-mailed to a candidate to approve their story (pages/approval.py) works for this many days.
APPROVAL_LINK_MAX_AGE = 14
# The link e-mailed to a recruiter a week before their offer expires, to extend it (snippets/expiry.py), works for
# this many days.
OFFER_EXTENSION_LINK_MAX_AGE_DAYS = 14

# Background work (e-mails, large imports) runs in the `manage.py db_worker` process that `make run` starts.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Spreadsheet imports (cohorts/imports/): files above these sizes are refused before they are read; files of up to
# IMPORT_INLINE_MAX_ROWS rows are checked and imported within the request, larger ones by the background worker.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_ROWS = 20_000
IMPORT_INLINE_MAX_ROWS = 500
# Files of imports that were never confirmed are deleted after this many hours (manage.py purge_imports).
IMPORT_FILE_MAX_AGE_HOURS = 24
# An XLSX is a ZIP file: one whose parts would unpack to more than this is refused before it is parsed.
IMPORT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
# A running import whose worker gave no sign of life for this long was interrupted: it is marked failed.
IMPORT_LEASE_SECONDS = 120
# Request bodies: form fields beyond this size are refused; an uploaded file up to IMPORT_MAX_BYTES stays in memory
# (larger ones go to a temporary file, deleted after the request). The real cap on a body is the reverse proxy's
# (client_max_body_size for nginx: see the README).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES

# Periodic work (snippets/scheduling.py): `manage.py run_scheduler`, which `make run` starts, enqueues each entry's
# task at its slots and `manage.py db_worker` runs it. "every": seconds, slots aligned on the clock (3600: at the top
# of each hour); "at": a daily time, "HH:MM" in TIME_ZONE (Europe/Paris; a time the spring change skips runs an hour
# later). One scheduler per machine is safe only with REDIS_URL: each slot is claimed in the shared cache.
TREMPLIN_SCHEDULE = [
    {"name": "expire_offers", "task": "snippets.tasks.expire_offers", "every": 3600},
    {"name": "purge_imports", "task": "cohorts.tasks.purge_imports", "every": 3600},
    {"name": "remind_inactive_coaches", "task": "cohorts.tasks.remind_inactive_coaches", "at": "09:00"},
    {"name": "apply_retention", "task": "cohorts.tasks.apply_retention", "at": "03:30"},
    {"name": "flush_story_counters", "task": "pages.tasks.flush_story_counters", "every": 60},
]
