"""The inclusive-offer check on the offer's edit screen, for staff who rework an offer with the recruiter."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from snippets.models.inclusive import check_offer_texts

CHECKED_FIELDS = ("title", "description", "message_to_candidates")


class InclusiveCheckPanel(Panel):
    """Shows what the rules find in the offer as last saved (or as just posted, when the form has errors)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Tips for an inclusive offer"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "snippets/panels/inclusive_check.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            offer = self.instance
            texts = {
                capfirst(offer._meta.get_field(name).verbose_name): getattr(offer, name) for name in CHECKED_FIELDS
            }
            context["findings"] = check_offer_texts(
                texts, driving_licence_required=offer.driving_licence_required
            )
            return context
