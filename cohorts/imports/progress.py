"""Live progress of a running import, in a small file next to the uploads.

An import runs in one database transaction, so nothing it writes to the database is visible before it ends; and
on SQLite a second connection could not write while it runs. A file is seen at once by the web process, whatever
the database. For the same reason the heartbeat of a run (cohorts/imports/lease.py) is a file beside it, whose
modification time is the run's last sign of life.
"""

import datetime
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings


def _path(job_id, suffix="json"):
    return Path(settings.PRIVATE_ROOT) / "progress" / f"{job_id}.{suffix}"


def write_progress(job_id, *, phase, done, total):
    path = _path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w") as file:
        json.dump({"phase": phase, "done": done, "total": total}, file)
    os.replace(temporary, path)  # atomic: a reader never sees half a file


def read_progress(job_id):
    try:
        return json.loads(_path(job_id).read_text())
    except (FileNotFoundError, ValueError):
        return None


def clear_progress(job_id):
    _path(job_id).unlink(missing_ok=True)
    _path(job_id, "beat").unlink(missing_ok=True)


def touch_beat(job_id):
    path = _path(job_id, "beat")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def beat_time(job_id):
    """When the run of the job last touched its heartbeat file; None if it never did."""
    try:
        return datetime.datetime.fromtimestamp(_path(job_id, "beat").stat().st_mtime, tz=datetime.UTC)
    except FileNotFoundError:
        return None


def percent(progress):
    """Rows checked count for the first half of the bar, writing for the second."""
    if not progress:
        return 0
    if not progress.get("total"):
        return 0 if progress.get("phase") == "rows" else 95
    share = min(progress["done"] / progress["total"], 1)
    if progress["phase"] == "rows":
        return round(share * 50)
    if progress["phase"] == "writing":
        return 50
    if progress["phase"] == "pages":
        return 50 + round(share * 45)
    return 95
