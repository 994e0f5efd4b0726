"""Programme → Contact requests: offers of help from the public, read and marked handled, never added here."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permission_policies import ModelPermissionPolicy

from cohorts.enums import HelpKind
from cohorts.models import ContactRequest
from cohorts.perms import visible_contact_requests
from snippets.models import City
from snippets.spreadsheets import ReadableBooleansExportMixin
from snippets.viewsets import PrivateRecordViewSet


class ReceivedOnlyPermissionPolicy(ModelPermissionPolicy):
    """Contact requests arrive through the public form only: nobody, not even a superuser, adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class ContactRequestFilterSet(WagtailFilterSet):
    handled = django_filters.BooleanFilter(label=_("Handled"))
    help_kind = django_filters.ChoiceFilter(label=_("Kind of help"), choices=HelpKind.choices)
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Received on"), widget=DateRangePickerWidget)

    class Meta:
        model = ContactRequest
        fields = ["handled", "help_kind", "city", "created_at"]


class ContactRequestViewSet(ReadableBooleansExportMixin, PrivateRecordViewSet):
    """Offers of help from the public. Read and marked handled here; they are only ever created by the form."""

    model = ContactRequest
    visibility = visible_contact_requests
    icon = "mail"
    menu_label = _("Contact requests")
    list_display = [
        "candidate",
        "name",
        "company",
        Column("get_help_kind_display", label=_("Kind of help")),
        "created_at",
        BooleanColumn("handled", label=_("Handled")),
    ]
    # The sender's e-mail, phone and message stay in the admin: a file leaves the building.
    list_export = ["candidate", "name", "company", "get_help_kind_display", "created_at", "handled"]
    export_headings = {
        "candidate": _("Candidate"),
        "get_help_kind_display": _("Kind of help"),
        "handled": _("Handled"),
    }
    export_booleans = ["handled"]
    export_filename = "demandes-de-contact"
    filterset_class = ContactRequestFilterSet
    search_fields = ["name", "company", "candidate__first_name", "candidate__last_name"]
    ordering = ["handled", "-created_at"]
    inspect_view_fields_exclude = ["id"]

    def base_queryset(self):
        return ContactRequest.objects.select_related("candidate")
