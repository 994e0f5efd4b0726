"""Programme → Applications: each candidate's path with each offer (the screens are in views.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from cohorts.applications.filters import (
    ApplicationFilterSet,
)
from cohorts.applications.forms import CREATE_PANEL, STATUS_PANEL
from cohorts.applications.views import (
    ApplicationCreateView,
    ApplicationDeleteView,
    ApplicationEditView,
    ApplicationHistoryView,
    ApplicationInspectView,
    ApplicationUsageView,
)
from cohorts.models import Application
from cohorts.perms import (
    visible_applications,
)
from snippets.viewsets import PrivateRecordViewSet


class ApplicationViewSet(PrivateRecordViewSet):
    """The pipeline ("Candidatures"): each candidate's path with each offer. The screens are in views.py."""

    model = Application
    icon = "tasks"
    menu_label = _("Applications")
    add_view_class = ApplicationCreateView
    edit_view_class = ApplicationEditView
    delete_view_class = ApplicationDeleteView
    history_view_class = ApplicationHistoryView
    usage_view_class = ApplicationUsageView
    inspect_view_class = ApplicationInspectView
    visibility = visible_applications
    list_display = [
        "candidate",
        Column("offer_title", label=_("Offer"), accessor="offer.title"),
        Column("company", label=_("Company"), accessor="offer.company"),
        Column("get_status_display", label=_("Status")),
        "updated_at",
    ]
    # Names, offers and statuses only: no contact details, and the notes stay in the admin.
    list_export = ["candidate", "candidate.cohort", "offer.title", "offer.company", "offer.city", "get_status_display",
                   "hired_contract_type", "hired_start_date", "created_at", "updated_at"]
    export_headings = {
        "candidate": _("Candidate"),
        "candidate.cohort": _("Cohort"),
        "offer.title": _("Offer"),
        "offer.company": _("Company"),
        "offer.city": _("City"),
        "get_status_display": _("Status"),
        "hired_contract_type": _("Contract of the hire"),
        "hired_start_date": _("Start of the job"),
        "created_at": _("Proposed on"),
        "updated_at": _("Updated"),
    }
    export_filename = "candidatures"
    filterset_class = ApplicationFilterSet
    search_fields = ["candidate__first_name", "candidate__last_name", "offer__title", "offer__company__name"]
    ordering = ["-updated_at"]

    def base_queryset(self):
        return Application.objects.select_related(
            "candidate__cohort", "offer__company", "offer__city", "hired_contract_type"
        )

    def get_add_view_kwargs(self, **kwargs):
        panel = CREATE_PANEL
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = STATUS_PANEL
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)
