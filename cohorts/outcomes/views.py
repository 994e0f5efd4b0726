"""The outcome screens beside Wagtail's generic ones (recording an outcome from a hire, its inspect page with its
checks, answering a check) and the follow-ups staff must make: the "Follow-ups to do" screen and its home panel.

A check is due once its date has come and nobody has answered it; the screen also lists the checks coming in the
next 30 days, so that staff can plan their calls. Each row answers its check in place (one POST URL for all rows).
"""
import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from cohorts.enums import ExitCategory
from cohorts.models import Application
from cohorts.models.outcomes import FollowUpCheck, Outcome
from cohorts.outcomes.forms import (
    ADD_PANEL,
    EDIT_FROM_APPLICATION_PANEL,
    EDIT_PANEL,
    FROM_APPLICATION_PANEL,
    FollowUpAnswerForm,
)
from cohorts.perms import visible_applications

OUTCOME_URLS = "wagtailsnippets_cohorts_outcome"
CHECK_URLS = "wagtailsnippets_cohorts_followupcheck"
# The contract whose hire is a durable job at once; staff adjust the category of the other hires.
DURABLE_CONTRACT_SLUG = "cdi"

TODO_URL = "wagtailsnippets_cohorts_followupcheck:todo"
UPCOMING_DAYS = 30


def can_answer_checks(user):
    return user.has_perm("cohorts.change_followupcheck")


def answer_form(check, data=None, user=None):
    # One form per row: the prefix keeps the ids of the rows' fields apart.
    return FollowUpAnswerForm(data, instance=check, prefix=f"check-{check.pk}", for_user=user)


class FollowUpsToDoView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The due checks (oldest first, with their days late), then the upcoming ones, each with its answer form."""

    model = FollowUpCheck
    permission_required = "change"
    template_name = "cohorts/outcomes/followups_todo.html"
    page_title = _("Follow-ups to do")
    header_icon = "clipboard-list"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def rows(self, checks, today, bound_form):
        return [
            {
                "check": check,
                "days_late": (today - check.due_on).days,
                "form": bound_form if bound_form is not None and bound_form.instance.pk == check.pk
                else answer_form(check, user=self.request.user),
            }
            for check in checks.select_related("outcome__candidate", "outcome__employer").order_by("due_on", "pk")
        ]

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        upcoming = FollowUpCheck.objects.pending().filter(
            due_on__gt=today, due_on__lte=today + datetime.timedelta(days=UPCOMING_DAYS)
        )
        context.update(
            due_rows=self.rows(FollowUpCheck.objects.due(today), today, bound_form),
            upcoming_rows=self.rows(upcoming, today, bound_form),
            upcoming_days=UPCOMING_DAYS,
            list_url=reverse("wagtailsnippets_cohorts_followupcheck:list"),
        )
        return context

    def post(self, request, *args, **kwargs):
        check_id = request.POST.get("check", "")
        check = get_object_or_404(
            FollowUpCheck.objects.select_related("outcome__candidate"),
            pk=int(check_id) if check_id.isdigit() else None,
        )
        if check.checked_on is not None:
            messages.info(request, _("This check was already answered: %(check)s.") % {"check": check})
            return redirect(TODO_URL)
        form = answer_form(check, request.POST, request.user)
        if not form.is_valid():
            messages.error(request, _("The answer about %(check)s could not be recorded: see its row.")
                           % {"check": check})
            return self.render_to_response(self.get_context_data(bound_form=form))
        form.instance.checked_by = request.user
        form.save()
        # In the check's history, as an answer given through its edit form would be.
        log(instance=form.instance, action="wagtail.edit", user=request.user)
        messages.success(request, _("Follow-up recorded: %(check)s.") % {"check": check})
        return redirect(TODO_URL)


class FollowUpsDuePanel(Component):
    """ "N follow-ups due" on the admin home, linking to the screen that lists them."""

    name = "followups_due"
    order = 110
    template_name = "cohorts/outcomes/home_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "due_count": FollowUpCheck.objects.due(timezone.localdate()).count(),
            "todo_url": reverse(TODO_URL),
        }


def add_followups_panel(request, panels):
    """The construct_homepage_panels hook: the panel is for the staff who answer the checks."""
    if can_answer_checks(request.user):
        panels.append(FollowUpsDuePanel())


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






