"""The contact form of a story under hostile input: never a server error, never a row for a refused message."""

import time

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from cohorts.enums import HelpKind
from cohorts.models import ContactRequest
from pages.antispam import sign_form_start
from tests.hostile import (
    FUZZ_SETTINGS,
    any_text,
    apply_changes,
    assert_safe_response,
    changes_to,
    hostile_text,
    raw_body,
)

pytestmark = pytest.mark.django_db

# The forms' start-time token: fresh, from the future, too old, signed for another form, forged, or any text.
start_tokens = st.one_of(
    st.floats(min_value=-1e12, max_value=1e12).map(lambda offset: sign_form_start(scope="contact",
                                                                                  at=time.time() + offset)),
    st.sampled_from(["offer", "other", ""]).map(lambda scope: sign_form_start(scope=scope, at=time.time() - 60)),
    hostile_text.map(lambda text: f"{text}:forged"),
)

CONTACT_FIELDS = {
    "name": st.sampled_from(["Sophie Martin", "Zoé O'Brien & fils", "李小龙"]) | any_text,
    "company": st.sampled_from(["", "Boulangerie du Marché"]) | any_text,
    "email": st.sampled_from(["sophie@example.org", "zoé@exämple.fr", "x@[127.0.0.1]", "a@b.co"]) | st.emails(),
    "phone": st.sampled_from(["", "06 12 34 56 78", "+33 (0)6 11-22.33.44"]),
    "help_kind": st.sampled_from(HelpKind.values),
    "message": any_text.filter(str.strip) | st.sampled_from(["Bonjour,\r\nje recrute.\rÀ bientôt"]),
    "consent_to_be_contacted": st.sampled_from(["on", "true", "1", "false", "0", "off", ""]),
    "website": st.sampled_from(["", " ", "\t"]),
    "form_started": start_tokens,
}


def valid_data():
    return {
        "name": "Sophie Martin", "company": "Boulangerie du Marché", "email": "sophie@example.org",
        "phone": "06 11 22 33 44", "help_kind": HelpKind.HIRING, "message": "Nous recrutons un commis de cuisine.",
        "consent_to_be_contacted": "on", "website": "",
        "form_started": sign_form_start(scope="contact", at=time.time() - 60),
    }


def caught_in_honeypot(response):
    return bool(response.wsgi_request.POST.get("website", "").strip())


@FUZZ_SETTINGS
@given(changes=changes_to(CONTACT_FIELDS))
def test_hostile_fields_never_break_the_contact_form(changes, client, story, fresh,
                                                     django_capture_on_commit_callbacks):
    fresh()
    url = reverse("pages:contact", args=[story.pk])
    before = ContactRequest.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, apply_changes(valid_data(), changes))

    assert_safe_response(response, {200, 302, 400})
    written = ContactRequest.objects.count() - before
    if response.status_code == 302 and not caught_in_honeypot(response):
        assert response["Location"] == f"{url}?merci=1"
        assert written == 1
        assert len(mail.outbox) == 1  # to the coach and the city's staff
    else:
        assert written == 0
        assert mail.outbox == []


@FUZZ_SETTINGS
@given(
    method=st.just("post") | st.sampled_from(["get", "head", "put", "patch", "delete", "options", "trace"]),
    body=raw_body,
    query=st.dictionaries(st.sampled_from(["merci", "pour", "_", "website"]) | any_text, hostile_text, max_size=3),
    page=st.sampled_from(["story", "parent", "absent"]) | st.integers(min_value=0, max_value=10**30),
)
def test_broken_requests_to_the_contact_form_are_refused_cleanly(method, body, query, page, client, story, fresh):
    fresh()
    page_id = {"story": story.pk, "parent": story.get_parent().pk, "absent": 987654}.get(page, page)
    url = reverse("pages:contact", args=[page_id])
    content, content_type = body
    before = ContactRequest.objects.count()

    if method in ("get", "head"):
        response = getattr(client, method)(url, query)
    else:
        response = client.generic(method.upper(), url, content, content_type=content_type)

    allowed = {"get": {200, 404}, "head": {200, 404}, "post": {200, 302, 400, 404}}.get(method, {404, 405})
    assert_safe_response(response, allowed)
    if page_id != story.pk:
        assert response.status_code in (404, 405)
    if response.status_code != 302 or caught_in_honeypot(response):
        assert ContactRequest.objects.count() == before
