"""A real background worker (`manage.py db_worker`, as `make run` starts it) killed with SIGKILL in the middle of an
import: nothing of the import is written, the job is seen failed once its lease ran out, and « Retry » imports it.

The worker is another process, so it needs a database it can open: on PostgreSQL, the test database itself; on
SQLite, whose test database lives in this process's memory, a copy of it in a file (SQLite's backup API), copied
back once the worker is dead, so that the test reads what the worker left.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports.progress import clear_progress, read_progress
from cohorts.models import Candidate, Coach, ImportJob, Pair
from pages.models import CandidatePage
from tests.snippets.factories import CityFactory
from tests.workers import WorkerDatabase

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.ignore_template_errors]

ROOT = Path(__file__).resolve().parents[3]
ROWS = 600  # enough for the import to run for seconds after the worker has started it
LEASE = 2
HEADERS = "promotion;ville;prenom;nom;email;coach_prenom;coach_nom;coach_email;accroche;histoire"


def big_file():
    lines = [HEADERS] + [
        f"Promo Kill;Paris;Awa{n};Diallo;awa.{n}@example.org;Claire;Coach{n};coach.{n}@entreprise.fr;"
        f"Je ne lâche rien.;Arrivée à Paris en 2019, n°{n}."
        for n in range(ROWS)
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def written():
    return {"candidates": Candidate.objects.count(), "coaches": Coach.objects.count(), "pairs": Pair.objects.count(),
            "story pages": CandidatePage.objects.count()}


def start_worker(folder, database):
    """`manage.py db_worker` in a process group of its own, on a settings module written for it."""
    module = folder / "worker_settings.py"
    module.write_text(
        "import shutil\n"
        "from pathlib import Path\n"
        "from cms.settings.test import *  # noqa\n"
        "shutil.rmtree(MEDIA_ROOT, ignore_errors=True)  # the test settings made a media folder of its own\n"
        f"MEDIA_ROOT = Path({str(settings.MEDIA_ROOT)!r})\n"
        f"PRIVATE_ROOT = Path({str(settings.PRIVATE_ROOT)!r})\n"
        "STORAGES['imports']['OPTIONS']['location'] = PRIVATE_ROOT / 'imports'\n"
        f"DATABASES = {{'default': {database.settings()!r}}}\n"
        "TASKS = {'default': {'BACKEND': 'django_tasks_db.DatabaseBackend'}}\n"
        f"IMPORT_LEASE_SECONDS = {LEASE}\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "worker_settings",
           "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with (folder / "worker.log").open("w") as log:  # the worker keeps its own copy of the handle
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def wait_for(condition, what, worker, folder, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (value := condition()) is not None:
            return value
        if worker is not None and worker.poll() is not None:
            pytest.fail(f"the worker stopped before {what}:\n{(folder / 'worker.log').read_text()[-3000:]}")
        time.sleep(0.02)
    pytest.fail(f"no {what} after {timeout} s:\n{(folder / 'worker.log').read_text()[-3000:]}")


@pytest.fixture
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_an_import_whose_worker_is_killed_writes_nothing_fails_once_its_lease_ran_out_and_retry_completes_it(
    story_index, programme_admin_client, settings, tmp_path, english,
):
    CityFactory(name="Paris")
    settings.IMPORT_LEASE_SECONDS = LEASE
    settings.IMPORT_INLINE_MAX_ROWS = 100_000  # the check runs within the upload's request
    programme_admin_client.post(reverse("imports:index"),
                                {"kind": ImportKind.COHORT, "file": SimpleUploadedFile("promo.csv", big_file())})
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows) == (ImportStatus.READY, ROWS)
    before = written()

    # Confirmed: the import is queued for the background worker.
    settings.IMPORT_INLINE_MAX_ROWS = 0
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    programme_admin_client.post(reverse("imports:confirm", args=[job.pk]))
    clear_progress(job.pk)  # ids come back after a test's flush: no progress file of an earlier test's job
    database = WorkerDatabase(tmp_path)
    database.hand_over()
    worker = start_worker(tmp_path, database)
    try:
        # Killed once the candidates are written, inside the import's transaction, and the story pages under way.
        wait_for(lambda: (read_progress(job.pk) or {}).get("phase") == "pages" or None, "story pages", worker,
                 tmp_path)
        os.killpg(worker.pid, signal.SIGKILL)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    assert read_progress(job.pk)["phase"] == "pages"  # killed after the candidates, coaches and pairs were written
    database.take_back()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    # Nothing of the import was written; the job still says « importing », within its lease.
    assert written() == before
    job.refresh_from_db()
    assert (job.status, job.runs) == (ImportStatus.IMPORTING, 2)  # the check was run 1, the import run 2

    # Once the lease ran out, its page says it failed, and why.
    time.sleep(LEASE + 0.5)
    page = programme_admin_client.get(reverse("imports:job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.report["file_errors"] == ["The import stopped: the worker was interrupted; nothing was written."]
    assert "The import stopped: the worker was interrupted; nothing was written." in page
    assert written() == before

    # « Retry » imports it all, as a new run of the same job (here within the request: tasks run at once).
    programme_admin_client.post(reverse("imports:retry", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.runs, job.new_count) == (ImportStatus.DONE, 3, ROWS)
    assert written() == {key: count + ROWS for key, count in before.items()}
    assert ImportJob.objects.count() == 1
