"""Coaching in the admin: the coaching sessions, the report of pairs gone quiet, and the coach's home panel.

Who does what, in plain words:
- a coach logs, corrects and deletes the sessions of their own current pair, and sees no other session;
- programme admins (and superusers) see every session, filter and export them, and read the report of pairs with
  no session for ``INACTIVITY_DAYS`` days (a PermissionDenied for others: Wagtail sends them to the dashboard);
- Communication sees no session.

cohorts/wagtail_hooks.py puts the viewset in the Programme menu and imports this module, which registers its hooks.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, HistoryView, UsageView

from cohorts.coaching.panels import InactivePairsPanel, MyPairPanel
from cohorts.coaching.reminders import days_since_last_session, inactive_pairs, with_last_session
from cohorts.coaching.views import STORY_DRAFT_URL, StoryDraftPreviewView
from cohorts.enums import SessionKind
from cohorts.models import Candidate, Cohort, Pair
from cohorts.models.coaching import INACTIVITY_DAYS, CoachingSession
from cohorts.people.filters import readable_cohorts
from cohorts.perms import visible_candidates, visible_sessions
from snippets.models import City
from snippets.perms import sees_only_own_candidate
from snippets.spreadsheets import SafeSpreadsheetExportMixin
from snippets.viewsets import TremplinViewSet

INACTIVE_PAIRS_URL = "cohorts_inactive_pairs"
INACTIVE_PAIRS_RESULTS_URL = "cohorts_inactive_pairs_results"
# Translated when shown, not when this module loads.
REPORT_TITLE = lazy(lambda: _("Pairs with no session for %(days)s days") % {"days": INACTIVITY_DAYS}, str)()


def can_read_inactive_pairs(user):
    """The report names coaches and candidates of every pair: staff who read pairs only."""
    return user.has_perm("cohorts.view_pair")


# --- Coaching sessions ---------------------------------------------------------------------------------------------


def _filter_cities(request):
    if request is not None and sees_only_own_candidate(request.user):
        return City.objects.filter(pk__in=readable_cohorts(request).values("city"))
    return City.objects.all()


class CoachingSessionFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="pair__candidate__cohort", queryset=readable_cohorts
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="pair__candidate__cohort__city", queryset=_filter_cities
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SessionKind.choices)
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = CoachingSession
        fields = ["cohort", "city", "kind", "date"]


class CoachingSessionForm(WagtailAdminModelForm):
    """A coach picks among their own current pairs in a plain list (usually one); staff use the pair chooser.

    The date is checked by ``CoachingSession.clean``: not in the future, within the pair's dates.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and sees_only_own_candidate(self.for_user):
            field = self.fields["pair"]
            field.widget = forms.Select()
            field.queryset = own_pairs(self.for_user)
            field.empty_label = None


def own_pairs(user):
    """The coach's current pairs: where their sessions go."""
    return Pair.objects.active().filter(coach__user=user).select_related("coach", "candidate")


class VisibleSessionMixin:
    """The session must be one this user may read: another coach's session is a 404 for a coach."""

    def visible_queryset(self):
        if not self.request.user.has_perm("cohorts.view_coachingsession"):
            # Refused like any screen without permission, before the lookup would answer 404.
            raise PermissionDenied
        queryset = CoachingSession.objects.select_related("pair__coach", "pair__candidate", "logged_by")
        return visible_sessions(self.request.user, queryset)

    def get_queryset(self):
        """Where edit and delete views (Django's SingleObjectMixin) look the session up."""
        return self.visible_queryset()

    def get_base_object_queryset(self):
        """Where history and usage views (Wagtail's BaseObjectMixin) look the session up."""
        return self.visible_queryset()


class SessionCreateView(CreateView):
    """Opens with the pair chosen (``?pair=`` from the home panel or the reminder, or a coach's only pair)."""

    def get_initial(self):
        initial = super().get_initial()
        pair_id = self.request.GET.get("pair", "")
        if pair_id.isdigit():
            initial["pair"] = int(pair_id)
        elif sees_only_own_candidate(self.request.user):
            pairs = list(own_pairs(self.request.user).values_list("pk", flat=True)[:2])
            if len(pairs) == 1:
                initial["pair"] = pairs[0]
        return initial

    def save_instance(self):
        self.form.instance.logged_by = self.request.user
        return super().save_instance()


class SessionEditView(VisibleSessionMixin, EditView):
    pass


class SessionDeleteView(VisibleSessionMixin, DeleteView):
    pass


class SessionHistoryView(VisibleSessionMixin, HistoryView):
    pass


class SessionUsageView(VisibleSessionMixin, UsageView):
    pass


