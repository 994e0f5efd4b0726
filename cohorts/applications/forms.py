"""The pipeline's admin forms: proposing an offer, and moving an application from one status to the next."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import AdminDateInput

from cohorts.applications.services import check_proposal
from cohorts.enums import ApplicationStatus
from cohorts.models.applications import ALREADY_PROPOSED_CODE, Application
from snippets.models import ContractType


class ApplicationCreateForm(WagtailAdminModelForm):
    """Propose an offer to a candidate by hand, when matching did not list them."""

    def clean(self):
        cleaned_data = super().clean()
        offer, candidate = cleaned_data.get("offer"), cleaned_data.get("candidate")
        if offer and candidate:
            try:
                check_proposal(offer=offer, candidate=candidate)
            except ValidationError as error:
                # "Already proposed" is said once, by the unique constraint that the form checks next.
                if error.code != ALREADY_PROPOSED_CODE:
                    self.add_error(None, error)
        return cleaned_data


class ApplicationStatusForm(WagtailAdminModelForm):
    """Edit the notes, and move the status through ``Application.change_status``: the status field itself is not
    in the form, so no edit can skip the history."""

    # The errors of change_status are keyed by its arguments: the fields that show them.
    FIELD_OF_ARGUMENT = {"status": "new_status", "contract_type": "contract_type", "start_date": "start_date"}

    new_status = forms.ChoiceField(
        label=_("New status"), required=False, choices=[("", _("Keep the current status")), *ApplicationStatus.choices]
    )
    contract_type = forms.ModelChoiceField(
        label=_("Contract of the hire"), queryset=ContractType.objects.all(), required=False,
        help_text=_("Required when the new status is « hired »."),
    )
    start_date = forms.DateField(
        label=_("Start of the job"), required=False, widget=AdminDateInput,
        help_text=_("Required when the new status is « hired »."),
    )
    status_note = forms.CharField(
        label=_("About this change"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history with the date and your name, e.g. « Entretien mardi à 10 h »."),
    )

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("new_status")
        if status:
            try:
                self.instance.check_status_change(
                    status, contract_type=cleaned_data.get("contract_type"), start_date=cleaned_data.get("start_date")
                )
            except ValidationError as error:
                for argument, field_errors in error.message_dict.items():
                    self.add_error(self.FIELD_OF_ARGUMENT[argument], field_errors)
        elif cleaned_data.get("status_note"):
            self.add_error("new_status", _("Choose the new status this note is about."))
        return cleaned_data


CREATE_PANEL = ObjectList(
    [FieldPanel("candidate"), FieldPanel("offer")], base_form_class=ApplicationCreateForm
).bind_to_model(Application)


STATUS_PANEL = ObjectList(
    [
        FieldRowPanel([FieldPanel("candidate", read_only=True), FieldPanel("offer", read_only=True)]),
        FieldPanel("status", read_only=True, heading=_("Current status")),
        MultiFieldPanel(
            [
                FieldPanel("new_status"),
                FieldRowPanel([FieldPanel("contract_type"), FieldPanel("start_date")]),
                FieldPanel("status_note"),
            ],
            heading=_("Change the status"),
        ),
        FieldPanel("notes"),
    ],
    base_form_class=ApplicationStatusForm,
).bind_to_model(Application)
