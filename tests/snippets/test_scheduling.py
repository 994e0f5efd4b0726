"""The schedule of periodic work (snippets/scheduling.py): its slots, daily times in Europe/Paris across both clock
changes, one enqueue per slot however many schedulers run, a missed slot caught up once, and the enqueue going
through django_tasks. Ticks take their ``now`` as an argument: nothing here sleeps but the SIGTERM test."""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from cohorts import tasks as cohorts_tasks
from snippets import scheduling
from snippets import tasks as snippets_tasks
from snippets.enums import OfferStatus
from snippets.scheduling import Entry, Scheduler, load_schedule
from tests.snippets.factories import OfferFactory

ROOT = Path(__file__).resolve().parents[2]
UTC = datetime.UTC
RUNS = []  # what record_run did, in this process (the ImmediateBackend runs tasks within enqueue)


@task()
def record_run():
    RUNS.append(timezone.now())


RECORD_RUN = f"{__name__}.record_run"
HOURLY = {"name": "hourly", "task": RECORD_RUN, "every": 3600}
DAILY = {"name": "daily", "task": RECORD_RUN, "at": "08:00"}


@pytest.fixture(autouse=True)
def _no_runs():
    RUNS.clear()
    yield
    RUNS.clear()


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def slot_starts(entry, *moments):
    return [entry.latest_slot(moment).starts_at for moment in moments]


def enqueued_slots(scheduler, now):
    return [(item.entry.name, item.slot.starts_at) for item in scheduler.tick(now)]


# Slots --------------------------------------------------------------------------------------------------------------


def test_every_n_seconds_slots_are_aligned_on_the_clock_not_on_the_start():
    entry = Entry.from_setting(HOURLY)

    assert slot_starts(entry, utc(2025, 6, 2, 10, 0), utc(2025, 6, 2, 10, 59, 59)) == [utc(2025, 6, 2, 10)] * 2
    assert entry.latest_slot(utc(2025, 6, 2, 11)).starts_at == utc(2025, 6, 2, 11)
    assert entry.next_start(utc(2025, 6, 2, 10, 17)) == utc(2025, 6, 2, 11)
    every_minute = Entry.from_setting({"name": "counters", "task": RECORD_RUN, "every": 60})
    assert every_minute.latest_slot(utc(2025, 6, 2, 10, 17, 42)).starts_at == utc(2025, 6, 2, 10, 17)


def test_a_daily_time_is_in_paris_time_in_winter_and_in_summer():
    entry = Entry.from_setting(DAILY)

    # 08:00 in Paris is 07:00 UTC in winter (CET) and 06:00 UTC in summer (CEST).
    assert entry.latest_slot(utc(2025, 1, 15, 7, 0)).starts_at == utc(2025, 1, 15, 7)
    assert entry.latest_slot(utc(2025, 1, 15, 6, 59)).starts_at == utc(2025, 1, 14, 7)  # not yet: yesterday's
    assert entry.latest_slot(utc(2025, 7, 15, 6, 0)).starts_at == utc(2025, 7, 15, 6)
    assert entry.next_start(utc(2025, 7, 15, 6, 0)) == utc(2025, 7, 16, 6)


def test_on_the_day_clocks_go_forward_the_daily_time_follows_paris():
    """30 March 2025: Paris goes from 02:00 CET to 03:00 CEST. 08:00 moves from 07:00 UTC the day before to 06:00
    UTC; the day is 23 hours long, and each day still has one slot."""
    entry = Entry.from_setting(DAILY)

    assert entry.latest_slot(utc(2025, 3, 29, 7)).starts_at == utc(2025, 3, 29, 7)
    assert entry.next_start(utc(2025, 3, 29, 7)) == utc(2025, 3, 30, 6)
    assert entry.latest_slot(utc(2025, 3, 30, 5, 59)).key.endswith(":2025-03-29")
    assert entry.latest_slot(utc(2025, 3, 30, 6)).key.endswith(":2025-03-30")

    scheduler = Scheduler([entry])
    hours = [utc(2025, 3, 29, 0) + datetime.timedelta(minutes=30 * n) for n in range(2 * 72)]
    enqueued = [slot for now in hours for slot in enqueued_slots(scheduler, now)]
    # The first tick catches up the 28th's slot; then one per day, at 08:00 in Paris.
    assert [start for _name, start in enqueued] == [
        utc(2025, 3, 28, 7), utc(2025, 3, 29, 7), utc(2025, 3, 30, 6), utc(2025, 3, 31, 6),
    ]


