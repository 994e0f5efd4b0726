"""The follow-ups staff must make: the "Follow-ups to do" screen and its panel on the admin home.

A check is due once its date has come and nobody has answered it; the screen also lists the checks coming in the
next 30 days, so that staff can plan their calls. Each row answers its check in place (one POST URL for all rows).
"""

import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import log

from cohorts.models.outcomes import FollowUpCheck
from cohorts.outcomes.forms import FollowUpAnswerForm

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
