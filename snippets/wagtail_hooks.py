"""The "Entreprises" admin menu: companies, offers, sectors and referring organisations.

CityViewSet is defined here, beside its model, and shown in the "Programme" menu (cohorts/wagtail_hooks.py).
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .enums import OfferStatus
from .filters import (
    CityFilterSet,
    ContractTypeFilterSet,
    OfferFilterSet,
    PartnerCompanyFilterSet,
    ReferringOrganisationFilterSet,
    SectorFilterSet,
)
from .models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector
from .spreadsheets import SafeIndexView


class PartnerCompanyViewSet(SnippetViewSet):
    model = PartnerCompany
    index_view_class = SafeIndexView
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


class OfferViewSet(SnippetViewSet):
    model = Offer
    index_view_class = SafeIndexView
    icon = "doc-full"
    menu_label = _("Offers")
    list_display = ["title", "company", "contract_type", "city",
                    Column("get_status_display", label=_("Status")), "start_date"]
    list_export = ["title", "company", "contract_type", "city", "sector", "start_date", "positions",
                   "get_status_display", "created_at"]
    export_headings = {
        "contract_type": _("Contract type"),
        "get_status_display": _("Status"),
        "company": _("Company"),
        "city": _("City"),
        "sector": _("Sector"),
    }
    export_filename = "offres"
    filterset_class = OfferFilterSet
    search_fields = ["title", "description", "company__name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_enabled = True

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
    items = (PartnerCompanyViewSet, OfferViewSet, SectorViewSet, ContractTypeViewSet, ReferringOrganisationViewSet)


register_snippet(CompaniesViewSetGroup)
