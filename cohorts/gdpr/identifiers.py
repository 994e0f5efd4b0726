"""What identifies a person in free text (names, e-mail, phone), and how to find and take it out of text and JSON.

Names are matched whatever the case and the accents (« ZEPHYRINE » is « Zéphyrine »), a phone number whatever its
spaces, dots or +33 prefix, an e-mail whatever its case.
"""

import re
import unicodedata

from django.db.models import Q

# Letters with accents, by the plain letter they are written on: « e » matches « é », « è », « ê », « ë »...
_ACCENTED = {}
for _code in range(0x00C0, 0x0250):
    _char = chr(_code)
    _base = unicodedata.normalize("NFKD", _char)[0]
    if _base.isascii() and _base.isalpha():
        _ACCENTED.setdefault(_base.lower(), set()).update({_char, _char.lower(), _char.upper()})

_SEPARATOR = r"[\s.\-]?"
SHORTEST_NAME = 3  # a name alone shorter than this ("Li") would match inside too many words


def _plain(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _name_pattern(name):
    """A regular expression for ``name`` that ignores case and accents, and reads any run of spaces as one."""
    parts = []
    for char in _plain(name.strip()):
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char.lower() in _ACCENTED:
            letters = sorted(_ACCENTED[char.lower()] | {char.lower(), char.upper()})
            parts.append("[" + "".join(re.escape(letter) for letter in letters) + "]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _phone_pattern(phone):
    """« 06 12 34 56 78 » also as « 0612345678 », « 06.12.34.56.78 » or « +33 6 12 34 56 78 »."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None
    if digits.startswith("33") and len(digits) == 11:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 10:
        digits = digits[1:]
    else:
        return _SEPARATOR.join(digits)
    national = _SEPARATOR.join(digits)
    return rf"(?:(?:\+|00)33{_SEPARATOR}(?:\(0\))?{_SEPARATOR}|0){_SEPARATOR}{national}"


class PersonalIdentifiers:
    """A person's names, e-mail addresses and phone numbers, as patterns to look for in text."""

    def __init__(self, *, first_name="", last_name="", emails=(), phones=()):
        self.first_name, self.last_name = first_name.strip(), last_name.strip()
        self.emails = [email.strip() for email in emails if email and email.strip()]
        full_names = [f"{first_name} {last_name}", f"{last_name} {first_name}"] if first_name and last_name else []
        strict = [_name_pattern(name) for name in full_names]
        strict += [re.escape(email.strip()) for email in emails if email and email.strip()]
        strict += [pattern for pattern in map(_phone_pattern, phones) if pattern]
        loose = [rf"\b{_name_pattern(name)}\b" for name in (first_name, last_name)
                 if len(name.strip()) >= SHORTEST_NAME]
        self.full_names = {" ".join(_plain(name).casefold().split()) for name in full_names}
        self._strict = re.compile("|".join(strict), re.IGNORECASE) if strict else None
        self._loose = re.compile("|".join(strict + loose), re.IGNORECASE) if strict or loose else None

    @classmethod
    def of(cls, person):
        """A candidate's or a coach's identifiers, as their record holds them now."""
        return cls(first_name=person.first_name, last_name=person.last_name, emails=[person.email],
                   phones=[person.phone])

    def lookup(self, field_name):
        """A Q that narrows a query to rows whose ``field_name`` may mention the person (then check each one)."""
        terms = [name for name in (self.first_name, self.last_name) if len(name) >= SHORTEST_NAME] + self.emails
        query = Q(pk__in=[])
        for term in terms:
            query |= Q(**{f"{field_name}__icontains": term})
        return query

    def is_full_name(self, text):
        """Whether ``text`` is the person's name (an import report's row label), in either order."""
        return " ".join(_plain(str(text)).casefold().split()) in self.full_names

    def mentioned_in(self, text, *, loose=False):
        pattern = self._loose if loose else self._strict
        return bool(pattern and isinstance(text, str) and pattern.search(text))

    def scrub(self, text, replacement, *, loose=False):
        """``text`` with the full names, e-mail and phone replaced; ``loose`` also replaces each name alone."""
        pattern = self._loose if loose else self._strict
        if not pattern or not isinstance(text, str):
            return text
        return pattern.sub(replacement, text)

    def scrub_json(self, value, replacement):
        """The same JSON value (dicts, lists, strings) with every string scrubbed."""
        if isinstance(value, dict):
            return {key: self.scrub_json(item, replacement) for key, item in value.items()}
        if isinstance(value, list):
            return [self.scrub_json(item, replacement) for item in value]
        return self.scrub(value, replacement)
