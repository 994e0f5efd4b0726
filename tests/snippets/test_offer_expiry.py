"""An offer's end of life: one reminder a week before, expiry off the public list, and the one-click extension link."""

import datetime
import io
import re
import time

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from pages.approval import SALT as APPROVAL_SALT
from pages.models.offers import OfferIndexPage, offer_url
from snippets.enums import OfferStatus
from snippets.expiry import (
    EXPIRE_ACTION,
    EXTEND_ACTION,
    expire_offers,
    extension_url,
    make_extension_token,
    send_expiry_reminders,
)
from snippets.models import Offer
from tests.cohorts.factories import CandidateFactory
from tests.snippets.factories import CityFactory, OfferFactory

pytestmark = pytest.mark.django_db

RECRUITER = "sophie@boulangerie.example"
LINK = re.compile(r"http://testserver/offres/prolonger/[^/\s]+/")


@pytest.fixture
def client(client):
    """Recruiters reading in English: the assertions below read the English wording, whatever French says."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a service and send the e-mails it queued on commit, as in production."""

    def call(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return call


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


def online_offer(expires_in, **fields):
    """A validated offer, online, whose last day is in ``expires_in`` days."""
    fields.setdefault("contact_email", RECRUITER)
    return OfferFactory(published=True, published_on=days(expires_in - 60), expires_on=days(expires_in), **fields)


# Reminders ------------------------------------------------------------------------------------------------------------


def test_recruiter_is_reminded_once_a_week_before_with_the_link(run):
    offer = online_offer(7, title="Vendeur en boulangerie", city=CityFactory(staff_emails="lyon@example.org"))

    with translation.override("en"):
        assert run(send_expiry_reminders) == 1
        assert run(send_expiry_reminders) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [RECRUITER]
    assert message.reply_to == ["lyon@example.org"]
    assert "Vendeur en boulangerie" in message.subject
    expiry = offer.expires_on
    assert f"{expiry.day} " in message.body and str(expiry.year) in message.body
    assert "Extend it by 60 days in one click" in message.body
    # The token ends with the time it was signed and its signature: the same link but for the second it was made.
    assert LINK.search(message.body).group(0).rsplit(":", 2)[0] == extension_url(offer).rsplit(":", 2)[0]
    offer.refresh_from_db()
    assert offer.expiry_reminder_sent_at is not None


def test_the_reminder_speaks_french_by_default(run):
    online_offer(7)

    with translation.override("fr"):
        run(send_expiry_reminders)

    assert "Prolongez-la de 60 jours en un clic" in mail.outbox[0].body


def test_private_offers_are_reminded_too(run):
    online_offer(3, target_candidate=CandidateFactory())

    assert run(send_expiry_reminders) == 1
    assert mail.outbox[0].to == [RECRUITER]


@pytest.mark.parametrize(
    "make",
    [
        lambda: online_offer(8),  # more than a week ahead
        lambda: online_offer(-1),  # past: the offer expires, no reminder
        lambda: online_offer(5, expiry_reminder_sent_at=timezone.now()),  # reminded already
        lambda: online_offer(5, contact_email=""),  # nobody to remind
        lambda: OfferFactory(expires_on=days(5), contact_email=RECRUITER),  # pending validation
        lambda: OfferFactory(status=OfferStatus.FILLED, live=True, published_on=days(-50), expires_on=days(5)),
    ],
    ids=["next-week", "past", "already-reminded", "no-address", "pending", "filled"],
)
def test_no_reminder_when_not_due(make, run):
    make()

    assert run(send_expiry_reminders) == 0
    assert mail.outbox == []


def test_the_reminder_link_extends_the_offer(run, client):
    offer = online_offer(4)
    run(send_expiry_reminders)

    response = client.get(LINK.search(mail.outbox[0].body).group(0))

    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.expires_on == days(64)
    assert offer.expiry_reminder_sent_at is None


# Expiry ---------------------------------------------------------------------------------------------------------------


def test_offers_past_their_last_day_expire_and_leave_the_list(client, home_page):
    offer_index = home_page.add_child(instance=OfferIndexPage(title="Offres", slug="offres"))
    past = online_offer(-1, title="Hier")
    last_day = online_offer(0, title="Aujourd'hui")
    private = online_offer(-3, target_candidate=CandidateFactory())

    assert expire_offers() == 2

    past.refresh_from_db()
    private.refresh_from_db()
    assert (past.status, past.live, past.expired) == (OfferStatus.EXPIRED, False, True)
    assert (private.status, private.live) == (OfferStatus.EXPIRED, False)
    assert Offer.objects.get(pk=last_day.pk).status == OfferStatus.PUBLISHED
    assert ModelLogEntry.objects.filter(action=EXPIRE_ACTION, object_id=str(past.pk)).count() == 1
    page = client.get(offer_index.url).content.decode()
    assert "Aujourd&#x27;hui" in page and "Hier" not in page
    assert client.get(offer_url(past)).status_code == 410


def test_closed_offers_keep_their_status(db):
    filled = OfferFactory(status=OfferStatus.FILLED, live=True, published_on=days(-90), expires_on=days(-30))

    assert expire_offers() == 0
    filled.refresh_from_db()
    assert (filled.status, filled.live) == (OfferStatus.FILLED, True)


def test_command_reminds_and_expires_and_a_second_run_changes_nothing(django_capture_on_commit_callbacks):
    online_offer(6)
    expiring = online_offer(-2)

    first, second = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_offers", "--language", "en", stdout=first)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_offers", "--language", "en", stdout=second)

    assert first.getvalue().splitlines() == [
        "1 recruiter reminded that their offer expires soon.",
        "1 expired offer taken offline.",
    ]
    assert second.getvalue().splitlines() == [
        "0 recruiters reminded that their offer expires soon.",
        "0 expired offers taken offline.",
    ]
    assert len(mail.outbox) == 1
    assert Offer.objects.get(pk=expiring.pk).status == OfferStatus.EXPIRED


