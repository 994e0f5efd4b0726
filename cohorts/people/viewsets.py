"""Programme → Cohorts, Candidates, Coaches, Pairs: the people of the programme, each scoped to who may read them."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.views.generic import InspectView

from cohorts.applications.views import candidate_matches_button
from cohorts.consent.views import ConsentSummary
from cohorts.gdpr.views import AuditedListExportMixin, CandidateRecordMixin, CoachRecordMixin, with_mixin
from cohorts.models import Candidate, Coach, Cohort, Pair
from cohorts.people.filters import (
    CandidateFilterSet,
    CoachFilterSet,
    CohortFilterSet,
    PairFilterSet,
)
from cohorts.perms import (
    sees_only_own_candidate,
    visible_candidates,
    visible_coaches,
    visible_cohorts,
    visible_pairs,
)
from snippets.spreadsheets import ReadableBooleansExportMixin
from snippets.viewsets import PrivateRecordViewSet


class CohortViewSet(PrivateRecordViewSet):
    model = Cohort
    icon = "group"
    visibility = visible_cohorts
    menu_label = _("Cohorts")
    list_display = ["name", "city", "get_kind_display", "start_date", "end_date", "get_status_display"]
    list_export = ["name", "city", "get_kind_display", "start_date", "end_date", "get_status_display"]
    export_headings = {"get_kind_display": _("Kind"), "get_status_display": _("Status"), "city": _("City")}
    export_filename = "promotions"
    filterset_class = CohortFilterSet
    search_fields = ["name"]
    ordering = ["-start_date"]

    def base_queryset(self):
        return Cohort.objects.select_related("city")


class CandidateInspectView(CandidateRecordMixin, InspectView):
    """Inspect a candidate, but only one this user may read (a coach sees their own candidate only).

    Opening it is logged in the candidate's history (cohorts/gdpr/).
    """

    def _visible_fields(self):
        fields = super().get_fields()
        if sees_only_own_candidate(self.request.user):
            # The private notes are "seen by staff only": a coach is a volunteer, not staff.
            fields = [name for name in fields if name != "notes"]
        return fields

    def get_object(self, queryset=None):
        queryset = visible_candidates(self.request.user, Candidate.objects.all())
        return get_object_or_404(queryset, pk=self.pk)

    def get_fields(self):
        return [*self._visible_fields(), "consents"]

    def get_field_label(self, field_name, field):
        if field_name == "consents":
            return _("Consents")
        return super().get_field_label(field_name, field)

    def get_consents_display_value(self):
        return ConsentSummary(self.object, self.request.user)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        matches_button = candidate_matches_button(self.request.user, self.object)
        return [*buttons, matches_button] if matches_button else buttons


class CandidateViewSet(ReadableBooleansExportMixin, PrivateRecordViewSet):
    model = Candidate
    icon = "user"
    menu_label = _("Candidates")
    inspect_view_class = CandidateInspectView
    visibility = visible_candidates
    list_display = [
        "full_name",
        "cohort",
        Column("active_coach", label=_("Coach")),
        Column("get_status_display", label=_("Status")),
        BooleanColumn("story_published", label=_("Story published")),
        NumberColumn("story_views", label=_("Views"), sort_key="story_views"),
        NumberColumn("story_shares", label=_("Shares"), sort_key="story_shares"),
        NumberColumn("story_qr_scans", label=_("QR scans"), sort_key="story_qr_scans"),
        "updated_at",
    ]
    # Contact details stay out of exports: they leave the building in a file.
    list_export = ["first_name", "last_name", "cohort", "referring_organisation", "active_coach",
                   "get_status_display", "story_published", "story_views", "story_shares", "story_qr_scans",
                   "created_at"]
    export_headings = {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "cohort": _("Cohort"),
        "referring_organisation": _("Referring organisation"),
        "active_coach": _("Coach"),
        "get_status_display": _("Status"),
        "story_published": _("Story published"),
        "story_views": _("Views"),
        "story_shares": _("Shares"),
        "story_qr_scans": _("QR scans"),
        "created_at": _("Joined"),
    }
    export_booleans = ["story_published"]
    export_filename = "candidats"
    filterset_class = CandidateFilterSet
    search_fields = ["first_name", "last_name", "email"]
    ordering = ["last_name", "first_name"]
    inspect_view_fields_exclude = ["id"]

    @property
    def index_view_class(self):
        """TremplinViewSet's list, whose exports are also logged (cohorts/gdpr/audit.py)."""
        return with_mixin(AuditedListExportMixin, super().index_view_class)

    def base_queryset(self):
        return (
            Candidate.objects.select_related("cohort", "referring_organisation", "story_page")
            .with_active_coach()
            .with_story_counts()
        )


class CoachViewSet(ReadableBooleansExportMixin, PrivateRecordViewSet):
    model = Coach
    icon = "user"
    visibility = visible_coaches
    menu_label = _("Coaches")
    list_display = ["__str__", "employer", "active", Column("current_candidate", label=_("Current candidate"))]
    list_export = ["first_name", "last_name", "employer", "active", "current_candidate"]
    export_headings = {"current_candidate": _("Current candidate"), "employer": _("Employer")}
    export_booleans = ["active"]
    export_filename = "coachs"
    filterset_class = CoachFilterSet
    search_fields = ["first_name", "last_name", "email"]
    ordering = ["last_name", "first_name"]

    @property
    def inspect_view_class(self):
        """TremplinViewSet's inspect screen, with the export of the coach's data in its header (cohorts/gdpr/)."""
        return with_mixin(CoachRecordMixin, super().inspect_view_class)

    def base_queryset(self):
        return Coach.objects.select_related("employer").with_current_candidate()


class PairViewSet(PrivateRecordViewSet):
    model = Pair
    icon = "link"
    visibility = visible_pairs
    menu_label = _("Pairs")
    list_display = ["__str__", Column("cohort", label=_("Cohort"), accessor="candidate.cohort"), "start_date",
                    "end_date"]
    list_export = ["coach", "candidate", "candidate.cohort", "start_date", "end_date"]
    export_headings = {"coach": _("Coach"), "candidate": _("Candidate"), "candidate.cohort": _("Cohort")}
    export_filename = "binomes"
    filterset_class = PairFilterSet
    search_fields = ["coach__first_name", "coach__last_name", "candidate__first_name", "candidate__last_name"]
    ordering = ["-start_date"]

    def base_queryset(self):
        return Pair.objects.select_related("coach", "candidate__cohort")
