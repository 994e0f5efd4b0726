"""The coaching screens: the session's add view (the pair chosen for a coach; TremplinViewSet scopes the others), the
report of pairs gone quiet, and the read-only preview of a story draft for the coach, who holds no page permission.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView

from cohorts.coaching.filters import InactivePairsFilterSet
from cohorts.coaching.forms import own_pairs
from cohorts.coaching.reminders import days_since_last_session, inactive_pairs, with_last_session
from cohorts.models import Candidate, Pair
from cohorts.models.coaching import INACTIVITY_DAYS
from cohorts.perms import visible_candidates
from snippets.perms import sees_only_own_candidate
from snippets.spreadsheets import SafeSpreadsheetExportMixin

INACTIVE_PAIRS_URL = "cohorts_inactive_pairs"
INACTIVE_PAIRS_RESULTS_URL = "cohorts_inactive_pairs_results"
# Translated when shown, not when this module loads.
REPORT_TITLE = lazy(lambda: _("Pairs with no session for %(days)s days") % {"days": INACTIVITY_DAYS}, str)()

STORY_DRAFT_URL = "cohorts_story_draft"


class StoryDraftPreviewView(View):
    """The latest revision of the candidate's story page, rendered with the page's own template, nothing to edit.

    Only for who reads the candidate: their coach, or staff with the candidate permission; any other candidate is
    a 404 for a coach. Rendered directly rather than through ``serve_preview``, which answers 404 until the
    candidate consents to publication: a coach helps write the story before that.
    """

    http_method_names = ["get"]

    def get(self, request, pk):
        if not request.user.has_perm("cohorts.view_candidate"):
            raise PermissionDenied
        candidate = get_object_or_404(visible_candidates(request.user, Candidate.objects.all()), pk=pk)
        try:
            page = candidate.story_page
        except ObjectDoesNotExist as error:
            raise Http404 from error
        draft = page.get_latest_revision_as_object()
        request.is_preview = True
        request.preview_mode = draft.default_preview_mode
        response = TemplateResponse(request, draft.get_template(request), draft.get_context(request))
        response["X-Robots-Tag"] = "noindex"
        return response


def can_read_inactive_pairs(user):
    """The report names coaches and candidates of every pair: staff who read pairs only."""
    return user.has_perm("cohorts.view_pair")


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






