"""django-import-export widgets that read values the way staff write them, and say what is wrong in French.

Each ``clean`` raises ValueError with a message that quotes the value; the resource adds the line and column.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets

from cohorts.imports.columns import normalise_header

DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def _shown(value):
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    """Text with runs of spaces collapsed; ``required`` makes an empty cell an error."""

    def __init__(self, required=False, max_length=None, **kwargs):
        self.required = required
        self.max_length = max_length
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = re.sub(r"[ \t]+", " ", str(value or "")).strip()
        if self.required and not text:
            raise ValueError(_("this column is required and the cell is empty"))
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                _("%(length)s characters, more than the %(limit)s allowed")
                % {"length": len(text), "limit": self.max_length}
            )
        return text


class NameWidget(TextWidget):
    """A person's name; one written all in capitals or all in small letters gets its usual capitals back."""

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text.isupper() or text.islower():
            text = text.title()
        return text


class EmailWidget(widgets.CharWidget):
    def __init__(self, required=False, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text.startswith("mailto:"):
            text = text[len("mailto:"):]
        if not text:
            if self.required:
                raise ValueError(_("this column is required and the cell is empty"))
            return ""
        try:
            validate_email(text)
        except ValidationError:
            raise ValueError(_("« %(value)s » is not a valid e-mail address") % {"value": _shown(value)}) from None
        return text

    def clean_quietly(self, value):
        """The e-mail as a key to look records up with, or "" when it is not an e-mail."""
        try:
            return self.clean(value)
        except ValueError:
            return ""


def normalise_phone(value):
    """A French number as « 06 12 34 56 78 »; a foreign one as +<digits>; None when it is not a number.

    Accepts the usual writings: spaces, dots, dashes, +33, 0033, +33 (0), and the leading zero a spreadsheet
    drops when it takes the number for a number.
    """
    text = str(value).strip()
    digits = re.sub(r"[\s.\-/()]", "", text.replace("(0)", ""))
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    if re.fullmatch(r"[1-9]\d{8}", digits):
        digits = "0" + digits
    if re.fullmatch(r"0[1-9]\d{8}", digits):
        return " ".join(digits[i:i + 2] for i in range(0, 10, 2))
    if re.fullmatch(r"\+[1-9]\d{6,14}", digits):
        return digits
    return None


class PhoneWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        phone = normalise_phone(value)
        if phone is None:
            raise ValueError(_("« %(value)s » is not a phone number") % {"value": _shown(value)})
        return phone


class FlexibleDateWidget(widgets.Widget):
    """Real Excel date cells, and dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd text."""

    def __init__(self, past_only=False, **kwargs):
        self.past_only = past_only
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            parsed = value.date()
        elif isinstance(value, datetime.date):
            parsed = value
        else:
            parsed = self._parse(str(value).strip())
            if parsed is None:
                raise ValueError(_("« %(value)s » is not a date") % {"value": _shown(value)})
        if self.past_only and parsed > timezone.localdate():
            raise ValueError(_("« %(value)s » is in the future") % {"value": parsed.strftime("%d/%m/%Y")})
        return parsed

    def _parse(self, text):
        text = text.split(" ")[0]  # "12/03/1990 00:00" as some exports write it
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        return None

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d/%m/%Y") if value else ""


class PositiveIntegerWidget(widgets.Widget):
    def __init__(self, default=1, **kwargs):
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return self.default
        text = str(value).strip()
        if not re.fullmatch(r"\d+", text) or int(text) < 1:
            raise ValueError(_("« %(value)s » is not a whole number of at least 1") % {"value": text})
        return int(text)


class LookupWidget(widgets.Widget):
    """A value matched against a set of known objects by their name (or code), ignoring case and accents.

    ``choices`` maps normalised names to objects; it is filled by the resource before the import starts, so a
    10,000-row file costs one query, not one per row. Unknown values are errors that list the known ones,
    unless ``create`` is given: then a new object is made once per distinct name and saved by the resource.
    """

    def __init__(self, label, required=False, **kwargs):
        self.label = label
        self.required = required
        self.choices = {}
        super().__init__(**kwargs)

    def lookup(self, text):
        return self.choices.get(normalise_header(text))

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            if self.required:
                raise ValueError(_("this column is required and the cell is empty"))
            return None
        found = self.lookup(text)
        if found is None:
            raise ValueError(self.unknown_message(text))
        return found

    def unknown_message(self, text):
        known = sorted({str(choice) for choice in self.choices.values()})
        message = _("« %(value)s » is not a known %(label)s") % {"value": text, "label": self.label}
        if known and len(known) <= 15:
            message += " " + _("(known: %(known)s)") % {"known": ", ".join(known)}
        return message

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


def split_list(value):
    """« Bâtiment, Logistique ; Vente » -> ["Bâtiment", "Logistique", "Vente"]."""
    return [part.strip() for part in re.split(r"[,;/|\n]+", str(value or "")) if part.strip()]
