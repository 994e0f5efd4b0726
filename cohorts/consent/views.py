"""The consent screens beside Wagtail's generic ones: recorded and withdrawn through the services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, DeleteView

from cohorts.consent.services import record_consent, withdraw_consent
from cohorts.enums import ConsentPurpose
from cohorts.models import ConsentRecord
from snippets.spreadsheets import SafeIndexView

WITHDRAW_URL_NAME = "wagtailsnippets_cohorts_consentrecord:withdraw"


class ConsentSummary(Component):
    """The candidate's consents on their inspect page: each purpose, current or withdrawn, and a way to withdraw."""

    template_name = "cohorts/consent/summary.html"

    def __init__(self, candidate, user):
        self.candidate = candidate
        self.user = user

    def get_context_data(self, parent_context=None):
        policy = ModelPermissionPolicy(ConsentRecord)
        can_change = policy.user_has_permission(self.user, "change")
        can_add = policy.user_has_permission(self.user, "add")
        rows = [
            {
                "consent": consent,
                "withdraw_url": reverse(WITHDRAW_URL_NAME, args=[consent.pk])
                if can_change and consent.is_current
                else None,
            }
            for consent in self.candidate.consents.order_by("purpose", "-given_at")
        ]
        add_url = None
        if can_add:
            add_url = reverse("wagtailsnippets_cohorts_consentrecord:add") + f"?candidate={self.candidate.pk}"
        return {"rows": rows, "add_url": add_url}


class ConsentRecordForm(WagtailAdminModelForm):
    """Says at once that a current consent exists (the database constraint is conditional: forms skip it)."""

    def clean(self):
        cleaned_data = super().clean()
        candidate, purpose = cleaned_data.get("candidate"), cleaned_data.get("purpose")
        if (
            self.instance._state.adding
            and candidate
            and purpose
            and ConsentRecord.objects.current().filter(candidate=candidate, purpose=purpose).exists()
        ):
            raise ValidationError(_("This candidate already has a current consent for this purpose."))
        return cleaned_data


class ConsentCreateView(CreateView):
    """Records a consent through ``record_consent``, which also notes who recorded it."""

    def get_initial(self):
        initial = super().get_initial()
        # "Record a consent" on the candidate's page opens this form with the candidate chosen.
        candidate_id = self.request.GET.get("candidate", "")
        if candidate_id.isdigit():
            initial["candidate"] = int(candidate_id)
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return record_consent(
            candidate=data["candidate"],
            purpose=data["purpose"],
            text_version=data["text_version"],
            channel=data["channel"],
            given_at=data.get("given_at"),
            user=self.request.user,
        )


class ConsentDeleteView(DeleteView):
    """A current consent is withdrawn, not deleted: deleting it would leave its story online without a trace."""

    def run_before_hook(self):
        if self.object.is_current:
            messages.error(
                self.request,
                _("A current consent cannot be deleted: withdraw it first (the story goes offline if it is "
                  "the consent to publication)."),
            )
            return redirect(WITHDRAW_URL_NAME, self.object.pk)
        return super().run_before_hook()


class ConsentIndexView(SafeIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_current and self.user_has_permission("change"):
            buttons.append(
                ButtonMenuItem(
                    _("Withdraw"),
                    url=reverse(WITHDRAW_URL_NAME, args=[instance.pk]),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class ConsentInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.is_current and self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    _("Withdraw"),
                    url=reverse(WITHDRAW_URL_NAME, args=[self.object.pk]),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class ConsentWithdrawView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation, then withdraws a consent (POST only) through ``withdraw_consent``.

    Only users who may change consents withdraw one. Withdrawing the consent to publication unpublishes the
    story at once and stops its review.
    """

    model = ConsentRecord
    permission_required = "change"
    template_name = "cohorts/consent/withdraw.html"
    page_title = _("Withdraw consent")
    header_icon = "cross"
    http_method_names = ["get", "post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(ConsentRecord.objects.select_related("candidate"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_cohorts_consentrecord:list"), "label": _("Consents")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_success_url(self):
        return reverse("wagtailsnippets_cohorts_consentrecord:inspect", args=[self.object.pk])

    def get(self, request, *args, **kwargs):
        if not self.object.is_current:
            messages.info(request, _("This consent was already withdrawn."))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.is_current:
            withdraw_consent(consent=self.object, user=request.user)
            messages.success(request, _("Consent withdrawn: %(consent)s.") % {"consent": self.object})
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            consent=self.object,
            unpublishes=self.object.purpose == ConsentPurpose.PUBLISH_STORY,
            cancel_url=self.get_success_url(),
        )
        return context
