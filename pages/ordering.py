"""The fair order of the public list: the most recently updated month first, shuffled within each month.

Nobody stays on top for ever because their page was written first, and nobody is buried for ever: within a month,
each visitor sees the stories in an order of their own. The order is computed in SQL, so that the database pages
through it (9 at a time) on SQLite and PostgreSQL alike, and it is a total order (the page id breaks ties), so
that paging through it for one seed never repeats or skips a story.
"""

import random

from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Cast, Mod, TruncMonth

SESSION_KEY = "story_order_seed"

# A prime just under 2**31: ids below it map to distinct positions, and id * multiplier stays under 2**62 (no
# 64-bit overflow on either database) for any id below 2**31.
MODULUS = 2_147_483_647
# The multiplier comes from the seed but never below this, so that consecutive ids land far apart.
MIN_MULTIPLIER = 1 << 16


def new_seed():
    return random.SystemRandom().randrange(MODULUS)


def session_seed(request):
    """The visitor's seed: made on their first visit to the list and kept in their session from then on."""
    session = getattr(request, "session", None)
    if session is None:  # a request without sessions (a preview, a test's RequestFactory): one order for all
        return 0
    seed = session.get(SESSION_KEY)
    if not isinstance(seed, int) or not 0 <= seed < MODULUS:
        seed = session[SESSION_KEY] = new_seed()
    return seed


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
