"""Filters for the programme's admin lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cohorts.enums import CandidateStatus, CohortKind, CohortStatus
from cohorts.models import Candidate, Coach, Cohort, Pair
from cohorts.perms import visible_cohorts
from snippets.models import City


def readable_cohorts(request):
    """The cohorts a filter offers: a coach's list holds only their candidate's cohort (cohorts/perms.py)."""
    return visible_cohorts(request.user, Cohort.objects.all()) if request is not None else Cohort.objects.all()


class CohortFilterSet(WagtailFilterSet):
    city = django_filters.ModelChoiceFilter(label=_("City"), queryset=City.objects.all())
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CohortKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CohortStatus.choices)
    start_date = django_filters.DateFromToRangeFilter(label=_("Start date"), widget=DateRangePickerWidget)

    class Meta:
        model = Cohort
        fields = ["city", "kind", "status", "start_date"]


class CandidateFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(label=_("Cohort"), queryset=readable_cohorts)
    city = django_filters.ModelChoiceFilter(label=_("City"), field_name="cohort__city", queryset=City.objects.all())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CandidateStatus.choices)
    has_coach = django_filters.BooleanFilter(label=_("Has a coach"), method="filter_has_coach")
    story_live = django_filters.BooleanFilter(label=_("Story published"), method="filter_story_live")
    created_at = django_filters.DateFromToRangeFilter(label=_("Joined"), widget=DateRangePickerWidget)

    class Meta:
        model = Candidate
        fields = ["cohort", "city", "status", "has_coach", "story_live", "created_at"]

    def filter_has_coach(self, queryset, name, value):
        return queryset.paired(value)

    def filter_story_live(self, queryset, name, value):
        # "No" also means no story page at all, which `story_page__live=False` would leave out.
        published = Q(story_page__live=True)
        return queryset.filter(published) if value else queryset.exclude(published)


class CoachFilterSet(WagtailFilterSet):
    active = django_filters.BooleanFilter(label=_("Active"))
    has_pair = django_filters.BooleanFilter(label=_("Currently paired"), method="filter_has_pair")

    class Meta:
        model = Coach
        fields = ["active", "employer", "has_pair"]

    def filter_has_pair(self, queryset, name, value):
        return queryset.paired(value)


class PairFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    active = django_filters.BooleanFilter(label=_("Active"), field_name="end_date", lookup_expr="isnull")
    start_date = django_filters.DateFromToRangeFilter(label=_("Start date"), widget=DateRangePickerWidget)

    class Meta:
        model = Pair
        fields = ["cohort", "active", "start_date"]


