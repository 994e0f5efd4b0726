"""Logs as one JSON object per line (cms/logging.py): the default in production, plain text in development."""

import json
import logging
import sys

import pytest
from django.test import RequestFactory

from cms.logging import JsonFormatter
from tests.cms.production_env import GOOD, run_python

# A worker's log line, from Django's own logging configuration, under the environment a test gives it.
LOG_ONE_LINE = """
import django, logging
django.setup()
logging.getLogger("cohorts.imports").warning("Import %s interrupted", 42)
"""


@pytest.fixture(autouse=True)
def _no_log_format_from_the_shell(monkeypatch):
    monkeypatch.delenv("LOG_FORMAT", raising=False)


def record(message="Import %s interrupted", args=(42,), level=logging.WARNING, exc_info=None, **extra):
    made = logging.LogRecord("cohorts.imports", level, __file__, 10, message, args, exc_info)
    made.__dict__.update(extra)
    return made


def formatted(log_record):
    return json.loads(JsonFormatter().format(log_record))


def test_a_line_is_a_json_object_with_time_level_logger_and_message():
    entry = formatted(record())

    assert entry.keys() == {"time", "level", "logger", "message"}
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "cohorts.imports"
    assert entry["message"] == "Import 42 interrupted"
    assert entry["time"].endswith("+00:00")


def test_a_request_gives_its_id_method_and_path_but_never_its_query_string():
    request = RequestFactory().get(
        "/approbation/confirmer/", {"token": "s3cr3t-token"}, HTTP_X_REQUEST_ID="a1b2c3",
        HTTP_COOKIE="sessionid=abc",
    )

    entry = formatted(record("Forbidden (CSRF): %s", (request.path,), request=request, status_code=403))

    assert entry["request_id"] == "a1b2c3"
    assert entry["method"] == "GET"
    assert entry["path"] == "/approbation/confirmer/"
    assert entry["status"] == 403
    line = JsonFormatter().format(record(request=request))
    assert "s3cr3t-token" not in line
    assert "sessionid" not in line


def test_a_record_may_carry_its_own_request_id_and_the_dev_servers_socket_is_no_request():
    entry = formatted(record(request=object(), request_id="job-7"))

    assert entry["request_id"] == "job-7"
    assert "path" not in entry


def test_an_exception_comes_with_its_traceback_in_one_line():
    try:
        raise ValueError("cell B7 is not a date")
    except ValueError:
        line = JsonFormatter().format(record(level=logging.ERROR, exc_info=sys.exc_info()))

    assert "\n" not in line
    assert "ValueError: cell B7 is not a date" in json.loads(line)["exception"]
    assert "Traceback" in json.loads(line)["exception"]


def test_french_stays_readable():
    assert "« Amina »" in JsonFormatter().format(record("Histoire de « Amina » publiée", ()))


def test_production_logs_json_by_default():
    result = run_python(LOG_ONE_LINE, **GOOD)

    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "cohorts.imports"
    assert entry["message"] == "Import 42 interrupted"


def test_production_may_log_plain_text():
    result = run_python(LOG_ONE_LINE, **GOOD, LOG_FORMAT="text")

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "WARNING cohorts.imports: Import 42 interrupted"


def test_an_unknown_log_format_stops_the_start():
    result = run_python(LOG_ONE_LINE, **GOOD, LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "LOG_FORMAT must be json or text" in result.stderr


@pytest.mark.parametrize("module", ["cms.settings.dev", "cms.settings.test"])
def test_development_and_tests_log_plain_text(module):
    result = run_python(
        f"import {module} as s; print(s.LOGGING['handlers']['console']['formatter'])",
        **GOOD,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "text"
