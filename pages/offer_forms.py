"""The public "Proposer une offre" form: the fields recruiters know, each with a clear French error."""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.antispam import SpamProtectedFormMixin
from pages.forms import ErrorSummaryMixin, MessageField
from snippets.models import City, ContractType, Offer, Sector

DESCRIPTION_MAX_LENGTH = 5000
MESSAGE_MAX_LENGTH = 2000
MAX_POSITIONS = 50


def _max_length(field_name):
    return Offer._meta.get_field(field_name).max_length


def _text(label, field_name, *, required=True, help_text="", required_message="", autocomplete="", **attrs):
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return forms.CharField(
        label=label, required=required, max_length=_max_length(field_name), help_text=help_text,
        error_messages={"required": required_message} if required_message else {},
        widget=forms.TextInput(attrs=attrs),
    )


class OfferSubmissionForm(ErrorSummaryMixin, SpamProtectedFormMixin, forms.Form):
    """What a recruiter without an account tells us about a job. Several cities make one offer per city."""

    antispam_scope = "offer"
    # Fields the inclusive-offer check reads, live and on the server (snippets.views.FIELD_LABELS).
    checked_fields = ("title", "description", "message_to_candidates")

    company_name = forms.CharField(
        label=_("Company"), max_length=200,
        help_text=_("If your company already works with us, write its usual name: we will recognise it."),
        error_messages={"required": _("Tell us the name of your company.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    title = _text(_("Job title"), "title", required_message=_("Give the job a title, e.g. « Agent de propreté »."))
    description = MessageField(
        label=_("The job"), max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("The tasks, the team, what the person will learn. At most 5,000 characters."),
        error_messages={"required": _("Describe the job in a few sentences.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    contract_type = forms.ModelChoiceField(
        label=_("Contract"), queryset=ContractType.objects.all(), empty_label=None, widget=forms.RadioSelect,
        error_messages={"required": _("Choose a kind of contract.")},
    )
    part_time = forms.BooleanField(label=_("Part-time"), required=False)
    start_date = forms.DateField(
        label=_("Start date (optional)"), required=False,
        help_text=_("Leave empty if the job starts as soon as possible."),
        error_messages={"invalid": _("Enter a date such as 15/01/2027.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
    )
    duration = _text(_("Duration (optional)"), "duration", required=False,
                     help_text=_("For a fixed-term contract or a temp job, e.g. « 6 mois »."))
    positions = forms.IntegerField(
        label=_("Number of positions"), min_value=1, max_value=MAX_POSITIONS, initial=1,
        error_messages={
            "required": _("Say how many people you are hiring."),
            "min_value": _("Enter at least 1."),
            "max_value": _("Enter at most 50: for more, write to us."),
            "invalid": _("Enter a whole number, e.g. 2."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    cities = forms.ModelMultipleChoiceField(
        label=_("Where is the job?"), queryset=City.objects.all(), widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick several cities if you hire in each: we publish one offer per city."),
        error_messages={"required": _("Tick at least one city.")},
    )
    sector = forms.ModelChoiceField(
        label=_("Job family"), queryset=Sector.objects.all(), empty_label=_("Choose a job family"),
        error_messages={"required": _("Choose the job family closest to the job.")},
    )
    salary = _text(_("Salary (optional)"), "salary", required=False, help_text=_("E.g. « SMIC », « 1 900 € brut »."))
    working_hours = _text(_("Working hours (optional)"), "working_hours", required=False,
                          help_text=_("E.g. « 6 h – 13 h, du lundi au vendredi »."))
    driving_licence_required = forms.BooleanField(
        label=_("The job itself means driving (a driving licence is required)"), required=False,
    )
    message_to_candidates = MessageField(
        label=_("A word to the candidates (optional)"), required=False, max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Why join you, how you welcome newcomers. At most 2,000 characters."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact_name = _text(_("Your name"), "contact_name", required_message=_("Tell us your name."),
                         autocomplete="name")
    contact_role = _text(_("Your role (optional)"), "contact_role", required=False,
                         help_text=_("E.g. « Responsable d'agence »."), autocomplete="organization-title")
    contact_email = forms.EmailField(
        label=_("Your e-mail address"), max_length=_max_length("contact_email"),
        help_text=_("We send you an acknowledgement and answer you at this address."),
        error_messages={"required": _("Give us an e-mail address to answer you."),
                        "invalid": _("Enter an e-mail address such as nom@entreprise.fr.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Your phone number"), max_length=_max_length("contact_phone"),
        validators=[
            RegexValidator(r"^\+?[0-9 ().-]{6,}$", _("Enter a phone number with digits only, e.g. 06 12 34 56 78."))
        ],
        error_messages={"required": _("Give us a phone number: our team calls you before publishing.")},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent_to_be_contacted = forms.BooleanField(
        label=_("I agree that the programme's team contacts me about this offer."),
        error_messages={"required": _("Tick this box so that we may answer you.")},
    )

    def __init__(self, *args, target_name="", **kwargs):
        super().__init__(*args, **kwargs)
        if target_name:
            self.fields["message_to_candidates"].label = _("A word to %(name)s (optional)") % {"name": target_name}
        for name in self.checked_fields + ("driving_licence_required",):
            self.fields[name].widget.attrs["data-inclusive-check"] = ""

    def clean_start_date(self):
        start_date = self.cleaned_data["start_date"]
        if start_date and start_date < timezone.localdate() - datetime.timedelta(days=1):
            raise forms.ValidationError(_("This date has passed: give a date to come, or leave it empty."))
        return start_date

    def clean_company_name(self):
        return " ".join(self.cleaned_data["company_name"].split())
