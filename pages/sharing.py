"""Sharing stories and counting what happens to them, on our own server: no tracker, no IP address stored.

A view, a share or a QR scan counts once per visitor, day and event. The visitor is recognised by a keyed hash of
their address and browser under a salt of the day, drawn at random and kept in the shared cache only until the day
is over: the hash is kept in the cache until then too, and neither the address, the browser nor the hash is ever
written to the database. No session is needed, so a story page is the same for everyone and can be cached whole.

Where the cache is Redis (production), a count is an atomic increment in Redis, and ``flush_counts`` (run every
minute by the worker: pages/tasks.py) moves the counts to the daily ``StoryCounter`` rows in batches; a share
campaign's thousands of views are then no database write each. A batch is moved exactly once, even when the
process that moves it dies half-way (``CounterBatch``). Without Redis (a development machine), each count is
written to the database at once.
"""

import contextlib
import datetime
import hashlib
import hmac
import logging
import re
import uuid
from functools import reduce
from importlib import import_module
from operator import or_
from urllib.parse import quote, urlencode, urljoin

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, Q, Sum, TextField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext

from cohorts.enums import ConsentPurpose
from cohorts.models import ConsentRecord
from pages.antispam import client_address
from pages.enums import CounterKind, ShareChannel
from pages.models import CandidatePage, CounterBatch, StoryCounter
from pages.models.stories import current_consent

logger = logging.getLogger(__name__)

# Link previews, search engines and monitors: served as anyone else, never counted.
BOT_USER_AGENT = re.compile(r"bot|crawl|spider|preview|slurp|facebookexternalhit", re.IGNORECASE)

# The networks a share link sends to, through our counting redirect (pages:share).
NETWORK_CHANNELS = (
    ShareChannel.LINKEDIN,
    ShareChannel.FACEBOOK,
    ShareChannel.X,
    ShareChannel.WHATSAPP,
    ShareChannel.EMAIL,
)
# Shares that happen in the browser (copy the link, the phone's share menu), told to us by a POST.
BROWSER_CHANNELS = (ShareChannel.COPY_LINK, ShareChannel.NATIVE)

# What visitors' sessions held before counting stopped using sessions; the retention purge still clears it.
SESSION_KEY = "story_counted"


def is_bot(request):
    """Whether the request comes from a robot (by its user agent, read here and never stored)."""
    return bool(BOT_USER_AGENT.search(request.headers.get("User-Agent", "")))


def shareable_stories():
    """Published stories whose candidate agreed that they be shared on social networks."""
    return CandidatePage.objects.published_stories().filter(current_consent(ConsentPurpose.SOCIAL_SHARING))


def sharing_allowed(page):
    """Whether share buttons may show on this story: its candidate consents to social sharing.

    Reads a ``sharing_consented`` annotation when the page comes with one, else asks the database once.
    """
    consented = getattr(page, "sharing_consented", None)
    if consented is None:
        consented = (
            ConsentRecord.objects.current()
            .filter(candidate_id=page.candidate_id, purpose=ConsentPurpose.SOCIAL_SHARING)
            .exists()
        )
    return consented


def story_share_text(page):
    """The sentence a share proposes; only public fields of the page, never the private record."""
    return gettext("Meet %(name)s, who is looking for a job") % {"name": page.title}


def share_target_url(channel, *, url, page):
    """The network's own share address for ``url``, which the share redirect sends the visitor to."""
    text = story_share_text(page)
    if channel == ShareChannel.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}, quote_via=quote)
    if channel == ShareChannel.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}, quote_via=quote)
    if channel == ShareChannel.X:
        return "https://x.com/intent/tweet?" + urlencode({"text": text, "url": url}, quote_via=quote)
    if channel == ShareChannel.WHATSAPP:
        return "https://wa.me/?" + urlencode({"text": f"{text} {url}"}, quote_via=quote)
    if channel == ShareChannel.EMAIL:
        body = "\n\n".join(part for part in (text, page.catchphrase, url) if part)
        return "mailto:?" + urlencode({"subject": text, "body": body}, quote_via=quote)
    raise ValueError(f"Not a network share channel: {channel}")


