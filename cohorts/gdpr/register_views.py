"""The register of processing in the admin (Paramètres → Registre des traitements), read-only.

Only who sets the retention periods reads it here (programme admins); anyone else gets a 403. The public reads the
same register on the « données personnelles » page.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cohorts.gdpr.register import register_entries
from cohorts.models import RetentionSettings

REGISTER_URL = "cohorts_gdpr_register"


def can_read_register(user):
    """The register is read where the periods are set: by who may change the retention settings."""
    return user.has_perm("cohorts.change_retentionsettings")


class RegisterView(WagtailAdminTemplateMixin, TemplateView):
    """Each processing: purpose, legal basis, data, recipients, and its retention with the periods saved today."""

    template_name = "cohorts/gdpr/register.html"
    page_title = _("Register of processing")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        # A plain 403: Wagtail would turn PermissionDenied into a redirect to the admin home.
        if not can_read_register(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = register_entries(RetentionSettings.current())
        context["settings_url"] = reverse(
            "wagtailsettings:edit", args=[RetentionSettings._meta.app_label, RetentionSettings._meta.model_name]
        )
        return context


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_register(request.user)


def urls():
    """/admin/registre-des-traitements/, for the register_admin_urls hook."""
    return [path("registre-des-traitements/", RegisterView.as_view(), name=REGISTER_URL)]


def menu_item():
    """ "Register of processing" in the Settings menu, beside the retention periods."""
    return RegisterMenuItem(
        _("Register of processing"), reverse(REGISTER_URL), name="register-of-processing", icon_name="list-ul",
        order=810,
    )
