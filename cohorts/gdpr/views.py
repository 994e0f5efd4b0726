"""The GDPR screens: erase a candidate's data, export a candidate's or a coach's data, and the audit of who opens a
candidate's record. Registered from cohorts/wagtail_hooks.py.

Who does what, in plain words: programme admins (and superusers) export a candidate's or a coach's data and erase a
candidate's; nobody else sees these actions. Whoever opens a candidate's record is logged in its history.
"""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem

from cohorts.gdpr.audit import VIA_EDIT, VIA_INSPECT, VIA_LIST_EXPORT, list_exported, record_opened
from cohorts.gdpr.erasure import AlreadyErased, erase_candidate, erasure_summary
from cohorts.gdpr.export import candidate_file_name, coach_file_name, export_candidate, export_coach
from cohorts.gdpr.forms import ErasureForm
from cohorts.models import Candidate, Coach

ERASE_URL = "cohorts_candidate_erase"
EXPORT_CANDIDATE_URL = "cohorts_candidate_export_data"
EXPORT_COACH_URL = "cohorts_coach_export_data"
CANDIDATE_INSPECT_URL = "wagtailsnippets_cohorts_candidate:inspect"
CANDIDATE_LIST_URL = "wagtailsnippets_cohorts_candidate:list"
COACH_INSPECT_URL = "wagtailsnippets_cohorts_coach:inspect"
COACH_LIST_URL = "wagtailsnippets_cohorts_coach:list"
ZIP_TYPE = "application/zip"


def can_erase(user):
    return user.has_perm("cohorts.erase_candidate")


def can_export_candidate(user):
    return user.has_perm("cohorts.export_candidate")


def can_export_coach(user):
    return user.has_perm("cohorts.export_coach")


def urls():
    return [
        path("candidats/<int:pk>/effacer/", EraseCandidateView.as_view(), name=ERASE_URL),
        path("candidats/<int:pk>/exporter/", ExportCandidateView.as_view(), name=EXPORT_CANDIDATE_URL),
        path("coachs/<int:pk>/exporter/", ExportCoachView.as_view(), name=EXPORT_COACH_URL),
    ]


def _actions(user, obj):
    """(label, url, icon) of the GDPR actions this user may take on a candidate or a coach."""
    if isinstance(obj, Candidate):
        if can_export_candidate(user):
            yield _("Export their data"), reverse(EXPORT_CANDIDATE_URL, args=[obj.pk]), "download"
        if can_erase(user) and not obj.is_erased:
            yield _("Erase their data"), reverse(ERASE_URL, args=[obj.pk]), "bin"
    elif isinstance(obj, Coach) and can_export_coach(user):
        yield _("Export their data"), reverse(EXPORT_COACH_URL, args=[obj.pk]), "download"


def listing_buttons(obj, user):
    """The actions in a candidate's or a coach's "more" menu of the list."""
    return [ButtonMenuItem(label, url=url, icon_name=icon, priority=70 + index)
            for index, (label, url, icon) in enumerate(_actions(user, obj))]


def header_buttons(obj, user):
    """The same actions in the header of a candidate's or a coach's page."""
    return [HeaderButton(label, url=url, icon_name=icon, priority=70 + index)
            for index, (label, url, icon) in enumerate(_actions(user, obj))]


# --- The record and its audit -----------------------------------------------------------------------------------


class CandidateRecordMixin:
    """A candidate's inspect view: opening it is logged; it shows who erased the data, and the GDPR actions."""

    ERASURE_FIELDS = ("erased_at", "erased_by")

    def get(self, request, *args, **kwargs):
        record_opened(user=request.user, candidates=[self.object], via=VIA_INSPECT)
        return super().get(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        declared = self.fields
        super().setup(request, *args, **kwargs)
        # Wagtail lists the fields before it looks the object up: list them again, now that it is known.
        self.fields = declared
        self.fields = self.get_fields()

    def get_fields(self):
        fields = super().get_fields()
        candidate = getattr(self, "object", None)
        if candidate is None or not candidate.is_erased:
            fields = [name for name in fields if name not in self.ERASURE_FIELDS]
        return fields

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *header_buttons(self.object, self.request.user)]


