"""Filters of the stories API: the public list's own filters (pages/filters.py), read strictly.

The list is a form for people: it checks "hide those who found a job" by default and shrugs at a value it cannot
read. The API is for programs: nothing is applied unless asked, and a value it cannot read is a 400.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.query import PlainText

from pages.filters import MAX_SEARCH_LENGTH, StoryFilterSet


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


class StrictFieldsFilter(FieldsFilter):
    """Wagtail's filters on a field's value (``?city=3``), where a value the field cannot read is a 400.

    Wagtail reads booleans and integers itself, and hands any other value to the database as it came: a date that
    is no date (``?start_date=0``) made the query fail, a server error. Wagtail applies the filters to a detail
    too (``/api/v2/offers/3/?start_date=0``).
    """

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error


class StrictSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, safe for any text: a ``search_operator`` other than "and" or "or" is a 400.

    A search is a few words: past MAX_SEARCH_LENGTH characters, or holding a NUL character (which PostgreSQL
    refuses in any text), it is a 400, as the stories' ``q`` is. Double quotes are read as the word separators they
    are to the search index, and a search of blanks searches nothing. The SQLite backend wrote quotes into its
    full-text query as they came, built no query at all from blanks, and nested one level per word (thousands of
    words overflowed the stack): each made the request fail.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator and operator.lower() not in PlainText.OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if len(request.GET["search"]) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search must be at most {MAX_SEARCH_LENGTH} characters long")
        if "\x00" in request.GET["search"]:
            raise BadRequestError("null characters are not allowed in search")
        terms = " ".join(request.GET["search"].replace('"', " ").split())
        if not terms:
            return queryset
        if terms == request.GET["search"]:
            return super().filter_queryset(request, queryset, view)
        query = request.GET.copy()
        query["search"] = terms
        return super().filter_queryset(_RequestWithQuery(request, query), queryset, view)


class _RequestWithQuery:
    """The request as Wagtail's filters read it, with another query string."""

    def __init__(self, request, query):
        self._request = request
        self.GET = query

    def __getattr__(self, name):
        return getattr(self._request, name)


STRICT_BACKENDS = {FieldsFilter: StrictFieldsFilter, SearchFilter: StrictSearchFilter}


def strict_backends(backends):
    """Wagtail's filter backends, each that lets a bad value through to a server error replaced by its strict one."""
    return [STRICT_BACKENDS.get(backend, backend) for backend in backends]
