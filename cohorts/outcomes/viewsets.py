"""The admin screens of outcomes ("Sorties") and of their follow-up checks ("Suivis à faire").

Programme admins record, correct and delete outcomes, and answer the follow-up checks. Coaches and Communication
hold no permission on them: no menu item, and every URL is refused. The viewsets are registered in the Programme
menu by cohorts/wagtail_hooks.py; the "Follow-ups to do" screen is in cohorts/outcomes/views.py.
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permission_policies import ModelPermissionPolicy

from cohorts.models.outcomes import FollowUpCheck, Outcome
from cohorts.outcomes.filters import FollowUpCheckFilterSet, OutcomeFilterSet
from cohorts.outcomes.forms import ADD_PANEL, ANSWER_PANEL, EDIT_PANEL
from cohorts.outcomes.views import (
    CHECK_URLS,
    FollowUpCheckEditView,
    FollowUpsToDoView,
    OutcomeCreateView,
    OutcomeEditView,
    OutcomeInspectView,
)
from cohorts.perms import visible_follow_up_checks, visible_outcomes
from snippets.spreadsheets import ReadableBooleansExportMixin
from snippets.viewsets import PrivateRecordViewSet


class ScheduledOnlyPermissionPolicy(ModelPermissionPolicy):
    """Follow-up checks are scheduled by their outcome: the admin answers them, and never adds or deletes one."""

    ACTIONS = ("change", "view")

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in self.ACTIONS])


# --- Outcomes ---------------------------------------------------------------------------------------------------


class OutcomeViewSet(ReadableBooleansExportMixin, PrivateRecordViewSet):
    """Outcomes ("Sorties"): how each candidate left the programme, and the follow-up of their job."""

    model = Outcome
    icon = "success"
    menu_label = _("Outcomes")
    add_view_class = OutcomeCreateView
    edit_view_class = OutcomeEditView
    inspect_view_class = OutcomeInspectView
    visibility = visible_outcomes
    list_display = [
        "candidate",
        Column("cohort", label=_("Cohort"), accessor="candidate.cohort"),
        Column("get_category_display", label=_("Category")),
        Column("employer_label", label=_("Employer")),
        Column("contract_type", label=_("Contract")),
        "start_date",
        "exit_date",
    ]
    # No notes: they stay in the admin.
    list_export = ["candidate", "candidate.cohort", "candidate.cohort.city", "get_category_display",
                   "employer_label", "contract_type", "start_date", "trial_end_date", "exit_date", "recorded_by"]
    export_headings = {
        "candidate": _("Candidate"),
        "candidate.cohort": _("Cohort"),
        "candidate.cohort.city": _("City"),
        "get_category_display": _("Category"),
        "employer_label": _("Employer"),
        "contract_type": _("Contract"),
        "start_date": _("Start of the job or training"),
        "trial_end_date": _("End of the trial period"),
        "exit_date": _("Exit date"),
        "recorded_by": _("Recorded by"),
    }
    export_filename = "sorties"
    filterset_class = OutcomeFilterSet
    search_fields = ["candidate__first_name", "candidate__last_name", "employer__name", "employer_name"]
    ordering = ["-exit_date"]

    def base_queryset(self):
        return Outcome.objects.select_related(
            "candidate__cohort__city", "employer", "contract_type", "recorded_by"
        )

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=ADD_PANEL, form_class=ADD_PANEL.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(panel=EDIT_PANEL, form_class=EDIT_PANEL.get_form_class(), **kwargs)


# --- Follow-up checks -------------------------------------------------------------------------------------------


class FollowUpCheckViewSet(ReadableBooleansExportMixin, PrivateRecordViewSet):
    """Follow-up checks: the menu opens the "Follow-ups to do" screen; the list holds every check, answered or not."""

    model = FollowUpCheck
    inspect_view_enabled = False
    icon = "clipboard-list"
    menu_label = _("Follow-ups to do")
    edit_view_class = FollowUpCheckEditView
    visibility = visible_follow_up_checks
    list_display = [
        Column("candidate", label=_("Candidate"), accessor="outcome.candidate"),
        Column("employer", label=_("Employer"), accessor="outcome.employer_label"),
        Column("get_kind_display", label=_("Check")),
        "due_on",
        BooleanColumn("still_employed", label=_("Still employed")),
        "checked_on",
        "checked_by",
    ]
    list_export = ["outcome.candidate", "outcome.employer_label", "get_kind_display", "due_on", "still_employed",
                   "checked_on", "checked_by", "note"]
    export_headings = {
        "outcome.candidate": _("Candidate"),
        "outcome.employer_label": _("Employer"),
        "get_kind_display": _("Check"),
        "still_employed": _("Still employed"),
        "checked_by": _("Checked by"),
    }
    export_booleans = ["still_employed"]
    export_filename = "suivis"
    filterset_class = FollowUpCheckFilterSet
    search_fields = ["outcome__candidate__first_name", "outcome__candidate__last_name"]
    ordering = ["due_on"]
    todo_url_name = f"{CHECK_URLS}:todo"

    def base_queryset(self):
        return FollowUpCheck.objects.select_related("outcome__candidate", "outcome__employer", "checked_by")

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(panel=ANSWER_PANEL, form_class=ANSWER_PANEL.get_form_class(), **kwargs)

    @cached_property
    def menu_url(self):
        return reverse(self.todo_url_name)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("todo/", FollowUpsToDoView.as_view(), name="todo")]
