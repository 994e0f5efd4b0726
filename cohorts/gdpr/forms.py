"""The form of an erasure: the one thing it asks is why."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the erasure"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the record's history, e.g. « Request by letter of 3 March 2027 ». Names, e-mail "
                    "addresses and phone numbers of the candidate are taken out."),
    )
