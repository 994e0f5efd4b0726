"""The import screens as a Wagtail ViewSet: their URLs under /admin/imports/, and their item in the Programme menu."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from cohorts.imports import views
from cohorts.imports.kinds import allowed_kinds

#: The hook of the Programme menu group's submenu (cohorts/wagtail_hooks.py), where the "Imports" item goes.
PROGRAMME_SUBMENU_HOOK = "register_programme_menu_item"


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(allowed_kinds(request.user))


class ImportViewSet(ViewSet):
    name = "imports"
    icon = "upload"
    menu_label = _("Imports")
    menu_hook = PROGRAMME_SUBMENU_HOOK
    menu_item_class = ImportsMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.IndexView.as_view(), name="index"),
            path("template/<slug:kind>.<slug:file_format>", views.TemplateFileView.as_view(), name="template"),
            path("<int:pk>/", views.JobView.as_view(), name="job"),
            path("<int:pk>/progress/", views.ProgressView.as_view(), name="progress"),
            path("<int:pk>/confirm/", views.ConfirmView.as_view(), name="confirm"),
            path("<int:pk>/abandon/", views.AbandonView.as_view(), name="abandon"),
            path("<int:pk>/retry/", views.RetryView.as_view(), name="retry"),
            path("<int:pk>/errors.csv", views.ErrorReportView.as_view(), name="errors"),
        ]
