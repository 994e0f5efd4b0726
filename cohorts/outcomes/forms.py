"""The form that answers a follow-up check (cohorts/outcome_admin.py, cohorts/outcome_views.py)."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.widgets import AdminDateInput

from cohorts.models.outcomes import JOB_PANELS, FollowUpCheck, Outcome


class FollowUpAnswerForm(WagtailAdminModelForm):
    """Still employed yes/no, when it was checked (today unless said otherwise) and a short note.

    Who checked is the user who answers: the views set it, never the form.
    """

    still_employed = forms.TypedChoiceField(
        label=_("Still employed"),
        choices=[(True, _("Yes")), (False, _("No"))],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )
    checked_on = forms.DateField(label=_("Checked on"), widget=AdminDateInput)

    class Meta:
        model = FollowUpCheck
        fields = ["still_employed", "checked_on", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.checked_on:
            self.initial["checked_on"] = timezone.localdate()

    def clean_checked_on(self):
        checked_on = self.cleaned_data["checked_on"]
        if checked_on > timezone.localdate():
            raise forms.ValidationError(_("A check cannot be answered in advance: give the day it was made."))
        return checked_on


ADD_PANEL = ObjectList([FieldPanel("candidate"), *JOB_PANELS]).bind_to_model(Outcome)


FROM_APPLICATION_PANEL = ObjectList(
    [FieldPanel("candidate"), FieldPanel("application", read_only=True), *JOB_PANELS]
).bind_to_model(Outcome)


EDIT_PANEL = ObjectList([FieldPanel("candidate", read_only=True), *JOB_PANELS]).bind_to_model(Outcome)


EDIT_FROM_APPLICATION_PANEL = ObjectList(
    [FieldRowPanel([FieldPanel("candidate", read_only=True), FieldPanel("application", read_only=True)]), *JOB_PANELS]
).bind_to_model(Outcome)


ANSWER_PANEL = ObjectList(
    [
        FieldRowPanel([FieldPanel("outcome", read_only=True), FieldPanel("kind", read_only=True),
                       FieldPanel("due_on", read_only=True)]),
        FieldRowPanel([FieldPanel("still_employed"), FieldPanel("checked_on")]),
        FieldPanel("note"),
    ],
    base_form_class=FollowUpAnswerForm,
).bind_to_model(FollowUpCheck)
