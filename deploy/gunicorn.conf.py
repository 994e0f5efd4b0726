"""Gunicorn's settings for Tremplin: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi`.

Every value may be changed by an environment variable, so that one file serves a container and a server alike.
"""

import multiprocessing
import os


def default_workers(cpu_count):
    """Gunicorn's own advice: two workers per core, plus one to take a request while the others wait on I/O."""
    return 2 * cpu_count + 1


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or default_workers(multiprocessing.cpu_count()))
# A request that runs longer than this is killed: PDF CVs and imports of up to IMPORT_INLINE_MAX_ROWS rows take a
# few seconds; larger imports run in the task worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle each worker now and then, staggered, so that a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# The reverse proxies whose X-Forwarded-Proto (HTTPS behind the proxy) gunicorn believes: comma-separated addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Workers' heartbeat files in memory: a container's disk may be slow or read-only.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None)

# Logs to the console, as Django's (cms/settings/base.py). No visitor's address: the proxy logs it, if it must.
# The request id is the proxy's X-Request-ID, which Django's JSON lines carry too (cms/logging.py).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(m)s %(U)s %(s)s %(B)s %(M)sms request_id=%({x-request-id}i)s'
if os.environ.get("LOG_FORMAT", "json") == "json":
    # Gunicorn's own lines as JSON objects too, by the formatter Django uses.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "cms.logging.JsonFormatter"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
    }
