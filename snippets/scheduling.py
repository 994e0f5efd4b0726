"""The schedule of periodic work: which django task is enqueued when, and by which of several schedulers.

``manage.py run_scheduler`` reads ``settings.TREMPLIN_SCHEDULE`` and, at each slot of each entry, enqueues the entry's
task; the background worker (``manage.py db_worker``) runs it. An entry runs either ``every`` N seconds, its slots
aligned on the clock (3600 is at the top of each hour, whenever the scheduler started), or each day ``at`` "HH:MM" in
the site's time zone (``TIME_ZONE``, Europe/Paris). On the day clocks go forward, a time that day skips (02:30) runs
an hour later (03:30); on the day they go back, a time seen twice runs at its first occurrence only.

Several schedulers, one per machine, enqueue each slot once: a scheduler claims a slot with an atomic ``cache.add``
(SET NX in Redis, the cache every machine shares in production), and only the one whose claim succeeds enqueues. The
claim outlives its slot, so a scheduler restarted within a slot does not enqueue it again; a scheduler that was
stopped while a slot began enqueues, when it starts, the latest slot of each entry that nobody claimed (once, however
many slots it missed: the tasks are idempotent and catch up whatever is due). Without a shared cache (no REDIS_URL),
run one scheduler only; losing the cache (a Redis restarted empty, or ``make run`` restarted) at worst runs the
latest slot of each entry once more, which the tasks, being idempotent, tolerate.
"""

import datetime
import logging
import re
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache as default_cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

logger = logging.getLogger(__name__)

KEY_PREFIX = "tremplin-schedule"
DAY = datetime.timedelta(days=1)
ENTRY_KEYS = {"name", "task", "every", "at"}
TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# The loop wakes at least this often, so that a clock set back or a claim lost in the cache is caught up soon.
MAX_WAIT_SECONDS = 60.0
MIN_WAIT_SECONDS = 0.05


@dataclass(frozen=True)
class Slot:
    """One due run of an entry: ``key`` names it in the shared cache, ``starts_at`` is when it became due (UTC)."""

    key: str
    starts_at: datetime.datetime


