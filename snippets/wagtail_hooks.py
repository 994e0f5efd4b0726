"""Registrations of the snippets app in Wagtail: the "Entreprises" menu and the offers' log actions."""


from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from snippets.expiry import EXPIRE_ACTION, EXTEND_ACTION
from snippets.viewsets import (
    ContractTypeViewSet,
    InclusiveRuleViewSet,
    OfferViewSet,
    PartnerCompanyViewSet,
    ReferringOrganisationViewSet,
    SectorViewSet,
)


class CompaniesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Companies")
    menu_icon = "site"
    menu_order = 210
    items = (
        PartnerCompanyViewSet, OfferViewSet, SectorViewSet, ContractTypeViewSet, ReferringOrganisationViewSet,
        InclusiveRuleViewSet,
    )


register_snippet(CompaniesViewSetGroup)


@hooks.register("register_log_actions")
def register_offer_log_actions(actions):
    actions.register_action(EXPIRE_ACTION, _("Expire"), _("Expired: past its last day online"))
    actions.register_action(EXTEND_ACTION, _("Extend"), _("Extended by the recruiter"))
