"""The public "Proposer une offre" form: one offer per city, pending validation, e-mails, no spam, private offers."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import override

from pages.antispam import sign_form_start
from pages.models.offers import OfferFormPage
from snippets import roles
from snippets.enums import OfferSource, OfferStatus
from snippets.models import Offer, PartnerCompany
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory
from tests.snippets.factories import CityFactory, ContractTypeFactory, PartnerCompanyFactory, SectorFactory

pytestmark = pytest.mark.django_db

RECRUITER = "sophie.martin@boulangerie.example"
LYON_STAFF = ["equipe-lyon@example.org"]
LILLE_STAFF = ["equipe-lille@example.org", "direction-lille@example.org"]


@pytest.fixture(autouse=True)
def _english(client):
    """Assertions read the English wording; the French is checked where it matters."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(home_page):
    page = OfferFormPage(title="Proposer une offre", slug="proposer-une-offre")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def references():
    return {
        "lyon": CityFactory(name="Lyon", staff_emails="\n".join(LYON_STAFF)),
        "lille": CityFactory(name="Lille", staff_emails="\n".join(LILLE_STAFF)),
        "cdi": ContractTypeFactory(label="CDI", slug="cdi"),
        "food": SectorFactory(label="Restauration", slug="restauration"),
    }


def form_data(references, **changes):
    data = {
        "company_name": "Boulangerie  Ange",
        "title": "Vendeur ou vendeuse en boulangerie",
        "description": "Vous accueillez les clients et mettez les pains en rayon. Nous vous formons sur place.",
        "contract_type": references["cdi"].pk,
        "start_date": "",
        "duration": "",
        "positions": "2",
        "cities": [references["lyon"].pk, references["lille"].pk],
        "sector": references["food"].pk,
        "salary": "SMIC",
        "working_hours": "6 h – 13 h",
        "message_to_candidates": "Une équipe patiente qui aime transmettre.",
        "contact_name": "Sophie Martin",
        "contact_role": "Gérante",
        "contact_email": RECRUITER,
        "contact_phone": "06 11 22 33 44",
        "consent_to_be_contacted": "on",
        "website": "",
        "form_started": sign_form_start(scope="offer", at=time.time() - 120),
        "action": "send",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, url, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def test_the_form_shows_every_field_a_recruiter_knows(client, form_page, references):
    response = client.get(form_page.url)

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("company_name", "title", "description", "contract_type", "part_time", "start_date", "duration",
                 "positions", "cities", "sector", "salary", "driving_licence_required", "working_hours",
                 "contact_name", "contact_role", "contact_email", "contact_phone", "message_to_candidates"):
        assert f'name="{name}"' in html, name
    assert 'name="website"' in html  # the honeypot
    assert "Lyon" in html and "Lille" in html and "CDI" in html


def test_an_offer_for_two_cities_becomes_two_offers_waiting_for_validation(
    client, form_page, references, django_capture_on_commit_callbacks
):
    response = post(client, form_page.url, form_data(references), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"{form_page.url}?merci=1"
    offers = Offer.objects.order_by("city__name")
    assert [offer.city.name for offer in offers] == ["Lille", "Lyon"]
    for offer in offers:
        assert (offer.status, offer.live, offer.source, offer.target_candidate) == (
            OfferStatus.PENDING, False, OfferSource.FORM, None
        )
        assert (offer.title, offer.positions, offer.salary, offer.contact_email) == (
            "Vendeur ou vendeuse en boulangerie", 2, "SMIC", RECRUITER
        )
        workflow_state = offer.current_workflow_state
        assert workflow_state is not None and workflow_state.workflow.name == "Validation des offres"
        assert offer.latest_revision is not None
    assert not Offer.objects.public().exists()
    company = PartnerCompany.objects.get()
    assert (company.name, company.needs_review) == ("Boulangerie Ange", True)


def test_an_existing_partner_is_recognised_whatever_the_case(
    client, form_page, references, django_capture_on_commit_callbacks
):
    partner = PartnerCompanyFactory(name="Boulangerie Ange")

    post(client, form_page.url, form_data(references, company_name="  BOULANGERIE ange "),
         django_capture_on_commit_callbacks)

    assert PartnerCompany.objects.get() == partner
    assert not PartnerCompany.objects.get().needs_review
    assert set(Offer.objects.values_list("company", flat=True)) == {partner.pk}


def test_the_recruiter_gets_an_acknowledgement_and_each_city_its_notification(
    client, form_page, references, django_capture_on_commit_callbacks
):
    with override("en"):
        post(client, form_page.url, form_data(references), django_capture_on_commit_callbacks)

    by_recipients = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipients) == {(RECRUITER,), tuple(LYON_STAFF), tuple(sorted(LILLE_STAFF))}
    acknowledgement = by_recipients[(RECRUITER,)]
    assert "Vendeur ou vendeuse en boulangerie" in acknowledgement.subject
    assert "Lille, Lyon" in acknowledgement.body or "Lyon, Lille" in acknowledgement.body
    assert acknowledgement.alternatives and acknowledgement.alternatives[0][1] == "text/html"
    to_lyon = by_recipients[tuple(LYON_STAFF)]
    assert "Lyon" in to_lyon.subject and "Boulangerie Ange" in to_lyon.subject
    assert "06 11 22 33 44" in to_lyon.body and RECRUITER in to_lyon.body
    assert "/admin/snippets/snippets/offer/edit/" in to_lyon.body
    assert to_lyon.reply_to == [RECRUITER]
    assert "Tremplin" in to_lyon.body  # the programme's name and footer frame every e-mail


def test_errors_are_shown_next_to_each_field_and_nothing_is_written(
    client, form_page, references, django_capture_on_commit_callbacks
):
    data = form_data(references, title="", contact_email="pas-une-adresse", positions="0", cities=[],
                     start_date="2001-01-01", description="x" * 5001)
    with override("en"):
        response = post(client, form_page.url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["title"] == ["Give the job a title, e.g. « Agent de propreté »."]
    assert form.errors["contact_email"] == ["Enter an e-mail address such as nom@entreprise.fr."]
    assert form.errors["positions"] == ["Enter at least 1."]
    assert form.errors["cities"] == ["Tick at least one city."]
    assert form.errors["start_date"] == ["This date has passed: give a date to come, or leave it empty."]
    assert "5000" in form.errors["description"][0] or "5,000" in form.errors["description"][0]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "error-summary" in html
    assert not Offer.objects.exists() and not PartnerCompany.objects.exists()
    assert mail.outbox == []


def test_errors_are_in_french_for_a_french_visitor(client, form_page, references, django_capture_on_commit_callbacks):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    response = post(client, form_page.url, form_data(references, cities=[]), django_capture_on_commit_callbacks)

    assert "Cochez au moins une ville." in response.content.decode()


def test_every_field_has_a_size_limit(client, form_page, references, django_capture_on_commit_callbacks):
    long = "a" * 300
    data = form_data(references, company_name=long, title=long, duration=long, salary=long, working_hours=long,
                     contact_name=long, contact_role=long, contact_phone="0" * 40,
                     message_to_candidates="m" * 2001)
    response = post(client, form_page.url, data, django_capture_on_commit_callbacks)

    errors = response.context["form"].errors
    assert set(errors) >= {"company_name", "title", "duration", "salary", "working_hours", "contact_name",
                           "contact_role", "contact_phone", "message_to_candidates"}
    assert not Offer.objects.exists()


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_stored(
    client, form_page, references, django_capture_on_commit_callbacks
):
    response = post(client, form_page.url, form_data(references, website="http://spam.example"),
                    django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert not Offer.objects.exists() and mail.outbox == []


@override_settings(ANTISPAM_MIN_FILL_SECONDS=3)
def test_a_form_sent_too_fast_is_refused(client, form_page, references, django_capture_on_commit_callbacks):
    data = form_data(references, form_started=sign_form_start(scope="offer", at=time.time()))

    response = post(client, form_page.url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Offer.objects.exists()


def test_a_token_signed_for_the_contact_form_is_refused(
    client, form_page, references, django_capture_on_commit_callbacks
):
    data = form_data(references, form_started=sign_form_start(scope="contact", at=time.time() - 120))

    post(client, form_page.url, data, django_capture_on_commit_callbacks)

    assert not Offer.objects.exists()


@override_settings(ANTISPAM_RATE_LIMIT=2)
def test_a_flood_gets_429(client, form_page, references, django_capture_on_commit_callbacks):
    for _ in range(2):
        assert post(client, form_page.url, form_data(references, cities=[]),
                    django_capture_on_commit_callbacks).status_code == 200

    response = post(client, form_page.url, form_data(references), django_capture_on_commit_callbacks)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert not Offer.objects.exists()


def test_the_check_button_shows_tips_without_errors_nor_writing(
    client, form_page, references, django_capture_on_commit_callbacks
):
    data = form_data(references, description="Bac+2 exigé, 5 ans d'expérience minimum.", contact_email="",
                     action="check")
    with override("en"):
        response = post(client, form_page.url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert not response.context["form"].is_bound  # tips, not errors
    quotes = [finding.quote for finding in response.context["findings"]]
    assert any("Bac+2" in quote for quote in quotes)
    html = response.content.decode()
    assert "Bac+2" in html and "error-summary" not in html
    assert 'value="Vendeur ou vendeuse en boulangerie"' in html  # what was typed is kept
    assert not Offer.objects.exists()


def test_tips_never_block_sending(client, form_page, references, django_capture_on_commit_callbacks):
    data = form_data(references, description="Bac+2 exigé. Vous accueillez les clients.")

    response = post(client, form_page.url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Offer.objects.count() == 2


# --- Offers aimed at one candidate ----------------------------------------------------------------------------


@pytest.fixture
def amina(story_index, references):
    candidate = CandidateFactory(
        published=True, first_name="Amina", last_name="Diallo", email="amina.private@example.org",
        cohort__city=references["lille"],
    )
    PairFactory(candidate=candidate, coach=CoachFactory(email="claire.coach@example.org"))
    return candidate


def test_the_story_page_links_to_the_form_aimed_at_the_candidate(client, form_page, amina):
    response = client.get(amina.story_page.url)

    assert f'{form_page.url}?pour={amina.story_page.pk}' in response.content.decode()


def test_an_offer_aimed_at_a_candidate_is_private_and_reaches_the_coach(
    client, form_page, references, amina, django_capture_on_commit_callbacks
):
    url = f"{form_page.url}?pour={amina.story_page.pk}"
    page = client.get(url).content.decode()
    assert "Amina" in page and "Diallo" not in page and "amina.private@example.org" not in page

    with override("en"):
        response = post(client, url, form_data(references, cities=[references["lille"].pk],
                                               pour=amina.story_page.pk), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    offer = Offer.objects.get()
    assert offer.target_candidate == amina and offer.is_private
    assert offer.status == OfferStatus.PENDING
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {RECRUITER, "claire.coach@example.org", *LILLE_STAFF}
    to_coach = next(message for message in mail.outbox if "claire.coach@example.org" in message.to)
    assert "Amina" in to_coach.subject and "Diallo" not in to_coach.body
    # Even once validated, a private offer is never public.
    offer.current_workflow_state.current_task_state.approve(user=None)
    offer.refresh_from_db()
    assert offer.live and offer.status == OfferStatus.PUBLISHED
    assert not Offer.objects.public().exists() and not offer.is_public


@pytest.mark.parametrize("target", ["999999", "abc"])
def test_an_unknown_target_is_404(client, form_page, target):
    assert client.get(f"{form_page.url}?pour={target}").status_code == 404


def test_a_story_not_published_cannot_be_targeted(client, form_page, story_index):
    draft = CandidateFactory(with_story=True)

    assert client.get(f"{form_page.url}?pour={draft.story_page.pk}").status_code == 404


# --- The "Validation des offres" workflow ------------------------------------------------------------------------


@pytest.fixture
def submitted(client, form_page, references, django_capture_on_commit_callbacks):
    post(client, form_page.url, form_data(references, cities=[references["lyon"].pk]),
         django_capture_on_commit_callbacks)
    mail.outbox.clear()
    return Offer.objects.get()


def staff(email, *, group=roles.PROGRAMME_ADMINS):
    from tests.snippets.factories import UserFactory

    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_validated_offer_goes_online_for_its_days_and_the_recruiter_is_told(
    submitted, django_capture_on_commit_callbacks
):
    reviewer = staff(LYON_STAFF[0])
    task_state = submitted.current_workflow_state.current_task_state

    with django_capture_on_commit_callbacks(execute=True), override("en"):
        task_state.approve(user=reviewer)

    submitted.refresh_from_db()
    today = timezone.localdate()
    assert (submitted.status, submitted.live, submitted.published_on) == (OfferStatus.PUBLISHED, True, today)
    assert submitted.expires_on == today + datetime.timedelta(days=60)
    assert list(Offer.objects.public()) == [submitted]
    [message] = mail.outbox
    assert message.to == [RECRUITER] and "is online" in message.subject


def test_an_offer_sent_back_is_a_draft_again(submitted):
    reviewer = staff(LYON_STAFF[0])

    submitted.current_workflow_state.current_task_state.reject(user=reviewer)

    submitted.refresh_from_db()
    assert (submitted.status, submitted.live) == (OfferStatus.DRAFT, False)


def test_the_staff_of_the_offers_city_moderate_it(submitted):
    task = submitted.current_workflow_state.current_task_state.task.specific
    lyon_staff = staff(LYON_STAFF[0])
    lille_staff = staff(LILLE_STAFF[0])
    communication = staff("com@example.org", group=roles.COMMUNICATION)

    assert task.get_actions(submitted, lyon_staff)
    assert task.get_actions(submitted, lille_staff) == []
    assert task.get_actions(submitted, communication) == []
    assert task.get_task_states_user_can_moderate(lyon_staff).count() == 1
    assert task.get_task_states_user_can_moderate(lille_staff).count() == 0


def test_any_programme_admin_moderates_when_the_city_lists_none_of_them(submitted):
    task = submitted.current_workflow_state.current_task_state.task.specific
    admin_elsewhere = staff("someone@example.org")

    assert task.get_actions(submitted, admin_elsewhere)


def test_an_older_draft_published_later_keeps_the_expiry_date(submitted):
    reviewer = staff(LYON_STAFF[0])
    submitted.current_workflow_state.current_task_state.approve(user=reviewer)
    submitted.refresh_from_db()
    revision = submitted.latest_revision
    Offer.objects.filter(pk=submitted.pk).update(expires_on=timezone.localdate() + datetime.timedelta(days=90))

    revision.publish(user=reviewer)

    submitted.refresh_from_db()
    assert submitted.expires_on == timezone.localdate() + datetime.timedelta(days=90)
