"""Pairs that have gone quiet: the staff's report lists them, and their coach gets a friendly reminder.

A pair is inactive when it is active (no end date), has no session since ``inactivity_cutoff()`` (14 days) and
started before that day: a pair that has just started is given its first two weeks. ``send_inactivity_reminders``
is safe to run every day (``manage.py remind_inactive_coaches``): a coach is reminded at most once every
``REMINDER_INTERVAL_DAYS`` days, recorded on the pair (``Pair.inactivity_reminded_at``) as the e-mail is queued.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Pair
from cohorts.models.coaching import REMINDER_INTERVAL_DAYS, CoachingSession, inactivity_cutoff
from snippets.mail import send_templated_email
from snippets.models.emails import EmailKey

logger = logging.getLogger(__name__)

SESSION_ADD_URL = "wagtailsnippets_cohorts_coachingsession:add"


def inactive_pairs(*, today=None):
    """Active pairs with no session since the cutoff, that started before it. No GROUP BY: rows can be locked."""
    cutoff = inactivity_cutoff(today)
    recent_session = CoachingSession.objects.filter(pair=OuterRef("pk"), date__gte=cutoff)
    return Pair.objects.active().filter(start_date__lt=cutoff).exclude(Exists(recent_session))


def with_last_session(pairs):
    """Annotate ``last_session_date`` (None when the pair never met) and ``last_activity`` (that, or the start)."""
    return pairs.annotate(last_session_date=Max("sessions__date")).annotate(
        last_activity=Coalesce("last_session_date", "start_date")
    )


def days_since_last_session(pair, *, today=None):
    """Days since the pair's last session, or since it started when it never met (needs ``with_last_session``)."""
    return ((today or timezone.localdate()) - pair.last_activity).days


def due_reminders(*, today=None, now=None):
    """Inactive pairs whose coach (still active) was not reminded in the last ``REMINDER_INTERVAL_DAYS`` days."""
    now = now or timezone.now()
    not_recently = Q(inactivity_reminded_at__isnull=True) | Q(
        inactivity_reminded_at__lte=now - datetime.timedelta(days=REMINDER_INTERVAL_DAYS)
    )
    return inactive_pairs(today=today).filter(not_recently, coach__active=True)


def log_session_url(pair):
    """The absolute admin link that opens the session form with this pair chosen."""
    path = reverse(SESSION_ADD_URL) + f"?pair={pair.pk}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_inactivity_reminders(*, today=None):
    """E-mail the coach of each inactive pair, at most once per interval; return how many were reminded.

    The pairs are marked in the same transaction that queues the e-mails, rows locked and locked rows skipped:
    two runs at once never remind twice.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        due = due_reminders(today=today).select_for_update(skip_locked=True, of=("self",))
        pairs = list(
            with_last_session(Pair.objects.filter(pk__in=list(due.values_list("pk", flat=True))))
            .select_related("coach", "candidate__cohort__city")
            .order_by("pk")
        )
        if not pairs:
            return 0
        Pair.objects.filter(pk__in=[pair.pk for pair in pairs]).update(inactivity_reminded_at=timezone.now())
        for pair in pairs:
            transaction.on_commit(_reminder(pair, _context(pair, today)))
    logger.info("Sent %d coach inactivity reminder(s).", len(pairs))
    return len(pairs)


def _context(pair, today):
    return {
        "coach_first_name": pair.coach.first_name,
        "candidate_first_name": pair.candidate.first_name,
        "last_session_date": pair.last_session_date.strftime("%d/%m/%Y") if pair.last_session_date else "",
        "days": days_since_last_session(pair, today=today),
        "log_session_url": log_session_url(pair),
    }


def _reminder(pair, context):
    # The coach's answer ("we met, I forgot to log it", "we need help") goes to the staff of the candidate's city.
    return lambda: send_templated_email(
        key=EmailKey.COACH_INACTIVITY_REMINDER, to=[pair.coach.email], context=context,
        reply_to=pair.candidate.cohort.city.staff_email_list,
    )
