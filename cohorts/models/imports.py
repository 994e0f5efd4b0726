"""The history of spreadsheet imports, and the private storage of their uploaded files."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ImportKind, ImportStatus


def import_storage():
    """The private storage of uploaded spreadsheets, looked up at run time so that tests can point it elsewhere."""
    return storages["imports"]


def import_upload_path(instance, filename):
    """Store uploads under a random name: the admin's file name (often a cohort's name) is kept in the row only."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class ImportJob(models.Model):
    """One spreadsheet import, from upload to result: the history admins see, and the state the worker updates.

    The file is kept only while the import is pending; ``report`` holds the checked rows (status, changes and
    errors per line) of the latest check or import, so the preview survives the file. ``runs`` counts the runs of
    the check or import started on this job and ``heartbeat_at`` is when the latest one started: with the heartbeat
    file its worker touches (cohorts/imports/lease.py), it tells a live run from an interrupted one.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING)
    file = models.FileField(_("file"), storage=import_storage, upload_to=import_upload_path, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveIntegerField(_("file size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    new_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    runs = models.PositiveIntegerField(_("runs"), default=0)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    # Set when the retention period ends (cohorts/gdpr/retention.py): the report then keeps counts and errors only.
    report_redacted_at = models.DateTimeField(_("report emptied of values on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [
            ("import_cohort", _("Can import cohorts from a spreadsheet")),
            ("import_offers", _("Can import partner offers from a spreadsheet")),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.file_name}"

    @property
    def is_running(self):
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)
