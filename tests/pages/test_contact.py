"""The contact form of a story: it reaches the coach and the city's staff, never exposes the candidate, refuses spam."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.template import loader
from django.urls import reverse
from django.utils import timezone

from cohorts.contact.services import create_contact_request
from cohorts.enums import ConsentPurpose, HelpKind
from cohorts.models import ContactRequest
from pages.antispam import sign_form_start
from snippets.models.emails import EmailKey, EmailTemplate
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory

pytestmark = pytest.mark.django_db

# The same for 3 or 30 published stories: the story (2 queries), the site and its settings (2), the menus (5).
CONTACT_PAGE_MAX_QUERIES = 9

PRIVATE_VALUES = ("Diallo", "amina.private@example.org", "06 99 88 77 66", "1990-05-17")
COACH_EMAIL = "claire.coach@example.org"
STAFF_EMAILS = ["equipe-lille@example.org", "direction-lille@example.org"]
SENDER_EMAIL = "recruteur@boulangerie.example"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The rate limit counts in the cache, which outlives a test: every test starts with no post counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def amina(story_index):
    candidate = CandidateFactory(
        published=True,
        first_name="Amina",
        last_name="Diallo",
        email="amina.private@example.org",
        phone="06 99 88 77 66",
        cohort__city__staff_emails="\n".join(STAFF_EMAILS),
    )
    PairFactory(candidate=candidate, coach=CoachFactory(email=COACH_EMAIL))
    return candidate


@pytest.fixture
def url(amina):
    return reverse("pages:contact", args=[amina.story_page.pk])


def form_data(**changes):
    """What a person sends after reading the form for a while."""
    data = {
        "name": "Sophie Martin",
        "company": "Boulangerie du Marché",
        "email": SENDER_EMAIL,
        "phone": "+33 6 11 22 33 44",
        "help_kind": HelpKind.HIRING,
        "message": "Nous cherchons un commis de cuisine en CDI, pouvons-nous rencontrer Amina ?",
        "consent_to_be_contacted": "on",
        "website": "",
        "form_started": sign_form_start(scope="contact", at=time.time() - 60),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, url, data, django_capture_on_commit_callbacks, **extra):
    """Post the form and run what waits for the commit (the e-mail), as a real request would."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data, **extra)


def html(response):
    return response.content.decode()


# The form ------------------------------------------------------------------------------------------------------


