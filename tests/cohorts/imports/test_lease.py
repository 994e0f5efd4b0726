"""A run whose worker was interrupted is seen failed, by its page, its progress, the history and the daily command;
staff then retry it from its stored file or abandon it. The rule of the lease, and what a run given up does."""

import datetime
import io
import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports import work
from cohorts.imports.jobs import give_up_interrupted_jobs
from cohorts.imports.lease import heartbeat, is_interrupted
from cohorts.imports.progress import beat_time, clear_progress, touch_beat
from cohorts.models import Candidate, ImportJob
from tests.snippets.factories import CityFactory, SectorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

DATA = Path(__file__).resolve().parent / "data"
INTERRUPTED = "The import stopped: the worker was interrupted; nothing was written."


@pytest.fixture
def references(story_index):
    CityFactory(name="Paris")
    SectorFactory(label="Logistique", slug="logistique")


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def running_job(status=ImportStatus.IMPORTING, *, started=None, name="admin_cohort.csv", with_file=True):
    """A job as a run leaves it when its worker dies: running, started ``started`` ago, its file stored."""
    job = ImportJob(kind=ImportKind.COHORT, status=status, file_name=name, total_rows=3, runs=1,
                    heartbeat_at=started if started is not None else ago(minutes=10))
    if with_file:
        job.file.save(name, ContentFile((DATA / name).read_bytes()), save=False)
    job.save()
    clear_progress(job.pk)  # ids come back after a test's rollback: no heartbeat file of an earlier test's job
    return job


def job_url(job, view="job"):
    return reverse(f"imports:{view}", args=[job.pk])


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def set_beat(job, when):
    """The job's heartbeat file, as last touched at ``when``."""
    touch_beat(job.pk)
    path = Path(settings.PRIVATE_ROOT) / "progress" / f"{job.pk}.beat"
    os.utime(path, (when.timestamp(), when.timestamp()))


# The rule ------------------------------------------------------------------------------------------------------


def test_a_run_silent_for_longer_than_the_lease_is_interrupted(settings):
    settings.IMPORT_LEASE_SECONDS = 120
    job = running_job(started=ago(seconds=121), with_file=False)

    assert is_interrupted(job)
    assert not is_interrupted(job, now=ago(seconds=2))  # two seconds earlier, it was still within its lease


def test_a_run_started_within_the_lease_is_alive(settings):
    settings.IMPORT_LEASE_SECONDS = 120
    assert not is_interrupted(running_job(started=ago(seconds=100), with_file=False))


def test_a_run_whose_heartbeat_file_is_fresh_is_alive_however_long_ago_it_started(settings):
    settings.IMPORT_LEASE_SECONDS = 120
    job = running_job(started=ago(hours=3), with_file=False)
    set_beat(job, ago(seconds=30))

    assert not is_interrupted(job)

    set_beat(job, ago(seconds=200))
    assert is_interrupted(job)


def test_a_job_waiting_for_the_worker_is_never_interrupted(settings):
    settings.IMPORT_LEASE_SECONDS = 1
    job = running_job(status=ImportStatus.CHECKING, with_file=False)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=None, created_at=ago(days=1))
    job.refresh_from_db()

    assert not is_interrupted(job)


@pytest.mark.parametrize("status", [ImportStatus.READY, ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.INVALID])
def test_a_job_that_is_not_running_is_never_interrupted(status):
    assert not is_interrupted(running_job(status=status, started=ago(days=2), with_file=False))


def test_the_heartbeat_touches_its_file_until_the_block_ends(settings):
    settings.IMPORT_LEASE_SECONDS = 0.4  # a beat every 0.1 s
    job = running_job(with_file=False)

    def next_beat(after):
        deadline = time.monotonic() + 10
        while (beat_time(job.pk) or after) <= after and time.monotonic() < deadline:
            time.sleep(0.02)
        return beat_time(job.pk)

    with heartbeat(job.pk):
        first = next_beat(ago(days=1))
        assert first is not None
        assert next_beat(first) > first
    last = beat_time(job.pk)
    time.sleep(0.3)

    assert beat_time(job.pk) == last


