"""Filters of the stories API: the public list's own filters (pages/filters.py), read strictly.

The list is a form for people: it checks "hide those who found a job" by default and shrugs at a value it cannot
read. The API is for programs: nothing is applied unless asked, and a value it cannot read is a 400.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from pages.filters import StoryFilterSet


class QueryBooleanInput(forms.Widget):
    """Reads ``1``/``true``/``on``/``yes`` and ``0``/``false``/``off``/``no``; anything else is no value."""

    TRUE, FALSE = {"1", "true", "on", "yes"}, {"0", "false", "off", "no"}

    def value_from_datadict(self, data, files, name):
        value = str(data.get(name, "")).strip().lower()
        if value in self.TRUE:
            return True
        if value in self.FALSE:
            return False
        return None


class StoryAPIFilterSet(StoryFilterSet):
    """The public list's filters (city, sector, contract_type, availability, hide_hired, q), with no default."""

    hide_hired = django_filters.BooleanFilter(
        label=_("Hide those who already found a job"), method="filter_hide_hired", widget=QueryBooleanInput
    )

    @classmethod
    def was_submitted(cls, data):
        # The list checks "hide_hired" for a visitor who has not sent its form yet; an API client says what it wants.
        return True


class StoryFilterBackend(BaseFilterBackend):
    """Apply StoryAPIFilterSet; a value it cannot read is a 400, as Wagtail answers an unknown field."""

    def filter_queryset(self, request, queryset, view):
        filterset = StoryAPIFilterSet(request.GET, queryset=queryset, request=request)
        if not filterset.is_valid():
            errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
            raise BadRequestError(errors)
        return filterset.qs


class StoryOrderingBackend(BaseFilterBackend):
    """``?order=`` over public fields only: title or first publication; most recently published first otherwise."""

    ORDERINGS = {"title", "-title", "first_published_at", "-first_published_at"}

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if order is None:
            return queryset
        if order not in self.ORDERINGS:
            raise BadRequestError(f"cannot order by '{order}'")
        return queryset.order_by(order, "pk")
