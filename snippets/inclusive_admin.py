"""The inclusive-offer rules in the admin (in the "Entreprises" menu): staff change the wordings, not the code."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .inclusive import InclusiveRule
from .spreadsheets import SafeIndexView


class InclusiveRuleViewSet(SnippetViewSet):
    model = InclusiveRule
    index_view_class = SafeIndexView
    icon = "help"
    menu_label = _("Inclusive-offer rules")
    list_display = ["name", BooleanColumn("active", label=_("Active"))]
    search_fields = ["name", "pattern", "explanation", "suggestion"]
    search_backend_name = None
    sort_order_field = "sort_order"
    copy_view_enabled = False
