"""The impact dashboard in the admin: the full report at /admin/impact/, its exports, and the panel on the admin home.

Only users with ``cohorts.view_impact`` (programme admins, Communication) see any of it; others get a 403.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, re_path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cohorts.impact.charts import report_charts
from cohorts.impact.export import export_response
from cohorts.impact.figures import compute_impact, headline
from cohorts.impact.measures import ImpactFilters
from cohorts.models import Cohort
from snippets.models import City

PERMISSION = "cohorts.view_impact"
REPORT_URL = "cohorts_impact"
EXPORT_URL = "cohorts_impact_export"


def can_view_impact(user):
    return user.has_perm(PERMISSION)


def last_12_months(today):
    """The 12 months up to today, both ends included: from the day after the same date a year ago."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + datetime.timedelta(days=1), today


def preset_period(preset, today):
    if preset == "this_year":
        return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
    if preset == "last_year":
        return datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    return last_12_months(today)


class ImpactFilterForm(forms.Form):
    """The report's filters, read from the query string: a preset period or two dates, a cohort, a city."""

    period = forms.ChoiceField(
        label=_("Period"), required=False,
        choices=[("last_12_months", _("Last 12 months")), ("this_year", _("This calendar year")),
                 ("last_year", _("Last calendar year")), ("custom", _("Dates below"))],
    )
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    cohort = forms.ModelChoiceField(label=_("Cohort"), required=False, queryset=Cohort.objects.select_related("city"),
                                    empty_label=_("All cohorts"))
    city = forms.ModelChoiceField(label=_("City"), required=False, queryset=City.objects.order_by("name"),
                                  empty_label=_("All cities"))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if data.get("period") == "custom" or (not data.get("period") and (start or end)):
            if not start or not end:
                raise forms.ValidationError(_("Give both dates, or choose a preset period."))
            if end < start:
                raise forms.ValidationError(_("The end of the period is before its start."))
            data["period"] = "custom"
        return data

    def get_filters(self, today):
        """The filters to report on: the form's when valid, otherwise the last 12 months for everyone."""
        if not self.is_valid():
            return ImpactFilters(*last_12_months(today))
        data = self.cleaned_data
        custom = data["period"] == "custom"
        period = (data["start"], data["end"]) if custom else preset_period(data["period"], today)
        return ImpactFilters(*period, cohort=data.get("cohort"), city=data.get("city"))


class ImpactPermissionMixin:
    """A plain 403 for users without the permission: Wagtail would turn PermissionDenied into a redirect home."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_impact(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_filters(self):
        self.form = ImpactFilterForm(self.request.GET or None)
        return self.form.get_filters(timezone.localdate())


class ImpactReportView(ImpactPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The full report: each section with its chart and its table, and links to the exports."""

    template_name = "cohorts/impact/report.html"
    page_title = _("Impact")
    header_icon = "table"

    def get_page_subtitle(self):
        return self.filters.describe()

    def get_breadcrumbs_items(self):
        current = {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        return [*self.breadcrumbs_items, current]

    def get(self, request, *args, **kwargs):
        self.filters = self.get_filters()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = compute_impact(self.filters)
        charts = report_charts(report)
        query = self.request.GET.copy()
        query.pop("audience", None)
        exports = [
            {"label": label, "url": reverse(EXPORT_URL, args=[export_format]) + "?" + urlencode(
                {**query.dict(), **({"audience": "public"} if audience == "public" else {})})}
            for export_format, audience, label in (
                ("xlsx", "internal", _("XLSX (internal)")),
                ("csv", "internal", _("CSV (internal)")),
                ("xlsx", "public", _("XLSX for outside readers (< 5 hidden)")),
                ("csv", "public", _("CSV for outside readers (< 5 hidden)")),
            )
        ]
        context.update(
            form=self.form,
            filters=self.filters,
            headline=headline(report, "internal"),
            sections=[{"table": table, "chart": charts.get(table.key)} for table in report.tables("internal")],
            exports=exports,
        )
        return context


class ImpactExportView(ImpactPermissionMixin, TemplateView):
    """The report as XLSX or CSV; ``?audience=public`` applies the small-cell rule for outside readers."""

    def get(self, request, *args, **kwargs):
        export_format = kwargs["export_format"]
        audience = "public" if request.GET.get("audience") == "public" else "internal"
        return export_response(compute_impact(self.get_filters()), export_format, audience)


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_impact(request.user)


class ImpactHomePanel(Component):
    """The headline figures of the last 12 months on the admin home, with a link to the full report."""

    name = "impact"
    order = 90
    template_name = "cohorts/impact/home_panel.html"

    class Media:
        css = {"all": ["cohorts/css/impact.css"]}

    def get_context_data(self, parent_context=None):
        filters = ImpactFilters(*last_12_months(timezone.localdate()))
        return {
            "figures": headline(compute_impact(filters), "internal"),
            "filters": filters,
            "report_url": reverse(REPORT_URL),
        }


def urls():
    """/admin/impact/ and its exports, for the register_admin_urls hook."""
    return [
        path("impact/", ImpactReportView.as_view(), name=REPORT_URL),
        re_path(r"^impact/export/(?P<export_format>xlsx|csv)/$", ImpactExportView.as_view(), name=EXPORT_URL),
    ]


def menu_item():
    """The top-level "Impact" menu item, shown to users who may read the report."""
    return ImpactMenuItem(_("Impact"), reverse(REPORT_URL), name="impact", icon_name="table", order=250)


def add_home_panel(request, panels):
    if can_view_impact(request.user):
        panels.append(ImpactHomePanel())
