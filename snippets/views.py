"""Views of the snippets app: the live inclusive-offer check (public JSON) and the company's inspect page."""

from django import forms
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.snippets.views.snippets import InspectView

from snippets.models.inclusive import check_offer_texts

# Longer texts are checked on their first characters rather than refused: the tips keep coming while the recruiter
# types, and the form itself says when a text is too long.
MAX_TEXT_LENGTH = 10_000
# The public form's fields, named as its labels say.
FIELD_LABELS = {
    "title": _("Job title"),
    "description": _("The job"),
    "message_to_candidates": _("A word to the candidates"),
}



@require_POST
@csrf_protect
def check_offer_text(request):
    """Recruiters have no account, so no login; the form's CSRF token is required. Nothing is written."""
    texts = {str(label): request.POST.get(name, "")[:MAX_TEXT_LENGTH] for name, label in FIELD_LABELS.items()}
    driving_licence_required = forms.CheckboxInput().value_from_datadict(request.POST, {}, "driving_licence_required")
    findings = check_offer_texts(texts, driving_licence_required=driving_licence_required)
    return JsonResponse(
        {
            "findings": [
                {
                    "field": finding.field,
                    "quote": finding.quote,
                    "explanation": finding.explanation,
                    "suggestion": finding.suggestion,
                }
                for finding in findings
            ],
            "html": render_to_string("components/inclusive_findings.html", {"findings": findings, "checked": True}),
        }
    )


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
        return CompanyTable("snippets/companies/offers.html", rows)

    def get_applications_display_value(self):
        rows = [{"application": a, "url": self.url_finder.get_edit_url(a)} for a in self.applications]
        return CompanyTable("snippets/companies/applications.html", rows)

    def get_hires_display_value(self):
        rows = [{"application": a, "url": self.url_finder.get_edit_url(a)} for a in self.applications if a.is_hired]
        return CompanyTable("snippets/companies/applications.html", rows, hires=True)
