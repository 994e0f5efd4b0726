"""The outcome screens' filters."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cohorts.enums import ExitCategory, FollowUpKind
from cohorts.models import Cohort
from cohorts.models.outcomes import FollowUpCheck, Outcome
from snippets.models import City


class OutcomeFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=ExitCategory.choices)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )
    exit_date = django_filters.DateFromToRangeFilter(label=_("Exit date"), widget=DateRangePickerWidget)

    class Meta:
        model = Outcome
        fields = ["category", "cohort", "city", "exit_date"]


class FollowUpCheckFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Check"), choices=FollowUpKind.choices)
    answered = django_filters.BooleanFilter(label=_("Answered"), field_name="checked_on", exclude=True,
                                            lookup_expr="isnull")
    due_on = django_filters.DateFromToRangeFilter(label=_("Due on"), widget=DateRangePickerWidget)

    class Meta:
        model = FollowUpCheck
        fields = ["kind", "answered", "due_on"]
