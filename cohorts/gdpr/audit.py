"""Who opened, exported or erased a candidate's private record: Wagtail log entries, in each record's history.

Every erasure and export of personal data is logged by its service (erasure.py, export.py). Opening a candidate's
record (its inspect or edit screen) or exporting the candidate list logs "record opened" once per user, candidate and
hour, so that the history stays readable; an export of the list also logs, once, who exported how many rows.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action
from wagtail.models import ModelLogEntry

from cohorts.models import Candidate

ERASE_ACTION = "cohorts.erase"
EXPORT_DATA_ACTION = "cohorts.export_data"
VIEW_RECORD_ACTION = "cohorts.view_record"
EXPORT_LIST_ACTION = "cohorts.export_list"

# A user reading the same record again within this time is not logged again.
VIEW_LOG_INTERVAL = datetime.timedelta(hours=1)

# Where a record was opened from, as the log entry's data says it.
VIA_INSPECT, VIA_EDIT, VIA_LIST_EXPORT = "inspect", "edit", "list_export"
VIA_LABELS = {
    VIA_INSPECT: _("its page"),
    VIA_EDIT: _("its edit form"),
    VIA_LIST_EXPORT: _("an export of the candidate list"),
}


class RecordOpenedFormatter(LogFormatter):
    label = _("Open the private record")

    def format_message(self, log_entry):
        via = VIA_LABELS.get(log_entry.data.get("via"))
        if via is None:
            return _("Private record opened")
        return _("Private record opened, from %(via)s") % {"via": via}


class DataExportedFormatter(LogFormatter):
    label = _("Export personal data")

    def format_message(self, log_entry):
        files = log_entry.data.get("files", 0)
        return ngettext("All the data held about them exported (%(files)s file)",
                        "All the data held about them exported (%(files)s files)", files) % {"files": files}


class ErasedFormatter(LogFormatter):
    label = _("Erase personal data")

    def format_message(self, log_entry):
        # In the message: Wagtail shows a comment only for models with revisions.
        return _("Personal data erased. Reason: %(reason)s") % {"reason": log_entry.data.get("reason", "")}


class ListExportedFormatter(LogFormatter):
    label = _("Export the candidate list")

    def format_message(self, log_entry):
        rows = log_entry.data.get("rows", 0)
        return ngettext("Candidate list exported: %(rows)s row (%(format)s)",
                        "Candidate list exported: %(rows)s rows (%(format)s)", rows) % {
            "rows": rows, "format": log_entry.data.get("format", "")}


def register_log_actions(actions):
    """Called from cohorts/wagtail_hooks.py (``register_log_actions``)."""
    actions.register_action(VIEW_RECORD_ACTION)(RecordOpenedFormatter)
    actions.register_action(EXPORT_DATA_ACTION)(DataExportedFormatter)
    actions.register_action(ERASE_ACTION)(ErasedFormatter)
    actions.register_action(EXPORT_LIST_ACTION)(ListExportedFormatter)


def record_opened(*, user, candidates, via, now=None):
    """Log that ``user`` read these candidates' records, except those they already read within the hour.

    ``candidates`` is an iterable of Candidate (their text is the entry's label). Two queries whatever their number:
    the user's recent entries, then one insert. Returns the number of entries written.
    """
    if not user or not user.is_authenticated:
        return 0
    now = now or timezone.now()
    content_type = ContentType.objects.get_for_model(Candidate)
    recent = set(
        ModelLogEntry.objects.filter(
            action=VIEW_RECORD_ACTION, user=user, content_type=content_type, timestamp__gt=now - VIEW_LOG_INTERVAL
        ).values_list("object_id", flat=True)
    )
    entries = []
    for candidate in candidates:
        if str(candidate.pk) in recent:
            continue
        recent.add(str(candidate.pk))
        entries.append(ModelLogEntry(
            content_type=content_type, object_id=str(candidate.pk), label=str(candidate), action=VIEW_RECORD_ACTION,
            timestamp=now, user=user, data={"via": via},
        ))
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def list_exported(*, user, rows, export_format):
    """Log, once, that ``user`` exported the candidate list: how many rows, in which format.

    The entry is about the user who exported (a list is no single record): the site history report lists it.
    """
    return log_action(instance=user, action=EXPORT_LIST_ACTION, user=user, title=str(_("Candidate list")),
                      data={"rows": rows, "format": export_format})


def log_export(*, obj, user, files):
    return log_action(instance=obj, action=EXPORT_DATA_ACTION, user=user, data={"files": files})


def log_erasure(*, candidate, user, reason):
    """The erasure's entry: its label is the record's anonymised text, never the erased name."""
    return log_action(instance=candidate, action=ERASE_ACTION, user=user, title=str(candidate),
                      data={"reason": reason})
