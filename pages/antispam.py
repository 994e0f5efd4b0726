"""Keep robots off the public forms without a CAPTCHA: a honeypot, a minimum fill time and a per-address rate limit.

A public form takes all three in a few lines (the contact form in pages/contact_views.py does exactly this)::

    class OfferForm(SpamProtectedFormMixin, forms.Form):
        antispam_scope = "offer"

    @rate_limited(scope="offer")
    def offer(request):
        form = OfferForm(request.POST or None)
        if request.method == "POST":
            if form.caught_in_honeypot:
                return redirect(thanks_url)  # pretend all went well: store and send nothing
            if form.is_valid():
                ...

and its template renders ``{% include "components/antispam_fields.html" %}`` inside the ``<form>``.

The visitor's address is only hashed, in memory, to name a counter in the cache: it is never stored.
Limits come from the ANTISPAM_* settings (cms/settings/base.py).
"""

import math
import time
from functools import partial, wraps

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
# A form shown a day ago asks to be sent again, so that a token copied once cannot serve a robot for ever.
STARTED_MAX_AGE = 24 * 3600


def _signer(scope):
    return signing.Signer(salt=f"pages.antispam.{scope}")


def sign_form_start(*, scope, at=None):
    """A signed token saying when the form ``scope`` was shown; ``at`` (a UNIX time) lets tests date it."""
    return _signer(scope).sign(f"{time.time() if at is None else at:.3f}")


def form_age(*, scope, token):
    """Seconds since the token was signed, or None when it is missing, changed or signed for another form."""
    try:
        shown_at = float(_signer(scope).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - shown_at


class FormStartedField(forms.CharField):
    """The hidden, signed time the form was shown. A form shown again (with errors) starts again."""

    widget = forms.HiddenInput

    def bound_data(self, data, initial):
        # Never echo the posted token: a changed one would make every later try fail too.
        return initial


class SpamProtectedFormMixin:
    """Adds the honeypot and the signed start time to a form, and refuses a form sent too fast or tampered with.

    Set ``antispam_scope`` to a short name for the form: a token signed for one form is refused by another.
    """

    antispam_scope = None

    too_fast_message = _(
        "That was very quick! Please take a few seconds to read your message again, then send it."
    )
    bad_token_message = _("This form has expired. Please check your message and send it again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.antispam_scope:
            raise TypeError(f"{type(self).__name__} needs an antispam_scope.")
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            # Robots fill in a field called "website"; the rare person who sees it (no style sheet) is told.
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = FormStartedField(
            required=False, max_length=100, initial=partial(sign_form_start, scope=self.antispam_scope)
        )

    @property
    def caught_in_honeypot(self):
        """Whether the field no person sees was filled in: a robot. Check it before ``is_valid()``."""
        return bool(self.is_bound and self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def clean(self):
        cleaned_data = super().clean()
        age = form_age(scope=self.antispam_scope, token=self.data.get(self.add_prefix(STARTED_FIELD)))
        if age is None or age > STARTED_MAX_AGE:
            self.add_error(None, forms.ValidationError(self.bad_token_message, code="antispam_token"))
        elif age < settings.ANTISPAM_MIN_FILL_SECONDS:
            self.add_error(None, forms.ValidationError(self.too_fast_message, code="antispam_too_fast"))
        return cleaned_data


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or behind N trusted proxies the address the outermost one saw.

    X-Forwarded-For is read only when ANTISPAM_TRUSTED_PROXIES says how many proxies append to it: anyone
    can send the header, so only its last N entries (written by our own proxies) are believed.
    """
    proxies = settings.ANTISPAM_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def count_post(request, *, scope):
    """Count one post to the form ``scope`` from this visitor; return the seconds to wait once over the limit.

    A sliding window: the posts of the current slice of ANTISPAM_RATE_PERIOD seconds, plus the previous
    slice's weighted by how much of it still lies within one period. A flood cannot start afresh at a slice
    boundary, and each counter's key names its slice, so it resets on time whatever the cache backend does
    with expiry on increment.
    """
    period = settings.ANTISPAM_RATE_PERIOD
    limit = settings.ANTISPAM_RATE_LIMIT
    now = time.time()
    visitor = salted_hmac("pages.antispam.visitor", client_address(request)).hexdigest()[:32]
    window, elapsed = divmod(now, period)
    key = f"antispam:{scope}:{visitor}:{int(window)}"
    # Kept for two periods: the next slice still weighs this one.
    cache.add(key, 0, timeout=2 * period)
    try:
        current = cache.incr(key)
    except ValueError:  # the counter expired between the two calls
        cache.set(key, 1, timeout=2 * period)
        current = 1
    previous = cache.get(f"antispam:{scope}:{visitor}:{int(window) - 1}", 0)
    if current + previous * (1 - elapsed / period) <= limit:
        return None
    return math.ceil(_seconds_until_allowed(limit, previous, current, elapsed, period))


def _seconds_until_allowed(limit, previous, current, elapsed, period):
    """When one more post would fit under the limit again, as the previous slice fades out."""
    if previous and current < limit:
        # Later in this slice, once the previous slice's weight has dropped enough.
        return period * (1 - (limit - current - 1) / previous) - elapsed
    # In the next slice, where this one becomes the previous.
    return period - elapsed + period * max(0.0, 1 - (limit - 1) / current)


def too_many_requests(request, *, retry_after):
    """The friendly 429 page: what happened, and when to try again."""
    response = render(
        request,
        "pages/too_many_requests.html",
        {"retry_minutes": max(1, math.ceil(retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(*, scope):
    """Decorate a view so that posts past ANTISPAM_RATE_LIMIT per period and visitor get the 429 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                retry_after = count_post(request, scope=scope)
                if retry_after is not None:
                    return too_many_requests(request, retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
