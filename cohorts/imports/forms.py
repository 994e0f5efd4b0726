"""The upload form of the import screen: what the file holds (among the kinds this user may import) and the file."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cohorts.imports.kinds import allowed_kinds
from cohorts.imports.reading import SpreadsheetError, check_size

ACCEPTED_FILES = ",".join([
    ".csv", ".xlsx", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
])


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), widget=forms.RadioSelect)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (comma or semicolon) or Excel XLSX, first row the column headers."),
        widget=forms.FileInput(attrs={"accept": ACCEPTED_FILES}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        specs = allowed_kinds(user)
        self.fields["kind"].choices = [(spec.kind, spec.label) for spec in specs]
        if len(specs) == 1:
            self.fields["kind"].initial = specs[0].kind

    def clean_file(self):
        """Too big a file is refused here, next to the field, before anything is read or stored."""
        uploaded = self.cleaned_data["file"]
        try:
            check_size(uploaded.size)
        except SpreadsheetError as error:
            raise ValidationError(str(error), code="too_big") from error
        return uploaded
