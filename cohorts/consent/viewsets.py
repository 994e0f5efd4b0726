"""Programme → Consents: what each candidate agreed to, recorded and withdrawn, never deleted while current."""

import django_filters
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column

from cohorts.consent.views import (
    WITHDRAW_URL_NAME,
    ConsentCreateView,
    ConsentDeleteView,
    ConsentIndexView,
    ConsentInspectView,
    ConsentRecordForm,
    ConsentWithdrawView,
)
from cohorts.enums import ConsentChannel, ConsentPurpose
from cohorts.models import Cohort, ConsentRecord
from cohorts.perms import visible_consents
from snippets.models import City
from snippets.viewsets import PrivateRecordViewSet


class ConsentRecordFilterSet(WagtailFilterSet):
    purpose = django_filters.ChoiceFilter(label=_("Purpose"), choices=ConsentPurpose.choices)
    current = django_filters.BooleanFilter(label=_("Current"), field_name="withdrawn_at", lookup_expr="isnull")
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=ConsentChannel.choices)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )
    given_at = django_filters.DateFromToRangeFilter(label=_("Given on"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsentRecord
        fields = ["purpose", "current", "channel", "cohort", "city", "given_at"]


class ConsentRecordViewSet(PrivateRecordViewSet):
    model = ConsentRecord
    visibility = visible_consents
    icon = "tick-inverse"
    menu_label = _("Consents")
    index_view_class = ConsentIndexView
    add_view_class = ConsentCreateView
    delete_view_class = ConsentDeleteView
    inspect_view_class = ConsentInspectView
    list_display = [
        "candidate",
        Column("get_purpose_display", label=_("Purpose")),
        "given_at",
        Column("get_channel_display", label=_("Channel")),
        "text_version",
        BooleanColumn("is_current", label=_("Current")),
        "withdrawn_at",
    ]
    # No contact details: the candidate's name, and what they agreed to, when and how.
    list_export = ["candidate", "get_purpose_display", "given_at", "get_channel_display", "text_version",
                   "recorded_by", "is_current", "withdrawn_at"]
    export_headings = {
        "candidate": _("Candidate"),
        "get_purpose_display": _("Purpose"),
        "get_channel_display": _("Channel"),
        "recorded_by": _("Recorded by"),
        "is_current": _("Current"),
    }
    export_filename = "consentements"
    filterset_class = ConsentRecordFilterSet
    search_fields = ["candidate__first_name", "candidate__last_name", "text_version"]
    ordering = ["-given_at"]
    inspect_view_fields_exclude = ["id"]

    withdraw_url_name = WITHDRAW_URL_NAME

    def base_queryset(self):
        return ConsentRecord.objects.select_related("candidate", "recorded_by")

    def get_edit_handler(self):
        return ObjectList(ConsentRecord.panels, base_form_class=ConsentRecordForm).bind_to_model(ConsentRecord)

    @cached_property
    def edit_panel(self):
        """Editing corrects how and when a consent was given; whose it is and what for never change."""
        return ObjectList(
            [
                FieldPanel("candidate", read_only=True),
                FieldRowPanel([FieldPanel("purpose", read_only=True), FieldPanel("channel")]),
                FieldRowPanel([FieldPanel("given_at"), FieldPanel("text_version")]),
            ]
        ).bind_to_model(ConsentRecord)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            panel=self.edit_panel, form_class=self.edit_panel.get_form_class(), **kwargs
        )

    @property
    def withdraw_view(self):
        return ConsentWithdrawView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("withdraw/<int:pk>/", self.withdraw_view, name="withdraw")]