def test_a_time_the_spring_change_skips_runs_an_hour_later_once():
    entry = Entry.from_setting({"name": "night", "task": RECORD_RUN, "at": "02:30"})

    # 02:30 does not exist in Paris on 30 March 2025: the slot is 01:30 UTC, which is 03:30 CEST.
    assert entry.latest_slot(utc(2025, 3, 30, 1, 29)).key.endswith(":2025-03-29")
    start = entry.latest_slot(utc(2025, 3, 30, 1, 30)).starts_at
    assert start == utc(2025, 3, 30, 1, 30)
    assert timezone.localtime(start).strftime("%H:%M %Z") == "03:30 CEST"


def test_a_time_the_autumn_change_shows_twice_runs_at_its_first_occurrence_only():
    """26 October 2025: Paris goes from 03:00 CEST back to 02:00 CET, so 02:30 happens at 00:30 and 01:30 UTC."""
    scheduler = Scheduler([Entry.from_setting({"name": "night", "task": RECORD_RUN, "at": "02:30"})])
    scheduler.tick(utc(2025, 10, 25, 23))  # the 25th's slot, caught up

    assert enqueued_slots(scheduler, utc(2025, 10, 26, 0, 29)) == []
    assert enqueued_slots(scheduler, utc(2025, 10, 26, 0, 30)) == [("night", utc(2025, 10, 26, 0, 30))]
    assert enqueued_slots(scheduler, utc(2025, 10, 26, 1, 30)) == []  # 02:30 CET, the second time
    assert enqueued_slots(scheduler, utc(2025, 10, 27, 1, 30)) == [("night", utc(2025, 10, 27, 1, 30))]


# Several schedulers, restarts --------------------------------------------------------------------------------------


def test_two_schedulers_sharing_the_cache_enqueue_each_slot_once():
    """One scheduler per machine: whichever claims a slot first in the shared cache enqueues it, the other skips."""
    first, second = Scheduler(load_schedule([HOURLY, DAILY])), Scheduler(load_schedule([HOURLY, DAILY]))
    moments = [utc(2025, 6, 2, 5) + datetime.timedelta(minutes=10 * n) for n in range(6 * 24)]  # a day, each 10 min

    enqueued = []
    for now in moments:
        for scheduler in (first, second) if now.minute % 20 else (second, first):  # either may come first
            enqueued += enqueued_slots(scheduler, now)

    hourly = [start for name, start in enqueued if name == "hourly"]
    daily = [start for name, start in enqueued if name == "daily"]
    assert hourly == [utc(2025, 6, 2, 5) + datetime.timedelta(hours=n) for n in range(24)]
    assert daily == [utc(2025, 6, 1, 6), utc(2025, 6, 2, 6)]  # 08:00 in Paris, summer time; the 1st's caught up
    assert len(RUNS) == 24 + 2  # each enqueued task ran once (ImmediateBackend)


def test_a_restart_within_a_slot_does_not_enqueue_it_again():
    Scheduler(load_schedule([HOURLY, DAILY])).tick(utc(2025, 6, 2, 10, 5))
    restarted = Scheduler(load_schedule([HOURLY, DAILY]))

    assert restarted.tick(utc(2025, 6, 2, 10, 55)) == []
    assert enqueued_slots(restarted, utc(2025, 6, 2, 11)) == [("hourly", utc(2025, 6, 2, 11))]


def test_a_slot_missed_while_no_scheduler_ran_is_enqueued_once_after_the_restart():
    Scheduler(load_schedule([HOURLY, DAILY])).tick(utc(2025, 6, 2, 6, 30))  # then stopped, for three days

    restarted = Scheduler(load_schedule([HOURLY, DAILY]))
    after_restart = utc(2025, 6, 5, 14, 20)
    # The latest slot of each entry, once: not one run per missed hour or day (the tasks catch up what is due).
    assert enqueued_slots(restarted, after_restart) == [("hourly", utc(2025, 6, 5, 14)), ("daily", utc(2025, 6, 5, 6))]
    assert restarted.tick(after_restart + datetime.timedelta(minutes=1)) == []
    assert Scheduler(load_schedule([HOURLY, DAILY])).tick(after_restart) == []  # a second machine, restarted too
    assert len(RUNS) == 2 + 2