class CoachRecordMixin:
    """A coach's inspect view, with the export of their data in its header."""

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *header_buttons(self.object, self.request.user)]


@functools.cache
def with_mixin(mixin, base):
    """``base`` (a view class a viewset declares) with ``mixin`` first: the screen keeps whatever its base does."""
    return type(base.__name__, (mixin, base), {"__doc__": mixin.__doc__})


def edit_view_opened(request, instance):
    """The ``before_edit_snippet`` hook: opening a candidate's edit form is logged; an erased record is not edited.

    Returns a response that stops the edit view, or None.
    """
    if not isinstance(instance, Candidate):
        return None
    record_opened(user=request.user, candidates=[instance], via=VIA_EDIT)
    if instance.is_erased:
        messages.error(request, _("The personal data of this candidate was erased: the record is kept for the "
                                  "figures only, and cannot be edited."))
        return redirect(CANDIDATE_INSPECT_URL, instance.pk)
    return None


class AuditedListExportMixin:
    """A candidate list whose exports are logged: who exported how many rows, and each record they hold."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        candidates = list(queryset)  # the export reads the same, now evaluated, queryset
        record_opened(user=self.request.user, candidates=candidates, via=VIA_LIST_EXPORT)
        list_exported(user=self.request.user, rows=len(candidates), export_format=spreadsheet_format)
        return super().as_spreadsheet(queryset, spreadsheet_format)


# --- Erasure and exports ----------------------------------------------------------------------------------------


class GdprActionView(WagtailAdminTemplateMixin, TemplateView):
    """A GDPR action on one record: only for who holds ``permission``, asked to confirm first (GET), done by POST."""

    model = Candidate
    permission = None
    http_method_names = ["get", "post"]
    inspect_url_name = CANDIDATE_INSPECT_URL
    list_url_name = CANDIDATE_LIST_URL

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.list_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.inspect_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]))
        return context


class EraseCandidateView(GdprActionView):
    """Says what the erasure deletes and keeps, asks why, then erases (POST) through ``erase_candidate``."""

    permission = "cohorts.erase_candidate"
    template_name = "cohorts/gdpr/erase.html"
    page_title = _("Erase the data")
    header_icon = "bin"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.object.is_erased:
            context.update(form=form or ErasureForm(), summary=erasure_summary(self.object))
        return context

    def post(self, request, *args, **kwargs):
        form = ErasureForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            erase_candidate(candidate=self.object, user=request.user, reason=form.cleaned_data["reason"])
        except AlreadyErased as error:
            messages.error(request, str(error))
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form))
        else:
            messages.success(request, _("The personal data was erased; the anonymised record stays for the figures."))
        return redirect(self.inspect_url_name, self.object.pk)


class ExportCandidateView(GdprActionView):
    """Says what the export holds, then (POST) sends the ZIP that ``export_candidate`` builds."""

    permission = "cohorts.export_candidate"
    template_name = "cohorts/gdpr/export.html"
    page_title = _("Export their data")
    header_icon = "download"

    def post(self, request, *args, **kwargs):
        content = export_candidate(candidate=self.object, user=request.user)
        return zip_response(content, candidate_file_name(self.object))


class ExportCoachView(ExportCandidateView):
    model = Coach
    permission = "cohorts.export_coach"
    inspect_url_name = COACH_INSPECT_URL
    list_url_name = COACH_LIST_URL

    def post(self, request, *args, **kwargs):
        content = export_coach(coach=self.object, user=request.user)
        return zip_response(content, coach_file_name(self.object))


def zip_response(content, file_name):
    response = HttpResponse(content, content_type=ZIP_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
