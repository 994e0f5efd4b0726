"""The daily purge: personal data is kept no longer than the periods of cohorts.models.RetentionSettings say.

Each kind has one rule, applied by ``apply_retention`` (the ``apply_retention`` command, every day):

- contact requests are deleted ``contact_request_months`` after they were received;
- import reports are emptied of every value of the file ``import_report_days`` after the upload: their counts
  and their errors (line, column, reason) stay;
- coaching notes are erased ``coaching_note_months`` after the pair ended: the sessions stay, for the figures;
- counter traces, what visitors' sessions remember so as to count a story once a day, are forgotten after
  ``counter_trace_days``: the public site keeps them, so it does this through the APPLY_RETENTION hook;
- candidates who left are erased ``left_candidate_months`` after their exit, by the same service as the admin's
  erasure (cohorts.gdpr.erasure): their rows stay, anonymous, so the impact figures do not change.

An item dated D with a period of N is past its time from the day D + N on, not a day before (``cutoffs``). What
was purged no longer matches, so a second run changes nothing; a dry run counts, and writes nothing.
"""

import datetime
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cohorts.enums import ImportStatus
from cohorts.gdpr.erasure import erase_candidate
from cohorts.hooks import APPLY_RETENTION
from cohorts.hooks import run as run_hook
from cohorts.models import Candidate, CoachingSession, ContactRequest, ImportJob, RetentionSettings
from cohorts.models.outcomes import add_months

logger = logging.getLogger(__name__)

# The Wagtail log entry of a run that purged something, on the retention settings (Rapports → Historique du site).
PURGE_ACTION = "cohorts.retention.purge"
# The rows of a report are updated in batches of this many.
BATCH_SIZE = 200


@dataclass(frozen=True)
class Kind:
    name: str
    done: str
    to_do: str


# Every kind the purge reports on, in the order it reports them.
KINDS = (
    Kind("contact_requests", _("Contact requests deleted"), _("Contact requests to delete")),
    Kind("import_reports", _("Import reports emptied of their values"), _("Import reports to empty of their values")),
    Kind("coaching_notes", _("Coaching notes erased"), _("Coaching notes to erase")),
    Kind("counter_traces", _("Visitor sessions cleared of counter traces"),
         _("Visitor sessions to clear of counter traces")),
    Kind("left_candidates", _("Candidates who left, anonymised"), _("Candidates who left, to anonymise")),
)


@dataclass(frozen=True)
class Cutoffs:
    """Per kind, the last day whose items are past their time: an item of that day or before is purged."""

    contact_requests: datetime.date
    import_reports: datetime.date
    coaching_notes: datetime.date
    counter_traces: datetime.date
    left_candidates: datetime.date


def months_before(today, months):
    """The last day D such that D + ``months`` (cohorts.models.outcomes.add_months) is on or before ``today``.

    On the last day of a month, that is the last day of the month ``months`` earlier: on 28 February, an item of
    31 January is one month old.
    """
    day = add_months(today, -months)
    if (today + datetime.timedelta(days=1)).month != today.month:
        next_month = add_months(day.replace(day=1), 1)
        day = next_month - datetime.timedelta(days=1)
    return day


def cutoffs(retention, today):
    """The cutoffs that the retention periods give on ``today``."""
    return Cutoffs(
        contact_requests=months_before(today, retention.contact_request_months),
        import_reports=today - datetime.timedelta(days=retention.import_report_days),
        coaching_notes=months_before(today, retention.coaching_note_months),
        counter_traces=today - datetime.timedelta(days=retention.counter_trace_days),
        left_candidates=months_before(today, retention.left_candidate_months),
    )


def _end_of(day):
    """The first instant after ``day``, in the site's time zone: a moment of ``day`` or before is earlier."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def contact_requests_due(last_day):
    return ContactRequest.objects.filter(created_at__lt=_end_of(last_day))


def import_reports_due(last_day):
    """Reports of imports uploaded on ``last_day`` or before, not yet emptied; a running import is left alone."""
    return ImportJob.objects.filter(created_at__lt=_end_of(last_day), report_redacted_at__isnull=True).exclude(
        status__in=(ImportStatus.CHECKING, ImportStatus.IMPORTING)
    )


def coaching_notes_due(last_day):
    return CoachingSession.objects.filter(pair__end_date__lte=last_day).exclude(note="")


def left_candidates_due(last_day):
    return Candidate.objects.filter(outcome__exit_date__lte=last_day, erased_at__isnull=True)


# Purging ---------------------------------------------------------------------------------------------------


def _pk_text(queryset):
    """The primary keys of ``queryset`` as text, as log entries and the search index name their object."""
    return queryset.annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def _relabel_log_entries(queryset, label):
    """Wagtail's history names each object by its label at the time: replace it on the entries of ``queryset``."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=_pk_text(queryset)).update(label=label)


