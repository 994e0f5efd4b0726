"""An offer's end of life: the reminder a week before it expires, its expiry, and the recruiter's extension link.

Both scheduled services are idempotent and safe to run every hour (``manage.py expire_offers``): a reminder is
recorded on the offer as it is sent, and an expired offer leaves the "published" status.

The extension link carries the offer's id and the expiry date it was sent for, signed with the site's secret key
under a salt of its own (a token made for anything else never passes) and timestamped: it works for
``settings.OFFER_EXTENSION_LINK_MAX_AGE_DAYS`` days. It is single-use by nature: once the offer is extended, its
expiry date is no longer the one the link names.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from snippets.enums import OfferStatus
from snippets.mail import send_templated_email
from snippets.models import Offer
from snippets.models.emails import EmailKey
from snippets.offer_emails import offer_context

logger = logging.getLogger(__name__)

REMINDER_NOTICE = datetime.timedelta(days=7)
SALT = "tremplin.snippets.offer-extension"
# Wagtail log actions (registered in snippets/wagtail_hooks.py): the offer's history in the admin says what happened.
EXPIRE_ACTION = "snippets.offer.expire"
EXTEND_ACTION = "snippets.offer.extend"
# Offers staff closed: their recruiter cannot bring them back online.
CLOSED_STATUSES = (OfferStatus.FILLED, OfferStatus.ARCHIVED)


# Reminders and expiry ---------------------------------------------------------------------------------------------


def due_reminders(*, today=None):
    """Published offers (public or private) that expire within a week, whose recruiter was not reminded yet."""
    today = today or timezone.localdate()
    return Offer.objects.filter(
        status=OfferStatus.PUBLISHED, live=True, expiry_reminder_sent_at__isnull=True,
        expires_on__gte=today, expires_on__lte=today + REMINDER_NOTICE,
    ).exclude(contact_email="")


def due_expiries(*, today=None):
    """Published offers whose last day online has passed."""
    today = today or timezone.localdate()
    return Offer.objects.filter(status=OfferStatus.PUBLISHED, expires_on__lt=today)


def send_expiry_reminders(*, today=None):
    """E-mail each recruiter whose offer expires within a week a link to extend it, once; return how many.

    The offers are marked in the same transaction that queues the e-mails, rows locked: two runs at once never
    remind twice.
    """
    with transaction.atomic():
        offers = list(
            due_reminders(today=today).select_for_update(skip_locked=True, of=("self",))
            .select_related("company", "city", "contract_type")
        )
        if not offers:
            return 0
        Offer.objects.filter(pk__in=[offer.pk for offer in offers]).update(expiry_reminder_sent_at=timezone.now())
        for offer in offers:
            context = {
                **offer_context(offer),
                "extension_url": extension_url(offer),
                "extension_days": offer.validity_days,
                "link_days": settings.OFFER_EXTENSION_LINK_MAX_AGE_DAYS,
            }
            transaction.on_commit(_reminder(offer, context))
    logger.info("Sent %d offer expiry reminder(s).", len(offers))
    return len(offers)


def _reminder(offer, context):
    # The recruiter's answer ("the job is filled") goes to the staff of the offer's city.
    return lambda: send_templated_email(
        key=EmailKey.OFFER_EXPIRY_REMINDER, to=[offer.contact_email], context=context,
        reply_to=offer.city.staff_email_list,
    )


def expire_offers(*, today=None):
    """Take published offers past their last day off the public list (status "expired", unpublished); return how many.

    Each offer is locked and checked again before it changes, so that a recruiter extending it at that moment wins.
    """
    expired = 0
    for offer_id in due_expiries(today=today).values_list("pk", flat=True):
        with transaction.atomic():
            offer = due_expiries(today=today).select_for_update(skip_locked=True).filter(pk=offer_id).first()
            if offer is None:
                continue
            offer.status = OfferStatus.EXPIRED
            if offer.live:
                # Saves the status too; the "unpublished" signal leaves an expired offer's status as it is.
                offer.unpublish(set_expired=True, log_action=EXPIRE_ACTION)
            else:
                offer.save(update_fields=["status"])
                log(instance=offer, action=EXPIRE_ACTION)
            logger.info("Offer %s expired (last day online: %s).", offer.pk, offer.expires_on)
            expired += 1
    return expired


# The extension link -----------------------------------------------------------------------------------------------


class InvalidExtensionLink(Exception):
    """The link was altered or was never made by us."""


class ExpiredExtensionLink(InvalidExtensionLink):
    """The link was genuine, but is older than ``OFFER_EXTENSION_LINK_MAX_AGE_DAYS`` days."""


def _signer():
    return signing.TimestampSigner(salt=SALT)


def make_extension_token(offer):
    """The token for extending ``offer`` from its current expiry date."""
    return _signer().sign_object({"offer": offer.pk, "expires_on": offer.expires_on.isoformat()}, compress=True)


def read_extension_token(token):
    """Return (offer_id, expires_on) from a token, or raise ``InvalidExtensionLink``/``ExpiredExtensionLink``."""
    max_age = datetime.timedelta(days=settings.OFFER_EXTENSION_LINK_MAX_AGE_DAYS)
    try:
        payload = _signer().unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredExtensionLink from error
    except signing.BadSignature as error:
        raise InvalidExtensionLink from error
    try:
        return int(payload["offer"]), datetime.date.fromisoformat(payload["expires_on"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidExtensionLink from error


def extension_url(offer):
    """The absolute link e-mailed to the recruiter."""
    path = reverse("pages:offer_extend", kwargs={"token": make_extension_token(offer)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@dataclass
class Extension:
    """What the extension link did: ``outcome`` is "extended", "already_extended", "closed" or "unknown"."""

    outcome: str
    offer: Offer | None = None


def extend_offer(*, offer_id, expires_on, today=None):
    """Extend the offer by its number of days, from its expiry date or today if it already expired.

    ``expires_on`` is the expiry date the link was sent for: when the offer's date has changed since (the link was
    used already, or staff changed the date), nothing changes. An offer that had expired goes back online as it
    was; a filled or archived one stays closed.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        offer = Offer.objects.select_for_update().filter(pk=offer_id).first()
        if offer is None:
            return Extension("unknown")
        if offer.status in CLOSED_STATUSES:
            return Extension("closed", offer)
        if offer.status not in (OfferStatus.PUBLISHED, OfferStatus.EXPIRED) or offer.expires_on is None:
            return Extension("unknown")
        if offer.expires_on != expires_on:
            return Extension("already_extended", offer)
        offer.expires_on = offer.expiry_date_from(max(offer.expires_on, today))
        offer.expiry_reminder_sent_at = None
        offer.save(update_fields=["expires_on", "expiry_reminder_sent_at", "updated_at"])
        log(instance=offer, action=EXTEND_ACTION,
            data={"from": expires_on.isoformat(), "to": offer.expires_on.isoformat()})
        if (offer.status == OfferStatus.EXPIRED or not offer.live) and offer.current_workflow_state is None:
            _republish(offer)
        logger.info("Offer %s extended until %s by its recruiter.", offer.pk, offer.expires_on)
    return Extension("extended", offer)


def _republish(offer):
    """Put an expired offer back online as it was when it expired, through Wagtail (its history shows it).

    The new revision holds the offer as it stands, which is the content that was online; Wagtail's "published"
    signal then sets the status back to "published" (snippets/lifecycle.py). Not while staff review changes to
    it: publishing would cancel their review, and their approval puts it back online with its new date.
    """
    offer.save_revision(clean=False).publish(skip_permission_checks=True)
    offer.refresh_from_db()
