"""Logs as one JSON object per line, for a log collector (LOG_FORMAT=json, the default in production)."""

import datetime
import json
import logging

from django.http import HttpRequest


class JsonFormatter(logging.Formatter):
    """Time, level, logger, message, the request's id and path when the record carries a request, the exception.

    Only the path of a request, never its query string, headers or body: they may carry a token or personal data.
    The request id is the one the reverse proxy sets (X-Request-ID, e.g. nginx's ``$request_id``), so that a line
    of ours and the proxy's access log line can be matched; a record may also carry ``request_id`` itself.
    """

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Django's request loggers pass the request; the development server passes its socket under that name.
        request = getattr(record, "request", None)
        request = request if isinstance(request, HttpRequest) else None
        request_id = getattr(record, "request_id", None) or (request and request.headers.get("X-Request-ID"))
        if request_id:
            entry["request_id"] = str(request_id)
        if request is not None:
            entry["method"] = request.method
            entry["path"] = request.path
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
