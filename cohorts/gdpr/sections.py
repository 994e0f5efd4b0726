"""What a personal-data export is made of: sections of rows (one per kind of record) and files, whoever holds them.

cohorts builds the sections of its own records; the public site adds the story and its photo through the
``CANDIDATE_DATA`` hook (cohorts/hooks.py), returning a ``DataPart`` built with the same helpers.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst


@dataclass(frozen=True)
class Column:
    """One value of a row: ``name`` for machines (JSON keys, CSV headers), ``label`` for people (the summary).

    ``choices`` maps a stored code to its words, for the summary only: the files keep the code.
    """

    name: str
    label: str
    choices: dict | None = None

    def display(self, value):
        if self.choices and value in self.choices:
            return self.choices[value]
        return value


@dataclass
class Section:
    """The records of one kind held about a person: ``key`` names its CSV file and its JSON entry."""

    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""


@dataclass
class DataPart:
    """What one holder of data adds to an export: sections, and files by their path in the ZIP."""

    sections: list = field(default_factory=list)
    files: dict = field(default_factory=dict)


def model_columns(model, names, labels=None):
    """Columns named after the model's fields, labelled with their verbose names; choices keep their words."""
    labels = labels or {}
    columns = []
    for name in names:
        if name in labels:
            columns.append(Column(name, str(labels[name])))
            continue
        model_field = model._meta.get_field(name)
        choices = {value: str(label) for value, label in model_field.choices} if model_field.choices else None
        columns.append(Column(name, capfirst(str(model_field.verbose_name)), choices))
    return columns


def model_section(key, title, model, objects, names, *, values=None, labels=None, note=""):
    """A section of ``objects``, one row each: the fields ``names``, read from the object unless ``values`` says how.

    ``values`` maps a name to a function of the object (a related record's name, a computed figure); a foreign key
    read plainly gives its text.
    """
    values = values or {}
    columns = model_columns(model, names, labels)
    rows = []
    for obj in objects:
        row = {}
        for name in names:
            value = values[name](obj) if name in values else getattr(obj, name)
            row[name] = plain(value)
        rows.append(row)
    return Section(key=key, title=str(title), columns=columns, rows=rows, note=str(note))


def plain(value):
    """A value as JSON holds it: text, number, boolean, date, list, dict or None; a related record becomes its text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)
