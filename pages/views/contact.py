"""The "I want to hire or help" form of a story: it reaches the candidate's coach and staff, never the candidate."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from cohorts.contact.services import create_contact_request
from pages.antispam import rate_limited
from pages.forms import ContactForm
from pages.models import CandidatePage

THANKS_PARAMETER = "merci"


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited(scope=ContactForm.antispam_scope)
def contact(request, page_id):
    """Show the contact form of a published story; a valid message is stored and e-mailed, then thanked (PRG).

    A robot caught in the honeypot is thanked the same way, and nothing is stored or sent.
    """
    page = get_object_or_404(
        CandidatePage.objects.published_stories().prefetch_related(None).select_related("candidate__cohort__city"),
        pk=page_id,
    )
    thanks_url = f"{request.path}?{THANKS_PARAMETER}=1"
    if request.method == "POST":
        form = ContactForm(request.POST, candidate_name=page.title)
        if form.caught_in_honeypot:
            return redirect(thanks_url)
        if form.is_valid():
            create_contact_request(candidate=page.candidate, data=form.cleaned_data)
            return redirect(thanks_url)
    elif THANKS_PARAMETER in request.GET:
        return render(request, "pages/contact_thanks.html", {"page": page})
    else:
        form = ContactForm(candidate_name=page.title)
    return render(request, "pages/contact.html", {"page": page, "form": form})
