"""The coaching screens' filters: sessions, and the report of pairs without a recent session."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cohorts.enums import SessionKind
from cohorts.models import Cohort, Pair
from cohorts.models.coaching import CoachingSession
from cohorts.people.filters import readable_cohorts
from snippets.models import City
from snippets.perms import sees_only_own_candidate


def _filter_cities(request):
    if request is not None and sees_only_own_candidate(request.user):
        return City.objects.filter(pk__in=readable_cohorts(request).values("city"))
    return City.objects.all()


class CoachingSessionFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="pair__candidate__cohort", queryset=readable_cohorts
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="pair__candidate__cohort__city", queryset=_filter_cities
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SessionKind.choices)
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = CoachingSession
        fields = ["cohort", "city", "kind", "date"]


class InactivePairsFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )

    class Meta:
        model = Pair
        fields = ["cohort", "city"]