@dataclass(frozen=True)
class Entry:
    """One line of the schedule: the task at ``task`` (a dotted path), every ``every`` seconds or daily ``at``."""

    name: str
    task: str
    every: int | None = None
    at: datetime.time | None = None

    @classmethod
    def from_setting(cls, raw):
        """An entry from its dictionary in ``TREMPLIN_SCHEDULE``; ImproperlyConfigured says what is wrong."""
        if not isinstance(raw, dict) or not {"name", "task"} <= raw.keys() or raw.keys() - ENTRY_KEYS:
            raise ImproperlyConfigured(
                f"TREMPLIN_SCHEDULE: each entry is a dict of name, task and either every or at, not {raw!r}"
            )
        name, path = raw["name"], raw["task"]
        if not isinstance(name, str) or not name or not isinstance(path, str) or not path:
            raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: {raw!r} needs a name and a task's dotted path")
        if ("every" in raw) == ("at" in raw):
            raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: {name} needs either every (seconds) or at (HH:MM)")
        if "every" in raw:
            every = raw["every"]
            if isinstance(every, bool) or not isinstance(every, int) or every <= 0:
                raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: {name}'s every is a positive number of seconds")
            return cls(name=name, task=path, every=every)
        match = TIME_OF_DAY.match(str(raw["at"]))
        if not match:
            raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: {name}'s at is a time of day, HH:MM (24 h)")
        return cls(name=name, task=path, at=datetime.time(int(match[1]), int(match[2])))

    def resolve(self):
        """The django task this entry enqueues; ImproperlyConfigured if the path names none."""
        try:
            task = import_string(self.task)
        except ImportError as error:
            message = f"TREMPLIN_SCHEDULE: {self.name}'s task {self.task} cannot be imported"
            raise ImproperlyConfigured(message) from error
        if not isinstance(task, Task):
            raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: {self.task} is not a django task (@task())")
        return task

    def _daily_at(self, day):
        """This entry's time on ``day``, in UTC. A time the day skips gets the offset of before the change (02:30
        is then 03:30); a time the day sees twice, its first occurrence (fold=0 of PEP 495)."""
        local = datetime.datetime.combine(day, self.at, tzinfo=timezone.get_default_timezone())
        return local.astimezone(datetime.UTC)

    def latest_slot(self, now):
        """The slot due most recently at ``now`` (an aware datetime): the one a scheduler enqueues if unclaimed."""
        if self.every:
            start = int(now.timestamp()) // self.every * self.every
            return Slot(f"{KEY_PREFIX}:{self.name}:{start}", datetime.datetime.fromtimestamp(start, datetime.UTC))
        day = timezone.localtime(now).date()
        if self._daily_at(day) > now:
            day -= DAY
        return Slot(f"{KEY_PREFIX}:{self.name}:{day.isoformat()}", self._daily_at(day))

    def next_start(self, now):
        """When the slot after the latest one begins (UTC)."""
        if self.every:
            start = (int(now.timestamp()) // self.every + 1) * self.every
            return datetime.datetime.fromtimestamp(start, datetime.UTC)
        day = timezone.localtime(now).date()
        while self._daily_at(day) <= now:
            day += DAY
        return self._daily_at(day)

    @property
    def claim_seconds(self):
        """How long a claim stays in the cache: two periods (an hour at least), well past the slot it stands for,
        so that a scheduler whose clock lags behind the others' does not enqueue a slot again."""
        return max(2 * self.every, 3600) if self.every else int(2 * DAY.total_seconds())

    def describe(self):
        return f"every {self.every} s" if self.every else f"daily at {self.at:%H:%M} ({settings.TIME_ZONE})"


@dataclass(frozen=True)
class Enqueued:
    """What one tick enqueued: the entry, its slot, and the task result's id."""

    entry: Entry
    slot: Slot
    result_id: str


def load_schedule(raw=None):
    """The entries of ``raw`` (by default ``settings.TREMPLIN_SCHEDULE``), checked; names are unique."""
    raw = settings.TREMPLIN_SCHEDULE if raw is None else raw
    entries = [Entry.from_setting(item) for item in raw]
    names = [entry.name for entry in entries]
    if duplicates := sorted({name for name in names if names.count(name) > 1}):
        raise ImproperlyConfigured(f"TREMPLIN_SCHEDULE: names must be unique, not {', '.join(duplicates)}")
    return entries


class Scheduler:
    """Enqueues the tasks of a schedule at their slots; ``tick(now)`` does one pass, ``run(stop)`` loops."""

    def __init__(self, entries, *, cache=None):
        self.entries = list(entries)
        self.cache = cache or default_cache

    @classmethod
    def from_settings(cls, **kwargs):
        """The scheduler of ``settings.TREMPLIN_SCHEDULE``, every task already imported: a typo fails at start."""
        entries = load_schedule()
        for entry in entries:
            entry.resolve()
        return cls(entries, **kwargs)

    def tick(self, now):
        """Enqueue the latest slot of each entry that no scheduler has claimed yet; return what was enqueued.

        One entry that fails (the cache or the database unreachable) is logged and left unclaimed, to be tried again
        at the next tick; the others go ahead.
        """
        enqueued = []
        for entry in self.entries:
            slot = entry.latest_slot(now)
            try:
                if not self.cache.add(slot.key, now.isoformat(), timeout=entry.claim_seconds):
                    continue  # this scheduler, or another, has enqueued this slot already
                try:
                    result = entry.resolve().enqueue()
                except Exception:
                    self.cache.delete(slot.key)
                    raise
            except Exception:
                logger.exception("Schedule: %s could not be enqueued for %s; tried again at the next tick.",
                                 entry.name, slot.starts_at.isoformat())
                continue
            logger.info("Schedule: enqueued %s (%s, %s) for %s, task result %s.", entry.name, entry.task,
                        entry.describe(), slot.starts_at.isoformat(), result.id)
            enqueued.append(Enqueued(entry, slot, str(result.id)))
        return enqueued

    def seconds_until_next(self, now):
        """How long the loop may sleep after a tick at ``now``: until the next slot begins, within bounds."""
        if not self.entries:
            return MAX_WAIT_SECONDS
        wait = min(entry.next_start(now) for entry in self.entries) - now
        return min(max(wait.total_seconds(), MIN_WAIT_SECONDS), MAX_WAIT_SECONDS)

    def run(self, stop: threading.Event, *, clock=timezone.now):
        """Tick, then sleep until the next slot, until ``stop`` is set (by SIGTERM, in ``run_scheduler``)."""
        while not stop.is_set():
            now = clock()
            self.tick(now)
            stop.wait(self.seconds_until_next(now))
