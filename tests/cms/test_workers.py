"""Background work on several machines: two real task workers (`manage.py db_worker`) on one queue never run the same
task, and two schedulers on one Redis enqueue each slot once.

Why the workers never share a task: django-tasks-db's worker claims a task inside a transaction, by
``DBTaskResult.objects.ready()...get_locked()``, which is ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL (a row
another worker has locked is skipped, not waited for), then marks it RUNNING with its worker id before it commits. On
SQLite, which has no FOR UPDATE, the same claim runs in a ``BEGIN EXCLUSIVE`` transaction: workers sharing the file
claim one at a time (one machine only, since SQLite is a local file).

The workers are other processes, so they need a database they can open: on PostgreSQL, the test database itself; on
SQLite, whose test database lives in this process's memory, a copy in a file (SQLite's backup API), copied back once
the workers are stopped, as in tests/cohorts/imports/test_worker_kill.py.
"""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from snippets.scheduling import Scheduler, load_schedule
from tests.shared_cache import disconnect
from tests.workers import WorkerDatabase

ROOT = Path(__file__).resolve().parents[2]
TASKS = 40
WORKERS = ("worker-a", "worker-b")
TIMEOUT = 120  # seconds for the whole run; it takes a few on an idle machine


@task()
def record_run(folder, number):
    """Append "start", wait until the test says go (within the test's time limit), append "done", each an O_APPEND line.

    The first task each worker claims holds it until both workers have claimed one, so that the two are seen
    claiming side by side; after "go", both race for the remaining tasks.
    """
    folder = Path(folder)
    with (folder / "runs.txt").open("a") as runs:
        runs.write(f"start {number} {os.getpid()}\n")
    deadline = time.monotonic() + TIMEOUT
    while not (folder / "go").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never said go")
        time.sleep(0.01)
    time.sleep(0.02)  # a task that takes a moment, so that the other worker claims meanwhile
    with (folder / "runs.txt").open("a") as runs:
        runs.write(f"done {number} {os.getpid()}\n")


def read_runs(folder):
    path = folder / "runs.txt"
    lines = path.read_text().splitlines() if path.exists() else []
    return [(kind, int(number), int(pid)) for kind, number, pid in (line.split() for line in lines)]


def start_worker(folder, database, worker_id):
    """`manage.py db_worker` on the default queue, in a process group of its own, on settings written for it."""
    module = folder / "workers_settings.py"
    module.write_text(
        "import shutil\n"
        "from cms.settings.test import *  # noqa\n"
        "shutil.rmtree(MEDIA_ROOT, ignore_errors=True)  # the test settings made a media folder of their own\n"
        f"DATABASES = {{'default': {database.settings()!r}}}\n"
        "TASKS = {'default': {'BACKEND': 'django_tasks_db.DatabaseBackend'}}\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "workers_settings",
           "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with (folder / f"{worker_id}.log").open("w") as log:  # the worker keeps its own copy of the handle
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay", "--no-reload",
             "--worker-id", worker_id],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def logs(folder):
    return "\n".join(f"--- {name}:\n{(folder / f'{name}.log').read_text()[-2000:]}" for name in WORKERS)


def wait_for(condition, what, workers, folder, deadline):
    while time.monotonic() < deadline:
        if condition():
            return
        if any(worker.poll() is not None for worker in workers):
            pytest.fail(f"a worker stopped before {what}:\n{logs(folder)}")
        time.sleep(0.02)
    pytest.fail(f"no {what} within {TIMEOUT} s:\n{read_runs(folder)}\n{logs(folder)}")


def stop(workers):
    """SIGTERM, which db_worker handles between tasks; SIGKILL if one has not stopped within 20 seconds."""
    for worker in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_on_one_queue_run_each_task_exactly_once_and_share_them(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for number in range(TASKS):
        record_run.enqueue(str(tmp_path), number)
    assert DBTaskResult.objects.ready().count() == TASKS
    database = WorkerDatabase(tmp_path)
    database.hand_over()

    deadline = time.monotonic() + TIMEOUT
    workers = [start_worker(tmp_path, database, worker_id) for worker_id in WORKERS]
    try:
        # Both workers hold a task of their own, at the same time: then go.
        wait_for(lambda: len({pid for kind, _n, pid in read_runs(tmp_path) if kind == "start"}) == 2,
                 "task started by each worker", workers, tmp_path, deadline)
        (tmp_path / "go").touch()
        wait_for(lambda: sum(kind == "done" for kind, _n, _pid in read_runs(tmp_path)) >= TASKS,
                 f"{TASKS} tasks done", workers, tmp_path, deadline)
        time.sleep(0.2)  # a task run twice would have had its chance to start
    finally:
        stop(workers)
    database.take_back()

    runs = read_runs(tmp_path)
    starts = Counter(number for kind, number, _pid in runs if kind == "start")
    dones = Counter(number for kind, number, _pid in runs if kind == "done")
    assert starts == dones == Counter(range(TASKS)), "each task ran exactly once"
    by_process = Counter(pid for kind, _n, pid in runs if kind == "done")
    assert set(by_process) == {worker.pid for worker in workers}, "both workers ran tasks"

    # The database says the same: every task succeeded, claimed by one worker, and both workers claimed some.
    results = list(DBTaskResult.objects.filter(task_path=record_run.module_path))
    assert len(results) == TASKS
    assert {result.status for result in results} == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
    assert {result.worker_ids[0] for result in results} == set(WORKERS)


# Two schedulers, one Redis ------------------------------------------------------------------------------------------

ENQUEUED = []


@task()
def count_enqueue():
    ENQUEUED.append(threading.get_ident())


def test_two_schedulers_on_one_redis_enqueue_each_slot_once_even_when_ticking_at_the_same_instant(
    redis_url, cache_key_prefix,
):
    """Two machines, each its scheduler and its own Redis client, tick together at each of 50 hourly slots: the
    claim (SET NX) lets one of them enqueue, never both, never neither."""
    schedule = [{"name": "hourly", "task": f"{__name__}.count_enqueue", "every": 3600}]
    caches = [RedisCache(redis_url, {"KEY_PREFIX": cache_key_prefix}) for _ in range(2)]
    schedulers = [Scheduler(load_schedule(schedule), cache=cache) for cache in caches]
    moments = [datetime.datetime(2025, 6, 2, tzinfo=datetime.UTC) + datetime.timedelta(hours=n) for n in range(50)]
    together = threading.Barrier(2)
    enqueued = [[], []]

    def machine(index):
        for now in moments:
            together.wait(timeout=30)
            enqueued[index] += [item.slot.starts_at for item in schedulers[index].tick(now)]

    ENQUEUED.clear()
    threads = [threading.Thread(target=machine, args=(index,)) for index in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        for cache in caches:
            disconnect(cache)
    assert not any(thread.is_alive() for thread in threads)

    assert sorted(enqueued[0] + enqueued[1]) == moments
    assert len(ENQUEUED) == len(moments)  # each slot's task ran once (ImmediateBackend, in the enqueuing thread)

