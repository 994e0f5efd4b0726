"""The page a recruiter opens from the reminder e-mail to keep their offer online: one click, no account.

Opening the link extends the offer at once (recruiters read their mail on a phone, between two tasks). A second
opening, by the recruiter or by a mail scanner that follows links, changes nothing and says so. Every refusal is a
friendly page: an altered or foreign link (400), an expired link (410), an offer closed or gone (410).
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from snippets import expiry

STATUS_CODES = {"extended": 200, "already_extended": 200, "invalid": 400, "expired": 410, "closed": 410, "unknown": 410}


@never_cache
@require_GET
def extend_offer(request, token):
    try:
        offer_id, expires_on = expiry.read_extension_token(token)
    except expiry.ExpiredExtensionLink:
        return _answer(request, "expired")
    except expiry.InvalidExtensionLink:
        return _answer(request, "invalid")
    extension = expiry.extend_offer(offer_id=offer_id, expires_on=expires_on)
    return _answer(request, extension.outcome, offer=extension.offer)


def _answer(request, outcome, offer=None):
    context = {"outcome": outcome, "offer": offer, "link_days": settings.OFFER_EXTENSION_LINK_MAX_AGE_DAYS}
    response = render(request, "pages/offer_extension.html", context, status=STATUS_CODES[outcome])
    # The token is a key: keep it out of caches, search engines and the Referer sent to other sites.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
