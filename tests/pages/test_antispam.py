"""The anti-spam kit any public form reuses: honeypot, minimum fill time, per-address rate limit."""

import time

import pytest
from django import forms
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from pages import antispam
from pages.antispam import (
    SpamProtectedFormMixin,
    client_address,
    count_post,
    form_age,
    rate_limited,
    sign_form_start,
)


class OfferLikeForm(SpamProtectedFormMixin, forms.Form):
    antispam_scope = "test-offer"

    title = forms.CharField(max_length=100)


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def request(address="203.0.113.7", method="post", **meta):
    return getattr(RequestFactory(), method)("/formulaire/", REMOTE_ADDR=address, **meta)


# The signed start time ------------------------------------------------------------------------------------------


def test_start_time_reads_back_as_the_seconds_since_it_was_signed():
    token = sign_form_start(scope="test-offer", at=time.time() - 42)

    assert form_age(scope="test-offer", token=token) == pytest.approx(42, abs=1)


@pytest.mark.parametrize(
    "token",
    [None, "", "garbage", "1700000000.000:bad", sign_form_start(scope="another-form")],
    ids=["none", "empty", "garbage", "bad-signature", "other-scope"],
)
def test_start_time_that_was_not_signed_for_this_form_has_no_age(token):
    assert form_age(scope="test-offer", token=token) is None


def test_changing_the_signed_time_breaks_the_signature():
    value, signature = sign_form_start(scope="test-offer", at=1_000).split(":")

    assert form_age(scope="test-offer", token=f"{float(value) - 3600:.3f}:{signature}") is None


def test_form_needs_a_scope():
    class Unnamed(SpamProtectedFormMixin, forms.Form):
        pass

    with pytest.raises(TypeError):
        Unnamed()


def test_new_form_carries_a_start_time_signed_now():
    form = OfferLikeForm()

    assert form_age(scope="test-offer", token=form["form_started"].value()) == pytest.approx(0, abs=1)
    assert 'type="hidden"' in str(form["form_started"])


def test_form_shown_again_gets_a_new_start_time_rather_than_the_one_sent():
    form = OfferLikeForm({"title": "", "form_started": "tampered"})
    form.is_valid()

    assert form_age(scope="test-offer", token=form["form_started"].value()) == pytest.approx(0, abs=1)


@pytest.mark.parametrize(
    ("seconds_ago", "code"),
    [(1, "antispam_too_fast"), (2.5, "antispam_too_fast"), (3.5, None), (3600, None),
     (antispam.STARTED_MAX_AGE + 60, "antispam_token")],
)
def test_form_must_take_at_least_the_minimum_fill_time_and_less_than_a_day(seconds_ago, code, settings):
    settings.ANTISPAM_MIN_FILL_SECONDS = 3
    token = sign_form_start(scope="test-offer", at=time.time() - seconds_ago)

    form = OfferLikeForm({"title": "Commis de cuisine", "form_started": token})

    assert form.is_valid() is (code is None)
    assert [error.code for error in form.non_field_errors().as_data()] == ([code] if code else [])


def test_honeypot_tells_robots_from_people():
    token = sign_form_start(scope="test-offer", at=time.time() - 60)

    assert not OfferLikeForm().caught_in_honeypot
    assert not OfferLikeForm({"title": "x", "website": "  ", "form_started": token}).caught_in_honeypot
    assert OfferLikeForm({"title": "x", "website": "http://spam.example", "form_started": token}).caught_in_honeypot


def test_honeypot_has_a_maximum_length_too():
    assert OfferLikeForm().fields["website"].max_length == 200


# The visitor's address -----------------------------------------------------------------------------------------------


def test_address_is_remote_addr_and_forwarded_for_is_ignored_by_default(settings):
    settings.ANTISPAM_TRUSTED_PROXIES = 0

    assert client_address(request("203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_address_it_saw_is_used(settings):
    settings.ANTISPAM_TRUSTED_PROXIES = 1
    # The visitor forged the first entry; our proxy appended the address it really saw.
    forwarded = "10.9.9.9, 198.51.100.1"

    assert client_address(request("127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)) == "198.51.100.1"
    assert client_address(request("127.0.0.1")) == "127.0.0.1"


# The rate limit ---------------------------------------------------------------------------------------------------


def test_posts_past_the_limit_are_counted_per_address_and_per_form(settings):
    settings.ANTISPAM_RATE_LIMIT = 3

    assert [count_post(request(), scope="a") for _ in range(3)] == [None, None, None]
    assert count_post(request(), scope="a") > 0
    assert count_post(request(), scope="b") is None
    assert count_post(request("192.0.2.1"), scope="a") is None


def at(monkeypatch, moment):
    monkeypatch.setattr(antispam.time, "time", lambda: moment)


START = 1_800_000_000.0  # the start of a slice of 600 seconds


def test_a_flood_across_the_turn_of_a_period_is_still_refused(settings, monkeypatch):
    settings.ANTISPAM_RATE_LIMIT = 2
    settings.ANTISPAM_RATE_PERIOD = 600
    at(monkeypatch, START + 590)
    assert [count_post(request(), scope="a") for _ in range(2)] == [None, None]

    at(monkeypatch, START + 600)
    assert count_post(request(), scope="a") == 600

    at(monkeypatch, START + 1200)
    assert count_post(request(), scope="a") is None


def test_the_previous_period_weighs_less_as_it_fades(settings, monkeypatch):
    settings.ANTISPAM_RATE_LIMIT = 2
    settings.ANTISPAM_RATE_PERIOD = 600
    at(monkeypatch, START + 10)
    count_post(request(), scope="a")

    at(monkeypatch, START + 900)  # half of the previous period still counts: 1 + 0.5
    assert count_post(request(), scope="a") is None
    assert count_post(request(), scope="a") == 600

    at(monkeypatch, START + 1500)
    assert count_post(request(), scope="a") is None


def test_the_address_is_never_kept_in_clear(settings):
    count_post(request("203.0.113.7"), scope="a")

    keys = " ".join(str(key) for key in cache._cache)  # LocMemCache's own store, as a shared cache would hold it
    assert "antispam" in keys
    assert "203.0.113.7" not in keys
    assert "203-0-113-7" not in keys


def test_decorated_view_answers_429_past_the_limit_and_leaves_reading_alone(settings, home_page):
    settings.ANTISPAM_RATE_LIMIT = 2
    calls = []

    @rate_limited(scope="test-offer")
    def view(request):
        calls.append(request.method)
        return HttpResponse("ok")

    statuses = [view(request()).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert calls == ["POST", "POST"]
    assert view(request(method="get")).status_code == 200
    response = view(request())
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "429" not in response.content.decode().split("<main")[0]  # friendly words, not a bare code
