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
from cohorts.coaching.viewsets import CoachingSessionViewSet
from cohorts.consent.viewsets import ConsentRecordViewSet
from cohorts.contact.viewsets import ContactRequestViewSet, ReceivedOnlyPermissionPolicy
from cohorts.impact.views import add_home_panel, menu_item, urls
from cohorts.imports.viewsets import ImportViewSet
from cohorts.models import Candidate, ContactRequest
from cohorts.outcomes.views import add_followups_panel
from cohorts.outcomes.viewsets import FollowUpCheckViewSet, OutcomeViewSet
from cohorts.people.viewsets import CandidateViewSet, CoachViewSet, CohortViewSet, PairViewSet
from snippets.models import Offer
from snippets.viewsets import CityViewSet

CONSENT_WITHDRAW_ACTION = "cohorts.consent.withdraw"


# Registered before any view asks for the model's policy (Wagtail would otherwise create the default one).
register_permission_policy(ContactRequest, ReceivedOnlyPermissionPolicy(ContactRequest), exact_class=True)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(CONSENT_WITHDRAW_ACTION, _("Withdraw consent"), _("Consent withdrawn"))


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
