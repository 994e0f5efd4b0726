"""The import screens of the admin: upload and history, the preview of a file, its progress, confirm, retry and
abandon.

Every screen is open to users who may import at least one kind of file, and a job only to users who may import
its kind; anyone else is refused the way Wagtail refuses (PermissionDenied: back to the dashboard with a message).
Whoever looks at a job whose run was interrupted (its page, its progress, the history) sees it failed.
"""

import csv
import io
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports import jobs
from cohorts.imports.forms import ImportUploadForm
from cohorts.imports.kinds import KINDS, allowed_kinds
from cohorts.imports.progress import percent, read_progress
from cohorts.imports.report import Report, RowReport, error_report_csv
from cohorts.models import ImportJob

HISTORY_LENGTH = 50
ROWS_PER_PAGE = 100
CREATED_SHOWN = 50  # names listed per kind of record the import also creates (10,000 new coaches would not read)

ROW_STATUSES = {
    RowReport.NEW: gettext_lazy("New"),
    RowReport.UPDATED: gettext_lazy("Updated"),
    RowReport.UNCHANGED: gettext_lazy("Unchanged"),
    RowReport.ERROR: gettext_lazy("Error"),
}

KIND_HELP = {
    ImportKind.COHORT: gettext_lazy(
        "One row per candidate. The e-mail is the key: importing the same file again changes nothing, and a changed "
        "row updates that candidate. « ville » is needed when the cohort is new. Each new candidate gets a draft "
        "story page; coaches are matched by e-mail or created, and paired with their candidate."
    ),
    ImportKind.OFFERS: gettext_lazy(
        "One row per offer. The key is « reference » within the company when given, otherwise company + title + "
        "city. Unknown companies are created; imported offers wait for validation."
    ),
}

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def url(name, *args):
    return reverse(f"imports:{name}", args=args)


def phase_text(progress):
    """« Checking rows 1,200 / 10,000 », in the words (and number format) of the admin's language."""
    if not progress:
        return _("Waiting for the background worker to start…")
    numbers = {"done": number_format(progress["done"], force_grouping=True),
               "total": number_format(progress["total"], force_grouping=True)}
    if progress["phase"] == "rows":
        return _("Checking rows %(done)s / %(total)s") % numbers
    if progress["phase"] == "writing":
        return _("Writing")
    if progress["phase"] == "pages":
        return _("Creating story pages %(done)s / %(total)s") % numbers
    return _("Updating the search index")


def progress_data(job):
    """What the progress bar shows: on the page, and to its script every second."""
    progress = read_progress(job.pk) if job.is_running else None
    return {
        "status": job.status,
        "percent": percent(progress) if job.is_running else 100,
        "phase": progress["phase"] if progress else "",
        "done": progress["done"] if progress else 0,
        "total": progress["total"] if progress else job.total_rows,
        "label": phase_text(progress) if job.is_running else job.get_status_display(),
    }


