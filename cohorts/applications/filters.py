"""The pipeline's list filters."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cohorts.enums import ApplicationStatus
from cohorts.models import Application
from cohorts.people.filters import readable_cohorts
from snippets.models import City, PartnerCompany


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    company = django_filters.ModelChoiceFilter(
        label=_("Company"), field_name="offer__company", queryset=PartnerCompany.objects.all()
    )
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=readable_cohorts
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City of the offer"), field_name="offer__city", queryset=City.objects.all()
    )
    updated_at = django_filters.DateFromToRangeFilter(label=_("Updated"), widget=DateRangePickerWidget)

    class Meta:
        model = Application
        fields = ["status", "company", "cohort", "city", "updated_at"]
