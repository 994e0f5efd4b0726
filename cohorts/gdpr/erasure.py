"""The erasure of a candidate's personal data (GDPR art. 17), keeping the impact figures exactly as they were.

The record stays, anonymised (« Personne effacée #12 »): its cohort, status and dates, its outcome's category and dates,
its applications' statuses and history, its follow-up checks, its pairs and sessions are what the figures count. Every
name, contact detail, birth date, free text and note goes, in cohorts and wherever else it was copied (log entries,
import reports, e-mails waiting to be sent); the public site deletes the story, its revisions and its photo through the
``AFTER_CANDIDATE_ERASED`` hook, and keeps the story's counts under its cohort.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, TextField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry
from wagtail.search.index import insert_or_update_object

from cohorts.gdpr.audit import log_erasure
from cohorts.gdpr.identifiers import PersonalIdentifiers
from cohorts.hooks import AFTER_CANDIDATE_ERASED
from cohorts.hooks import run as run_hook
from cohorts.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    CoachingSession,
    ConsentRecord,
    ContactRequest,
    FollowUpCheck,
    ImportJob,
    Outcome,
    Pair,
)

# What replaces a name, an e-mail or a phone number found in free text that is kept (a reason, a report).
REDACTED = "[…]"


class AlreadyErased(Exception):
    """The candidate's data was already erased: an erasure happens once, and says who did it and when."""


def erased_email(pk):
    """A unique address that is nobody's (the .invalid domain is reserved), for the e-mail's unique constraint."""
    return f"erased-{pk}@erased.invalid"


def erasure_summary(candidate):
    """What an erasure blanks or deletes, and what it keeps, as lines for the confirmation screen (a few counts)."""
    sessions = CoachingSession.objects.filter(pair__candidate=candidate).count()
    applications = candidate.applications.count()
    has_story = getattr(candidate, "story_page", None) is not None
    consents, contacts = candidate.consents.count(), candidate.contact_requests.count()
    erased = [
        _("Their names, e-mail address, phone number, birth date and private notes."),
        ngettext("The text of their %(count)s consent, which is withdrawn.",
                 "The text of their %(count)s consents, which are withdrawn.", consents) % {"count": consents},
        ngettext("The notes of their %(count)s coaching session.",
                 "The notes of their %(count)s coaching sessions.", sessions) % {"count": sessions},
        ngettext("The notes of their %(count)s application and of its status history.",
                 "The notes of their %(count)s applications and of their status history.", applications)
        % {"count": applications},
        _("The notes of their outcome and its follow-up checks, and the employer's name typed by hand."),
        ngettext("The %(count)s contact request about them, with its sender's name and contact details.",
                 "The %(count)s contact requests about them, with their senders' names and contact details.",
                 contacts) % {"count": contacts},
        _("Their rows in the import reports, their name in the history of changes, e-mails waiting to be sent to "
          "them."),
    ]
    if has_story:
        erased.append(_("Their story page, every version of it, and their photo (deleted)."))
    kept = [
        _("An anonymised record, « %(label)s », with its cohort, status and dates.")
        % {"label": candidate.erased_label},
        _("The category and dates of their outcome, their follow-up checks, their applications' statuses and their "
          "pairs' and sessions' dates and durations: what the impact figures count."),
        _("The views, shares and QR scans of their story, counted under their cohort."),
    ]
    return {"erased": erased, "kept": kept}


