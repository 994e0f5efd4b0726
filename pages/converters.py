"""Row ids read from what the public sends (a URL, a form): numbers the database can store, or no id at all.

Anyone may open /contact/99999999999999999999/ or ?pour=99999999999999999999: a number beyond the database's
64-bit integers names no row (a 404), and is never handed to the database, which may fail on it (SQLite raises
OverflowError).
"""

MAX_ROW_ID = 2**63 - 1


def parse_row_id(value):
    """The positive id that ``value`` names, or None when it names none (not a number, or out of range)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ROW_ID else None


class RowIdConverter:
    """``<id:page_id>`` in a route: like ``<int:...>``, but a number out of the database's range does not match."""

    regex = "[0-9]+"

    def to_python(self, value):
        number = parse_row_id(value)
        if number is None:
            raise ValueError(f"{value} is not a row id")
        return number

    def to_url(self, value):
        return str(value)
