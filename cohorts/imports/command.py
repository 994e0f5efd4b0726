"""What the import commands share: the same run as the admin's (cohorts/imports/runner.py), the same report, and a
line in the history of imports.

``manage.py import_cohort`` and ``manage.py import_offers`` are the two subclasses; ``purge_imports`` only needs
the language option (snippets/commands.py).
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ImportStatus
from cohorts.imports.lease import heartbeat
from cohorts.imports.progress import clear_progress, percent, write_progress
from cohorts.imports.reading import SpreadsheetError, check_size
from cohorts.imports.report import Report
from cohorts.imports.runner import run_import
from cohorts.imports.work import store_report
from cohorts.models import ImportJob
from snippets.commands import TranslatedCommand


def _plain(text):
    """Progress is not an error: keep it out of the red Django gives stderr on a terminal."""
    return text


class ImportCommand(TranslatedCommand):
    #: An ImportKind, set by each command.
    kind = None
    _shown_percent = None  # the last progress shown on the terminal

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("file", help="The CSV or XLSX file to import.")
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Check every row and print the report, then roll everything back: nothing is written.",
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("There is no file at %(path)s.") % {"path": file})
        job = ImportJob.objects.create(
            kind=self.kind, file_name=path.name[:255], file_size=path.stat().st_size,
            status=ImportStatus.CHECKING if dry_run else ImportStatus.IMPORTING, runs=1, heartbeat_at=timezone.now(),
        )
        try:
            with heartbeat(job.pk):  # a killed command's job is seen failed once its lease runs out
                report = self._run(job, path, dry_run=dry_run)
        except BaseException as error:
            # Even on Ctrl-C, the history must not show an import running forever.
            message = _("The import stopped on an unexpected error: %(error)s") % {
                "error": str(error) or type(error).__name__
            }
            self._finish(job, Report.failed(self.kind, message, dry_run=dry_run))
            raise
        finally:
            clear_progress(job.pk)
            self._clear_terminal_progress()
        self._finish(job, report)
        self.stdout.write(report.as_text())
        if not report.ok:
            raise CommandError(_("The file cannot be imported as it is: see the report above."))

    def _run(self, job, path, *, dry_run):
        try:
            check_size(job.file_size)  # refused before reading a byte of it, as in the admin
        except SpreadsheetError as error:
            return Report.failed(self.kind, error, dry_run=dry_run)
        try:
            data = path.read_bytes()
        except OSError as error:
            message = _("The file %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
            raise CommandError(message) from error
        return run_import(self.kind, data, job.file_name, dry_run=dry_run,
                          progress=lambda **progress: self._progress(job, **progress))

    def _progress(self, job, **progress):
        """Feed the admin's progress bar, and the terminal's when there is one."""
        write_progress(job.pk, **progress)
        shown = percent(progress)
        # Only forward: a phase with nothing to do (no new page to create) reads as 0 %.
        if self.stderr.isatty() and shown > (self._shown_percent or 0):
            self._shown_percent = shown
            self.stderr.write(f"\r{shown} %", style_func=_plain, ending="")
            self.stderr.flush()

    def _clear_terminal_progress(self):
        if self._shown_percent is not None:
            self.stderr.write("\r      \r", style_func=_plain, ending="")
            self.stderr.flush()

    def _finish(self, job, report):
        if report.dry_run:
            status = ImportStatus.READY if report.ok else ImportStatus.INVALID
        else:
            status = ImportStatus.DONE if report.ok else ImportStatus.FAILED
        store_report(job, report, status=status)
        job.finished_at = timezone.now()
        job.save()
