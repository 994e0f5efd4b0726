"""Offers arriving from the public form: one offer per city, each sent into the "Validation des offres" workflow."""

import logging

from django.db import transaction
from django.db.models.functions import Lower

from snippets.enums import OfferSource, OfferStatus
from snippets.mail import send_templated_email
from snippets.models import Offer, PartnerCompany
from snippets.models.emails import EmailKey
from snippets.offer_emails import offer_context

logger = logging.getLogger(__name__)

OFFER_FIELDS = (
    "title", "description", "contract_type", "part_time", "start_date", "duration", "positions", "sector",
    "salary", "driving_licence_required", "working_hours", "message_to_candidates",
    "contact_name", "contact_role", "contact_email", "contact_phone",
)


def match_or_create_company(name):
    """The partner company of that name (case and spaces ignored), or a new one that staff will review."""
    name = " ".join(name.split())
    company = PartnerCompany.objects.annotate(lower_name=Lower("name")).filter(lower_name=name.lower()).first()
    if company is None:
        company = PartnerCompany.objects.create(name=name, needs_review=True)
    return company


@transaction.atomic
def submit_offer(*, data, target_candidate=None):
    """Store a recruiter's offer as drafts awaiting validation, one per city, and tell the recruiter and staff.

    ``data`` holds the public form's cleaned fields: ``company_name``, ``cities`` and the offer's own fields.
    An offer aimed at one candidate is private and goes to that candidate's coach as well as to staff.
    Returns the new offers. Nothing is written or sent unless every offer is stored.
    """
    company = match_or_create_company(data["company_name"])
    offers = []
    for city in data["cities"]:
        offer = Offer(
            company=company, city=city, target_candidate=target_candidate,
            status=OfferStatus.DRAFT, live=False, source=OfferSource.FORM,
            **{name: data[name] for name in OFFER_FIELDS},
        )
        offer.full_clean()
        offer.save()
        offer.save_revision(log_action=True)
        workflow = offer.get_workflow()
        if workflow:
            workflow.start(offer, None)  # the recruiter has no account: Wagtail records no requester
        else:
            logger.warning("Offer %s: no workflow is assigned to offers; it waits as a draft.", offer.pk)
        offer.refresh_from_db(fields=["status"])
        offers.append(offer)

    transaction.on_commit(lambda: _tell_recruiter_and_staff(offers, target_candidate))
    return offers


def _tell_recruiter_and_staff(offers, target_candidate):
    first = offers[0]
    context = {
        **offer_context(first),
        "cities": ", ".join(offer.city.name for offer in offers),
        "offer_count": len(offers),
        "candidate_name": target_candidate.public_name if target_candidate else "",
    }
    send_templated_email(key=EmailKey.OFFER_RECEIVED, to=[first.contact_email], context=context)
    if target_candidate:
        # One e-mail about the whole proposal: the coach follows one candidate, whatever the cities.
        coach = target_candidate.active_coach
        recipients = ([coach.email] if coach else []) + target_candidate.cohort.city.staff_email_list
        mails = [(EmailKey.OFFER_FOR_CANDIDATE, recipients, context)]
    else:
        mails = [(EmailKey.OFFER_SUBMITTED, offer.city.staff_email_list, {**context, **offer_context(offer)})
                 for offer in offers]
    for key, recipients, mail_context in mails:
        if not recipients:
            logger.warning("Offer %s: nobody to tell about it.", first.pk)
        send_templated_email(key=key, to=recipients, context=mail_context, reply_to=[first.contact_email])
