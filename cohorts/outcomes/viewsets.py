"""The admin screens of outcomes ("Sorties") and of their follow-up checks ("Suivis à faire").

Programme admins record, correct and delete outcomes, and answer the follow-up checks. Coaches and Communication
hold no permission on them: no menu item, and every URL is refused. The viewsets are registered in the Programme
menu by cohorts/wagtail_hooks.py; the "Follow-ups to do" screen is in cohorts/outcomes/views.py.
"""

import django_filters
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from cohorts.enums import ExitCategory, FollowUpKind
from cohorts.models import Application, Cohort
from cohorts.models.outcomes import JOB_PANELS, FollowUpCheck, Outcome
from cohorts.outcomes.forms import FollowUpAnswerForm
from cohorts.outcomes.views import FollowUpsToDoView
from cohorts.perms import visible_applications, visible_follow_up_checks, visible_outcomes
from snippets.models import City
from snippets.spreadsheets import ReadableBooleansExportMixin
from snippets.viewsets import TremplinViewSet

OUTCOME_URLS = "wagtailsnippets_cohorts_outcome"
CHECK_URLS = "wagtailsnippets_cohorts_followupcheck"
# The contract whose hire is a durable job at once; staff adjust the category of the other hires.
DURABLE_CONTRACT_SLUG = "cdi"


class ScheduledOnlyPermissionPolicy(ModelPermissionPolicy):
    """Follow-up checks are scheduled by their outcome: the admin answers them, and never adds or deletes one."""

    ACTIONS = ("change", "view")

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in self.ACTIONS])


# Registered before any view asks for the model's policy (Wagtail would otherwise create the default one).
register_permission_policy(FollowUpCheck, ScheduledOnlyPermissionPolicy(FollowUpCheck), exact_class=True)


# --- Outcomes ---------------------------------------------------------------------------------------------------


def outcome_from_application(application):
    """The outcome a hire proposes: the job, its contract and start; a CDI is durable employment, the rest is
    transition employment until staff say otherwise."""
    contract = application.hired_contract_type
    durable = contract is not None and contract.slug == DURABLE_CONTRACT_SLUG
    return Outcome(
        candidate=application.candidate,
        category=ExitCategory.DURABLE_EMPLOYMENT if durable else ExitCategory.TRANSITION_EMPLOYMENT,
        employer=application.offer.company,
        contract_type=contract,
        start_date=application.hired_start_date,
        exit_date=application.hired_start_date,
        application=application,
    )


def record_outcome_button(user, application):
    """ "Record the outcome" of a hired application (its edit when the candidate has one), or None.

    For users who may add (or change) outcomes only; one query.
    """
    if not application.is_hired:
        return None
    outcome_pk = Outcome.objects.filter(candidate_id=application.candidate_id).values_list("pk", flat=True).first()
    if outcome_pk is not None:
        if not user.has_perm("cohorts.change_outcome"):
            return None
        return reverse(f"{OUTCOME_URLS}:edit", args=[outcome_pk]), _("Edit the outcome")
    if not user.has_perm("cohorts.add_outcome"):
        return None
    return reverse(f"{OUTCOME_URLS}:add") + f"?application={application.pk}", _("Record the outcome")


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


ADD_PANEL = ObjectList([FieldPanel("candidate"), *JOB_PANELS]).bind_to_model(Outcome)
FROM_APPLICATION_PANEL = ObjectList(
    [FieldPanel("candidate"), FieldPanel("application", read_only=True), *JOB_PANELS]
).bind_to_model(Outcome)
EDIT_PANEL = ObjectList([FieldPanel("candidate", read_only=True), *JOB_PANELS]).bind_to_model(Outcome)
EDIT_FROM_APPLICATION_PANEL = ObjectList(
    [FieldRowPanel([FieldPanel("candidate", read_only=True), FieldPanel("application", read_only=True)]), *JOB_PANELS]
).bind_to_model(Outcome)