def delete_contact_requests(queryset):
    """Delete these contact requests, and the sender's name from their history; returns how many.

    Wagtail's reference index would forget each deleted row in two queries of its own: its rows for all of them
    are deleted in two queries instead.
    """
    queryset = ContactRequest.objects.filter(pk__in=queryset.values("pk"))
    _relabel_log_entries(queryset, gettext("Deleted contact request"))
    content_type = ContentType.objects.get_for_model(ContactRequest)
    ReferenceIndex.objects.filter(base_content_type=content_type, object_id__in=_pk_text(queryset)).delete()
    ReferenceIndex.objects.filter(to_content_type=content_type, to_object_id__in=_pk_text(queryset)).delete()
    with disable_reference_index_auto_update():
        _total, deleted = queryset.delete()
    return deleted.get(ContactRequest._meta.label, 0)


def redact_report(report):
    """An import report without any value of its file: each row's line and status, each error's column and reason.

    A reason that quotes the bad value (« 31/02/1990 » is not a date) has the value replaced by « … ». The
    names of what the import created go too; the job's own columns keep the counts.
    """
    rows = []
    for row in report.get("rows", []):
        errors = []
        for error in row.get("errors", []):
            value, message = str(error.get("value", "")), str(error.get("message", ""))
            errors.append({
                "column": error.get("column", ""), "letter": error.get("letter", ""), "value": "",
                "message": message.replace(value, "…") if value.strip() else message,
            })
        rows.append({"line": row.get("line"), "status": row.get("status"), "label": "", "changes": [],
                     "errors": errors})
    return {**report, "rows": rows, "created": []} if report else report


def redact_import_reports(queryset):
    """Empty these reports of their values, in a few batched queries; returns how many."""
    now = timezone.now()
    jobs = list(queryset.only("pk", "report"))
    for job in jobs:
        job.report = redact_report(job.report or {})
        job.report_redacted_at = now
    ImportJob.objects.bulk_update(jobs, ["report", "report_redacted_at"], batch_size=BATCH_SIZE)
    return len(jobs)


def erase_coaching_notes(queryset):
    """Erase the private notes of these sessions, one query; the sessions stay. Returns how many."""
    return CoachingSession.objects.filter(pk__in=queryset.values("pk")).update(note="")


def erase_left_candidates(queryset):
    """Erase each of these candidates through the erasure service, as the admin action does; returns how many.

    Everything personal goes (story page, photo, consents' texts, notes, contact requests, import rows) and the row
    stays, anonymous, for the figures. One erasure per person: a few a day, each with its log entry.
    """
    candidates = list(queryset.order_by("pk"))
    for candidate in candidates:
        erase_candidate(candidate=candidate, user=None, reason=gettext("Retention period after the exit ended"))
    return len(candidates)


def _record(retention, counts, *, dry_run):
    """A log line for every run; a Wagtail log entry, on the settings, for a run that purged something."""
    summary = ", ".join(f"{kind}={count}" for kind, count in counts.items())
    logger.info("Retention %s: %s", "dry run" if dry_run else "applied", summary)
    purged = {kind: count for kind, count in counts.items() if count}
    if dry_run or not purged:
        return
    if retention.pk is None:
        retention.save()
    log(instance=retention, action=PURGE_ACTION, data={"counts": purged})


def apply_retention(*, today=None, dry_run=False):
    """Purge every kind that is past its retention period, in one transaction; returns {kind: count}.

    With ``dry_run``, counts what a run would purge and writes nothing, not even the settings' row.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        retention = RetentionSettings.current()
        limits = cutoffs(retention, today)
        due = {
            "contact_requests": (contact_requests_due(limits.contact_requests), delete_contact_requests),
            "import_reports": (import_reports_due(limits.import_reports), redact_import_reports),
            "coaching_notes": (coaching_notes_due(limits.coaching_notes), erase_coaching_notes),
            "left_candidates": (left_candidates_due(limits.left_candidates), erase_left_candidates),
        }
        counts = dict.fromkeys((kind.name for kind in KINDS), 0)
        for kind, (queryset, purge) in due.items():
            counts[kind] = queryset.count() if dry_run else purge(queryset)
        for result in run_hook(APPLY_RETENTION, cutoffs=limits, dry_run=dry_run):
            for kind, count in result.items():
                counts[kind] += count
        _record(retention, counts, dry_run=dry_run)
    return counts