def test_confirming_a_checked_file_leaves_it_waiting_not_interrupted(references, programme_admin_client, settings,
                                                                     django_capture_on_commit_callbacks):
    settings.IMPORT_INLINE_MAX_ROWS = 0
    settings.IMPORT_LEASE_SECONDS = 60
    job = running_job(status=ImportStatus.READY, started=ago(hours=1))  # its check ran an hour ago

    programme_admin_client.post(job_url(job, "confirm"))  # the worker is not running: the task waits

    job.refresh_from_db()
    assert job.status == ImportStatus.IMPORTING
    assert not is_interrupted(job)
    assert programme_admin_client.get(job_url(job, "progress")).json()["status"] == "importing"


# Who sees it failed --------------------------------------------------------------------------------------------


def test_the_job_page_shows_an_interrupted_import_failed_with_retry_and_abandon(references, programme_admin_client):
    job = running_job()

    html = BeautifulSoup(programme_admin_client.get(job_url(job)).content, "html.parser")

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.finished_at is not None
    assert INTERRUPTED in html.get_text(" ", strip=True)
    assert html.select_one("progress") is None
    assert html.select_one(f"form[method=post][action='{job_url(job, 'retry')}'] button").get_text(strip=True) \
        == "Retry"
    assert html.select_one(f"form[method=post][action='{job_url(job, 'abandon')}']") is not None
    assert Candidate.objects.count() == 0


def test_the_progress_poll_sees_an_interrupted_check_failed(programme_admin_client):
    job = running_job(status=ImportStatus.CHECKING)

    data = programme_admin_client.get(job_url(job, "progress")).json()

    assert (data["status"], data["percent"]) == ("failed", 100)
    job.refresh_from_db()
    assert job.report["file_errors"] == ["The check stopped: the worker was interrupted; nothing was written."]


def test_the_history_shows_interrupted_jobs_failed_and_leaves_live_ones(programme_admin_client, settings):
    settings.IMPORT_LEASE_SECONDS = 120
    dead, alive = running_job(), running_job(started=ago(seconds=10))

    programme_admin_client.get(reverse("imports:index"))

    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.status, alive.status) == (ImportStatus.FAILED, ImportStatus.IMPORTING)


def test_the_daily_command_marks_interrupted_jobs_failed():
    dead, alive = running_job(), running_job(started=ago(seconds=5))
    output = io_run("purge_imports")

    assert output.splitlines()[0] == "1 interrupted import marked failed."
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.status, alive.status) == (ImportStatus.FAILED, ImportStatus.IMPORTING)
    assert dead.file  # the file stays for a retry, until the purge of old files
    assert io_run("purge_imports").splitlines() == ["0 import files deleted."]


def io_run(command):
    output = io.StringIO()
    call_command(command, "--language", "en", stdout=output)
    return output.getvalue()


def test_a_run_that_beats_again_is_not_given_up(settings):
    settings.IMPORT_LEASE_SECONDS = 120
    job = running_job()
    set_beat(job, ago(seconds=1))

    assert give_up_interrupted_jobs() == 0
    job.refresh_from_db()
    assert job.status == ImportStatus.IMPORTING


# Retry and abandon ---------------------------------------------------------------------------------------------


def test_retry_imports_an_interrupted_import_as_a_new_run_of_the_same_job(references, programme_admin_client):
    job = running_job()
    programme_admin_client.get(job_url(job))

    response = programme_admin_client.post(job_url(job, "retry"))

    assert response["Location"] == job_url(job)
    job.refresh_from_db()
    assert (job.status, job.runs, job.new_count) == (ImportStatus.DONE, 2, 3)
    assert not job.file
    assert sorted(Candidate.objects.values_list("first_name", flat=True)) == ["Awa", "Inès", "Karim"]
    assert ImportJob.objects.count() == 1


