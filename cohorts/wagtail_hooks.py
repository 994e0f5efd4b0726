"""The "Programme" admin menu: cohorts, candidates, coaches, pairs, consents, contact requests and applications."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cohorts.applications.views import (
    CANDIDATE_MATCHES_URL,
    OFFER_MATCHES_URL,
    CandidateMatchesView,
    OfferMatchesView,
    can_follow_applications,
    can_propose,
)
from cohorts.applications.viewsets import ApplicationViewSet
from cohorts.coaching.panels import InactivePairsPanel, MyPairPanel
from cohorts.coaching.views import (
    INACTIVE_PAIRS_RESULTS_URL,
    INACTIVE_PAIRS_URL,
    REPORT_TITLE,
    STORY_DRAFT_URL,
    InactivePairsMenuItem,
    InactivePairsReportView,
    StoryDraftPreviewView,
    can_read_inactive_pairs,
)
from cohorts.coaching.viewsets import CoachingSessionViewSet
from cohorts.consent.viewsets import ConsentRecordViewSet
from cohorts.contact.viewsets import ContactRequestViewSet, ReceivedOnlyPermissionPolicy
from cohorts.gdpr import register_views
from cohorts.gdpr import views as gdpr_views
from cohorts.gdpr.audit import register_log_actions as register_gdpr_log_actions
from cohorts.gdpr.retention import PURGE_ACTION
from cohorts.impact.views import add_home_panel, menu_item, urls
from cohorts.imports.viewsets import ImportViewSet
from cohorts.models import Candidate, ContactRequest, FollowUpCheck
from cohorts.outcomes.views import add_followups_panel
from cohorts.outcomes.viewsets import FollowUpCheckViewSet, OutcomeViewSet, ScheduledOnlyPermissionPolicy
from cohorts.people.viewsets import CandidateViewSet, CoachViewSet, CohortViewSet, PairViewSet
from cohorts.perms import visible_candidates
from snippets.models import Offer
from snippets.perms import sees_only_own_candidate
from snippets.viewsets import CityViewSet

CONSENT_WITHDRAW_ACTION = "cohorts.consent.withdraw"


# Registered before any view asks for the model's policy (Wagtail would otherwise create the default one).
register_permission_policy(ContactRequest, ReceivedOnlyPermissionPolicy(ContactRequest), exact_class=True)
register_permission_policy(FollowUpCheck, ScheduledOnlyPermissionPolicy(FollowUpCheck), exact_class=True)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(CONSENT_WITHDRAW_ACTION, _("Withdraw consent"), _("Consent withdrawn"))
    actions.register_action(PURGE_ACTION, _("Apply the retention periods"),
                            _("Personal data past its retention period purged"))


@hooks.register("register_log_actions")
def register_gdpr_actions(actions):
    """Erasures, exports of personal data and openings of a candidate's record, in each record's history."""
    register_gdpr_log_actions(actions)


@hooks.register("register_admin_urls")
def register_gdpr_urls():
    """Erase a candidate's data; export a candidate's or a coach's data (cohorts/gdpr/views.py)."""
    return gdpr_views.urls()


@hooks.register("register_snippet_listing_buttons")
def gdpr_listing_buttons(snippet, user, next_url=None):
    """ "Export their data" and "Erase their data" in a candidate's or a coach's "more" menu, for programme admins."""
    yield from gdpr_views.listing_buttons(snippet, user)


@hooks.register("before_edit_snippet")
def audit_candidate_edit_form(request, instance):
    """Opening a candidate's edit form is logged in their history; an erased record cannot be edited."""
    return gdpr_views.edit_view_opened(request, instance)


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 200
    items = (
        CohortViewSet, CandidateViewSet, CoachViewSet, PairViewSet, ConsentRecordViewSet, ContactRequestViewSet,
        ApplicationViewSet, CoachingSessionViewSet,
        OutcomeViewSet, FollowUpCheckViewSet, CityViewSet,
    )


register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    """The spreadsheet import screens (cohorts/imports/), with an "Imports" item at the end of the Programme menu."""
    # Runs when the admin URLs load, before any menu is built.
    ProgrammeViewSetGroup.submenu_hook = ImportViewSet.menu_hook
    return ImportViewSet()


@hooks.register("register_admin_urls")
def register_matching_urls():
    """The matching screens: candidates for an offer, offers for a candidate (cohorts/applications/views.py)."""
    return [
        path("offres/<int:pk>/candidats/", OfferMatchesView.as_view(),
             name=OFFER_MATCHES_URL),
        path("candidats/<int:pk>/offres/", CandidateMatchesView.as_view(),
             name=CANDIDATE_MATCHES_URL),
    ]


@hooks.register("register_snippet_listing_buttons")
def matching_listing_buttons(snippet, user, next_url=None):
    """ "Matching candidates" in each offer's "more" menu, "Matching offers" in each candidate's, for who may open them.

    Called once per row: ``has_perm`` reads the user's permission cache, not the database.
    """
    if isinstance(snippet, Offer) and can_propose(user):
        yield ButtonMenuItem(
            _("Matching candidates"), url=reverse(OFFER_MATCHES_URL, args=[snippet.pk]),
            icon_name="group", priority=60,
        )
    elif isinstance(snippet, Candidate) and can_follow_applications(user):
        yield ButtonMenuItem(
            _("Matching offers"), url=reverse(CANDIDATE_MATCHES_URL, args=[snippet.pk]),
            icon_name="doc-full", priority=60,
        )


@hooks.register("construct_homepage_panels")
def followups_due_panel(request, panels):
    """ "N follow-ups due" on the admin home, for the staff who answer them (cohorts/outcomes/views.py)."""
    add_followups_panel(request, panels)


@hooks.register("register_admin_urls")
def register_impact_urls():
    """The impact report and its XLSX/CSV exports (cohorts/impact/views.py)."""
    return urls()


@hooks.register("register_admin_menu_item")
def register_impact_menu_item():
    return menu_item()


@hooks.register("construct_homepage_panels")
def impact_panel(request, panels):
    """The headline impact figures on the admin home, for users who may read the report."""
    add_home_panel(request, panels)


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


@hooks.register("register_admin_urls")
def register_register_urls():
    """The register of processing, read-only (cohorts/gdpr/register_views.py)."""
    return register_views.urls()


@hooks.register("register_settings_menu_item")
def register_register_menu_item():
    return register_views.menu_item()
