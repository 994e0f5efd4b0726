"""What an impact figure is made of: counts of people, rates with their numerator and denominator, medians, the
funder rule that hides any figure about fewer than five people, and the filters of a report."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

# The funder rule: a figure about fewer people than this is shown as "< 5" to outside readers.
SMALL_CELL = 5


SUPPRESSED = "< 5"


AUDIENCES = ("internal", "public")


def is_small(number):
    return number < SMALL_CELL


def display(value):
    """A figure as text in the reader's language (1 234 and 12,5 in French; 1,234 and 12.5 in English); text as is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(value, force_grouping=True)


@dataclass(frozen=True)
class People:
    """A count of people (or of their applications): "< 5" for outside readers when small."""

    count: int

    def value(self, audience):
        return SUPPRESSED if audience == "public" and is_small(self.count) else self.count


@dataclass(frozen=True)
class Rate:
    """A rate that always shows its numerator and denominator: "12 / 20 (60 %)"."""

    numerator: int
    denominator: int

    @property
    def percent(self):
        return None if not self.denominator else 100 * self.numerator / self.denominator

    @property
    def rounded_percent(self):
        """The percentage rounded half up, as people round (62.5 → 63), or None."""
        return None if self.percent is None else int(self.percent + 0.5)

    def __str__(self):
        fraction = f"{display(self.numerator)} / {display(self.denominator)}"
        return fraction if self.percent is None else f"{fraction} ({display(self.rounded_percent)} %)"

    def value(self, audience):
        suppressed = is_small(self.numerator) or is_small(self.denominator)
        return SUPPRESSED if audience == "public" and suppressed else str(self)


@dataclass(frozen=True)
class Median:
    """A median number of days and how many people it is about."""

    days: float | None
    about: int

    def __str__(self):
        return "—" if self.days is None else display(self.days)

    def value(self, audience):
        return SUPPRESSED if audience == "public" and is_small(self.about) else str(self)


def cell(item, audience):
    """What a table shows for one figure: plain numbers and text as they are, people-counts and rates by the rule."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}")
    return item.value(audience) if hasattr(item, "value") else item


@dataclass(frozen=True)
class ImpactFilters:
    """What the report is about: a period (both days included), and optionally one cohort or one city."""

    start: datetime.date
    end: datetime.date
    cohort: object = None
    city: object = None

    @property
    def moments(self):
        """The period as aware datetimes [from, to): compares stored datetimes without a per-row date conversion."""
        first = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        after = timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))
        return first, after

    @property
    def offers_city(self):
        return self.cohort.city if self.cohort is not None else self.city

    def scope(self, prefix=""):
        """The Q that keeps rows of candidates in scope, ``prefix`` being the path to the candidate."""
        q = Q()
        if self.cohort is not None:
            q &= Q(**{f"{prefix}cohort": self.cohort})
        if self.city is not None:
            q &= Q(**{f"{prefix}cohort__city": self.city})
        return q

    def describe(self):
        """The period and filters in words, for titles and file headers."""
        parts = [_("from %(start)s to %(end)s") % {
            "start": date_format(self.start, "SHORT_DATE_FORMAT"), "end": date_format(self.end, "SHORT_DATE_FORMAT")}]
        if self.cohort is not None:
            parts.append(_("cohort %(cohort)s") % {"cohort": self.cohort})
        if self.city is not None:
            parts.append(_("city %(city)s") % {"city": self.city})
        return ", ".join(str(part) for part in parts)


@dataclass(frozen=True)
class Table:
    """One table of the report, ready to show or export: its cells already follow the audience's rule."""

    key: str
    title: str
    columns: list
    rows: list
    note: str = ""