def qr_scan_url(page, *, page_url):
    """The absolute short link a printed QR code points to: it counts the scan, then shows the story."""
    return urljoin(page_url, reverse("pages:qr_scan", args=[page.pk]))


# Counting -------------------------------------------------------------------------------------------

# The day's salt in this process, by its cache key (see _salt_of).
_salts = {}
PENDING_KEY = "story-counts:pending"
# In one round trip to Redis: remember the visitor's event until the day ends, and count it if it is new.
COUNT_ONCE = """
if redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then
    redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
    return 1
end
return 0
"""
BATCH_PREFIX = "story-counts:batch:"
# Applied batches are remembered this long: a batch left behind by a dead process is retried within minutes.
BATCH_MEMORY = datetime.timedelta(days=7)


def _seconds_left(day):
    """Seconds until the end of ``day`` in the programme's time zone, plus an hour's margin."""
    next_day = day + datetime.timedelta(days=1)
    tomorrow = datetime.datetime.combine(next_day, datetime.time(), timezone.get_current_timezone())
    return max(int((tomorrow - timezone.now()).total_seconds()), 0) + 3600


def _salt_of(day):
    """The day's salt: drawn by the first process that needs it, read by all from the shared cache.

    Each process keeps it for the day (keyed by the cache's own key, so a cache of another site never lends its
    salt): a story page served from the page cache then costs one round trip to Redis for its count.
    """
    key = f"story-counts:salt:{day.isoformat()}"
    full_key = cache.make_and_validate_key(key)
    salt = _salts.get(full_key)
    if salt is None:
        salt = cache.get(key)
        if salt is None:
            cache.add(key, get_random_string(32), timeout=_seconds_left(day))
            salt = cache.get(key)
        _salts.clear()
        _salts[full_key] = salt
    return salt


def _visitor_event_key(request, *, day, event):
    """A key that is the same for one visitor's one event of one day, and tells nothing about them.

    The day's salt is random and forgotten with the day: nobody, us included, can tell whose address it was.
    """
    visitor = f"{client_address(request)}|{request.headers.get('User-Agent', '')}|{event}"
    digest = hmac.new(_salt_of(day).encode(), visitor.encode(), hashlib.sha256).hexdigest()
    return f"story-counts:seen:{day.isoformat()}:{digest}"


def increment_counter(*, page_id, kind, channel, day, by=1):
    """Add ``by`` to a story's daily counter, creating it when it is the day's first; safe for concurrent requests.

    One UPDATE is atomic on its own, so most calls cost one query and need no transaction. On the day's first
    event two requests may both find no row: the loser of the INSERT race meets the unique constraint, inside
    its own savepoint, and adds to the row the winner created.
    """
    counters = StoryCounter.objects.filter(page_id=page_id, kind=kind, channel=channel, day=day)
    if counters.update(count=F("count") + by):
        return
    try:
        with transaction.atomic():
            StoryCounter.objects.create(page_id=page_id, kind=kind, channel=channel, day=day, count=by)
    except IntegrityError:
        counters.update(count=F("count") + by)


def _redis_cache():
    """The default cache when it is Redis (production), else None: counts then go straight to the database."""
    backend = caches["default"]
    return backend if isinstance(backend, RedisCache) else None


