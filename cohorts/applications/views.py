"""The admin screens of the pipeline: applications (list, inspect, status changes) and the matching screens.

The viewset and the hooks that register these screens are in cohorts/wagtail_hooks.py.

Who does what, in plain words:
- programme admins (and superusers) see every application, propose offers, and create or delete applications;
- a coach sees and updates the applications of their own candidate only, and sees the offers matching that
  candidate, but proposes nothing: proposing is the staff's decision;
- other roles see no application and no matching screen.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.messages import button as message_button
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    UsageView,
)

from cohorts.applications.matching import candidates_for_offer, is_open, offers_for_candidate
from cohorts.applications.services import propose_offer
from cohorts.enums import CandidateStatus
from cohorts.models import Candidate
from cohorts.models.applications import Application
from cohorts.outcomes.views import record_outcome_button
from cohorts.perms import visible_applications, visible_candidates
from snippets.models import Offer

OFFER_MATCHES_URL = "cohorts_offer_matches"
CANDIDATE_MATCHES_URL = "cohorts_candidate_matches"


def can_propose(user):
    return user.has_perm("cohorts.add_application")


def can_follow_applications(user):
    """Whether the user reads applications and the offers matching a candidate (coaches: their own candidate's)."""
    return user.has_perm("cohorts.view_application") or user.has_perm("cohorts.change_application")


# --- Forms ------------------------------------------------------------------------------------------------------


# --- Application views ------------------------------------------------------------------------------------------


class VisibleApplicationMixin:
    """The application must be one this user may read: a coach's own candidate's, or any other is a 404.

    Users without any application permission are refused first, as on every other screen.
    """

    def visible_queryset(self):
        if not can_follow_applications(self.request.user):
            # Refused like any screen without permission, before the lookup would answer 404.
            raise PermissionDenied
        queryset = Application.objects.select_related(
            "candidate__cohort", "offer__company", "offer__city", "hired_contract_type", "created_by"
        )
        return visible_applications(self.request.user, queryset)

    def get_base_object_queryset(self):
        """Where history and usage views (Wagtail's BaseObjectMixin) look the application up."""
        return self.visible_queryset()


class VisibleApplicationEditMixin(VisibleApplicationMixin):
    def get_queryset(self):
        """Where edit and delete views (Django's SingleObjectMixin) look the application up."""
        return self.visible_queryset()


class ApplicationCreateView(CreateView):
    """Creates the application through ``propose_offer``: the same checks and e-mails as the one-click proposal."""

    def save_instance(self):
        data = self.form.cleaned_data
        return propose_offer(offer=data["offer"], candidate=data["candidate"], user=self.request.user)


def record_outcome_header_button(user, application):
    """ "Record the outcome" in the header of a hired application, for staff who record outcomes."""
    link = record_outcome_button(user, application)
    if link is None:
        return []
    url, label = link
    return [HeaderButton(label, url=url, icon_name="success", priority=50)]


class ApplicationEditView(VisibleApplicationEditMixin, EditView):
    def save_instance(self):
        application = super().save_instance()
        data = self.form.cleaned_data
        if data["new_status"]:
            application.change_status(
                data["new_status"], user=self.request.user, note=data["status_note"],
                contract_type=data["contract_type"], start_date=data["start_date"],
            )
        return application

    def get_success_buttons(self):
        """A hire offers its next step: recording the candidate's outcome, pre-filled from the hire."""
        buttons = super().get_success_buttons()
        link = record_outcome_button(self.request.user, self.object)
        return [*buttons, message_button(*link)] if link else buttons

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *record_outcome_header_button(self.request.user, self.object)]


class ApplicationDeleteView(VisibleApplicationEditMixin, DeleteView):
    pass


class ApplicationHistoryView(VisibleApplicationMixin, HistoryView):
    pass


class ApplicationUsageView(VisibleApplicationMixin, UsageView):
    pass


class StatusHistory(Component):
    """The status changes of an application, oldest first: date, author, from → to, note."""

    template_name = "cohorts/applications/status_history.html"

    def __init__(self, changes):
        self.changes = changes

    def get_context_data(self, parent_context=None):
        return {"changes": self.changes}


class ApplicationInspectView(VisibleApplicationMixin, InspectView):
    EXTRA_FIELDS = {"company": _("Company"), "status_history": _("Status history")}

    def get_object(self, queryset=None):
        return get_object_or_404(self.visible_queryset(), pk=self.pk)

    def get_fields(self):
        # The first row of the history says when and by whom the application was created.
        return [
            "candidate", "offer", "company", "status", "hired_contract_type", "hired_start_date", "notes",
            "status_history",
        ]

    def get_field_label(self, field_name, field):
        if field_name in self.EXTRA_FIELDS:
            return self.EXTRA_FIELDS[field_name]
        return super().get_field_label(field_name, field)

    def get_company_display_value(self):
        return self.object.offer.company

    def get_hired_contract_type_display_value(self):
        return self.object.hired_contract_type or "—"

    def get_hired_start_date_display_value(self):
        return self.object.hired_start_date or "—"

    def get_notes_display_value(self):
        return self.object.notes or "—"

    def get_status_history_display_value(self):
        return StatusHistory(self.object.status_changes.select_related("changed_by"))

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *record_outcome_header_button(self.request.user, self.object)]


