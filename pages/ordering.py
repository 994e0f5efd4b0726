"""The fair order of the public list: the most recently updated month first, shuffled within each month.

Nobody stays on top for ever because their page was written first, and nobody is buried for ever: within a month,
the stories come in an order that changes every few hours. Everyone sees the same order at the same time, so the
list needs no session and can be cached whole; the list's page links carry their order's time window (``ordre``),
so that paging through the list goes on in the order it started in. The order is computed in SQL, so that the
database pages through it (9 at a time) on SQLite and PostgreSQL alike, and it is a total order (the page id breaks
ties), so that paging through it for one seed never repeats or skips a story.
"""

import hashlib
import time

from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Cast, Mod, TruncMonth

ORDER_PARAM = "ordre"
# The order changes every 6 hours; a page link keeps its order for two days, then gets the current one.
WINDOW_SECONDS = 6 * 3600
KEPT_WINDOWS = 8

# A prime just under 2**31: ids below it map to distinct positions, and id * multiplier stays under 2**62 (no
# 64-bit overflow on either database) for any id below 2**31.
MODULUS = 2_147_483_647
# The multiplier comes from the seed but never below this, so that consecutive ids land far apart.
MIN_MULTIPLIER = 1 << 16


def current_window(now=None):
    return int((time.time() if now is None else now) // WINDOW_SECONDS)


def order_window(request):
    """The time window of the order this request asks for: the link's own if recent enough, else the current one.

    Only recent windows are accepted, so that a list is cached in a handful of orders, not one per made-up link.
    """
    window = current_window()
    try:
        asked = int(request.GET.get(ORDER_PARAM, ""))
    except ValueError:
        return window
    return asked if window - KEPT_WINDOWS <= asked <= window else window


def window_seed(window):
    """The shuffle's seed for a time window: the same in every process, with no state to share."""
    return int.from_bytes(hashlib.sha256(f"story-order:{window}".encode()).digest()[:8], "big") % MODULUS


def shuffle_key(seed):
    """An SQL expression that ranks rows by ``(id * multiplier + offset) mod MODULUS``: a shuffle per seed.

    An affine map with a fixed multiplier would only rotate one order; deriving the multiplier from the seed
    gives each seed its own permutation. The multiplier is never 0 modulo the prime, so distinct ids below
    MODULUS get distinct keys.
    """
    multiplier = MIN_MULTIPLIER + seed % (MODULUS - MIN_MULTIPLIER)
    offset = seed
    return Mod(
        # The page id is a 32-bit integer on PostgreSQL: widen it before multiplying.
        Cast("pk", BigIntegerField()) * Value(multiplier, output_field=BigIntegerField())
        + Value(offset, output_field=BigIntegerField()),
        Value(MODULUS, output_field=BigIntegerField()),
        output_field=BigIntegerField(),
    )


def fair_order(queryset, *, seed):
    """Order story pages: newest publication month first, shuffled by ``seed`` within a month, then by id."""
    return queryset.annotate(
        published_month=TruncMonth("last_published_at"), shuffle_key=shuffle_key(seed)
    ).order_by(F("published_month").desc(nulls_last=True), "shuffle_key", "pk")
