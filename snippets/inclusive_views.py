"""The live inclusive-offer check of the public offer form: tips for the text being typed, as JSON."""

from django import forms
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from .inclusive import check_offer_texts

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
