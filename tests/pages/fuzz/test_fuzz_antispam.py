"""The rate limit's 429 under hostile input: whatever the address, headers and limits, a friendly page, never a 500.

The other fuzz tests clear the cache before each example so that the forms themselves are exercised; this one
lets the counters fill up, from addresses and forwarded headers of any shape.
"""

import time

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from cohorts.enums import HelpKind
from cohorts.models import ContactRequest
from pages.antispam import sign_form_start
from tests.hostile import FUZZ_SETTINGS, any_character, assert_safe_response, hostile_text

pytestmark = pytest.mark.django_db

addresses = st.one_of(
    st.ip_addresses().map(str),
    st.sampled_from(["", "unknown", "127.0.0.1, 10.0.0.1", "::ffff:127.0.0.1", "[::1]:8080", "0" * 300]),
    st.text(any_character, max_size=40),
)
forwarded_for = st.lists(addresses, max_size=5).map(", ".join) | hostile_text


def contact_data(**changes):
    return {
        "name": "Sophie Martin", "email": "sophie@example.org", "help_kind": HelpKind.HIRING,
        "message": "Nous recrutons.", "consent_to_be_contacted": "on",
        "form_started": sign_form_start(scope="contact", at=time.time() - 60), **changes,
    }


@FUZZ_SETTINGS
@given(
    # Settings, not input: a limit of at least one post, a period longer than an example takes.
    limit=st.integers(1, 2),
    period=st.integers(60, 7 * 24 * 3600),
    proxies=st.integers(0, 3),
    remote_addr=addresses,
    forwarded=forwarded_for,
    honeypot=st.sampled_from(["", "https://pills.example"]),
)
def test_posts_past_the_rate_limit_get_a_friendly_429_whatever_the_headers(
    limit, period, proxies, remote_addr, forwarded, honeypot, client, story, settings, fresh,
    django_capture_on_commit_callbacks,
):
    fresh()
    settings.ANTISPAM_RATE_LIMIT, settings.ANTISPAM_RATE_PERIOD = limit, period
    settings.ANTISPAM_TRUSTED_PROXIES = proxies
    url = reverse("pages:contact", args=[story.pk])
    headers = {"REMOTE_ADDR": remote_addr, "HTTP_X_FORWARDED_FOR": forwarded}

    for attempt in range(limit + 2):
        before = ContactRequest.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, contact_data(website=honeypot), **headers)

        assert_safe_response(response, {302, 429})
        if attempt >= limit:  # the same visitor every time, however its address reads: past the limit
            assert response.status_code == 429
        if response.status_code == 429:
            assert 0 < int(response["Retry-After"]) <= 2 * period
            assert ContactRequest.objects.count() == before
    # Reading the form is never limited.
    assert_safe_response(client.get(url, **headers), {200})