def test_retry_checks_again_an_interrupted_check(references, programme_admin_client):
    job = running_job(status=ImportStatus.CHECKING)
    programme_admin_client.get(job_url(job))

    programme_admin_client.post(job_url(job, "retry"))

    job.refresh_from_db()
    assert (job.status, job.runs, job.new_count) == (ImportStatus.READY, 2, 3)
    assert Candidate.objects.count() == 0


def test_a_large_retry_goes_to_the_worker(references, programme_admin_client, settings,
                                          django_capture_on_commit_callbacks):
    settings.IMPORT_INLINE_MAX_ROWS = 0
    job = running_job()
    programme_admin_client.get(job_url(job))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        programme_admin_client.post(job_url(job, "retry"))

    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == ImportStatus.IMPORTING
    assert not is_interrupted(job)  # waiting for the worker, with no sign of life yet
    callbacks[0]()  # the worker runs it (tests run tasks at once)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE


def test_retry_twice_runs_once(references, programme_admin_client):
    job = running_job()
    programme_admin_client.get(job_url(job))
    programme_admin_client.post(job_url(job, "retry"))

    response = programme_admin_client.post(job_url(job, "retry"), follow=True)

    assert "This import cannot be retried: it has not failed, or its file was deleted." in text_of(response)
    job.refresh_from_db()
    assert job.runs == 2


def test_retry_without_the_file_is_refused(references, programme_admin_client):
    job = running_job()
    programme_admin_client.get(job_url(job))
    job.file.storage.delete(job.file.name)

    programme_admin_client.post(job_url(job, "retry"))

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED


def test_abandon_an_interrupted_import_deletes_its_file(programme_admin_client):
    job = running_job()
    storage, name = job.file.storage, job.file.name
    programme_admin_client.get(job_url(job))

    response = programme_admin_client.post(job_url(job, "abandon"))

    assert response["Location"] == reverse("imports:index")
    job.refresh_from_db()
    assert job.status == ImportStatus.ABANDONED
    assert not job.file and not storage.exists(name)


@pytest.mark.parametrize("view", ["retry", "abandon"])
def test_retry_and_abandon_are_post_only(programme_admin_client, view):
    job = running_job()
    programme_admin_client.get(job_url(job))

    assert programme_admin_client.get(job_url(job, view)).status_code == 405


@pytest.mark.parametrize("view", ["retry", "abandon"])
def test_retry_and_abandon_need_the_csrf_token(client, programme_admin, view):
    client.handler.enforce_csrf_checks = True
    client.force_login(programme_admin)
    job = running_job()
    client.get(job_url(job))

    assert client.post(job_url(job, view)).status_code == 403
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED


@pytest.mark.parametrize("role", ["coach_client", "communication_client"])
@pytest.mark.parametrize("view", ["retry", "abandon"])
def test_only_those_who_may_import_its_kind_may_retry_or_abandon(request, role, view, references):
    job = running_job(started=ago(days=1))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED)

    response = request.getfixturevalue(role).post(job_url(job, view))

    assert response.status_code in (302, 403)
    assert response.get("Location", "") != job_url(job)
    job.refresh_from_db()
    assert (job.status, job.runs) == (ImportStatus.FAILED, 1)
    assert job.file.storage.exists(job.file.name)


# A run given up while it was still running ---------------------------------------------------------------------


def test_a_run_given_up_while_it_ran_writes_nothing(references, monkeypatch, db_counts):
    """A worker frozen past its lease, then woken: by then its job was given up, so its import rolls back."""
    job = running_job(status=ImportStatus.IMPORTING)
    before = db_counts()
    write_progress = work.write_progress

    def give_up_while_writing(job_id, **progress):
        write_progress(job_id, **progress)
        if progress["phase"] == "writing":  # the rows are checked; the writes come next
            ImportJob.objects.filter(pk=job_id).update(status=ImportStatus.FAILED)

    monkeypatch.setattr(work, "write_progress", give_up_while_writing)

    work.import_job(job.pk)

    assert db_counts() == before
    job.refresh_from_db()
    assert job.report["file_errors"] == ["The import was given up while it ran: nothing was written."]