def test_a_slot_whose_enqueue_failed_is_tried_again_at_the_next_tick(monkeypatch, caplog):
    scheduler = Scheduler(load_schedule([HOURLY]))
    resolve = Entry.resolve

    def broken(entry):
        raise ConnectionError("the database is down")

    monkeypatch.setattr(Entry, "resolve", broken)
    assert scheduler.tick(utc(2025, 6, 2, 10, 1)) == []
    assert "hourly could not be enqueued" in caplog.text

    monkeypatch.setattr(Entry, "resolve", resolve)
    assert enqueued_slots(scheduler, utc(2025, 6, 2, 10, 2)) == [("hourly", utc(2025, 6, 2, 10))]


# Enqueue and loop --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_tick_enqueues_through_django_tasks_for_the_worker(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    caplog.set_level("INFO", logger="snippets.scheduling")

    [enqueued] = Scheduler(load_schedule([HOURLY])).tick(utc(2025, 6, 2, 10, 1))

    queued = DBTaskResult.objects.get()
    assert (str(queued.id), queued.task_path, queued.status) == (enqueued.result_id, RECORD_RUN, "READY")
    assert RUNS == []  # the worker runs it, not the scheduler
    assert f"enqueued hourly ({RECORD_RUN}, every 3600 s) for 2025-06-02T10:00:00+00:00, task result {queued.id}" in (
        caplog.text
    )


def test_the_loop_sleeps_until_the_next_slot_and_stops_when_told():
    scheduler = Scheduler(load_schedule([HOURLY, {"name": "counters", "task": RECORD_RUN, "every": 60}]))
    assert scheduler.seconds_until_next(utc(2025, 6, 2, 10, 0, 45)) == 15
    assert scheduler.seconds_until_next(utc(2025, 6, 2, 10, 0, 59, 999_999)) == scheduling.MIN_WAIT_SECONDS
    assert Scheduler(load_schedule([DAILY])).seconds_until_next(utc(2025, 6, 2, 7)) == scheduling.MAX_WAIT_SECONDS

    class Stop(threading.Event):
        """Set after three waits; records how long each would have slept."""

        def __init__(self):
            super().__init__()
            self.waits = []

        def wait(self, timeout=None):
            self.waits.append(timeout)
            if len(self.waits) == 3:
                self.set()
            return self.is_set()

    moments = iter([utc(2025, 6, 2, 10, 0, 45), utc(2025, 6, 2, 10, 1), utc(2025, 6, 2, 10, 1, 30)])
    stop = Stop()
    scheduler.run(stop, clock=lambda: next(moments))
    assert stop.waits == [15, 60, 30]
    assert len(RUNS) == 3  # hourly and counters at 10:00, counters at 10:01


def test_run_scheduler_once_enqueues_what_is_due(settings):
    settings.TREMPLIN_SCHEDULE = [HOURLY, DAILY]
    call_command("run_scheduler", "--once")
    call_command("run_scheduler", "--once")

    assert len(RUNS) == 2


def test_run_scheduler_refuses_a_task_that_does_not_exist(settings):
    settings.TREMPLIN_SCHEDULE = [{"name": "typo", "task": "snippets.tasks.expire_offer", "every": 3600}]
    with pytest.raises(CommandError, match="typo's task snippets.tasks.expire_offer cannot be imported"):
        call_command("run_scheduler", "--once")


