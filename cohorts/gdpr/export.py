"""The export of everything held about a candidate or a coach (GDPR art. 15 and 20), as one ZIP file.

The ZIP holds a summary to read (``summary.html``, in the language of the user who exports), the same data for
machines (``data.json``, and one CSV file per kind of record under ``csv/``), and the files held (the story's photo).
Each export is logged in the person's history. A fixed number of queries, whatever the number of records.
"""

import csv
import datetime
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from cohorts.gdpr.audit import log_export
from cohorts.gdpr.sections import DataPart, model_section
from cohorts.hooks import CANDIDATE_DATA
from cohorts.hooks import run as run_hook
from cohorts.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Coach,
    CoachingSession,
    ConsentRecord,
    ContactRequest,
    FollowUpCheck,
    Outcome,
    Pair,
)
from snippets.spreadsheets import neutralise_formula

SUMMARY_TEMPLATE = "cohorts/gdpr/summary.html"


def candidate_file_name(candidate):
    return f"donnees-candidat-{candidate.pk}-{timezone.localdate():%Y-%m-%d}.zip"


def coach_file_name(coach):
    return f"donnees-coach-{coach.pk}-{timezone.localdate():%Y-%m-%d}.zip"


@transaction.atomic
def export_candidate(*, candidate, user):
    """The ZIP (bytes) of everything held about ``candidate``: record, consents, pairs, sessions, applications and
    their history, contact requests, outcome and checks, and what the public site holds (story, versions, photo)."""
    candidate = Candidate.objects.select_related("cohort__city", "referring_organisation", "erased_by").get(
        pk=candidate.pk)
    with translation.override(_language_of(user)):
        part = candidate_part(candidate)
        for extra in run_hook(CANDIDATE_DATA, candidate=candidate):
            part.sections += extra.sections
            part.files.update(extra.files)
        content = _zip(part, title=_("Data held about %(name)s") % {"name": candidate})
    log_export(obj=candidate, user=user, files=_file_count(part))
    return content


@transaction.atomic
def export_coach(*, coach, user):
    """The ZIP (bytes) of everything held about ``coach``: their record, their pairs, the sessions they logged."""
    coach = Coach.objects.select_related("employer", "user").get(pk=coach.pk)
    with translation.override(_language_of(user)):
        part = coach_part(coach)
        content = _zip(part, title=_("Data held about %(name)s") % {"name": coach})
    log_export(obj=coach, user=user, files=_file_count(part))
    return content


def candidate_part(candidate):
    """cohorts' own records about a candidate, one section per kind."""
    sessions = (CoachingSession.objects.filter(pair__candidate=candidate).select_related("pair__coach")
                .order_by("date", "pk"))
    applications = (Application.objects.filter(candidate=candidate)
                    .select_related("offer__company", "hired_contract_type").order_by("created_at", "pk"))
    changes = (ApplicationStatusChange.objects.filter(application__candidate=candidate)
               .select_related("application__offer").order_by("changed_at", "pk"))
    outcome = Outcome.objects.filter(candidate=candidate).select_related("employer", "contract_type")
    checks = FollowUpCheck.objects.filter(outcome__candidate=candidate).order_by("due_on", "pk")
    return DataPart(sections=[
        model_section("record", _("Personal record"), Candidate, [candidate], [
            "id", "first_name", "last_name", "email", "phone", "birth_date", "cohort", "city",
            "referring_organisation", "status", "notes", "created_at", "updated_at", "erased_at",
        ], values={"city": lambda c: c.cohort.city}, labels={"city": _("City")}),
        model_section("consents", _("Consents"), ConsentRecord,
                      ConsentRecord.objects.filter(candidate=candidate).order_by("given_at", "pk"),
                      ["purpose", "given_at", "text_version", "channel", "withdrawn_at"]),
        model_section("pairs", _("Pairs with a coach"), Pair,
                      Pair.objects.filter(candidate=candidate).select_related("coach").order_by("start_date", "pk"),
                      ["coach", "start_date", "end_date"]),
        model_section("sessions", _("Coaching sessions"), CoachingSession, sessions,
                      ["date", "duration_minutes", "kind", "note", "coach", "created_at"],
                      values={"coach": lambda s: s.pair.coach}, labels={"coach": _("Coach")}),
        model_section("applications", _("Applications"), Application, applications,
                      ["id", "offer", "company", "status", "hired_contract_type", "hired_start_date", "notes",
                       "created_at", "updated_at"],
                      values={"offer": lambda a: a.offer.title, "company": lambda a: a.offer.company},
                      labels={"company": _("Company")}),
        model_section("status_history", _("Status history of the applications"), ApplicationStatusChange,
                      changes, ["application", "offer", "from_status", "to_status", "changed_at", "note"],
                      values={"application": lambda c: c.application_id, "offer": lambda c: c.application.offer.title},
                      labels={"offer": _("Offer")}),
        model_section("contact_requests", _("Contact requests about them"), ContactRequest,
                      ContactRequest.objects.filter(candidate=candidate).order_by("created_at", "pk"),
                      ["created_at", "help_kind", "company", "message", "handled"],
                      note=_("The senders' names and contact details are theirs, not the candidate's: left out.")),
        model_section("outcome", _("Outcome"), Outcome, outcome,
                      ["exit_date", "category", "employer", "employer_name", "contract_type", "start_date",
                       "trial_end_date", "notes", "created_at"]),
        model_section("checks", _("Follow-up checks"), FollowUpCheck, checks,
                      ["kind", "due_on", "still_employed", "checked_on", "note"]),
    ])