@transaction.atomic
def erase_candidate(*, candidate, user, reason):
    """Erase a candidate's personal data, for good, in one transaction; log who did it, when and why.

    Raises ``AlreadyErased`` for a record erased before, ``ValidationError`` without a reason. The reason is kept
    in the log entry with any name, e-mail or phone of the candidate taken out. Returns the anonymised candidate.
    """
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.is_erased:
        raise AlreadyErased(_("The personal data of this candidate was already erased."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the data is erased (e.g. « request by letter of 3 March »).")})
    identifiers = PersonalIdentifiers.of(candidate)
    reason = identifiers.scrub(reason, REDACTED, loose=True)
    now = timezone.now()

    _blank_related_records(candidate, now)
    candidate.first_name = candidate.last_name = candidate.phone = candidate.notes = ""
    candidate.email = erased_email(candidate.pk)
    candidate.birth_date = None
    candidate.erased_at, candidate.erased_by = now, user
    candidate.save()
    # At once, not by the background task a save enqueues: the search index holds the names too.
    insert_or_update_object(candidate)

    run_hook(AFTER_CANDIDATE_ERASED, candidate=candidate, user=user)
    label = str(candidate)
    _strip_import_reports(identifiers, label)
    _forget_queued_tasks(identifiers)
    _relabel_history(candidate, identifiers, label)
    log_erasure(candidate=candidate, user=user, reason=reason)
    return candidate


def _blank_related_records(candidate, now):
    """Blank the free texts of the candidate's records; keep what the figures count (statuses, dates, categories)."""
    ConsentRecord.objects.filter(candidate=candidate).update(text_version="")
    ConsentRecord.objects.current().filter(candidate=candidate).update(withdrawn_at=now)
    ContactRequest.objects.filter(candidate=candidate).update(name="", company="", email="", phone="", message="")
    CoachingSession.objects.filter(pair__candidate=candidate).update(note="")
    # update() leaves Application.updated_at alone, and never goes through the status guard of save().
    Application.objects.filter(candidate=candidate).update(notes="")
    ApplicationStatusChange.objects.filter(application__candidate=candidate).update(note="")
    Outcome.objects.filter(candidate=candidate).update(notes="", employer_name="")
    FollowUpCheck.objects.filter(outcome__candidate=candidate).update(note="")


def _strip_import_reports(identifiers, label):
    """The rows about the candidate in every import report lose their values; any other mention is replaced."""
    for job in ImportJob.objects.only("pk", "report").iterator(chunk_size=200):
        if not isinstance(job.report, dict) or not job.report:
            continue
        report = json.loads(json.dumps(job.report))
        for row in report.get("rows", []):
            if identifiers.is_full_name(row.get("label", "")) or identifiers.mentioned_in(
                json.dumps(row, ensure_ascii=False)
            ):
                row["label"], row["changes"] = label, []
                row["errors"] = [{**error, "value": "", "message": ""} for error in row.get("errors", [])]
        report = identifiers.scrub_json(report, REDACTED)
        if report != job.report:
            ImportJob.objects.filter(pk=job.pk).update(report=report)


def _forget_queued_tasks(identifiers):
    """Background tasks about the candidate (an e-mail to them, waiting or done) are deleted, unless running."""
    doomed = [
        task.pk
        for task in DBTaskResult.objects.exclude(status=TaskResultStatus.RUNNING).only("pk", "args_kwargs", "traceback")
        .iterator(chunk_size=500)
        if identifiers.mentioned_in(json.dumps(task.args_kwargs, ensure_ascii=False, default=str))
        or identifiers.mentioned_in(task.traceback)
    ]
    if doomed:
        DBTaskResult.objects.filter(pk__in=doomed).delete()


def _relabel_history(candidate, identifiers, label):
    """The log entries of the candidate's records take the records' new, anonymised text; other mentions go."""
    records = [
        [candidate],
        ConsentRecord.objects.filter(candidate=candidate).select_related("candidate"),
        Pair.objects.filter(candidate=candidate).select_related("coach", "candidate"),
        CoachingSession.objects.filter(pair__candidate=candidate).select_related("pair__coach", "pair__candidate"),
        Application.objects.filter(candidate=candidate).select_related("candidate", "offer"),
        Outcome.objects.filter(candidate=candidate).select_related("candidate"),
        FollowUpCheck.objects.filter(outcome__candidate=candidate).select_related("outcome__candidate"),
        ContactRequest.objects.filter(candidate=candidate).select_related("candidate"),
    ]
    for objects in records:
        objects = list(objects)
        if not objects:
            continue
        content_type = ContentType.objects.get_for_model(objects[0])
        entries = ModelLogEntry.objects.filter(content_type=content_type,
                                               object_id__in=[str(obj.pk) for obj in objects])
        entries.update(label=Case(*[When(object_id=str(obj.pk), then=Value(str(obj))) for obj in objects],
                                  default="label", output_field=TextField()))
        for entry in entries.exclude(data={}).only("pk", "data"):
            scrubbed = identifiers.scrub_json(entry.data, REDACTED)
            if scrubbed != entry.data:
                ModelLogEntry.objects.filter(pk=entry.pk).update(data=scrubbed)
    # Entries of other records that named them (a pair deleted since, an offer's title...).
    for entry in ModelLogEntry.objects.filter(identifiers.lookup("label")).only("pk", "label"):
        if identifiers.mentioned_in(entry.label):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=identifiers.scrub(entry.label, label))
