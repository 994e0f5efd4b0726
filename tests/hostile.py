"""Hostile input for the property-based tests (hypothesis): what robots, scanners and broken clients send.

Shared by tests/pages/fuzz/ and the import reader's fuzz test. Every fuzz test runs FUZZ_SETTINGS: 200 examples,
no deadline (a request takes a few milliseconds, a huge one more), and fixtures made once per test, not per
example, which the tests account for (they clear the cache and count rows around each example).
"""

import string

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

FUZZ_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces of markup that must never come back as they were sent: a page that shows one has not escaped it.
SCRIPT_PAYLOADS = (
    '<script>alert("fuzz")</script>',
    '"><img src=x onerror=alert("fuzz")>',
    "'><svg onload=alert('fuzz')>",
    '</textarea><script>alert("fuzz")</script>',
    "<a href=\"javascript:alert('fuzz')\">x</a>",
)

# Any character a request can carry (lone surrogates cannot be encoded in UTF-8, so no client sends them).
any_character = st.characters(exclude_categories=("Cs",))
any_text = st.text(any_character, max_size=60)
# Control and format characters, line and paragraph separators, odd spaces: NUL, \r, RTL marks, zero widths.
control_text = st.text(st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Zs")), min_size=1, max_size=12)
scripted_text = st.builds(lambda before, payload, after: before + payload + after,
                          any_text, st.sampled_from(SCRIPT_PAYLOADS), any_text)
# Long enough to pass every max_length, short enough to stay under DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
huge_text = st.builds(lambda piece, times: piece * times,
                      st.text(any_character, min_size=1, max_size=4), st.integers(1_000, 60_000))
# What a program sends where a person types a number, a date or a choice.
odd_scalars = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from([
        "", " ", "0", "-1", "9" * 40, "1e309", "NaN", "inf", "0x1F", "1_000", "١٢٣", "²", "  7  ", "true", "on",
        "null", "None", "[]", "{}", "31/02/2027", "0000-00-00", "9999-12-31", "2027-13-45", "1/1/1", "../../etc",
        "%00", "%ZZ", "\x00", "\u202e", "\ufeff", "😀", "ǅ", "İ", "ß" * 300,
    ]),
)
hostile_text = st.one_of(any_text, control_text, scripted_text, huge_text, odd_scalars)

upload = st.builds(
    lambda name, content: SimpleUploadedFile(f"f{name}", content),
    st.text(string.ascii_letters + string.digits + "._-", max_size=20),
    st.binary(max_size=200),
)


def hostile_value(plausible=None):
    """What a field may receive: a plausible value, hostile text, the field repeated, or a file instead of text."""
    single = hostile_text if plausible is None else st.one_of(plausible, hostile_text)
    return st.one_of(single, st.lists(single, min_size=2, max_size=4), upload)


@st.composite
def changes_to(draw, fields, extra_keys=()):
    """Which fields of a valid form to spoil, and how: ``{name: value}``, or ``{name: None}`` to leave it out.

    Sometimes nothing is spoiled (the form goes through with hostile text in it), sometimes every field is.
    ``fields`` maps a field name to the strategy of its plausible values. Unknown keys are added too.
    """
    names = draw(st.sets(st.sampled_from(sorted(fields)), max_size=len(fields)))
    changes = {name: draw(st.one_of(st.none(), hostile_value(fields[name]))) for name in sorted(names)}
    unknown = st.text(any_character, min_size=1, max_size=20).filter(lambda key: key not in fields)
    for key in draw(st.lists(st.one_of(unknown, st.sampled_from(extra_keys or ["_"])), max_size=3, unique=True)):
        changes.setdefault(key, draw(hostile_value()))
    return changes


def apply_changes(data, changes):
    """The valid ``data`` with ``changes`` made, fields changed to None left out (the test client refuses None)."""
    merged = {**data, **changes}
    return {key: value for key, value in merged.items() if value is not None}


# A body that is not a form at all, or a form broken on the wire: bytes that are not UTF-8, JSON, a cut multipart.
raw_body = st.tuples(
    st.one_of(
        st.binary(max_size=500),
        st.text(any_character, max_size=200).map(str.encode),
        st.lists(st.tuples(st.text(any_character, max_size=10), st.text(any_character, max_size=30)), max_size=8)
        .map(lambda pairs: "&".join(f"{key}={value}" for key, value in pairs).encode()),
    ),
    st.sampled_from([
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=no-such-charset",
        "multipart/form-data; boundary=BoUnDaRy",
        "multipart/form-data",
        "application/json",
        "text/plain",
        "",
    ]),
)


def body_text(response):
    """The response as text, whatever bytes it holds."""
    return response.content.decode("utf-8", errors="replace")


def assert_safe_response(response, allowed):
    """No server error, one of the ``allowed`` statuses, no markup sent back as it came, no redirect elsewhere."""
    event(f"status {response.status_code}")  # pytest --hypothesis-show-statistics tells which paths were taken
    assert response.status_code < 500, response.status_code
    assert response.status_code in allowed, response.status_code
    if response.get("Content-Type", "").startswith("application/json"):
        # Data, not a page: a browser shows it as text, and never guesses it is HTML (nosniff).
        assert response["X-Content-Type-Options"] == "nosniff"
    else:
        body = body_text(response)
        for payload in SCRIPT_PAYLOADS:
            assert payload not in body, f"{payload!r} comes back unescaped"
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