# --- Matching screens -------------------------------------------------------------------------------------------


def posted_object(queryset, data, key):
    """The row whose id was posted under ``key``, or a 404."""
    value = data.get(key, "")
    return get_object_or_404(queryset, pk=int(value) if value.isdigit() else None)


class MatchesView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A ranked list of matches, each with its reasons and, for staff who may, a one-click "Propose" (POST).

    Proposing calls ``propose_offer`` and comes back here with a message; refusals (offer not open, aimed at
    another candidate, already proposed) come back as error messages.
    """

    model = Application
    template_name = "cohorts/applications/matches.html"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title(), "sublabel": self.subject}]

    def get_page_subtitle(self):
        return str(self.subject)

    @cached_property
    def can_propose(self):
        return can_propose(self.request.user)

    def post(self, request, *args, **kwargs):
        if not self.can_propose:
            raise PermissionDenied
        offer, candidate = self.proposal(request.POST)
        try:
            propose_offer(offer=offer, candidate=candidate, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("« %(offer)s » proposed to %(candidate)s: their coach and the city's staff are told by e-mail.")
                % {"offer": offer.title, "candidate": candidate.full_name},
            )
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            matches=self.get_matches(),
            subject=self.subject,
            notice=self.get_notice(),
            propose_open=self.can_propose and self.proposal_open(),
            can_follow_applications=can_follow_applications(user),
            can_edit_offers=user.has_perm("snippets.change_offer"),
            can_view_candidates=user.has_perm("cohorts.view_candidate"),
            offer_screen=self.offer_screen,
        )
        return context


class OfferMatchesView(MatchesView):
    """ "Candidats correspondants": the candidates who fit an offer. Staff who may propose offers only."""

    permission_required = "add"
    page_title = _("Matching candidates")
    header_icon = "group"
    offer_screen = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.subject = get_object_or_404(
            Offer.objects.select_related("company", "city", "sector", "contract_type", "target_candidate"),
            pk=kwargs["pk"],
        )

    def get_matches(self):
        return candidates_for_offer(self.subject)

    def proposal_open(self):
        return is_open(self.subject)

    def get_notice(self):
        offer = self.subject
        if not is_open(offer):
            return _("This offer is not online (%(status)s): it can be proposed once validated, and until it "
                     "expires.") % {"status": offer.get_status_display()}
        if offer.is_private:
            return _("This offer is aimed at %(name)s only.") % {"name": offer.target_candidate.full_name}
        return ""

    def proposal(self, data):
        return self.subject, posted_object(Candidate.objects.select_related("cohort__city"), data, "candidate")


class CandidateMatchesView(MatchesView):
    """ "Offres correspondantes": the open offers that fit a candidate. Staff, and the candidate's own coach."""

    any_permission_required = ["view", "change"]
    page_title = _("Matching offers")
    header_icon = "doc-full"
    offer_screen = False

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        candidates = visible_candidates(request.user, Candidate.objects.select_related("story_page", "cohort__city"))
        self.subject = get_object_or_404(candidates, pk=kwargs["pk"])

    def get_matches(self):
        return offers_for_candidate(self.subject)

    def proposal_open(self):
        return True

    def get_notice(self):
        candidate = self.subject
        if candidate.status != CandidateStatus.IN_PROGRAMME:
            return _("%(name)s is no longer looking (%(status)s): no offer is matched.") % {
                "name": candidate.full_name, "status": candidate.get_status_display()
            }
        if getattr(candidate, "story_page", None) is None:
            return _("%(name)s has no story page yet: matching reads their wishes (job families, cities, "
                     "contracts, availability) from it.") % {"name": candidate.full_name}
        return ""

    def proposal(self, data):
        offer = posted_object(Offer.objects.select_related("company", "city", "contract_type"), data, "offer")
        return offer, self.subject


def candidate_matches_button(user, candidate):
    """The "Matching offers" header button of a candidate's inspect page, for users who may open that screen."""
    if can_follow_applications(user):
        return HeaderButton(
            _("Matching offers"), url=reverse(CANDIDATE_MATCHES_URL, args=[candidate.pk]), icon_name="doc-full",
            priority=40,
        )
    return None
