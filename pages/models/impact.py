"""The public impact page: the programme's figures computed from the data, with the text around them edited by staff.

The figures are cached: computing them reads the whole programme. Any change to what they count bumps the version
of the figures (cohorts/impact/version.py), so the next visit recomputes them;
the cache also expires after an hour, for the figures that move with the calendar. Every figure goes through the
funder rule of cohorts/impact.py: anything about fewer than 5 people is shown as "< 5".
"""

import datetime

from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cohorts.impact.figures import compute_impact, headline_items
from cohorts.impact.measures import SUPPRESSED, ImpactFilters, Rate, cell, display
from cohorts.impact.version import figures_version
from cohorts.models import Cohort
from pages.blocks import BodyBlock

CACHE_TIMEOUT = 60 * 60
PUBLIC = "public"


class ImpactPeriod(models.TextChoices):
    SINCE_START = "since_start", _("Since the programme started")
    LAST_12_MONTHS = "last_12_months", _("The last 12 months")
    CURRENT_YEAR = "current_year", _("This calendar year")


def period_dates(period, today=None):
    """The first and last day the page's figures cover."""
    today = today or timezone.localdate()
    if period == ImpactPeriod.LAST_12_MONTHS:
        return today - datetime.timedelta(days=365), today
    if period == ImpactPeriod.CURRENT_YEAR:
        return datetime.date(today.year, 1, 1), today
    first = Cohort.objects.order_by("start_date").values_list("start_date", flat=True).first()
    return first or today, today


def public_figure(key, label, item, detail):
    """One headline figure for the public: a rate reads as its percentage, its numerator and denominator below."""
    value = cell(item, PUBLIC)
    if isinstance(item, Rate) and value != SUPPRESSED:
        value = f"{display(item.rounded_percent)} %"
        detail = f"{display(item.numerator)} / {display(item.denominator)} {detail}"
    return {"key": key, "label": str(label), "value": display(value), "detail": str(detail or "")}


class ImpactPage(Page):
    """Our figures for the public and the funders: computed, never typed in, with the editorial text around them."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    period = models.CharField(
        _("period of the figures"), max_length=20, choices=ImpactPeriod.choices, default=ImpactPeriod.SINCE_START
    )
    figures_heading = models.CharField(_("heading of the figures"), max_length=150, default="Nos résultats")
    small_numbers_note = models.CharField(
        _("note on small numbers"), max_length=255, blank=True,
        default="« < 5 » : moins de 5 personnes. Nous ne publions pas les chiffres qui pourraient les identifier.",
    )
    body = StreamField(BodyBlock(), verbose_name=_("text after the figures"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("period"),
        FieldPanel("figures_heading"),
        FieldPanel("small_numbers_note"),
        FieldPanel("body"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("period"),
        APIField("figures_heading"),
        APIField("small_numbers_note"),
        APIField("figures"),
        APIField("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/impact_page.html"

    class Meta:
        verbose_name = _("impact page")

    @property
    def figures(self):
        """The headline figures, small numbers suppressed: a list of {key, label, value, detail}, from the cache."""
        start, end = period_dates(self.period)
        key = f"impact-page:{self.pk}:{figures_version()}:{get_language()}:{self.period}:{start}:{end}"
        figures = cache.get(key)
        if figures is None:
            report = compute_impact(ImpactFilters(start=start, end=end))
            figures = [public_figure(*item) for item in headline_items(report, PUBLIC)]
            cache.set(key, figures, CACHE_TIMEOUT)
        return figures

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["period_start"], context["period_end"] = period_dates(self.period)
        return context