def test_command_dry_run_changes_nothing(django_capture_on_commit_callbacks):
    reminded = online_offer(6)
    expiring = online_offer(-2)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_offers", "--dry-run", "--language", "en", stdout=out)

    assert "1 recruiter would be reminded that their offer expires soon." in out.getvalue()
    assert "1 expired offer would be taken offline." in out.getvalue()
    assert mail.outbox == []
    assert Offer.objects.get(pk=reminded.pk).expiry_reminder_sent_at is None
    assert Offer.objects.get(pk=expiring.pk).status == OfferStatus.PUBLISHED


# The extension link ---------------------------------------------------------------------------------------------------


def extend_path(token):
    return reverse("pages:offer_extend", kwargs={"token": token})


def test_link_extends_the_offer_from_its_expiry_date(client):
    offer = online_offer(5, validity_days=30, expiry_reminder_sent_at=timezone.now())

    response = client.get(extend_path(make_extension_token(offer)))

    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.expires_on == days(35)
    assert offer.expiry_reminder_sent_at is None
    assert offer.status == OfferStatus.PUBLISHED and offer.live
    assert f"Your offer is extended until {offer.expires_on:%-d %B %Y}" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert ModelLogEntry.objects.filter(action=EXTEND_ACTION, object_id=str(offer.pk)).count() == 1


def test_link_works_once(client):
    offer = online_offer(5)
    path = extend_path(make_extension_token(offer))
    client.get(path)
    offer.refresh_from_db()
    extended_until = offer.expires_on

    again = client.get(path)

    assert again.status_code == 200
    assert f"This offer is already extended until {extended_until:%-d %B %Y}" in again.content.decode()
    offer.refresh_from_db()
    assert offer.expires_on == extended_until
    assert ModelLogEntry.objects.filter(action=EXTEND_ACTION, object_id=str(offer.pk)).count() == 1


def test_link_brings_an_expired_offer_back_online(client, home_page):
    offer_index = home_page.add_child(instance=OfferIndexPage(title="Offres", slug="offres"))
    offer = online_offer(-1, title="Cariste")  # reminded, then its recruiter let the last day pass
    path = extend_path(make_extension_token(offer))
    assert expire_offers() == 1

    response = client.get(path)

    assert response.status_code == 200
    offer.refresh_from_db()
    assert (offer.status, offer.live, offer.expired) == (OfferStatus.PUBLISHED, True, False)
    assert offer.expires_on == days(60)
    assert client.get(offer_url(offer)).status_code == 200
    assert "Cariste" in client.get(offer_index.url).content.decode()


def test_link_refused_once_the_job_is_filled(client):
    offer = online_offer(5)
    path = extend_path(make_extension_token(offer))
    Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.FILLED)

    response = client.get(path)

    assert response.status_code == 410
    assert "This offer cannot be extended" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).expires_on == days(5)


def test_expired_link_says_how_to_ask_the_team(client, monkeypatch, home_page):
    from wagtail.models import Site

    from snippets.models.settings import ProgrammeSettings

    programme = ProgrammeSettings.for_site(Site.objects.get(is_default_site=True))
    programme.contact_email = "equipe@tremplin.example"
    programme.save()
    offer = online_offer(5)
    fifteen_days_ago = int(time.time()) - 15 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(fifteen_days_ago))
    token = make_extension_token(offer)
    monkeypatch.undo()

    response = client.get(extend_path(token))

    assert response.status_code == 410
    page = response.content.decode()
    assert "This link has expired" in page
    assert "Write to our team" in page and "mailto:equipe@tremplin.example" in page
    assert Offer.objects.get(pk=offer.pk).expires_on == days(5)


def test_a_link_of_thirteen_days_still_works(client, monkeypatch):
    offer = online_offer(-6)
    thirteen_days_ago = int(time.time()) - 13 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(thirteen_days_ago))
    token = make_extension_token(offer)
    monkeypatch.undo()

    assert client.get(extend_path(token)).status_code == 200


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature altered
        lambda token: "x" + token,  # payload altered
        lambda token: "n-importe-quoi",
    ],
    ids=["signature", "payload", "garbage"],
)
def test_forged_link_is_refused(forge, client):
    offer = online_offer(5)

    response = client.get(extend_path(forge(make_extension_token(offer))))

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).expires_on == days(5)


def test_a_token_made_for_something_else_is_refused(client):
    offer = online_offer(5)
    payload = {"offer": offer.pk, "expires_on": offer.expires_on.isoformat()}
    foreign = signing.TimestampSigner(salt=APPROVAL_SALT).sign_object(payload, compress=True)

    assert client.get(extend_path(foreign)).status_code == 400
    assert Offer.objects.get(pk=offer.pk).expires_on == days(5)


def test_a_link_extends_only_its_own_offer(client):
    mine, other = online_offer(5), online_offer(5)
    token = make_extension_token(mine)
    other_payload = make_extension_token(other).split(":", 1)[0]
    # Another offer's payload under this link's timestamp and signature.
    swapped = ":".join([other_payload, *token.split(":")[1:]])

    assert client.get(extend_path(swapped)).status_code == 400
    assert client.get(extend_path(token)).status_code == 200
    assert Offer.objects.get(pk=other.pk).expires_on == days(5)
    assert Offer.objects.get(pk=mine.pk).expires_on == days(65)


def test_link_does_nothing_on_post(client):
    offer = online_offer(5)

    assert client.post(extend_path(make_extension_token(offer))).status_code == 405
    assert Offer.objects.get(pk=offer.pk).expires_on == days(5)
