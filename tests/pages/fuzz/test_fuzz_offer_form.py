"""The public offer form, its "check my text" button and the live check under hostile input: no server error."""

import datetime
import time

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Revision, WorkflowState

from pages.antispam import sign_form_start
from pages.models.offers import OfferFormPage
from snippets.models import ContractType, Offer, PartnerCompany
from tests.hostile import (
    FUZZ_SETTINGS,
    SCRIPT_PAYLOADS,
    any_text,
    apply_changes,
    assert_safe_response,
    changes_to,
    hostile_text,
    hostile_value,
    raw_body,
)
from tests.snippets.factories import CityFactory, SectorFactory

pytestmark = pytest.mark.django_db

WRITTEN = (Offer, PartnerCompany, Revision, WorkflowState)


@pytest.fixture
def form_page(home_page):
    return home_page.add_child(instance=OfferFormPage(title="Proposer une offre", slug="proposer-une-offre"))


@pytest.fixture
def references(db):
    return {
        "cities": [CityFactory(name="Lyon").pk, CityFactory(name="Lille").pk],
        "contract_type": ContractType.objects.first().pk,  # contract types are seeded by a migration
        "sector": SectorFactory(label="Restauration").pk,
    }


def valid_data(references):
    return {
        "company_name": "Boulangerie Ange", "title": "Vendeur ou vendeuse",
        "description": "Vous accueillez les clients.", "contract_type": references["contract_type"],
        "start_date": "", "duration": "", "positions": "2",
        "cities": references["cities"], "sector": references["sector"], "salary": "SMIC", "working_hours": "6 h – 13 h",
        "message_to_candidates": "Une équipe patiente.", "contact_name": "Sophie Martin", "contact_role": "Gérante",
        "contact_email": "sophie@example.org", "contact_phone": "06 11 22 33 44", "consent_to_be_contacted": "on",
        "website": "", "form_started": sign_form_start(scope="offer", at=time.time() - 120), "action": "send",
    }


def ids(*values):
    return st.sampled_from(values) | st.integers(-5, 10**20).map(str)


def offer_fields():
    today = datetime.date.today()
    return {
        "company_name": st.sampled_from(["Boulangerie Ange", "  Boulangerie   ange ", "SNCF"]) | any_text,
        "title": any_text.filter(str.strip) | st.sampled_from(["Bac+2 exigé", "Vendeur confirmé"]),
        "description": any_text.filter(str.strip) | st.sampled_from(["Permis B exigé. 5 ans d'expérience."]),
        "contract_type": ids("1", "2"),
        "part_time": st.sampled_from(["on", "", "false"]),
        "start_date": st.dates(today, today + datetime.timedelta(days=4000)).map(str) | st.dates().map(
            lambda day: f"{day:%d/%m/%Y}"),
        "duration": any_text,
        "positions": st.integers(-3, 60).map(str),
        "cities": st.lists(ids("1", "2"), max_size=3),
        "sector": ids("1"),
        "salary": any_text,
        "working_hours": any_text,
        "driving_licence_required": st.sampled_from(["on", "", "1"]),
        "message_to_candidates": any_text,
        "contact_name": any_text.filter(str.strip),
        "contact_role": any_text,
        "contact_email": st.emails() | st.sampled_from(["zoé@exämple.fr", "x@[127.0.0.1]"]),
        "contact_phone": st.sampled_from(["06 12 34 56 78", "+33 (0)6 11-22.33.44"]),
        "consent_to_be_contacted": st.sampled_from(["on", "", "false"]),
        "website": st.sampled_from(["", " "]),
        "form_started": st.floats(-1e9, 1e9).map(lambda offset: sign_form_start(scope="offer",
                                                                                at=time.time() + offset)),
        "action": st.sampled_from(["send", "check", "CHECK", ""]),
        "pour": st.sampled_from(["story", "", "0", "-1", "1.5", " 1", "9" * 25, "١"]),
    }


def counts():
    return {model.__name__: model.objects.count() for model in WRITTEN}


@FUZZ_SETTINGS
@given(changes=changes_to(offer_fields()),
       target=st.just("") | st.just("story") | st.sampled_from(["9" * 25, "abc", "-1", "0"]) | any_text)
def test_hostile_fields_never_break_the_offer_form(changes, target, client, form_page, references, story, fresh,
                                                   django_capture_on_commit_callbacks):
    fresh()
    data = apply_changes(valid_data(references), changes)
    if data.get("pour") == "story":
        data["pour"] = story.pk
    url = form_page.url + ("" if not target else f"?pour={story.pk if target == 'story' else target}")
    before = counts()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert_safe_response(response, {200, 302, 400, 404})
    written = {name: count - before[name] for name, count in counts().items()}
    posted = response.wsgi_request.POST if response.status_code != 400 else {}
    if response.status_code == 302 and not posted.get("website", "").strip():
        assert posted.get("action") != "check"
        assert written["Offer"] == len(set(posted.getlist("cities"))) > 0
        assert written["PartnerCompany"] <= 1
        assert mail.outbox  # the recruiter's acknowledgement, at least
    else:
        assert set(written.values()) == {0}, written
        assert mail.outbox == []


@FUZZ_SETTINGS
@given(method=st.just("post") | st.sampled_from(["get", "put", "delete"]), body=raw_body,
       query=st.dictionaries(st.sampled_from(["pour", "merci", "action"]) | any_text, hostile_text, max_size=3))
def test_broken_requests_to_the_offer_form_are_refused_cleanly(method, body, query, client, form_page, references,
                                                                story, fresh):
    fresh()
    before = counts()
    content, content_type = body

    if method == "get":
        response = client.get(form_page.url, query)
    else:
        response = client.generic(method.upper(), form_page.url, content, content_type=content_type)

    # Wagtail serves a page to every method; the form reads only GET and POST.
    assert_safe_response(response, {200, 302, 400, 404})
    assert counts() == before
    assert mail.outbox == []


CHECK_FIELDS = {
    "title": any_text | st.sampled_from(["Vendeur confirmé", "Bac+2"]),
    "description": any_text | st.sampled_from(["Bac+2 exigé. Permis B exigé.", "Débutants acceptés."]),
    "message_to_candidates": any_text,
    "driving_licence_required": st.sampled_from(["on", "", "false", "1"]),
}


@FUZZ_SETTINGS
@given(changes=changes_to(CHECK_FIELDS))
def test_the_live_check_answers_json_to_any_text(changes, client, fresh):
    fresh()
    before = counts()

    response = client.post(reverse("pages:offer_check"), apply_changes({}, changes))

    assert_safe_response(response, {200, 400})
    if response.status_code == 200:
        answer = response.json()
        assert set(answer) == {"findings", "html"}
        for payload in SCRIPT_PAYLOADS:
            assert payload not in answer["html"]
    assert counts() == before


@FUZZ_SETTINGS
@given(method=st.sampled_from(["get", "put", "patch", "delete", "options"]) | st.just("post"), body=raw_body,
       value=hostile_value())
def test_broken_requests_to_the_live_check_are_refused_cleanly(method, body, value, client, fresh):
    fresh()
    content, content_type = body
    url = reverse("pages:offer_check")

    if method == "post" and content_type == "":
        response = client.post(url, {"description": value})
    else:
        response = client.generic(method.upper(), url, content, content_type=content_type)

    assert_safe_response(response, {200, 400} if method == "post" else {405})