def test_form_shows_the_public_name_and_nothing_private(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "pages/contact.html" in [t.name for t in response.templates]
    body = html(response)
    assert "Amina D." in body
    for value in PRIVATE_VALUES:
        assert value not in body
    for name in ("name", "company", "email", "phone", "help_kind", "message", "consent_to_be_contacted"):
        assert f'name="{name}"' in body
    assert body.count('type="radio"') == len(HelpKind.choices)


def test_every_field_has_a_maximum_length_the_browser_knows_too(client, url):
    form = client.get(url).context["form"]

    for name, field in form.fields.items():
        if name not in {"help_kind", "consent_to_be_contacted"}:
            assert field.max_length, name
    assert form.fields["message"].max_length == 2000
    assert 'maxlength="2000"' in str(form["message"])


def test_honeypot_is_hidden_from_people_and_out_of_the_tab_order(client, url):
    body = html(client.get(url))

    honeypot = body.split('class="antispam-field"')[1].split("</div>")[0]
    assert 'aria-hidden="true"' in honeypot
    assert 'name="website"' in honeypot
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


@pytest.mark.parametrize("n", [3, 30])
def test_form_page_query_count_does_not_grow_with_the_number_of_stories(
    n, client, story_index, amina, url, django_assert_max_num_queries
):
    CandidateFactory.create_batch(n, published=True)
    client.get(url)  # the first page ever shown creates the programme's settings row

    with django_assert_max_num_queries(CONTACT_PAGE_MAX_QUERIES):
        response = client.get(url)

    assert response.status_code == 200


# Who may be contacted ----------------------------------------------------------------------------------------------


def test_draft_story_has_no_contact_form(client, story_index):
    draft = CandidateFactory(with_story=True)
    url = reverse("pages:contact", args=[draft.story_page.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    assert not ContactRequest.objects.exists()


def test_story_whose_consent_was_withdrawn_has_no_contact_form(client, amina, url):
    amina.consents.filter(purpose=ConsentPurpose.PUBLISH_STORY).update(withdrawn_at=timezone.now())

    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    assert not ContactRequest.objects.exists()


def test_hired_candidate_whose_story_is_not_kept_has_no_contact_form(client, story_index):
    hired = CandidateFactory(published=True, hired=True)

    assert client.get(reverse("pages:contact", args=[hired.story_page.pk])).status_code == 404


def test_unknown_page_is_404(client, amina):
    assert client.get(reverse("pages:contact", args=[987654])).status_code == 404
    assert client.get(reverse("pages:contact", args=[amina.story_page.get_parent().pk])).status_code == 404


# A valid message ------------------------------------------------------------------------------------------------


def test_valid_message_is_stored_and_emailed_once_to_the_coach_and_the_city_staff(
    client, amina, url, django_capture_on_commit_callbacks
):
    # A former coach is no longer told.
    PairFactory(candidate=amina, coach=CoachFactory(email="former.coach@example.org"),
                start_date=datetime.date(2026, 1, 5), end_date=datetime.date(2026, 6, 30))

    response = post(client, url, form_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"{url}?merci=1"
    contact_request = ContactRequest.objects.get()
    assert contact_request.candidate == amina
    assert (contact_request.name, contact_request.company, contact_request.email) == (
        "Sophie Martin", "Boulangerie du Marché", SENDER_EMAIL,
    )
    assert contact_request.help_kind == HelpKind.HIRING
    assert contact_request.consent_to_be_contacted is True
    assert not contact_request.handled

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert sorted(email.to) == sorted([COACH_EMAIL, *STAFF_EMAILS])
    assert email.recipients() == email.to  # no cc, no bcc: the sender gets no copy
    assert email.reply_to == [SENDER_EMAIL]
    assert "Amina D." in email.subject
    assert "Sophie Martin" in email.subject
    assert "Nous cherchons un commis de cuisine en CDI" in email.body
    assert "+33 6 11 22 33 44" in email.body
    assert "Boulangerie du Marché" in email.body
    assert amina.story_page.full_url in email.body
    html_part = email.alternatives[0][0]
    assert "pouvons-nous rencontrer Amina ?" in html_part
    for value in PRIVATE_VALUES:
        assert value not in email.subject
        assert value not in email.body
        assert value not in html_part


def test_thank_you_page_follows_the_message(client, url, django_capture_on_commit_callbacks):
    response = post(client, url, form_data(), django_capture_on_commit_callbacks, follow=True)

    assert response.status_code == 200
    assert "pages/contact_thanks.html" in [t.name for t in response.templates]
    assert "Amina D." in html(response)
    for value in PRIVATE_VALUES:
        assert value not in html(response)


def test_what_the_sender_typed_cannot_inject_html_into_the_email(client, url, django_capture_on_commit_callbacks):
    message = 'Voir <a href="https://phishing.example">ici</a> <img src="https://tracker.example/p.gif">'

    post(client, url, form_data(message=message, name="<b>Zoé</b>"), django_capture_on_commit_callbacks)

    html_part = mail.outbox[0].alternatives[0][0]
    assert "phishing.example" in html_part
    assert "<a href" not in html_part.split("</p>", 1)[1].split("<hr")[0]
    assert "<img" not in html_part
    assert "<b>" not in html_part
    assert "&lt;a href=" in html_part


def test_subject_keeps_the_sender_name_as_typed(client, url, django_capture_on_commit_callbacks):
    post(client, url, form_data(name="Zoé O'Brien & fils"), django_capture_on_commit_callbacks)

    assert "Zoé O'Brien & fils" in mail.outbox[0].subject


def test_plain_text_email_keeps_the_message_as_typed(client, url, django_capture_on_commit_callbacks):
    message = "J'ai une offre en CDI & une formation « cuisine »\nÀ bientôt"

    post(client, url, form_data(message=message), django_capture_on_commit_callbacks)

    assert message in mail.outbox[0].body


def test_staff_wording_replaces_the_default_email(client, url, django_capture_on_commit_callbacks):
    EmailTemplate.objects.create(
        key=EmailKey.CONTACT_REQUEST,
        subject="Nouveau contact pour {{ candidate_name }}",
        body="{{ sender_name }} ({{ company }}) propose : {{ help_kind }}.\n\n{{ message }}\n\n{{ admin_url }}",
    )

    post(client, url, form_data(), django_capture_on_commit_callbacks)

    email = mail.outbox[0]
    assert email.subject == "Nouveau contact pour Amina D."
    assert email.body.startswith("Sophie Martin (Boulangerie du Marché) propose : ")
    assert "Nous cherchons un commis de cuisine en CDI" in email.body
    assert "http://testserver/admin/" in email.body
    assert email.reply_to == [SENDER_EMAIL]


def test_candidate_without_a_coach_still_reaches_the_city_staff(story_index, django_capture_on_commit_callbacks):
    candidate = CandidateFactory(published=True, cohort__city__staff_emails=STAFF_EMAILS[0])
    data = {**form_data(), "consent_to_be_contacted": True}

    with django_capture_on_commit_callbacks(execute=True):
        create_contact_request(candidate=candidate, data=data)

    assert ContactRequest.objects.count() == 1
    assert mail.outbox[0].to == [STAFF_EMAILS[0]]


def test_request_with_nobody_to_tell_is_kept_for_the_admin(story_index, django_capture_on_commit_callbacks):
    candidate = CandidateFactory(published=True, cohort__city__staff_emails="")
    data = {**form_data(), "consent_to_be_contacted": True}

    with django_capture_on_commit_callbacks(execute=True):
        create_contact_request(candidate=candidate, data=data)

    assert ContactRequest.objects.count() == 1
    assert mail.outbox == []


# Mistakes ---------------------------------------------------------------------------------------------------------


def test_invalid_message_shows_each_error_beside_its_field_and_writes_nothing(
    client, url, django_capture_on_commit_callbacks
):
    data = form_data(name="", email="pas-une-adresse", help_kind=None, message="x" * 2001,
                     consent_to_be_contacted=None, phone="appelez-moi")

    response = post(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "email", "help_kind", "message", "consent_to_be_contacted", "phone"}
    body = html(response)
    for field in ("name", "email", "message", "phone", "consent_to_be_contacted"):
        assert f'id="id_{field}_error"' in body
        control = re.search(rf'<(?:input|textarea)[^>]*id="id_{field}"[^>]*>', body).group()
        assert re.search(rf'aria-describedby="[^"]*\bid_{field}_error\b', control), control
        assert 'aria-invalid="true"' in control
        assert f'href="#id_{field}"' in body  # the summary at the top links to the field
    assert 'aria-describedby="id_help_kind_error"' in body  # on the fieldset of the radio buttons
    assert 'href="#id_help_kind_0"' in body
    assert 'class="error-summary"' in body
    assert body.index('class="error-summary"') < body.index('<form class="form"')
    # What was typed is kept, so nothing has to be typed again.
    assert 'value="pas-une-adresse"' in body
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_message_of_2000_characters_with_line_breaks_is_accepted(client, url, django_capture_on_commit_callbacks):
    message = "\r\n".join(["a" * 199] * 10) + "!"  # 2,000 characters as the browser counts them, 2,009 as sent

    response = post(client, url, form_data(message=message), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    stored = ContactRequest.objects.get().message
    assert len(stored) == 2000
    assert "\r" not in stored


# Spam -----------------------------------------------------------------------------------------------------------------


def test_robot_filling_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client, url, django_capture_on_commit_callbacks
):
    response = post(client, url, form_data(website="https://cheap-pills.example"), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"{url}?merci=1"
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_form_sent_faster_than_a_person_could_is_refused(client, url, settings, django_capture_on_commit_callbacks):
    settings.ANTISPAM_MIN_FILL_SECONDS = 3
    data = form_data(form_started=sign_form_start(scope="contact", at=time.time() - 1))

    response = post(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["antispam_too_fast"]
    assert 'class="error-summary"' in html(response)
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_form_filled_in_a_few_seconds_is_accepted(client, url, settings, django_capture_on_commit_callbacks):
    settings.ANTISPAM_MIN_FILL_SECONDS = 3
    data = form_data(form_started=sign_form_start(scope="contact", at=time.time() - 4))

    assert post(client, url, data, django_capture_on_commit_callbacks).status_code == 302
    assert ContactRequest.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("1700000000.000:forged-signature", id="forged"),
        pytest.param(sign_form_start(scope="offer", at=1), id="signed-for-another-form"),
    ],
)
def test_form_with_a_missing_or_tampered_start_time_is_refused(
    token, client, url, django_capture_on_commit_callbacks
):
    response = post(client, url, form_data(form_started=token), django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["antispam_token"]
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_refused_form_comes_back_with_a_fresh_start_time(client, url, settings, django_capture_on_commit_callbacks):
    settings.ANTISPAM_MIN_FILL_SECONDS = 0
    response = post(client, url, form_data(form_started="tampered"), django_capture_on_commit_callbacks)
    fresh = response.context["form"]["form_started"].value()

    response = post(client, url, form_data(form_started=fresh), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert ContactRequest.objects.count() == 1


def test_too_many_posts_from_one_address_get_a_friendly_429(client, url, settings, django_capture_on_commit_callbacks):
    settings.ANTISPAM_RATE_LIMIT = 5
    for _ in range(5):
        assert post(client, url, form_data(), django_capture_on_commit_callbacks).status_code == 302

    response = post(client, url, form_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 429
    assert "pages/too_many_requests.html" in [t.name for t in response.templates]
    # A sliding window: the posts of this period still weigh on the next one, so the wait may pass one period.
    assert 0 < int(response["Retry-After"]) <= 2 * settings.ANTISPAM_RATE_PERIOD
    assert ContactRequest.objects.count() == 5
    assert len(mail.outbox) == 5
    # Reading the form is never limited, and another address may still write.
    assert client.get(url).status_code == 200
    other = post(client, url, form_data(), django_capture_on_commit_callbacks, REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302


def test_rate_limit_is_not_fooled_by_a_forged_forwarded_for_header(
    client, url, settings, django_capture_on_commit_callbacks
):
    settings.ANTISPAM_RATE_LIMIT = 2
    statuses = [
        post(client, url, form_data(), django_capture_on_commit_callbacks, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
        .status_code
        for i in range(3)
    ]

    assert statuses == [302, 302, 429]


# The story's call to action ----------------------------------------------------------------------------------------


def test_call_to_action_links_the_story_to_its_contact_form(amina, url):
    rendered = loader.render_to_string("components/contact_cta.html", {"page": amina.story_page})

    assert f'href="{url}"' in rendered
    assert "Amina D." in rendered
    assert "Diallo" not in rendered
