"""Keep an offer's status in step with Wagtail's moderation: submitted, sent back, published, unpublished.

Wagtail's workflow and publishing actions send these signals whichever screen or task triggers them; the
receivers are connected in ``SnippetsConfig.ready``.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.signals import published, unpublished, workflow_rejected, workflow_submitted

from snippets.enums import OfferStatus
from snippets.mail import send_templated_email
from snippets.models import Offer
from snippets.models.emails import EmailKey
from snippets.offer_emails import offer_context

# Statuses that publishing turns into "published"; "filled" or "archived" published by staff stay as they are.
BECOMES_PUBLISHED = (OfferStatus.DRAFT, OfferStatus.PENDING, OfferStatus.EXPIRED)


def _offer_of(workflow_state):
    obj = workflow_state.content_object
    return obj if isinstance(obj, Offer) else None


def offer_submitted(sender, instance, **kwargs):
    offer = _offer_of(instance)
    if offer and offer.status == OfferStatus.DRAFT:
        offer.status = OfferStatus.PENDING
        offer.save(update_fields=["status"])


def offer_sent_back(sender, instance, **kwargs):
    offer = _offer_of(instance)
    if offer and offer.status == OfferStatus.PENDING:
        offer.status = OfferStatus.DRAFT
        offer.save(update_fields=["status"])


def offer_published(sender, instance, **kwargs):
    """A validated offer goes online for its number of days, and its recruiter hears of it once."""
    if instance.status not in BECOMES_PUBLISHED:
        return
    today = timezone.localdate()
    first_time = instance.published_on is None
    instance.status = OfferStatus.PUBLISHED
    instance.published_on = instance.published_on or today
    if instance.expires_on is None or instance.expires_on < today:
        instance.expires_on = instance.expiry_date_from(today)
        instance.expiry_reminder_sent_at = None
    type(instance).objects.filter(pk=instance.pk).update(
        status=instance.status, published_on=instance.published_on, expires_on=instance.expires_on,
        expiry_reminder_sent_at=instance.expiry_reminder_sent_at,
    )
    if first_time and instance.contact_email:
        transaction.on_commit(lambda: send_templated_email(
            key=EmailKey.OFFER_VALIDATED, to=[instance.contact_email], context=offer_context(instance),
        ))


def offer_unpublished(sender, instance, **kwargs):
    if instance.status == OfferStatus.PUBLISHED:
        instance.status = OfferStatus.ARCHIVED
        type(instance).objects.filter(pk=instance.pk).update(status=instance.status)


def connect():
    workflow_submitted.connect(offer_submitted, dispatch_uid="offer_submitted")
    workflow_rejected.connect(offer_sent_back, dispatch_uid="offer_sent_back")
    published.connect(offer_published, sender=Offer, dispatch_uid="offer_published")
    unpublished.connect(offer_unpublished, sender=Offer, dispatch_uid="offer_unpublished")
