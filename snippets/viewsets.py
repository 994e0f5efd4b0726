"""The admin screens of the reference data and the partner network, on one base that every screen shares.

The "Entreprises" menu (companies, offers, sectors, contract types, referring organisations, inclusive rules) is
registered in snippets/wagtail_hooks.py; CityViewSet is shown in the "Programme" menu (cohorts/wagtail_hooks.py).
"""


from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.choosers import chooser_restricted_by, may_read_model
from snippets.enums import OfferStatus
from snippets.filters import (
    CityFilterSet,
    ContractTypeFilterSet,
    OfferFilterSet,
    PartnerCompanyFilterSet,
    ReferringOrganisationFilterSet,
    SectorFilterSet,
)
from snippets.models import City, ContractType, InclusiveRule, Offer, PartnerCompany, ReferringOrganisation, Sector
from snippets.perms import visible_offers
from snippets.spreadsheets import ReadableBooleansExportMixin, SafeIndexView
from snippets.views import PartnerCompanyInspectView

# Each model with a visibility rule, and its rule: what reads several models at once (the site history) uses it.
VISIBILITY_RULES = {}


class VisibleObjectMixin:
    """Answers 404 for a row that the viewset's rule hides from this user, and 403 to who holds no permission on
    the model, whichever way the view looked the row up.

    Mixed into every object view of a screen with a rule (edit, delete, inspect, history, usage, revisions, compare,
    unpublish, lock, workflow history...): Wagtail's generic views load the row by id from the model's manager,
    each in its own way, and none applies the list's queryset.
    """

    visibility = None

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is None:  # a create view's "object", before it exists
            return None
        model = type(instance)
        if not may_read_model(self.request.user, model):
            raise PermissionDenied
        if not type(self).visibility(self.request.user, model._default_manager.filter(pk=instance.pk)).exists():
            raise Http404
        return instance


class TremplinViewSet(SnippetViewSet):
    """The settings every admin screen of Tremplin shares, and the rule that decides which rows a user reads.

    ``visibility`` is a rule ``rule(user, queryset) -> queryset`` (cohorts/perms.py, snippets/perms.py). It scopes
    the list, its filters and exports (``get_queryset``), every view of one row (``construct_view``) and the
    chooser alike: Wagtail opens every chooser to every admin user and loads a row by id in each object view, so a
    screen that declares its rule once cannot forget to scope one of them. A screen of private records must
    declare one; reference data that names no person (cities, sectors...) leaves it None.
    """

    index_view_class = SafeIndexView
    # The database searches these few thousand rows; Wagtail's search index would hold a copy of private data.
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    visibility = None

    def base_queryset(self):
        """The rows the screen lists, with what it shows fetched at once; screens override it to join or annotate."""
        return self.model._default_manager.all()

    def get_queryset(self, request):
        rule = type(self).visibility
        queryset = self.base_queryset()
        return rule(request.user, queryset) if rule else queryset

    def on_register(self):
        super().on_register()
        if type(self).visibility is not None:
            VISIBILITY_RULES[self.model] = type(self).visibility

    def construct_view(self, view_class, **kwargs):
        rule = type(self).visibility
        if rule is not None and hasattr(view_class, "get_object"):
            view_class = type(view_class.__name__, (VisibleObjectMixin, view_class), {"visibility": staticmethod(rule)})
        return super().construct_view(view_class, **kwargs)

    @property
    def chooser_viewset_class(self):
        rule = type(self).visibility
        return chooser_restricted_by(rule) if rule else SnippetChooserViewSet


class PrivateRecordViewSet(TremplinViewSet):
    """The screen of a private record of the programme (a candidate, a consent, a session...).

    It must declare its visibility rule, or the admin does not start; and its chooser, beyond the rule, opens only
    to who holds a permission on the model: Wagtail answers every admin user otherwise.
    """

    def on_register(self):
        if type(self).visibility is None:
            raise ImproperlyConfigured(f"{type(self).__name__} lists private records: declare its visibility rule.")
        super().on_register()

    @property
    def chooser_viewset_class(self):
        return chooser_restricted_by(type(self).visibility, require_permission=True)


class PartnerCompanyViewSet(TremplinViewSet):
    model = PartnerCompany
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
    ordering = ["name"]

    def base_queryset(self):
        return PartnerCompany.objects.select_related("sector", "city").annotate(
            published_offer_count=Count("offers", filter=Q(offers__status=OfferStatus.PUBLISHED), distinct=True),
            coach_count=Count("coaches", distinct=True),
        )


class OfferViewSet(ReadableBooleansExportMixin, TremplinViewSet):
    model = Offer
    # A coach's chooser lists no offer aimed at another candidate.
    visibility = visible_offers
    # Staff copy an offer to post the same job again.
    copy_view_enabled = True
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
    ordering = ["-created_at"]

    def base_queryset(self):
        return Offer.objects.select_related("company", "city", "sector", "contract_type")


class OrderedListViewSet(TremplinViewSet):
    """A short list staff label and put in order (sectors, contract types): the order is the forms' order."""

    list_display = ["label", "slug"]
    list_export = ["label", "slug", "sort_order"]
    export_headings = {"sort_order": _("Order")}
    search_fields = ["label"]
    sort_order_field = "sort_order"


class SectorViewSet(OrderedListViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    export_filename = "secteurs"
    filterset_class = SectorFilterSet


class ContractTypeViewSet(OrderedListViewSet):
    model = ContractType
    icon = "doc-full-inverse"
    menu_label = _("Contract types")
    export_filename = "types-de-contrat"
    filterset_class = ContractTypeFilterSet


class ReferringOrganisationViewSet(TremplinViewSet):
    model = ReferringOrganisation
    icon = "home"
    menu_label = _("Referring organisations")
    list_display = ["name", Column("get_kind_display", label=_("Kind")), "city", "referent_name"]
    list_export = ["name", "get_kind_display", "city", "referent_name"]
    export_headings = {"get_kind_display": _("Kind"), "city": _("City")}
    export_filename = "prescripteurs"
    filterset_class = ReferringOrganisationFilterSet
    search_fields = ["name", "referent_name"]
    ordering = ["name"]

    def base_queryset(self):
        return ReferringOrganisation.objects.select_related("city")


class CityViewSet(TremplinViewSet):
    model = City
    icon = "globe"
    menu_label = _("Cities")
    list_display = ["name", "department", Column("staff_email_list", label=_("Staff e-mails"))]
    list_export = ["name", "department"]
    export_filename = "villes"
    filterset_class = CityFilterSet
    search_fields = ["name"]
    ordering = ["name"]


class InclusiveRuleViewSet(TremplinViewSet):
    model = InclusiveRule
    inspect_view_enabled = False
    icon = "help"
    menu_label = _("Inclusive-offer rules")
    list_display = ["name", BooleanColumn("active", label=_("Active"))]
    search_fields = ["name", "pattern", "explanation", "suggestion"]
    sort_order_field = "sort_order"
