"""The result of checking or importing a file: one line per row, kept as JSON on the ImportJob."""

import csv
import io
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts.imports.columns import ERRORS_COLUMN
from snippets.spreadsheets import neutralise_formula


@dataclass
class RowReport:
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ERROR = "error"

    line: int
    status: str
    label: str = ""
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # {"column", "letter", "value", "message"}

    def add_error(self, column, message, value):
        self.status = self.ERROR
        self.errors.append({
            "column": column.header if column else "",
            "letter": column.letter if column else "",
            "value": value if isinstance(value, str) else str(value),
            "message": str(message),
        })

    def error_texts(self):
        """« ligne 14, colonne date_naissance : « 31/02/1990 » n'est pas une date »."""
        texts = []
        for error in self.errors:
            if error["column"]:
                texts.append(
                    _("line %(line)s, column %(column)s: %(message)s")
                    % {"line": self.line, "column": error["column"], "message": error["message"]}
                )
            else:
                texts.append(_("line %(line)s: %(message)s") % {"line": self.line, "message": error["message"]})
        return texts


@dataclass
class Report:
    kind: str
    dry_run: bool
    total: int = 0
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    unknown_columns: list = field(default_factory=list)
    # [label, names] pairs, not a dict: PostgreSQL's jsonb does not keep the order of keys.
    created: list = field(default_factory=list)

    @classmethod
    def failed(cls, kind, message, *, dry_run=True):
        return cls(kind=kind, dry_run=dry_run, file_errors=[str(message)])

    @property
    def counts(self):
        counts = dict.fromkeys((RowReport.NEW, RowReport.UPDATED, RowReport.UNCHANGED, RowReport.ERROR), 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def ok(self):
        return not self.file_errors and not any(row.status == RowReport.ERROR for row in self.rows)

    def error_rows(self):
        return [row for row in self.rows if row.status == RowReport.ERROR]

    def to_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        data = dict(data)
        data["rows"] = [RowReport(**row) for row in data.get("rows", [])]
        return cls(**data)

    def summary(self):
        counts = self.counts
        return _("%(new)s new, %(updated)s updated, %(unchanged)s unchanged, %(errors)s with errors") % {
            "new": counts[RowReport.NEW], "updated": counts[RowReport.UPDATED],
            "unchanged": counts[RowReport.UNCHANGED], "errors": counts[RowReport.ERROR],
        }

    def as_text(self):
        """The report the command-line imports print."""
        lines = []
        if self.dry_run:
            lines.append(_("Dry run: nothing was written."))
        lines.append(ngettext("%(count)s row read.", "%(count)s rows read.", self.total) % {"count": self.total})
        lines.extend(self.file_errors)
        if self.unknown_columns:
            lines.append(_("Ignored columns: %(columns)s") % {"columns": ", ".join(self.unknown_columns)})
        for row in self.rows:
            if row.status == RowReport.ERROR:
                lines.extend(row.error_texts())
            elif row.status == RowReport.UPDATED:
                lines.append(_("line %(line)s: %(label)s updated (%(changes)s)")
                             % {"line": row.line, "label": row.label, "changes": "; ".join(row.changes)})
        if self.ok:
            for label, names in self.created:
                lines.append(_("%(label)s: %(names)s") % {"label": label, "names": shorten(names)})
        lines.append(self.summary())
        if not self.ok:
            lines.append(_("Nothing was written: fix the errors and import the file again."))
        return "\n".join(lines)


def shorten(names, shown=10):
    """« A, B, C and 1,997 more »: a report stays readable when an import creates thousands of coaches."""
    if len(names) <= shown:
        return ", ".join(names)
    return _("%(names)s and %(count)s more") % {"names": ", ".join(names[:shown]), "count": len(names) - shown}


def error_report_csv(report, table):
    """The bad rows as they were in the file, plus an « erreurs » column: fix them and import this file again.

    Semicolons and a BOM, as French Excel expects; every cell neutralised against formulas.
    """
    bad = {row.line: row for row in report.error_rows()}
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow([*table.raw_headers_for_report(), ERRORS_COLUMN])
    for line, values in table.raw_rows:
        if line in bad:
            cells = [neutralise_formula(_cell(value)) for value in values]
            messages = [_("%(column)s: %(message)s") % error if error["column"] else error["message"]
                        for error in bad[line].errors]
            writer.writerow([*cells, " | ".join(messages)])
    return "\ufeff" + output.getvalue()


def _cell(value):
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)