class OutcomeCreateView(CreateView):
    """Records an outcome, pre-filled from a hire when opened as ``?application=<id>`` ("Record the outcome").

    The application must be a hire this user may read, or the page is a 404; when its candidate already has an
    outcome, the view sends to that outcome's edit form.
    """

    @cached_property
    def application(self):
        application_id = self.request.GET.get("application", "")
        if not application_id:
            return None
        hires = visible_applications(
            self.request.user,
            Application.objects.hired().select_related("candidate", "offer__company", "hired_contract_type"),
        )
        return get_object_or_404(hires, pk=int(application_id) if application_id.isdigit() else None)

    def get(self, request, *args, **kwargs):
        if self.application is not None:
            existing = Outcome.objects.filter(candidate_id=self.application.candidate_id).first()
            if existing is not None:
                messages.info(request, _("%(candidate)s already has an outcome: correct it here.")
                              % {"candidate": self.application.candidate})
                return redirect(f"{OUTCOME_URLS}:edit", existing.pk)
        return super().get(request, *args, **kwargs)

    def get_bound_panel(self, form):
        # Chosen here, not in setup(): the application is read once the permission check has passed.
        panel = FROM_APPLICATION_PANEL if self.application is not None else ADD_PANEL
        return panel.get_bound_panel(request=self.request, instance=form.instance, form=form)

    def get_initial_form_instance(self):
        if self.application is not None:
            return outcome_from_application(self.application)
        return super().get_initial_form_instance()

    def get_add_url(self):
        url = super().get_add_url()
        return f"{url}?application={self.application.pk}" if self.application is not None else url

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class OutcomeEditView(EditView):
    def get_bound_panel(self, form):
        panel = EDIT_FROM_APPLICATION_PANEL if self.object.application_id else EDIT_PANEL
        return panel.get_bound_panel(request=self.request, instance=form.instance, form=form)


class FollowUpChecks(Component):
    """The follow-up checks of an outcome, on its inspect page: when each is due, and its answer or its state."""

    template_name = "cohorts/outcomes/checks.html"

    def __init__(self, outcome, can_answer):
        self.outcome = outcome
        self.can_answer = can_answer

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = [
            {
                "check": check,
                "late": check.checked_on is None and check.due_on <= today,
                "edit_url": reverse(f"{CHECK_URLS}:edit", args=[check.pk]) if self.can_answer else None,
            }
            for check in self.outcome.checks.select_related("checked_by")
        ]
        return {"rows": rows}


class OutcomeInspectView(InspectView):
    EXTRA_FIELDS = {"employer": _("Employer"), "checks": _("Follow-up checks")}

    def get_fields(self):
        return [
            "candidate", "exit_date", "category", "employer", "contract_type", "start_date", "trial_end_date",
            "application", "notes", "recorded_by", "checks",
        ]

    def get_field_label(self, field_name, field):
        if field_name in self.EXTRA_FIELDS:
            return self.EXTRA_FIELDS[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        # Empty fields read "—", not "None".
        value = super().get_field_display_value(field_name, field)
        return "—" if value in (None, "") else value

    def get_employer_display_value(self):
        return self.object.employer_label or "—"

    def get_checks_display_value(self):
        return FollowUpChecks(self.object, self.request.user.has_perm("cohorts.change_followupcheck"))


class OutcomeViewSet(ReadableBooleansExportMixin, TremplinViewSet):
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


ANSWER_PANEL = ObjectList(
    [
        FieldRowPanel([FieldPanel("outcome", read_only=True), FieldPanel("kind", read_only=True),
                       FieldPanel("due_on", read_only=True)]),
        FieldRowPanel([FieldPanel("still_employed"), FieldPanel("checked_on")]),
        FieldPanel("note"),
    ],
    base_form_class=FollowUpAnswerForm,
).bind_to_model(FollowUpCheck)


class FollowUpCheckEditView(EditView):
    """Answers a check, or corrects its answer: who checked is the user who saves."""

    def save_instance(self):
        self.form.instance.checked_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse(f"{OUTCOME_URLS}:inspect", args=[self.object.outcome_id])

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            HeaderButton(_("Outcome"), url=reverse(f"{OUTCOME_URLS}:inspect", args=[self.object.outcome_id]),
                         icon_name="success", priority=40),
        ]


class FollowUpCheckFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Check"), choices=FollowUpKind.choices)
    answered = django_filters.BooleanFilter(label=_("Answered"), field_name="checked_on", exclude=True,
                                            lookup_expr="isnull")
    due_on = django_filters.DateFromToRangeFilter(label=_("Due on"), widget=DateRangePickerWidget)

    class Meta:
        model = FollowUpCheck
        fields = ["kind", "answered", "due_on"]


class FollowUpCheckViewSet(ReadableBooleansExportMixin, TremplinViewSet):
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
