"""Coaching in the admin: the coaching sessions, the report of pairs gone quiet, and the coach's home panel.

Who does what, in plain words:
- a coach logs, corrects and deletes the sessions of their own current pair, and sees no other session;
- programme admins (and superusers) see every session, filter and export them, and read the report of pairs with
  no session for ``INACTIVITY_DAYS`` days (a PermissionDenied for others: Wagtail sends them to the dashboard);
- Communication sees no session.

cohorts/wagtail_hooks.py puts the viewset in the Programme menu and imports this module, which registers its hooks.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, NumberColumn

from cohorts.coaching.filters import CoachingSessionFilterSet
from cohorts.coaching.forms import CoachingSessionForm
from cohorts.coaching.views import SessionCreateView
from cohorts.models.coaching import CoachingSession
from cohorts.perms import visible_sessions
from snippets.viewsets import PrivateRecordViewSet

# --- Coaching sessions ---------------------------------------------------------------------------------------------


class CoachingSessionViewSet(PrivateRecordViewSet):
    """ "Coaching sessions" in the Programme menu: a coach's own sessions, or every session for staff."""

    model = CoachingSession
    inspect_view_enabled = False
    icon = "calendar-check"
    menu_label = _("Coaching sessions")
    add_view_class = SessionCreateView
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