def test_run_scheduler_logs_its_enqueues_and_stops_cleanly_on_sigterm(tmp_path):
    """The real command, in its own process: it enqueues at start, sleeps, and SIGTERM ends it at once, exit code 0."""
    (tmp_path / "scheduler_settings.py").write_text(
        "import shutil\n"
        "from cms.settings.test import *  # noqa\n"
        "shutil.rmtree(MEDIA_ROOT, ignore_errors=True)  # the test settings made a media folder of their own\n"
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3', 'NAME': {str(tmp_path / 'db')!r}}}}}\n"
        f"TREMPLIN_SCHEDULE = [{HOURLY!r}]\n"
        "LOGGING['root']['level'] = 'INFO'\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scheduler_settings",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    log = tmp_path / "scheduler.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "manage.py", "run_scheduler"], cwd=ROOT, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "Schedule: enqueued hourly" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"no enqueue after 60 s:\n{log.read_text()}"
            time.sleep(0.05)
        stopped_at = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0, log.read_text()
        assert time.monotonic() - stopped_at < 5  # at once, not at the end of its sleep (the next hour)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    assert "Schedule: scheduler started: hourly every 3600 s." in log.read_text()
    assert log.read_text().rstrip().endswith("Schedule: scheduler stopped.")


# The schedule and its tasks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, problem", [
    ({"name": "x", "task": RECORD_RUN}, "either every"),
    ({"name": "x", "task": RECORD_RUN, "every": 60, "at": "08:00"}, "either every"),
    ({"name": "x", "task": RECORD_RUN, "every": 0}, "positive number"),
    ({"name": "x", "task": RECORD_RUN, "every": "60"}, "positive number"),
    ({"name": "x", "task": RECORD_RUN, "at": "8h"}, "HH:MM"),
    ({"name": "x", "task": RECORD_RUN, "at": "24:00"}, "HH:MM"),
    ({"name": "x", "task": RECORD_RUN, "every": 60, "cron": "* * * * *"}, "each entry is a dict"),
    ({"task": RECORD_RUN, "every": 60}, "each entry is a dict"),
])
def test_a_malformed_entry_is_refused(raw, problem):
    with pytest.raises(ImproperlyConfigured, match=problem):
        load_schedule([raw])


def test_entry_names_are_unique_since_they_name_the_claims():
    with pytest.raises(ImproperlyConfigured, match="names must be unique, not hourly"):
        load_schedule([HOURLY, {**DAILY, "name": "hourly"}])


def test_the_default_schedule_runs_the_periodic_work():
    assert {entry.name: entry.describe() for entry in load_schedule()} == {
        "expire_offers": "every 3600 s",
        "purge_imports": "every 3600 s",
        "remind_inactive_coaches": "daily at 09:00 (Europe/Paris)",
        "apply_retention": "daily at 03:30 (Europe/Paris)",
        "flush_story_counters": "every 60 s",
    }


@pytest.mark.parametrize("entry", settings.TREMPLIN_SCHEDULE, ids=lambda entry: entry["name"])
def test_each_task_of_the_default_schedule_is_a_django_task(entry):
    """run_scheduler refuses to start otherwise. flush_story_counters needs pages/tasks.py."""
    assert Entry.from_setting(entry).resolve().module_path == entry["task"]


@pytest.mark.django_db
def test_the_offer_expiry_task_takes_an_expired_offer_offline():
    offer = OfferFactory(published=True, expires_on=timezone.localdate() - datetime.timedelta(days=1))

    result = snippets_tasks.expire_offers.enqueue()

    assert (result.status, result.return_value) == (TaskResultStatus.SUCCESSFUL, {"reminded": 0, "expired": 1})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED


@pytest.mark.django_db
@pytest.mark.parametrize("periodic_task, counts", [
    (cohorts_tasks.remind_inactive_coaches, {"reminded": 0}),
    (cohorts_tasks.purge_imports, {"interrupted": 0, "files_deleted": 0}),
    (cohorts_tasks.apply_retention,
     {"contact_requests": 0, "import_reports": 0, "coaching_notes": 0, "left_candidates": 0}),
], ids=["remind_inactive_coaches", "purge_imports", "apply_retention"])
def test_the_programme_tasks_run_their_service_and_keep_its_counts(periodic_task, counts):
    """Nothing is due in an empty programme: each task succeeds and keeps its service's counts on its result."""
    result = periodic_task.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value.items() >= counts.items()
    assert set(result.return_value.values()) == {0}


def test_claims_live_in_the_shared_cache_under_the_slot_key():
    Scheduler(load_schedule([HOURLY])).tick(utc(2025, 6, 2, 10, 1))

    assert cache.get(f"tremplin-schedule:hourly:{int(utc(2025, 6, 2, 10).timestamp())}") is not None
