"""Proposing an offer to a candidate: the start of an application, and the e-mail to the coach and staff."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.applications.matching import is_open
from cohorts.models import Application, Candidate
from cohorts.models.applications import ALREADY_PROPOSED, ALREADY_PROPOSED_CODE
from snippets.mail import admin_url, send_templated_email
from snippets.models.emails import EmailKey
from snippets.offer_emails import offer_context

logger = logging.getLogger(__name__)


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
        "application_url": admin_url(application),
    }
    transaction.on_commit(
        lambda: send_templated_email(key=EmailKey.OFFER_PROPOSED, to=recipients, context=context)
    )
    return application