class CoachingSessionViewSet(TremplinViewSet):
    """ "Coaching sessions" in the Programme menu: a coach's own sessions, or every session for staff."""

    model = CoachingSession
    inspect_view_enabled = False
    icon = "calendar-check"
    menu_label = _("Coaching sessions")
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    list_display = [
        "date",
        Column("candidate", label=_("Candidate"), accessor="pair.candidate"),
        Column("coach", label=_("Coach"), accessor="pair.coach"),
        Column("get_kind_display", label=_("Kind")),
        NumberColumn("duration_minutes", label=_("Duration (minutes)")),
    ]
    # The private note stays in the admin: a file leaves the building.
    list_export = ["date", "pair.coach", "pair.candidate", "pair.candidate.cohort", "pair.candidate.cohort.city",
                   "get_kind_display", "duration_minutes", "logged_by"]
    export_headings = {
        "date": _("Date"),
        "pair.coach": _("Coach"),
        "pair.candidate": _("Candidate"),
        "pair.candidate.cohort": _("Cohort"),
        "pair.candidate.cohort.city": _("City"),
        "get_kind_display": _("Kind"),
        "duration_minutes": _("Duration (minutes)"),
        "logged_by": _("Logged by"),
    }
    export_filename = "seances-coaching"
    filterset_class = CoachingSessionFilterSet
    search_fields = ["pair__coach__first_name", "pair__coach__last_name", "pair__candidate__first_name",
                     "pair__candidate__last_name"]
    ordering = ["-date", "-created_at"]

    visibility = visible_sessions

    def base_queryset(self):
        return CoachingSession.objects.select_related(
            "pair__coach", "pair__candidate__cohort__city", "logged_by"
        )

    def get_edit_handler(self):
        return ObjectList(CoachingSession.panels, base_form_class=CoachingSessionForm).bind_to_model(CoachingSession)


# --- Report: pairs with no session for INACTIVITY_DAYS days ----------------------------------------------------------


class InactivePairsFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )

    class Meta:
        model = Pair
        fields = ["cohort", "city"]


class InactivePairsReportView(SafeSpreadsheetExportMixin, ReportView):
    """Active pairs with no session for ``INACTIVITY_DAYS`` days (or none since they started): staff call them.

    Two queries whatever the number of pairs: the count and the page (or the export), sessions aggregated in SQL.
    """

    page_title = REPORT_TITLE
    header_icon = "warning"
    index_url_name = INACTIVE_PAIRS_URL
    index_results_url_name = INACTIVE_PAIRS_RESULTS_URL
    filterset_class = InactivePairsFilterSet
    permission_policy = ModelPermissionPolicy(Pair)
    permission_required = "view"
    export_filename = "binomes-sans-seance"
    columns = [
        Column("coach", label=_("Coach")),
        Column("candidate", label=_("Candidate")),
        Column("cohort", label=_("Cohort"), accessor="candidate.cohort"),
        Column("city", label=_("City"), accessor="candidate.cohort.city"),
        DateColumn("last_session_date", label=_("Last session")),
        NumberColumn("days_since", label=_("Days since")),
        DateColumn("inactivity_reminded_at", label=_("Coach last reminded")),
    ]
    list_export = ["coach", "candidate", "candidate.cohort", "candidate.cohort.city", "start_date",
                   "last_session_date", "days_since", "inactivity_reminded_at"]
    export_headings = {
        "coach": _("Coach"),
        "candidate": _("Candidate"),
        "candidate.cohort": _("Cohort"),
        "candidate.cohort.city": _("City"),
        "start_date": _("Pair started"),
        "last_session_date": _("Last session"),
        "days_since": _("Days since"),
        "inactivity_reminded_at": _("Coach last reminded"),
    }

    def get_queryset(self):
        return (
            with_last_session(inactive_pairs())
            .select_related("coach", "candidate__cohort__city")
            .order_by("last_activity", "pk")  # the longest silence first
        )

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        rows = list(object_list)
        for pair in rows:
            pair.days_since = days_since_last_session(pair, today=today)
        return rows


class InactivePairsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_inactive_pairs(request.user)


@hooks.register("register_admin_urls")
def register_coaching_urls():
    """The report of inactive pairs, and the read-only preview of a candidate's story draft (coaching_views)."""
    report = InactivePairsReportView
    return [
        path("binomes-sans-seance/", report.as_view(), name=INACTIVE_PAIRS_URL),
        path("binomes-sans-seance/resultats/", report.as_view(results_only=True), name=INACTIVE_PAIRS_RESULTS_URL),
        path("candidats/<int:pk>/recit-brouillon/", StoryDraftPreviewView.as_view(),
             name=STORY_DRAFT_URL),
    ]


@hooks.register("register_reports_menu_item")
def register_inactive_pairs_menu_item():
    return InactivePairsMenuItem(
        REPORT_TITLE, reverse(INACTIVE_PAIRS_URL), name="inactive-pairs", icon_name="warning",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_coaching_panels(request, panels):
    """A coach's "My pair" panel first on their home; for staff, how many pairs have gone quiet."""
    if sees_only_own_candidate(request.user):
        panels.insert(0, MyPairPanel(request.user))
    elif can_read_inactive_pairs(request.user):
        panels.append(InactivePairsPanel(reverse(INACTIVE_PAIRS_URL)))


@hooks.register("construct_page_chooser_queryset")
def hide_other_stories_from_coaches(pages, request):
    """A coach holds no page permission, but Wagtail's page chooser is open to every admin user: it would list every
    candidate's story, drafts included. A coach's chooser leaves out the stories of candidates they do not read.
    """
    if not sees_only_own_candidate(request.user):
        return pages
    others = Candidate.objects.exclude(pk__in=visible_candidates(request.user, Candidate.objects.all()).values("pk"))
    return pages.exclude(pk__in=others.filter(story_page__isnull=False).values("story_page"))

