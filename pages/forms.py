"""Forms the public fills in on the site: short, forgiving, and protected from robots (pages/antispam.py)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from cohorts.enums import HelpKind
from cohorts.models import ContactRequest
from pages.antispam import SpamProtectedFormMixin


def _max_length(field_name):
    return ContactRequest._meta.get_field(field_name).max_length


class ErrorSummaryMixin:
    """Lists a form's errors for the summary at the top of the page, each linked to the field to fix."""

    def error_summary(self):
        """A list of {"anchor", "label", "message"}: errors about the whole form first (no anchor), then by field."""
        items = [{"anchor": "", "label": "", "message": message} for message in self.non_field_errors()]
        for field in self:
            # A group of radio buttons has no single input: link to its first option.
            anchor = field.id_for_label or f"{field.auto_id}_0"
            items += [{"anchor": anchor, "label": field.label, "message": message} for message in field.errors]
        return items


class MessageField(forms.CharField):
    """A text area whose length is counted as the visitor's browser counts it: one character per line break."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class ContactForm(ErrorSummaryMixin, SpamProtectedFormMixin, forms.Form):
    """Someone who read a story offers help: what the programme needs to answer them, and nothing more."""

    antispam_scope = "contact"

    name = forms.CharField(
        label=_("Your name"),
        max_length=_max_length("name"),
        error_messages={"required": _("Tell us your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    company = forms.CharField(
        label=_("Company or organisation (optional)"),
        required=False,
        max_length=_max_length("company"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=_max_length("email"),
        help_text=_("We answer you at this address."),
        error_messages={"required": _("Give us an e-mail address to answer you.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone number (optional)"),
        required=False,
        max_length=_max_length("phone"),
        validators=[
            RegexValidator(r"^\+?[0-9 ().-]{6,}$", _("Enter a phone number with digits only, e.g. 06 12 34 56 78."))
        ],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    help_kind = forms.ChoiceField(
        label=_("How would you like to help?"),
        choices=HelpKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you would like to help.")},
    )
    message = MessageField(
        label=_("Your message"),
        max_length=_max_length("message"),
        error_messages={"required": _("Write a few words about what you offer.")},
        widget=forms.Textarea(attrs={"rows": 7}),
    )
    consent_to_be_contacted = forms.BooleanField(
        error_messages={"required": _("Tick this box so that we may answer you.")},
    )

    def __init__(self, *args, candidate_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _(
            "Who you are, what you offer %(name)s, how to reach you. At most 2,000 characters."
        ) % {"name": candidate_name}
        self.fields["consent_to_be_contacted"].label = _(
            "I agree that %(name)s's coach and the programme's team contact me about this message."
        ) % {"name": candidate_name}
