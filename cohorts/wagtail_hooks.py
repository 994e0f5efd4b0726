"""The "Programme" admin menu: cohorts, candidates, coaches, pairs, consents, contact requests and applications."""

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet, SnippetViewSetGroup

from snippets.models import City, Offer
from snippets.spreadsheets import ReadableBooleansExportMixin, SafeIndexView
from snippets.wagtail_hooks import CityViewSet

from . import application_admin, coaching_admin, impact_views, outcome_admin, outcome_views
from .choosers import chooser_restricted_by
from .enums import ConsentChannel, ConsentPurpose, HelpKind
from .filters import ApplicationFilterSet, CandidateFilterSet, CoachFilterSet, CohortFilterSet, PairFilterSet
from .models import Application, Candidate, Coach, Cohort, ConsentRecord, ContactRequest, Pair
from .perms import (
    sees_only_own_candidate,
    visible_applications,
    visible_candidates,
    visible_coaches,
    visible_cohorts,
    visible_pairs,
)
from .services import record_consent, withdraw_consent

CONSENT_WITHDRAW_ACTION = "cohorts.consent.withdraw"


class ReceivedOnlyPermissionPolicy(ModelPermissionPolicy):
    """Contact requests arrive through the public form only: nobody, not even a superuser, adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


# Registered before any view asks for the model's policy (Wagtail would otherwise create the default one).
register_permission_policy(ContactRequest, ReceivedOnlyPermissionPolicy(ContactRequest), exact_class=True)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(CONSENT_WITHDRAW_ACTION, _("Withdraw consent"), _("Consent withdrawn"))


class CohortViewSet(SnippetViewSet):
    model = Cohort
    index_view_class = SafeIndexView
    icon = "group"
    chooser_viewset_class = chooser_restricted_by(visible_cohorts)
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


class ConsentSummary(Component):
    """The candidate's consents on their inspect page: each purpose, current or withdrawn, and a way to withdraw."""

    template_name = "cohorts/admin/consent_summary.html"

    def __init__(self, candidate, user):
        self.candidate = candidate
        self.user = user

    def get_context_data(self, parent_context=None):
        policy = ModelPermissionPolicy(ConsentRecord)
        can_change = policy.user_has_permission(self.user, "change")
        can_add = policy.user_has_permission(self.user, "add")
        rows = [
            {
                "consent": consent,
                "withdraw_url": reverse(ConsentRecordViewSet.withdraw_url_name, args=[consent.pk])
                if can_change and consent.is_current
                else None,
            }
            for consent in self.candidate.consents.order_by("purpose", "-given_at")
        ]
        add_url = None
        if can_add:
            add_url = reverse("wagtailsnippets_cohorts_consentrecord:add") + f"?candidate={self.candidate.pk}"
        return {"rows": rows, "add_url": add_url}


class CandidateInspectView(InspectView):
    """Inspect a candidate, but only one this user may read (a coach sees their own candidate only)."""

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
        matches_button = application_admin.candidate_matches_button(self.request.user, self.object)
        return [*buttons, matches_button] if matches_button else buttons


class CandidateViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    model = Candidate
    index_view_class = SafeIndexView
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
    search_backend_name = None
    ordering = ["last_name", "first_name"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False

    def get_queryset(self, request):
        queryset = (
            Candidate.objects.select_related("cohort", "referring_organisation", "story_page")
            .with_active_coach()
            .with_story_counts()
        )
        return visible_candidates(request.user, queryset)


class CoachViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    model = Coach
    index_view_class = SafeIndexView
    icon = "user"
    chooser_viewset_class = chooser_restricted_by(visible_coaches)
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
    index_view_class = SafeIndexView
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


class ConsentRecordFilterSet(WagtailFilterSet):
    purpose = django_filters.ChoiceFilter(label=_("Purpose"), choices=ConsentPurpose.choices)
    current = django_filters.BooleanFilter(label=_("Current"), field_name="withdrawn_at", lookup_expr="isnull")
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=ConsentChannel.choices)
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), field_name="candidate__cohort", queryset=Cohort.objects.all()
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )
    given_at = django_filters.DateFromToRangeFilter(label=_("Given on"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsentRecord
        fields = ["purpose", "current", "channel", "cohort", "city", "given_at"]


class ConsentRecordForm(WagtailAdminModelForm):
    """Says at once that a current consent exists (the database constraint is conditional: forms skip it)."""

    def clean(self):
        cleaned_data = super().clean()
        candidate, purpose = cleaned_data.get("candidate"), cleaned_data.get("purpose")
        if (
            self.instance._state.adding
            and candidate
            and purpose
            and ConsentRecord.objects.current().filter(candidate=candidate, purpose=purpose).exists()
        ):
            raise ValidationError(_("This candidate already has a current consent for this purpose."))
        return cleaned_data


class ConsentCreateView(CreateView):
    """Records a consent through ``record_consent``, which also notes who recorded it."""

    def get_initial(self):
        initial = super().get_initial()
        # "Record a consent" on the candidate's page opens this form with the candidate chosen.
        candidate_id = self.request.GET.get("candidate", "")
        if candidate_id.isdigit():
            initial["candidate"] = int(candidate_id)
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return record_consent(
            candidate=data["candidate"],
            purpose=data["purpose"],
            text_version=data["text_version"],
            channel=data["channel"],
            given_at=data.get("given_at"),
            user=self.request.user,
        )


class ConsentDeleteView(DeleteView):
    """A current consent is withdrawn, not deleted: deleting it would leave its story online without a trace."""

    def run_before_hook(self):
        if self.object.is_current:
            messages.error(
                self.request,
                _("A current consent cannot be deleted: withdraw it first (the story goes offline if it is "
                  "the consent to publication)."),
            )
            return redirect(ConsentRecordViewSet.withdraw_url_name, self.object.pk)
        return super().run_before_hook()


class ConsentIndexView(SafeIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_current and self.user_has_permission("change"):
            buttons.append(
                ButtonMenuItem(
                    _("Withdraw"),
                    url=reverse(ConsentRecordViewSet.withdraw_url_name, args=[instance.pk]),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class ConsentInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.is_current and self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    _("Withdraw"),
                    url=reverse(ConsentRecordViewSet.withdraw_url_name, args=[self.object.pk]),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class ConsentWithdrawView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation, then withdraws a consent (POST only) through ``withdraw_consent``.

    Only users who may change consents withdraw one. Withdrawing the consent to publication unpublishes the
    story at once and stops its review.
    """

    model = ConsentRecord
    permission_required = "change"
    template_name = "cohorts/admin/consent_withdraw.html"
    page_title = _("Withdraw consent")
    header_icon = "cross"
    http_method_names = ["get", "post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(ConsentRecord.objects.select_related("candidate"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_cohorts_consentrecord:list"), "label": _("Consents")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_success_url(self):
        return reverse("wagtailsnippets_cohorts_consentrecord:inspect", args=[self.object.pk])

    def get(self, request, *args, **kwargs):
        if not self.object.is_current:
            messages.info(request, _("This consent was already withdrawn."))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.is_current:
            withdraw_consent(consent=self.object, user=request.user)
            messages.success(request, _("Consent withdrawn: %(consent)s.") % {"consent": self.object})
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            consent=self.object,
            unpublishes=self.object.purpose == ConsentPurpose.PUBLISH_STORY,
            cancel_url=self.get_success_url(),
        )
        return context


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = _("Consents")
    index_view_class = ConsentIndexView
    add_view_class = ConsentCreateView
    delete_view_class = ConsentDeleteView
    inspect_view_class = ConsentInspectView
    list_display = [
        "candidate",
        Column("get_purpose_display", label=_("Purpose")),
        "given_at",
        Column("get_channel_display", label=_("Channel")),
        "text_version",
        BooleanColumn("is_current", label=_("Current")),
        "withdrawn_at",
    ]
    # No contact details: the candidate's name, and what they agreed to, when and how.
    list_export = ["candidate", "get_purpose_display", "given_at", "get_channel_display", "text_version",
                   "recorded_by", "is_current", "withdrawn_at"]
    export_headings = {
        "candidate": _("Candidate"),
        "get_purpose_display": _("Purpose"),
        "get_channel_display": _("Channel"),
        "recorded_by": _("Recorded by"),
        "is_current": _("Current"),
    }
    export_filename = "consentements"
    filterset_class = ConsentRecordFilterSet
    search_fields = ["candidate__first_name", "candidate__last_name", "text_version"]
    search_backend_name = None
    ordering = ["-given_at"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False

    withdraw_url_name = "wagtailsnippets_cohorts_consentrecord:withdraw"

    def get_queryset(self, request):
        return ConsentRecord.objects.select_related("candidate", "recorded_by")

    def get_edit_handler(self):
        return ObjectList(ConsentRecord.panels, base_form_class=ConsentRecordForm).bind_to_model(ConsentRecord)

    @cached_property
    def edit_panel(self):
        """Editing corrects how and when a consent was given; whose it is and what for never change."""
        return ObjectList(
            [
                FieldPanel("candidate", read_only=True),
                FieldRowPanel([FieldPanel("purpose", read_only=True), FieldPanel("channel")]),
                FieldRowPanel([FieldPanel("given_at"), FieldPanel("text_version")]),
            ]
        ).bind_to_model(ConsentRecord)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            panel=self.edit_panel, form_class=self.edit_panel.get_form_class(), **kwargs
        )

    @property
    def withdraw_view(self):
        return ConsentWithdrawView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("withdraw/<int:pk>/", self.withdraw_view, name="withdraw")]


class ContactRequestFilterSet(WagtailFilterSet):
    handled = django_filters.BooleanFilter(label=_("Handled"))
    help_kind = django_filters.ChoiceFilter(label=_("Kind of help"), choices=HelpKind.choices)
    city = django_filters.ModelChoiceFilter(
        label=_("City"), field_name="candidate__cohort__city", queryset=City.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Received on"), widget=DateRangePickerWidget)

    class Meta:
        model = ContactRequest
        fields = ["handled", "help_kind", "city", "created_at"]


class ContactRequestViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    """Offers of help from the public. Read and marked handled here; they are only ever created by the form."""

    model = ContactRequest
    index_view_class = SafeIndexView
    icon = "mail"
    menu_label = _("Contact requests")
    list_display = [
        "candidate",
        "name",
        "company",
        Column("get_help_kind_display", label=_("Kind of help")),
        "created_at",
        BooleanColumn("handled", label=_("Handled")),
    ]
    # The sender's e-mail, phone and message stay in the admin: a file leaves the building.
    list_export = ["candidate", "name", "company", "get_help_kind_display", "created_at", "handled"]
    export_headings = {
        "candidate": _("Candidate"),
        "get_help_kind_display": _("Kind of help"),
        "handled": _("Handled"),
    }
    export_booleans = ["handled"]
    export_filename = "demandes-de-contact"
    filterset_class = ContactRequestFilterSet
    search_fields = ["name", "company", "candidate__first_name", "candidate__last_name"]
    search_backend_name = None
    ordering = ["handled", "-created_at"]
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return ContactRequest.objects.select_related("candidate")


class ApplicationViewSet(SnippetViewSet):
    """The pipeline ("Candidatures"): each candidate's path with each offer. See cohorts/application_admin.py."""

    model = Application
    icon = "tasks"
    menu_label = _("Applications")
    index_view_class = SafeIndexView
    add_view_class = application_admin.ApplicationCreateView
    edit_view_class = application_admin.ApplicationEditView
    delete_view_class = application_admin.ApplicationDeleteView
    history_view_class = application_admin.ApplicationHistoryView
    usage_view_class = application_admin.ApplicationUsageView
    inspect_view_class = application_admin.ApplicationInspectView
    chooser_viewset_class = chooser_restricted_by(visible_applications)
    list_display = [
        "candidate",
        Column("offer_title", label=_("Offer"), accessor="offer.title"),
        Column("company", label=_("Company"), accessor="offer.company"),
        Column("get_status_display", label=_("Status")),
        "updated_at",
    ]
    # Names, offers and statuses only: no contact details, and the notes stay in the admin.
    list_export = ["candidate", "candidate.cohort", "offer.title", "offer.company", "offer.city", "get_status_display",
                   "hired_contract_type", "hired_start_date", "created_at", "updated_at"]
    export_headings = {
        "candidate": _("Candidate"),
        "candidate.cohort": _("Cohort"),
        "offer.title": _("Offer"),
        "offer.company": _("Company"),
        "offer.city": _("City"),
        "get_status_display": _("Status"),
        "hired_contract_type": _("Contract of the hire"),
        "hired_start_date": _("Start of the job"),
        "created_at": _("Proposed on"),
        "updated_at": _("Updated"),
    }
    export_filename = "candidatures"
    filterset_class = ApplicationFilterSet
    search_fields = ["candidate__first_name", "candidate__last_name", "offer__title", "offer__company__name"]
    search_backend_name = None
    ordering = ["-updated_at"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        queryset = Application.objects.select_related(
            "candidate__cohort", "offer__company", "offer__city", "hired_contract_type"
        )
        return visible_applications(request.user, queryset)

    def get_add_view_kwargs(self, **kwargs):
        panel = application_admin.CREATE_PANEL
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = application_admin.STATUS_PANEL
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 200
    items = (
        CohortViewSet, CandidateViewSet, CoachViewSet, PairViewSet, ConsentRecordViewSet, ContactRequestViewSet,
        ApplicationViewSet, coaching_admin.CoachingSessionViewSet,
        outcome_admin.OutcomeViewSet, outcome_admin.FollowUpCheckViewSet, CityViewSet,
    )


register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    """The spreadsheet import screens (cohorts/imports/), with an "Imports" item at the end of the Programme menu."""
    from .imports.admin_urls import ImportViewSet

    # Runs when the admin URLs load, before any menu is built.
    ProgrammeViewSetGroup.submenu_hook = ImportViewSet.menu_hook
    return ImportViewSet()


@hooks.register("register_admin_urls")
def register_matching_urls():
    """The matching screens: candidates for an offer, offers for a candidate (cohorts/application_admin.py)."""
    return [
        path("offres/<int:pk>/candidats/", application_admin.OfferMatchesView.as_view(),
             name=application_admin.OFFER_MATCHES_URL),
        path("candidats/<int:pk>/offres/", application_admin.CandidateMatchesView.as_view(),
             name=application_admin.CANDIDATE_MATCHES_URL),
    ]


@hooks.register("register_snippet_listing_buttons")
def matching_listing_buttons(snippet, user, next_url=None):
    """ "Matching candidates" in each offer's "more" menu, "Matching offers" in each candidate's, for who may open them.

    Called once per row: ``has_perm`` reads the user's permission cache, not the database.
    """
    if isinstance(snippet, Offer) and application_admin.can_propose(user):
        yield ButtonMenuItem(
            _("Matching candidates"), url=reverse(application_admin.OFFER_MATCHES_URL, args=[snippet.pk]),
            icon_name="group", priority=60,
        )
    elif isinstance(snippet, Candidate) and application_admin.can_follow_applications(user):
        yield ButtonMenuItem(
            _("Matching offers"), url=reverse(application_admin.CANDIDATE_MATCHES_URL, args=[snippet.pk]),
            icon_name="doc-full", priority=60,
        )


@hooks.register("construct_homepage_panels")
def followups_due_panel(request, panels):
    """ "N follow-ups due" on the admin home, for the staff who answer them (cohorts/outcome_views.py)."""
    outcome_views.add_followups_panel(request, panels)


@hooks.register("register_admin_urls")
def register_impact_urls():
    """The impact report and its XLSX/CSV exports (cohorts/impact_views.py)."""
    return impact_views.urls()


@hooks.register("register_admin_menu_item")
def register_impact_menu_item():
    return impact_views.menu_item()


@hooks.register("construct_homepage_panels")
def impact_panel(request, panels):
    """The headline impact figures on the admin home, for users who may read the report."""
    impact_views.add_home_panel(request, panels)
