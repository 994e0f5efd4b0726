"""Offers of help from the public, stored and passed on to the candidate's coach and city staff."""

import logging

from django.db import transaction

from cohorts.models import ContactRequest
from snippets.mail import admin_url, send_templated_email
from snippets.models.emails import EmailKey

logger = logging.getLogger(__name__)

CONTACT_REQUEST_FIELDS = ("name", "company", "email", "phone", "help_kind", "message", "consent_to_be_contacted")


@transaction.atomic
def create_contact_request(*, candidate, data):
    """Store what someone who read a story offers, and e-mail it to the candidate's coach and the city's staff.

    ``data`` holds the contact form's fields (other keys are ignored). Replies go straight to the sender.
    The e-mail names the candidate by their public name only, never their own contact details, and the
    sender gets no copy. It leaves once the request is saved: a request that fails to save sends nothing.
    """
    contact_request = ContactRequest(candidate=candidate, **{key: data[key] for key in CONTACT_REQUEST_FIELDS})
    contact_request.full_clean()
    contact_request.save()

    coach = candidate.active_coach
    recipients = ([coach.email] if coach else []) + candidate.cohort.city.staff_email_list
    if not recipients:
        logger.warning("Contact request %s: no coach nor city staff to tell.", contact_request.pk)
    story_page = getattr(candidate, "story_page", None)
    context = {
        "candidate_name": candidate.public_name,
        "sender_name": contact_request.name,
        "company": contact_request.company,
        "help_kind": str(contact_request.get_help_kind_display()),
        "message": contact_request.message,
        "sender_email": contact_request.email,
        "sender_phone": contact_request.phone,
        "story_url": (story_page.full_url or "") if story_page and story_page.live else "",
        "admin_url": admin_url(contact_request) or admin_url(candidate),
    }
    transaction.on_commit(
        lambda: send_templated_email(
            key=EmailKey.CONTACT_REQUEST, to=recipients, context=context, reply_to=[contact_request.email]
        )
    )
    return contact_request
