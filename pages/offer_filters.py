"""The filters of the public offer list: a plain GET form that works without JavaScript.

Each list of choices holds only what at least one public offer uses, so that no choice leads to an empty list.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from snippets.models import City, ContractType, Offer, Sector


def _used_by_public_offers(model, related_name):
    def queryset(request):
        return model.objects.filter(**{f"{related_name}__in": Offer.objects.public()}).distinct()

    return queryset


class OfferFilterSet(django_filters.FilterSet):
    """Narrow public offers by city, job family and contract type (the codes of the last two, in the address)."""

    city = django_filters.ModelChoiceFilter(
        label=_("City or département"), queryset=_used_by_public_offers(City, "offers"), empty_label=_("Everywhere")
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Job family"), queryset=_used_by_public_offers(Sector, "offers"), to_field_name="slug",
        empty_label=_("All job families"),
    )
    contract_type = django_filters.ModelChoiceFilter(
        label=_("Contract type"), queryset=_used_by_public_offers(ContractType, "offers"), to_field_name="slug",
        empty_label=_("All contracts"),
    )

    class Meta:
        model = Offer
        fields = ["city", "sector", "contract_type"]

    def active_filters(self):
        """What narrows the list now, as (parameter name, label shown to the visitor), in the form's order.

        A stale choice in the address (a city with no offer left) is dropped, as the list itself ignores it.
        """
        if not self.is_bound:
            return []
        self.form.is_valid()
        data = self.form.cleaned_data
        return [(name, str(data[name])) for name in self.Meta.fields if data.get(name)]


def offer_list_query(params, *, remove=None, page=None):
    """The list's query string with these filters, without the filter ``remove``, at ``page`` (else the first)."""
    params = params.copy()
    params.pop("page", None)
    if remove:
        params.pop(remove, None)
    if page and page > 1:
        params["page"] = page
    return f"?{params.urlencode()}" if params else ""
