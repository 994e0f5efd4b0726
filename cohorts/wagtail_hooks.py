"""The "Programme" admin menu: cohorts, candidates, coaches and pairs."""

from django.shortcuts import get_object_or_404
from django.template.defaultfilters import yesno
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import InspectView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from snippets.wagtail_hooks import CityViewSet

from .filters import CandidateFilterSet, CoachFilterSet, CohortFilterSet, PairFilterSet
from .models import Candidate, Coach, Cohort, Pair
from .perms import sees_only_own_candidate, visible_candidates, visible_pairs


def chooser_restricted_by(rule):
    """A snippet chooser that lists, and resolves, only the rows that ``rule(user, queryset)`` lets this user read.

    Wagtail opens every chooser to every admin user, whatever their model permissions: without this, a coach
    would read the names of all candidates in the candidate (or pair) chooser.
    """

    class RestrictedMixin:
        def get_object_list(self):
            # A `pk__in` subquery, not the rule's own joins: the chooser's search backend only filters on
            # declared FilterFields (Candidate declares "id").
            visible = rule(self.request.user, self.model_class.objects.all())
            return super().get_object_list().filter(pk__in=visible.values("pk"))

        def get_object(self, pk):
            return rule(self.request.user, self.model_class.objects.all()).get(pk=pk)

        def get_objects(self, pks):
            return rule(self.request.user, self.model_class.objects.all()).filter(pk__in=pks)

    return type(
        "RestrictedChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ChooseView", (RestrictedMixin, ChooseView), {}),
            "choose_results_view_class": type("ChooseResultsView", (RestrictedMixin, ChooseResultsView), {}),
            "chosen_view_class": type("ChosenView", (RestrictedMixin, SnippetChosenView), {}),
            "chosen_multiple_view_class": type(
                "ChosenMultipleView", (RestrictedMixin, SnippetChosenMultipleView), {}
            ),
        },
    )


class ReadableBooleansExportMixin:
    """CSV exports write the ``export_booleans`` as a translated "oui"/"non" rather than Python's True/False.

    XLSX keeps real booleans, which the spreadsheet shows in its own language.
    """

    export_booleans = ()

    def get_index_view_kwargs(self, **kwargs):
        preprocess = {field: {"csv": yesno} for field in self.export_booleans}
        return super().get_index_view_kwargs(custom_field_preprocess=preprocess, **kwargs)


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    list_display = ["name", "city", "get_kind_display", "start_date", "end_date", "get_status_display"]
    list_export = ["name", "city", "get_kind_display", "start_date", "end_date", "get_status_display"]
    export_headings = {"get_kind_display": _("Kind"), "get_status_display": _("Status"), "city": _("City")}
    export_filename = "promotions"
    filterset_class = CohortFilterSet
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["-start_date"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Cohort.objects.select_related("city")


class CandidateInspectView(InspectView):
    """Inspect a candidate, but only one this user may read (a coach sees their own candidate only)."""

    def get_fields(self):
        fields = super().get_fields()
        if sees_only_own_candidate(self.request.user):
            # The private notes are "seen by staff only": a coach is a volunteer, not staff.
            fields = [name for name in fields if name != "notes"]
        return fields

    def get_object(self, queryset=None):
        queryset = visible_candidates(self.request.user, Candidate.objects.all())
        return get_object_or_404(queryset, pk=self.pk)


class CandidateViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    model = Candidate
    icon = "user"
    menu_label = _("Candidates")
    inspect_view_class = CandidateInspectView
    chooser_viewset_class = chooser_restricted_by(visible_candidates)
    list_display = [
        "full_name",
        "cohort",
        Column("active_coach", label=_("Coach")),
        Column("get_status_display", label=_("Status")),
        BooleanColumn("story_published", label=_("Story published")),
        "updated_at",
    ]
    # Contact details stay out of exports: they leave the building in a file.
    list_export = ["first_name", "last_name", "cohort", "referring_organisation", "active_coach",
                   "get_status_display", "story_published", "created_at"]
    export_headings = {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "cohort": _("Cohort"),
        "referring_organisation": _("Referring organisation"),
        "active_coach": _("Coach"),
        "get_status_display": _("Status"),
        "story_published": _("Story published"),
        "created_at": _("Joined"),
    }
    export_booleans = ["story_published"]
    export_filename = "candidats"
    filterset_class = CandidateFilterSet
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None
    ordering = ["last_name", "first_name"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False

    def get_queryset(self, request):
        queryset = Candidate.objects.select_related(
            "cohort", "referring_organisation", "story_page"
        ).with_active_coach()
        return visible_candidates(request.user, queryset)


class CoachViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    model = Coach
    icon = "user"
    menu_label = _("Coaches")
    list_display = ["__str__", "employer", "active", Column("current_candidate", label=_("Current candidate"))]
    list_export = ["first_name", "last_name", "employer", "active", "current_candidate"]
    export_headings = {"current_candidate": _("Current candidate"), "employer": _("Employer")}
    export_booleans = ["active"]
    export_filename = "coachs"
    filterset_class = CoachFilterSet
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None
    ordering = ["last_name", "first_name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Coach.objects.select_related("employer").with_current_candidate()


class PairViewSet(SnippetViewSet):
    model = Pair
    icon = "link"
    chooser_viewset_class = chooser_restricted_by(visible_pairs)
    menu_label = _("Pairs")
    list_display = ["__str__", Column("cohort", label=_("Cohort"), accessor="candidate.cohort"), "start_date",
                    "end_date"]
    list_export = ["coach", "candidate", "candidate.cohort", "start_date", "end_date"]
    export_headings = {"coach": _("Coach"), "candidate": _("Candidate"), "candidate.cohort": _("Cohort")}
    export_filename = "binomes"
    filterset_class = PairFilterSet
    search_fields = ["coach__first_name", "coach__last_name", "candidate__first_name", "candidate__last_name"]
    search_backend_name = None
    ordering = ["-start_date"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Pair.objects.select_related("coach", "candidate__cohort")


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 200
    items = (CohortViewSet, CandidateViewSet, CoachViewSet, PairViewSet, CityViewSet)


register_snippet(ProgrammeViewSetGroup)