def record_event(*, request, page_id, kind, channel=ShareChannel.DIRECT):
    """Count one view, share or QR scan of a story, once per visitor and day; robots are not counted.

    The caller has checked that the story may be counted (a published story). Returns whether it counted.
    """
    if is_bot(request):
        return False
    day = timezone.localdate()
    seen = _visitor_event_key(request, day=day, event=f"{kind}:{page_id}:{channel}")
    redis_cache = _redis_cache()
    if redis_cache is None:
        if not cache.add(seen, 1, timeout=_seconds_left(day)):
            return False
        increment_counter(page_id=page_id, kind=kind, channel=channel, day=day)
        return True
    client = redis_cache._cache.get_client(write=True)
    keys = (redis_cache.make_and_validate_key(seen), redis_cache.make_and_validate_key(PENDING_KEY))
    return bool(client.eval(COUNT_ONCE, 2, *keys, _seconds_left(day), f"{page_id}:{kind}:{channel}:{day}"))


def count_story_view(request, *, page_id):
    """Count a visitor's view of a published story; previews and other methods than GET are not views."""
    if request.method == "GET" and not getattr(request, "is_preview", False):
        record_event(request=request, page_id=page_id, kind=CounterKind.VIEW)


def flush_counts():
    """Move the counts waiting in Redis to the daily counters; return how many events were moved.

    The pending counts are renamed into a batch of their own at once (new counts start a new pending set), then
    written in one transaction that also records the batch: a batch a dead process left behind is found and moved
    by the next run, and never twice.
    """
    redis_cache = _redis_cache()
    if redis_cache is None:
        return 0
    client = redis_cache._cache.get_client(write=True)
    batch_key = redis_cache.make_and_validate_key(BATCH_PREFIX + uuid.uuid4().hex)
    with contextlib.suppress(redis.ResponseError):  # no pending counts: nothing was counted since the last run
        client.rename(redis_cache.make_and_validate_key(PENDING_KEY), batch_key)
    batches = client.scan_iter(match=redis_cache.make_and_validate_key(BATCH_PREFIX + "*"))
    moved = sum(_move_batch(client, key) for key in batches)
    CounterBatch.objects.filter(moved_at__lt=timezone.now() - BATCH_MEMORY).delete()
    return moved


def _move_batch(client, key):
    batch_id = key.decode().rsplit(":", 1)[1]
    counts = {}
    for name, value in client.hgetall(key).items():
        page_id, kind, channel, day = name.decode().split(":")
        counts[int(page_id), kind, channel, datetime.date.fromisoformat(day)] = int(value)
    # A story deleted meanwhile (an erased candidate's) takes its last minute of counts with it.
    page_ids = {page_id for page_id, *_rest in counts}
    pages = set(CandidatePage.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
    with transaction.atomic():
        try:
            with transaction.atomic():
                CounterBatch.objects.create(batch_id=batch_id)
        except IntegrityError:
            logger.info("Story counts batch %s was already moved.", batch_id)
            moved = 0
        else:
            _add_to_counters({key: count for key, count in counts.items() if key[0] in pages})
            moved = sum(counts.values())
    client.delete(key)
    return moved


def _add_to_counters(counts, chunk=500):
    """Add each count to its daily row, creating the rows a day starts with: one upsert per 500 rows.

    ``INSERT ... ON CONFLICT DO UPDATE`` adds to the row another process wrote meanwhile, on SQLite and PostgreSQL
    alike; the ORM's ``bulk_create(update_conflicts=True)`` could only overwrite it.
    """
    quote = connection.ops.quote_name
    table = quote(StoryCounter._meta.db_table)
    columns = [quote(name) for name in ("page_id", "kind", "channel", "day", "count")]
    conflict = ", ".join(columns[:4])
    rows = [(page_id, kind, channel, connection.ops.adapt_datefield_value(day), count)
            for (page_id, kind, channel, day), count in counts.items()]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join(['(%s, %s, %s, %s, %s)'] * len(part))} "
                f"ON CONFLICT ({conflict}) DO UPDATE SET {columns[4]} = {table}.{columns[4]} + excluded.{columns[4]}",
                [value for row in part for value in row],
            )


# Retention --------------------------------------------------------------------------------------------------

# Sessions are rewritten in batches of this many.
SESSION_BATCH = 200


