"""The filters of the public story list: they work as a plain GET form, without JavaScript.

They only ever look at public fields of the story pages: nothing private (last name, e-mail, notes) can be
searched, so a search can never reveal who is behind a story.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import CandidateStatus
from pages.enums import Availability
from snippets.models import City, ContractType, Sector

# The text fields of a story page the search looks into: all shown on the page, none private.
SEARCHED_FIELDS = ("title", "catchphrase", "story", "wished_jobs")
MAX_SEARCH_TERMS = 6
# A few words: a longer text is no search, and the database refuses a LIKE pattern past some length (50 kB in SQLite).
MAX_SEARCH_LENGTH = 200

AVAILABLE_NOW = "now"
AVAILABLE_WITHIN_A_MONTH = "within_a_month"
AVAILABILITY_CHOICES = [
    (AVAILABLE_NOW, _("Available now")),
    (AVAILABLE_WITHIN_A_MONTH, _("Available within a month")),
]


class StoryFilterSet(django_filters.FilterSet):
    """Narrow published stories by place, job family, contract, availability and words of their public text.

    "Hide those who already found a job" is checked by default: a visitor who has not used the form yet (no
    filter in the address, maybe a page number) gets it checked; once the form is sent, an absent box means
    unchecked, as browsers send nothing for an unchecked box.
    """

    q = django_filters.CharFilter(
        label=_("Search the stories"),
        method="search",
        max_length=MAX_SEARCH_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("A job, a skill…")}),
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City or département"), field_name="cities", queryset=City.objects.all(), empty_label=_("Everywhere")
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Job family"), field_name="sectors", queryset=Sector.objects.all(), to_field_name="slug",
        empty_label=_("All job families"),
    )
    contract_type = django_filters.ModelChoiceFilter(
        label=_("Contract type"), field_name="contract_types", queryset=ContractType.objects.all(),
        to_field_name="slug", empty_label=_("All contracts"),
    )
    availability = django_filters.ChoiceFilter(
        label=_("Availability"), choices=AVAILABILITY_CHOICES, method="filter_availability", empty_label=_("Any time")
    )
    hide_hired = django_filters.BooleanFilter(
        label=_("Hide those who already found a job"), method="filter_hide_hired", widget=forms.CheckboxInput
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not self.was_submitted(data):
            data = data.copy()
            data["hide_hired"] = "on"
        super().__init__(data, *args, **kwargs)

    @classmethod
    def was_submitted(cls, data):
        """Whether the visitor sent the form: a sent form always holds its text field, even empty."""
        return any(name in data for name in cls.base_filters)

    def search(self, queryset, name, value):
        """Every word must appear in one of the public text fields (case-insensitive)."""
        for term in value.split()[:MAX_SEARCH_TERMS]:
            matches = Q()
            for field in SEARCHED_FIELDS:
                matches |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(matches)
        return queryset

    def filter_availability(self, queryset, name, value):
        today = timezone.localdate()
        if value == AVAILABLE_NOW:
            horizon = today
            wished = [Availability.IMMEDIATE]
        else:
            horizon = today + datetime.timedelta(days=31)
            wished = [Availability.IMMEDIATE, Availability.WITHIN_A_MONTH]
        return queryset.filter(
            Q(availability__in=wished) | Q(availability=Availability.FROM_DATE, available_from__lte=horizon)
        )

    def filter_hide_hired(self, queryset, name, value):
        return queryset.exclude(candidate__status=CandidateStatus.HIRED) if value else queryset

    def active_filters(self):
        """What narrows the list now, as (parameter name, label shown to the visitor), in the form's order.

        "Hide those who found a job" is the default, so showing them too is what counts as a filter here.
        """
        if not self.is_bound:
            return []
        self.form.is_valid()  # a stale choice in the address (a city removed since) drops only that filter
        data = self.form.cleaned_data
        active = []
        if data.get("q"):
            active.append(("q", _("“%(words)s”") % {"words": data["q"]}))
        for name in ("city", "sector", "contract_type"):
            if data.get(name):
                active.append((name, str(data[name])))
        if data.get("availability"):
            active.append(("availability", str(dict(AVAILABILITY_CHOICES)[data["availability"]])))
        if not data.get("hide_hired"):
            active.append(("hide_hired", str(_("Including those who found a job"))))
        return active


def list_query_string(params, *, remove=None, page=None):
    """The list's query string with these filters, without ``remove`` and at ``page`` (the first when not given).

    A removed filter is emptied rather than dropped, so that the form still counts as sent (see
    ``StoryFilterSet.was_submitted``); removing "include those who found a job" checks the box again.
    """
    params = params.copy()
    params.pop("page", None)
    if remove == "hide_hired":
        params["hide_hired"] = "on"
    elif remove:
        params[remove] = ""
    if page and page > 1:
        params["page"] = page
    return f"?{params.urlencode()}" if params else ""
