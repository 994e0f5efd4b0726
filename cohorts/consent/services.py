"""Recording and withdrawing a candidate's consents: the one way staff, imports and the demo write them."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from cohorts.hooks import AFTER_CONSENT_WITHDRAWN
from cohorts.hooks import run as run_hook
from cohorts.models import Candidate, ConsentRecord

CONSENT_WITHDRAW_ACTION = "cohorts.consent.withdraw"


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

    Withdrawing the consent to publication takes the story off the site at once and stops its review; either
    withdrawal has the site delete the photo's public renditions (the pages show a photo only while the consent
    to it is current, ``CandidatePage.public_photo``). Withdrawing twice changes nothing.
    """
    consent = ConsentRecord.objects.select_for_update().get(pk=consent.pk)
    if not consent.is_current:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    log(instance=consent, action=CONSENT_WITHDRAW_ACTION, user=user)
    run_hook(AFTER_CONSENT_WITHDRAWN, candidate=consent.candidate, user=user, purpose=consent.purpose)
    return consent
