"""Sharing stories and counting what happens to them, on our own server: no tracker, no IP address stored.

A view, a share or a QR scan adds one to a daily ``StoryCounter`` row (page, kind, channel, day). What a
visitor has already been counted for today is remembered in their own session, so reloading a page or
clicking a share button twice counts once; neither their address nor their browser is ever written down.
The daily retention purge (``apply_retention``) has sessions forget it after a day (``forget_counted_visits``).
"""

import datetime
import re
from functools import reduce
from importlib import import_module
from operator import or_
from urllib.parse import quote, urlencode, urljoin

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Sum, TextField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from cohorts.enums import ConsentPurpose
from cohorts.models import ConsentRecord
from pages.enums import CounterKind, ShareChannel
from pages.models import CandidatePage
from pages.models.counters import StoryCounter
from pages.models.stories import current_consent

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

SESSION_KEY = "story_counted"
# Enough for a very curious visitor's day; past it the oldest keys go, and at worst a page counts twice.
SESSION_MAX_KEYS = 200


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


def _event_key(*, page_id, kind, channel):
    return f"{kind}:{page_id}:{channel}"


def _counted_today(session):
    """The keys this session was already counted for today (older days are forgotten)."""
    stored = session.get(SESSION_KEY)
    if not stored or stored.get("day") != timezone.localdate().isoformat():
        return []
    return stored.get("keys", [])


def already_counted(request, *, page_id, kind, channel=ShareChannel.DIRECT):
    """Whether this visitor's session was already counted today for this event (or the visitor is a robot)."""
    if is_bot(request):
        return True
    return _event_key(page_id=page_id, kind=kind, channel=channel) in _counted_today(request.session)


def increment_counter(*, page_id, kind, channel, day):
    """Add one to a story's daily counter, creating it when it is the day's first; safe for concurrent requests.

    One UPDATE is atomic on its own, so most calls cost one query and need no transaction. On the day's first
    event two requests may both find no row: the loser of the INSERT race meets the unique constraint, inside
    its own savepoint, and adds its one to the row the winner created.
    """
    counters = StoryCounter.objects.filter(page_id=page_id, kind=kind, channel=channel, day=day)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            StoryCounter.objects.create(page_id=page_id, kind=kind, channel=channel, day=day, count=1)
    except IntegrityError:
        counters.update(count=F("count") + 1)


def record_event(*, request, page_id, kind, channel=ShareChannel.DIRECT):
    """Count one view, share or QR scan of a story, once per visitor session and day; robots are not counted.

    The caller has checked that the story may be counted (a published story). Returns whether it counted.
    Nothing about the visitor is stored but, in their own session, the list of what was counted today.
    """
    if already_counted(request, page_id=page_id, kind=kind, channel=channel):
        return False
    today = timezone.localdate()
    increment_counter(page_id=page_id, kind=kind, channel=channel, day=today)
    keys = [*_counted_today(request.session), _event_key(page_id=page_id, kind=kind, channel=channel)]
    request.session[SESSION_KEY] = {"day": today.isoformat(), "keys": keys[-SESSION_MAX_KEYS:]}
    return True


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
