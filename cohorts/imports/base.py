"""What the cohort and offer imports share: django-import-export Resources that check every row, then write in bulk.

Rows are read and validated one by one by the Resource (widgets, model validation, the programme's rules), but
nothing is saved row by row: instances are collected and written in a few bulk statements in ``after_import``,
once every row is known to be good. A single bad row means nothing is written; a dry run (the preview) does the
same writes inside a transaction that is rolled back, so the preview and the real import always agree.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import resources
from import_export.results import RowResult
from wagtail.search.backends import get_search_backends

from cohorts.imports.report import Report, RowReport

PROGRESS_EVERY = 200


def format_value(value):
    if value in (None, ""):
        return "—"
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return str(value)


#: Objects indexed per statement: the PostgreSQL backend writes all it is given in one INSERT, whose SQL and
#: parameters for 10,000 rows weigh hundreds of megabytes; each batch also costs two queries over the whole index.
INDEX_BATCH = 1000


def index_in_bulk(model, objects):
    """Add bulk-created objects to the admin search index, which bulk writes bypass, a batch at a time."""
    if not objects:
        return
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(objects), INDEX_BATCH):
        for backend in backends:
            backend.add_bulk(model, objects[start:start + INDEX_BATCH])


class SpreadsheetResource(resources.ModelResource):
    #: Model fields compared to tell an updated row from an unchanged one.
    tracked_fields = ()
    #: Model fields validated by the widgets rather than by ``full_clean`` (foreign keys found in memory).
    exclude_from_clean = ()

    class Meta:
        use_bulk = True  # no savepoint per row; instances are written by after_import, not by import-export
        skip_diff = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, *, table, user=None, progress=None):
        super().__init__()
        self.table = table
        self.user = user
        self.progress = progress or (lambda **kwargs: None)
        self.to_create = []
        self.to_update = []
        self.created_related = {}  # label -> names of the records the import creates besides its rows
        self._changes = []

    # Reading rows -----------------------------------------------------------------------------------------

    def line_of(self, row_number):
        return self.table.rows[row_number - 1][0]

    def get_instance(self, instance_loader, row):
        instance = self.find_existing(row)
        if instance is not None:
            instance._import_original = {name: getattr(instance, name) for name in self.tracked_fields}
        return instance

    def find_existing(self, row):
        raise NotImplementedError

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # An empty optional cell never erases what staff already entered for an existing record.
        if instance.pk and row.get(field.column_name) in ("", None) and field.attribute not in self.required_attributes:
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    @cached_property
    def required_attributes(self):
        return {field.attribute for field in self.fields.values() if getattr(field.widget, "required", False)}

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.import_extra(instance, row, errors, line=self.line_of(kwargs["row_number"]))
        if errors:
            raise ValidationError(errors)

    def import_extra(self, instance, row, errors, line):
        """Read the columns that are not fields of the model; add messages to ``errors`` by column."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            # Uniqueness is checked across the file and the database by the resource, in memory.
            instance.full_clean(
                exclude={*errors, *self.exclude_from_clean}, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return False

    def save_instance(self, instance, is_create, row, **kwargs):
        if is_create:
            self.to_create.append(instance)
            self._changes = []
        else:
            self._changes = self.describe_changes(instance)
            if self._changes:
                self.to_update.append(instance)

    def describe_changes(self, instance):
        changes = []
        for name in self.tracked_fields:
            before, after = instance._import_original[name], getattr(instance, name)
            if before != after:
                label = capfirst(str(instance._meta.get_field(name).verbose_name))
                changes.append(_("%(field)s: %(before)s → %(after)s")
                               % {"field": label, "before": format_value(before), "after": format_value(after)})
        return changes

    def after_import_row(self, row, row_result, **kwargs):
        row_result.changes = self._changes
        if row_result.import_type == RowResult.IMPORT_TYPE_UPDATE and not self._changes:
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP
        number = kwargs["row_number"]
        if number % PROGRESS_EVERY == 0:
            self.progress(phase="rows", done=number, total=len(self.table.rows))

    # Writing ----------------------------------------------------------------------------------------------

    def after_import(self, dataset, result, **kwargs):
        if result.has_errors() or result.has_validation_errors():
            return
        self.progress(phase="writing", done=len(self.table.rows), total=len(self.table.rows))
        # A dry run is rolled back: filling the search index would be work thrown away.
        self.dry_run = kwargs.get("dry_run", False)
        self.write()

    def write(self):
        raise NotImplementedError

    def bulk_update_changed(self, model, instances):
        """Write the tracked fields of updated records, and their modification date, which bulk_update skips."""
        if not instances:
            return
        fields = list(self.tracked_fields)
        if any(field.name == "updated_at" for field in model._meta.fields):
            now = timezone.now()
            for instance in instances:
                instance.updated_at = now
            fields.append("updated_at")
        model.objects.bulk_update(instances, fields, batch_size=500)

    # Reporting --------------------------------------------------------------------------------------------

    def row_label(self, row):
        return ""

    def build_report(self, result, *, kind, dry_run):
        attribute_to_column = {field.attribute: field.column_name for field in self.fields.values()}
        report = Report(
            kind=kind, dry_run=dry_run, total=len(self.table.rows), unknown_columns=list(self.table.unknown),
        )
        statuses = {
            RowResult.IMPORT_TYPE_NEW: RowReport.NEW,
            RowResult.IMPORT_TYPE_UPDATE: RowReport.UPDATED,
            RowResult.IMPORT_TYPE_SKIP: RowReport.UNCHANGED,
        }
        for row_result, (line, values) in zip(result.rows, self.table.rows, strict=True):
            row = RowReport(line=line, status=statuses.get(row_result.import_type, RowReport.ERROR),
                            label=self.row_label(values), changes=getattr(row_result, "changes", []))
            if row_result.validation_error is not None:
                for key, messages in row_result.validation_error.message_dict.items():
                    column = self.table.column(attribute_to_column.get(key, key))
                    for message in messages:
                        row.add_error(column, message, values.get(column.key, "") if column else "")
            for error in row_result.errors:
                row.add_error(None, _("unexpected error: %(error)s") % {"error": error.error}, "")
            report.rows.append(row)
        for error in result.base_errors:
            report.file_errors.append(
                _("The import stopped on an unexpected error: %(error)s") % {"error": error.error}
            )
        report.created = [[label, sorted(names)] for label, names in self.created_related.items() if names]
        return report


def add_error(errors, column, message):
    errors.setdefault(column, []).append(ValidationError(message))