def coach_part(coach):
    """cohorts' records about a coach: their record, their pairs, the sessions of their pairs or logged by them."""
    theirs = Q(pair__coach=coach) | Q(logged_by_id=coach.user_id) if coach.user_id else Q(pair__coach=coach)
    sessions = CoachingSession.objects.filter(theirs).select_related("pair__candidate").order_by("date", "pk")
    return DataPart(sections=[
        model_section("record", _("Personal record"), Coach, [coach],
                      ["id", "first_name", "last_name", "email", "phone", "employer", "user", "active"],
                      values={"user": lambda c: c.user.get_username() if c.user else None}),
        model_section("pairs", _("Pairs"), Pair,
                      Pair.objects.filter(coach=coach).select_related("candidate").order_by("start_date", "pk"),
                      ["candidate", "start_date", "end_date"],
                      values={"candidate": lambda p: p.candidate.public_name}),
        model_section("sessions", _("Coaching sessions"), CoachingSession, sessions,
                      ["date", "duration_minutes", "kind", "note", "candidate", "created_at"],
                      values={"candidate": lambda s: s.pair.candidate.public_name},
                      labels={"candidate": _("Candidate")}),
    ])


def _language_of(user):
    return UserProfile.get_for_user(user).get_preferred_language()


def _file_count(part):
    return 2 + len(part.sections) + len(part.files)


def _csv(section):
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow([column.name for column in section.columns])
    for row in section.rows:
        writer.writerow([neutralise_formula(_csv_value(row[column.name])) for column in section.columns])
    return "\ufeff" + output.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return value


def _readable(section):
    """A section as the summary shows it: labels, and values in words (dates, yes and no, choices)."""
    return {
        "key": section.key, "title": section.title, "note": section.note,
        "columns": [column.label for column in section.columns],
        "rows": [[_display(column.display(row[column.name])) for column in section.columns] for row in section.rows],
    }


def _display(value):
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return "; ".join(_display(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_display(item)}" for key, item in value.items())
    return str(value)


def _zip(part, *, title):
    data = {
        "exported_at": timezone.now(),
        **{section.key: section.rows for section in part.sections},
        "files": sorted(part.files),
    }
    summary = render_to_string(SUMMARY_TEMPLATE, {
        "title": title, "sections": [_readable(section) for section in part.sections], "files": sorted(part.files),
        "exported_at": data["exported_at"], "language_code": translation.get_language(),
    })
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.html", summary)
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for section in part.sections:
            archive.writestr(f"csv/{section.key}.csv", _csv(section))
        for path, content in sorted(part.files.items()):
            archive.writestr(path, content)
    return output.getvalue()
