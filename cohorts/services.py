"""Operations on the programme's private records that views, the admin, commands and tasks share."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log

from snippets.emails import EmailKey
from snippets.mail import send_templated_email
from snippets.offer_emails import offer_context

from .applications import ALREADY_PROPOSED, ALREADY_PROPOSED_CODE, Application
from .enums import ConsentPurpose
from .matching import is_open
from .models import Candidate, ConsentRecord, ContactRequest

logger = logging.getLogger(__name__)


@transaction.atomic
def record_consent(*, candidate, purpose, text_version, channel, user=None, given_at=None):
    """Record a candidate's consent for one purpose, as given (text version, channel, who recorded it).

    Recording a consent that is already current changes nothing and returns the current record: a form
    posted twice, or a spreadsheet imported again, must not fail, and the first record stays the evidence.
    To record a new version of the consent text, withdraw the old consent first.
    """
    # Lock the candidate so that two recordings at once cannot both find no current consent.
    Candidate.objects.select_for_update().get(pk=candidate.pk)
    current = ConsentRecord.objects.current().filter(candidate=candidate, purpose=purpose).first()
    if current is not None:
        return current
    consent = ConsentRecord(
        candidate=candidate,
        purpose=purpose,
        text_version=text_version,
        channel=channel,
        recorded_by=user,
        given_at=given_at or timezone.now(),
    )
    consent.full_clean()
    consent.save()
    log(instance=consent, action="wagtail.create", user=user)
    return consent


@transaction.atomic
def withdraw_consent(*, consent, user=None):
    """Withdraw a consent; the record is kept, with the time of withdrawal, as evidence of what was agreed.

    Withdrawing the consent to publication takes the story off the site at once and stops its review.
    Withdrawing the consent to the photo needs nothing more: the public pages show a photo only while that
    consent is current (``CandidatePage.public_photo``). Withdrawing twice changes nothing.
    """
    consent = ConsentRecord.objects.select_for_update().get(pk=consent.pk)
    if not consent.is_current:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    log(instance=consent, action="cohorts.consent.withdraw", user=user)
    if consent.purpose == ConsentPurpose.PUBLISH_STORY:
        # Imported here, not at the top: `pages` builds on `cohorts`, so `cohorts` never imports `pages` at
        # module level (no import cycle); this is the one named entry point it calls.
        from pages.services import unpublish_story

        unpublish_story(candidate=consent.candidate, user=user)
    return consent


CONTACT_REQUEST_FIELDS = ("name", "company", "email", "phone", "help_kind", "message", "consent_to_be_contacted")


def _admin_url(instance):
    """The full address of the instance's page in the admin, or "" when the admin has none."""
    path = AdminURLFinder().get_edit_url(instance)
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}" if path else ""


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
        "admin_url": _admin_url(contact_request) or _admin_url(candidate),
    }
    transaction.on_commit(
        lambda: send_templated_email(
            key=EmailKey.CONTACT_REQUEST, to=recipients, context=context, reply_to=[contact_request.email]
        )
    )
    return contact_request


def check_proposal(*, offer, candidate):
    """Raise a ValidationError when ``offer`` cannot be proposed to ``candidate``.

    Only an open offer (validated, online, not expired: ``matching.is_open``) is proposed; an offer aimed at one
    candidate goes to that candidate only; and an offer is proposed once to the same candidate.
    """
    if offer.is_private and offer.target_candidate_id != candidate.pk:
        raise ValidationError(_("This offer is aimed at another candidate: it cannot be proposed to anyone else."))
    if not is_open(offer):
        raise ValidationError(_("Only a validated offer, online and not expired, can be proposed."))
    if Application.objects.filter(offer=offer, candidate=candidate).exists():
        raise ValidationError(ALREADY_PROPOSED, code=ALREADY_PROPOSED_CODE)


@transaction.atomic
def propose_offer(*, offer, candidate, user):
    """Propose an offer to a candidate: the application starts as "proposed", and their coach and city staff are told.

    The e-mail goes to the candidate's current coach and to the staff of the candidate's cohort city, once the
    application is saved. Raises ValidationError, and writes nothing, when ``check_proposal`` refuses.
    """
    # Lock the candidate: a double click must not pass the check twice (the unique constraint would then fail).
    candidate = Candidate.objects.select_for_update().select_related("cohort__city").get(pk=candidate.pk)
    check_proposal(offer=offer, candidate=candidate)
    application = Application.objects.create(offer=offer, candidate=candidate, created_by=user)
    log(instance=application, action="wagtail.create", user=user)

    coach = candidate.active_coach
    recipients = ([coach.email] if coach else []) + candidate.cohort.city.staff_email_list
    if not recipients:
        logger.warning("Application %s: no coach nor city staff to tell.", application.pk)
    context = {
        **offer_context(offer),
        "candidate_name": candidate.public_name,
        "coach_name": str(coach) if coach else "",
        "proposed_by": (user.get_full_name() or user.get_username()) if user else "",
        "application_url": _admin_url(application),
    }
    transaction.on_commit(
        lambda: send_templated_email(key=EmailKey.OFFER_PROPOSED, to=recipients, context=context)
    )
    return application
