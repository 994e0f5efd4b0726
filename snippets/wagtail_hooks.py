"""The "Entreprises" admin menu: companies, offers, sectors and referring organisations.

CityViewSet is defined here, beside its model, and shown in the "Programme" menu (cohorts/wagtail_hooks.py).
"""

from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup

from .enums import OfferStatus
from .expiry import EXPIRE_ACTION, EXTEND_ACTION
from .filters import (
    CityFilterSet,
    ContractTypeFilterSet,
    OfferFilterSet,
    PartnerCompanyFilterSet,
    ReferringOrganisationFilterSet,
    SectorFilterSet,
)
from .inclusive_admin import InclusiveRuleViewSet
from .models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector
from .spreadsheets import ReadableBooleansExportMixin, SafeIndexView


class CompanyTable(Component):
    """One table on a company's inspect page: its offers, its applications or its hires."""

    def __init__(self, template_name, rows, **context):
        self.template_name = template_name
        self.rows = rows
        self.context = context

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows, **self.context}


class PartnerCompanyInspectView(InspectView):
    """A company's page: its details, then its offers, the applications to them, and the hires they led to.

    Four queries whatever their number: offers, applications, their candidates and contracts. Applications live
    in ``cohorts``, which builds on this app: they are reached through ``Offer.applications``, never imported.
    """

    SECTIONS = {"offers": _("Offers"), "applications": _("Applications"), "hires": _("Hires")}

    def get_fields(self):
        return [*super().get_fields(), *self.SECTIONS]

    def get_field_label(self, field_name, field):
        if field_name in self.SECTIONS:
            return self.SECTIONS[field_name]
        return super().get_field_label(field_name, field)

    @cached_property
    def offers(self):
        return list(
            self.object.offers.select_related("city").prefetch_related(
                "applications__candidate", "applications__hired_contract_type"
            ).order_by("-created_at", "-pk")
        )

    @cached_property
    def applications(self):
        applications = [application for offer in self.offers for application in offer.applications.all()]
        return sorted(applications, key=lambda application: application.updated_at, reverse=True)

    @cached_property
    def url_finder(self):
        return AdminURLFinder(self.request.user)

    def get_offers_display_value(self):
        rows = [
            {
                "offer": offer,
                "url": self.url_finder.get_edit_url(offer),
                "application_count": len(offer.applications.all()),
            }
            for offer in self.offers
        ]
        return CompanyTable("snippets/admin/company_offers.html", rows)

    def get_applications_display_value(self):
        rows = [{"application": a, "url": self.url_finder.get_edit_url(a)} for a in self.applications]
        return CompanyTable("snippets/admin/company_applications.html", rows)

    def get_hires_display_value(self):
        rows = [{"application": a, "url": self.url_finder.get_edit_url(a)} for a in self.applications if a.is_hired]
        return CompanyTable("snippets/admin/company_applications.html", rows, hires=True)


class PartnerCompanyViewSet(SnippetViewSet):
    model = PartnerCompany
    index_view_class = SafeIndexView
    inspect_view_class = PartnerCompanyInspectView
    icon = "site"
    menu_label = _("Partner companies")
    list_display = [
        "name",
        "sector",
        "city",
        "partner_since",
        Column("published_offer_count", label=_("Published offers")),
        Column("coach_count", label=_("Coaches")),
    ]
    list_export = ["name", "sector", "city", "website", "partner_since", "published_offer_count", "coach_count"]
    export_headings = {"published_offer_count": _("Published offers"), "coach_count": _("Coaches")}
    export_filename = "entreprises"
    filterset_class = PartnerCompanyFilterSet
    search_fields = ["name", "contact_name"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return PartnerCompany.objects.select_related("sector", "city").annotate(
            published_offer_count=Count("offers", filter=Q(offers__status=OfferStatus.PUBLISHED), distinct=True),
            coach_count=Count("coaches", distinct=True),
        )


class OfferViewSet(ReadableBooleansExportMixin, SnippetViewSet):
    model = Offer
    index_view_class = SafeIndexView
    icon = "doc-full"
    menu_label = _("Offers")
    list_display = ["title", "company", "contract_type", "city",
                    Column("get_status_display", label=_("Status")), Column("is_private", label=_("Private")),
                    "expires_on"]
    list_export = ["title", "company", "contract_type", "part_time", "city", "sector", "start_date", "positions",
                   "get_status_display", "get_source_display", "is_private", "published_on", "expires_on",
                   "created_at"]
    export_headings = {
        "contract_type": _("Contract type"),
        "get_status_display": _("Status"),
        "get_source_display": _("Source"),
        "is_private": _("Aimed at one candidate"),
        "company": _("Company"),
        "city": _("City"),
        "sector": _("Sector"),
    }
    export_booleans = ("part_time", "is_private")
    export_filename = "offres"
    filterset_class = OfferFilterSet
    search_fields = ["title", "description", "company__name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_enabled = True

    @property
    def chooser_viewset_class(self):
        """Wagtail opens every chooser to every admin user: a coach's lists no offer aimed at another candidate."""
        # Imported here, once models are loaded: snippets sits below cohorts, which owns who reads what.
        from cohorts.choosers import chooser_restricted_by
        from cohorts.perms import visible_offers

        return chooser_restricted_by(visible_offers)

    def get_queryset(self, request):
        return Offer.objects.select_related("company", "city", "sector", "contract_type")


class SectorViewSet(SnippetViewSet):
    model = Sector
    index_view_class = SafeIndexView
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["label", "slug"]
    list_export = ["label", "slug", "sort_order"]
    export_headings = {"sort_order": _("Order")}
    export_filename = "secteurs"
    filterset_class = SectorFilterSet
    search_fields = ["label"]
    search_backend_name = None
    sort_order_field = "sort_order"
    inspect_view_enabled = True
    copy_view_enabled = False


class ContractTypeViewSet(SnippetViewSet):
    model = ContractType
    index_view_class = SafeIndexView
    icon = "doc-full-inverse"
    menu_label = _("Contract types")
    list_display = ["label", "slug"]
    list_export = ["label", "slug", "sort_order"]
    export_headings = {"sort_order": _("Order")}
    export_filename = "types-de-contrat"
    filterset_class = ContractTypeFilterSet
    search_fields = ["label"]
    search_backend_name = None
    sort_order_field = "sort_order"
    inspect_view_enabled = True
    copy_view_enabled = False


class ReferringOrganisationViewSet(SnippetViewSet):
    model = ReferringOrganisation
    index_view_class = SafeIndexView
    icon = "home"
    menu_label = _("Referring organisations")
    list_display = ["name", Column("get_kind_display", label=_("Kind")), "city", "referent_name"]
    list_export = ["name", "get_kind_display", "city", "referent_name"]
    export_headings = {"get_kind_display": _("Kind"), "city": _("City")}
    export_filename = "prescripteurs"
    filterset_class = ReferringOrganisationFilterSet
    search_fields = ["name", "referent_name"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return ReferringOrganisation.objects.select_related("city")


class CityViewSet(SnippetViewSet):
    model = City
    index_view_class = SafeIndexView
    icon = "globe"
    menu_label = _("Cities")
    list_display = ["name", "department", Column("staff_email_list", label=_("Staff e-mails"))]
    list_export = ["name", "department"]
    export_filename = "villes"
    filterset_class = CityFilterSet
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False


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