class ImportPermissionMixin:
    """Open to users who may import at least one kind of file."""

    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.kinds = allowed_kinds(request.user)
        if not self.kinds:
            raise PermissionDenied
        self.check_access(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def check_access(self, **kwargs):
        """What a view checks further, once the user is known to import something: raise PermissionDenied."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": url("index"), "label": _("Imports")}]


class JobMixin(ImportPermissionMixin):
    """A job is open only to users who may import its kind: a job's rows hold personal data."""

    def check_access(self, pk, **kwargs):
        self.job = get_object_or_404(ImportJob.objects.select_related("uploaded_by"), pk=pk)
        if not KINDS[self.job.kind].allowed(self.request.user):
            raise PermissionDenied
        jobs.give_up_if_interrupted(self.job)


class IndexView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file; the history of the imports below."""

    template_name = "cohorts/imports/index.html"
    form_class = ImportUploadForm
    page_title = gettext_lazy("Imports")

    def get(self, request, *args, **kwargs):
        # Cheap, and files older than a day go away even where nobody set up the hourly purge.
        jobs.give_up_interrupted_jobs()
        jobs.purge_old_files()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Imports")}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        job = jobs.create_job(kind=form.cleaned_data["kind"], uploaded_file=form.cleaned_data["file"],
                              user=self.request.user)
        return redirect(url("job", job.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        history = (
            ImportJob.objects.filter(kind__in=[spec.kind for spec in self.kinds])
            .select_related("uploaded_by")
            .defer("report")  # a report holds every row of its file: the list needs the counts only
        )[:HISTORY_LENGTH]
        context.update(
            kinds=[
                {
                    "spec": spec,
                    "help": KIND_HELP[spec.kind],
                    "required": [key for key in spec.template_headers if key in spec.required],
                    "optional": [key for key in spec.template_headers if key not in spec.required],
                    "csv_url": url("template", spec.kind, "csv"),
                    "xlsx_url": url("template", spec.kind, "xlsx"),
                }
                for spec in self.kinds
            ],
            history=history,
        )
        return context


class JobView(JobMixin, WagtailAdminTemplateMixin, TemplateView):
    """One import: its progress while it runs, then the preview (or the result) row by row."""

    template_name = "cohorts/imports/job.html"

    def get_page_title(self):
        return self.job.file_name

    def get_page_subtitle(self):
        return self.job.get_status_display()

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.job.file_name}]

    @cached_property
    def status_filter(self):
        status = self.request.GET.get("status", "")
        return status if status in ROW_STATUSES else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        context.update(job=job, running=job.is_running)
        if job.is_running:
            context["progress"] = progress_data(job)
            context["progress_url"] = url("progress", job.pk)
            return context
        report = job.report or {}
        rows = report.get("rows", [])
        counts = dict.fromkeys(ROW_STATUSES, 0)
        for row in rows:
            counts[row["status"]] += 1
        shown = [row for row in rows if row["status"] == self.status_filter] if self.status_filter else rows
        paginator = WagtailPaginator(shown, ROWS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            report=report,
            tiles=[{"status": status, "label": label, "count": counts[status]}
                   for status, label in ROW_STATUSES.items()],
            filters=[{"status": "", "label": _("All rows"), "count": len(rows)}]
            + [{"status": status, "label": label, "count": counts[status]}
               for status, label in ROW_STATUSES.items() if counts[status]],
            status_filter=self.status_filter,
            page_obj=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            rows=[{**row, "status_label": ROW_STATUSES[row["status"]]} for row in page.object_list],
            can_confirm=job.status == ImportStatus.READY,
            can_abandon=bool(job.file) and job.status != ImportStatus.DONE,
            can_retry=jobs.can_retry(job),
            error_report_url=url("errors", job.pk) if counts[RowReport.ERROR] and job.file else "",
            confirm_label=ngettext("Import %(count)s row", "Import %(count)s rows", job.total_rows)
            % {"count": number_format(job.total_rows, force_grouping=True)},
            created=[
                {"label": label, "count": len(names), "names": names[:CREATED_SHOWN],
                 "more": max(len(names) - CREATED_SHOWN, 0)}
                for label, names in report.get("created", [])
            ],
            done_links=self.done_links() if job.status == ImportStatus.DONE else [],
        )
        return context

    def done_links(self):
        if self.job.kind == ImportKind.COHORT:
            return [
                (_("Candidates"), reverse("wagtailsnippets_cohorts_candidate:list")),
                (_("Coaches"), reverse("wagtailsnippets_cohorts_coach:list")),
                (_("Pairs"), reverse("wagtailsnippets_cohorts_pair:list")),
            ]
        return [(_("Offers pending validation"), reverse("wagtailsnippets_snippets_offer:list") + "?status=pending")]


class ProgressView(JobMixin, View):
    """The progress of a running job, for the progress bar's script."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return JsonResponse(progress_data(self.job), headers={"Cache-Control": "no-store"})


class ConfirmView(JobMixin, View):
    """Write a checked file. POST only; a second click finds the job started or done and writes nothing."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.job
        if not jobs.confirm_job(job, request.user):
            messages.error(request, _("This file cannot be imported now: it was already imported, started, "
                                      "abandoned, or it has errors."))
            return redirect(url("job", job.pk))
        job.refresh_from_db()
        if job.status == ImportStatus.DONE:
            messages.success(request, _("Imported: %(counts)s.") % {"counts": counts_text(job)})
        elif job.status == ImportStatus.FAILED:
            messages.error(request, _("The import failed: nothing was written."))
        else:
            messages.info(request, _("The import has started in the background; this page follows it."))
        return redirect(url("job", job.pk))


class AbandonView(JobMixin, View):
    """Give up a file that was checked but not imported: the file is deleted, the history keeps the job."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not jobs.abandon_job(self.job, request.user):
            messages.error(request, _("An import under way cannot be abandoned: wait for it to finish."))
            return redirect(url("job", self.job.pk))
        messages.success(request, _("« %(name)s » abandoned: its file was deleted.") % {"name": self.job.file_name})
        return redirect(url("index"))


class RetryView(JobMixin, View):
    """Run a failed check or import again from its stored file, as a new run of the same job. POST only."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.job
        if not jobs.retry_job(job, request.user):
            messages.error(request, _("This import cannot be retried: it has not failed, or its file was deleted."))
            return redirect(url("job", job.pk))
        job.refresh_from_db()
        if job.is_running:
            messages.info(request, _("Started again in the background; this page follows it."))
        elif job.status == ImportStatus.DONE:
            messages.success(request, _("Imported: %(counts)s.") % {"counts": counts_text(job)})
        else:
            messages.info(request, _("Run again: the result is below."))
        return redirect(url("job", job.pk))


class ErrorReportView(JobMixin, View):
    """The bad rows as they were in the file, with an « erreurs » column, to fix and upload again."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        report = Report.from_json(self.job.report) if self.job.report else None
        table = jobs.error_report_table(self.job) if report and report.error_rows() else None
        if table is None:
            raise Http404(_("No error report: the file has no row in error, or it was deleted."))
        response = HttpResponse(error_report_csv(report, table), content_type="text/csv; charset=utf-8",
                                headers={"Cache-Control": "private, no-store"})
        response["Content-Disposition"] = content_disposition_header(
            True, f"erreurs-{PurePath(self.job.file_name).stem}.csv"
        )
        return response


class TemplateFileView(ImportPermissionMixin, View):
    """An empty file with the expected headers, in CSV (semicolons and BOM, as French Excel expects) or XLSX."""

    http_method_names = ["get"]

    def check_access(self, kind, file_format, **kwargs):
        self.spec = KINDS.get(kind)
        if self.spec is None or file_format not in ("csv", "xlsx"):
            raise Http404
        if not self.spec.allowed(self.request.user):
            raise PermissionDenied

    def get(self, request, kind, file_format, *args, **kwargs):
        headers = self.spec.template_headers
        if file_format == "csv":
            output = io.StringIO()
            csv.writer(output, delimiter=";").writerow(headers)
            response = HttpResponse("\ufeff" + output.getvalue(), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(xlsx_template(headers), content_type=XLSX_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, f"{self.spec.template_name}.{file_format}")
        return response


def xlsx_template(headers):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Import")[:31]
    sheet.append(headers)
    for index, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(len(header) + 4, 14)
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def counts_text(job):
    return _("%(new)s new, %(updated)s updated, %(unchanged)s unchanged") % {
        "new": job.new_count, "updated": job.updated_count, "unchanged": job.unchanged_count,
    }
