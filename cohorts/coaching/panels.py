"""Panels of the admin home: "My pair" for a coach (their ten minutes a week start here), inactive pairs for staff."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from cohorts.coaching.reminders import inactive_pairs
from cohorts.coaching.views import STORY_DRAFT_URL
from cohorts.models import Application, Pair
from cohorts.models.coaching import INACTIVITY_DAYS, CoachingSession
from cohorts.perms import visible_applications

RECENT_SESSIONS = 5
RECENT_APPLICATIONS = 8


class MyPairPanel(Component):
    """The coach's candidate at a glance, with "Log a session" first: the fastest path to what they came for."""

    name = "my_pair"
    template_name = "cohorts/coaching/my_pair_panel.html"
    order = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        pair = (
            Pair.objects.active().filter(coach__user=self.user)
            .select_related("candidate__cohort__city", "candidate__story_page").first()
        )
        if pair is None:
            return {"pair": None}
        candidate = pair.candidate
        sessions = list(CoachingSession.objects.filter(pair=pair).order_by("-date", "-created_at")[:RECENT_SESSIONS])
        applications = list(
            visible_applications(self.user, Application.objects.filter(candidate=candidate))
            .select_related("offer__company").order_by("-updated_at")[:RECENT_APPLICATIONS]
        )
        last_activity = sessions[0].date if sessions else pair.start_date
        days_since = (timezone.localdate() - last_activity).days
        story = getattr(candidate, "story_page", None)
        return {
            "pair": pair,
            "candidate": candidate,
            "sessions": sessions,
            "applications": applications,
            "days_since": days_since,
            "never_met": not sessions,
            "overdue": days_since > INACTIVITY_DAYS,
            "story": story,
            "story_preview_url": reverse(STORY_DRAFT_URL, args=[candidate.pk]) if story else None,
            "log_session_url": reverse("wagtailsnippets_cohorts_coachingsession:add") + f"?pair={pair.pk}",
            "sessions_url": reverse("wagtailsnippets_cohorts_coachingsession:list"),
            "candidate_url": reverse("wagtailsnippets_cohorts_candidate:inspect", args=[candidate.pk]),
            "applications_url": reverse("wagtailsnippets_cohorts_application:list"),
            "inactivity_days": INACTIVITY_DAYS,
        }


class InactivePairsPanel(Component):
    """For staff: how many pairs have gone quiet, with the way to the report. One count query."""

    name = "inactive_pairs"
    template_name = "cohorts/coaching/inactive_pairs_panel.html"
    order = 150

    def __init__(self, report_url):
        self.report_url = report_url

    def get_context_data(self, parent_context=None):
        return {"count": inactive_pairs().count(), "report_url": self.report_url, "inactivity_days": INACTIVITY_DAYS}
