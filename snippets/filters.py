"""Filters for the companies' admin lists."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from snippets.enums import OfferSource, OfferStatus, ReferringOrganisationKind
from snippets.models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector


class ReferringOrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ReferringOrganisationKind.choices)
    city = django_filters.ModelChoiceFilter(label=_("City"), queryset=City.objects.all())

    class Meta:
        model = ReferringOrganisation
        fields = ["kind", "city"]


class PartnerCompanyFilterSet(WagtailFilterSet):
    sector = django_filters.ModelChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    city = django_filters.ModelChoiceFilter(label=_("City"), queryset=City.objects.all())
    partner_since = django_filters.DateFromToRangeFilter(label=_("Partner since"), widget=DateRangePickerWidget)

    class Meta:
        model = PartnerCompany
        fields = ["sector", "city", "partner_since"]


class OfferFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OfferStatus.choices)
    contract_type = django_filters.ModelChoiceFilter(label=_("Contract type"), queryset=ContractType.objects.all())
    city = django_filters.ModelChoiceFilter(label=_("City"), queryset=City.objects.all())
    sector = django_filters.ModelChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    company = django_filters.ModelChoiceFilter(label=_("Company"), queryset=PartnerCompany.objects.all())
    start_date = django_filters.DateFromToRangeFilter(label=_("Start date"), widget=DateRangePickerWidget)
    source = django_filters.ChoiceFilter(label=_("Source"), choices=OfferSource.choices)
    private = django_filters.BooleanFilter(
        label=_("Aimed at one candidate"), field_name="target_candidate", lookup_expr="isnull", exclude=True,
    )
    expires_on = django_filters.DateFromToRangeFilter(label=_("Expires on"), widget=DateRangePickerWidget)

    class Meta:
        model = Offer
        fields = ["status", "contract_type", "city", "sector", "company", "start_date", "source", "private",
                  "expires_on"]


class CityFilterSet(WagtailFilterSet):
    department = django_filters.CharFilter(label=_("Département"))

    class Meta:
        model = City
        fields = ["department"]


class SectorFilterSet(WagtailFilterSet):
    label = django_filters.CharFilter(label=_("Label contains"), lookup_expr="icontains")

    class Meta:
        model = Sector
        fields = ["label"]


class ContractTypeFilterSet(WagtailFilterSet):
    label = django_filters.CharFilter(label=_("Label contains"), lookup_expr="icontains")

    class Meta:
        model = ContractType
        fields = ["label"]