def _counted_day(data):
    """The day a session's counting keys are of, or None when it holds none (a day that does not parse is old)."""
    stored = data.get(SESSION_KEY)
    if stored is None:
        return None
    try:
        return datetime.date.fromisoformat(stored.get("day", ""))
    except (AttributeError, TypeError, ValueError):
        return datetime.date.min


def _stale_sessions(store_class, last_day):
    """(key, data as stored, data without the counting) of every session counted on ``last_day`` or before.

    The new data is None for a session that held nothing else (a visitor who only read stories): it goes.
    """
    store = store_class()
    for key, stored in store_class.get_model_class().objects.values_list("session_key", "session_data").iterator():
        data = store.decode(stored)
        day = _counted_day(data)
        if day is None or day > last_day:
            continue
        rest = {name: value for name, value in data.items() if name != SESSION_KEY}
        yield key, stored, (store.encode(rest) if rest else None)


def forget_counted_visits(*, last_day, dry_run=False):
    """Forget what visitors' sessions remember of the stories they were counted for on ``last_day`` or before.

    Returns how many sessions held such traces. The counts themselves are kept: they name no one. A session with
    nothing else is deleted, any other rewritten without them; each write applies only if the session is as it
    was read, so a visitor who logs in meanwhile keeps their session. A few queries per 200 sessions.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0  # sessions kept elsewhere (a cache, signed cookies) expire on their own
    stale = list(_stale_sessions(store_class, last_day))
    if dry_run:
        return len(stale)
    sessions = store_class.get_model_class().objects
    for start in range(0, len(stale), SESSION_BATCH):
        batch = stale[start:start + SESSION_BATCH]
        emptied = [Q(session_key=key, session_data=old) for key, old, new in batch if new is None]
        if emptied:
            sessions.filter(reduce(or_, emptied)).delete()
        kept = [(key, old, new) for key, old, new in batch if new is not None]
        if kept:
            sessions.filter(session_key__in=[key for key, _old, _new in kept]).update(session_data=Case(
                *[When(session_key=key, session_data=old, then=Value(new)) for key, old, new in kept],
                default=F("session_data"), output_field=TextField(),
            ))
    return len(stale)


# Totals -----------------------------------------------------------------------------------------------


def _totals_by_kind():
    return {kind.value: Sum("count", filter=Q(kind=kind), default=0) for kind in CounterKind}


def story_totals_by_candidate(candidate_ids):
    """Views, shares and QR scans of each candidate's story, all time: {candidate_id: {"view": n, ...}}.

    One aggregate query whatever the number of candidates; a candidate without a story or a count gets zeros.
    """
    candidate_ids = list(candidate_ids)
    totals = {candidate_id: dict.fromkeys(CounterKind.values, 0) for candidate_id in candidate_ids}
    rows = (
        StoryCounter.objects.filter(page__candidate_id__in=candidate_ids)
        .values("page__candidate_id")
        .annotate(**_totals_by_kind())
        .order_by()
    )
    for row in rows:
        totals[row.pop("page__candidate_id")] = row
    return totals


def story_totals(page_id):
    """Views, shares and QR scans of one story, all time, with the shares per channel (one query)."""
    totals = dict.fromkeys(CounterKind.values, 0)
    channels = {}
    rows = (
        StoryCounter.objects.filter(page_id=page_id)
        .values("kind", "channel")
        .annotate(total=Sum("count"))
        .order_by("kind", "channel")
    )
    for row in rows:
        totals[row["kind"]] += row["total"]
        if row["kind"] == CounterKind.SHARE:
            channels[ShareChannel(row["channel"]).label] = row["total"]
    totals["share_channels"] = channels
    return totals


def total_shares():
    """Every share of every story since the start: the figure the home page shows (one query)."""
    return StoryCounter.objects.filter(kind=CounterKind.SHARE).aggregate(total=Sum("count", default=0))["total"]
