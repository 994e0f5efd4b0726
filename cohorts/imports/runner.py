"""Run an import, or its dry run, from a file's bytes to a Report: the one path the admin, the worker and the
command line all take."""

import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts.imports.kinds import KINDS
from cohorts.imports.reading import SpreadsheetError, read_table
from cohorts.imports.report import Report


def read(kind, data, file_name):
    """The file as a Table, or a Report saying why it cannot be imported."""
    spec = KINDS[kind]
    try:
        table = read_table(data, file_name, spec.columns)
    except SpreadsheetError as error:
        return None, Report.failed(kind, error)
    missing = [key for key in spec.required if key not in table.keys]
    if missing:
        message = ngettext(
            "The column %(columns)s is missing (headers read: %(headers)s).",
            "The columns %(columns)s are missing (headers read: %(headers)s).",
            len(missing),
        ) % {"columns": ", ".join(missing), "headers": ", ".join(str(h) for h in table.raw_headers if h != "")}
        return None, Report.failed(kind, message)
    if not table.rows:
        return None, Report.failed(kind, _("The file has headers but no rows to import."))
    return table, None


def run_import(kind, data, file_name, *, dry_run, user=None, progress=None, still_ours=None):
    """Check (``dry_run``) or import a file; all or nothing. Returns a Report.

    ``still_ours``, when given, is asked last, inside the import's transaction: if it answers False (the run was
    given up for dead meanwhile), everything is rolled back, so that a job said to have written nothing did not.
    """
    table, failure = read(kind, data, file_name)
    if failure is not None:
        failure.dry_run = dry_run
        return failure
    resource = KINDS[kind].resource_class(table=table, user=user, progress=progress)
    dataset = tablib.Dataset(*[[values[key] for key in table.keys] for _line, values in table.rows],
                             headers=table.keys)
    with transaction.atomic():
        # import_data rolls back its own transaction on a dry run or when any row fails.
        result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True,
                                      rollback_on_validation_errors=True)
        written = not dry_run and not (result.has_errors() or result.has_validation_errors())
        if written and still_ours is not None and not still_ours():
            transaction.set_rollback(True)
            return Report.failed(kind, _("The import was given up while it ran: nothing was written."),
                                 dry_run=False)
    report = resource.build_report(result, kind=kind, dry_run=dry_run)
    return report
