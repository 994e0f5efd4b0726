"""The widgets read cells the way staff write them, and refuse the rest with a message that quotes the value."""

import datetime
import re

import pytest
from django.utils import timezone

from cohorts.imports.columns import normalise_header
from cohorts.imports.widgets import (
    EmailWidget,
    FlexibleDateWidget,
    NameWidget,
    PhoneWidget,
    PositiveIntegerWidget,
    TextWidget,
    normalise_phone,
    split_list,
)


@pytest.mark.parametrize("written", [
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78", "+33612345678",
    "0033612345678", "00 33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "612345678", 612345678,
    " 06 12 34 56 78\u00a0",
])
def test_french_phone_numbers_in_every_usual_writing_come_out_the_same(written):
    assert normalise_phone(written) == "06 12 34 56 78"


def test_foreign_numbers_are_kept_in_international_form():
    assert normalise_phone("+32 470 12 34 56") == "+32470123456"
    assert normalise_phone("0041 79 123 45 67") == "+41791234567"


@pytest.mark.parametrize("written", ["12 34", "06 12 34 56", "06 12 34 56 78 90", "pas de téléphone", "+33"])
def test_what_is_not_a_phone_number_is_refused_with_the_value_quoted(written):
    assert normalise_phone(written) is None
    with pytest.raises(ValueError, match=re.escape(f"« {written} » is not a phone number")):
        PhoneWidget().clean(written)


def test_an_empty_phone_cell_is_allowed():
    assert PhoneWidget().clean("") == ""
    assert PhoneWidget().clean(None) == ""


def test_emails_are_trimmed_and_lower_cased():
    assert EmailWidget().clean("  Noel.Lefevre@Example.ORG ") == "noel.lefevre@example.org"
    assert EmailWidget().clean("mailto:Amina@Example.org") == "amina@example.org"


def test_a_bad_email_is_refused_and_quietly_ignored_as_a_key():
    with pytest.raises(ValueError, match="« amina.diallo@ » is not a valid e-mail address"):
        EmailWidget().clean("amina.diallo@")
    assert EmailWidget().clean_quietly("amina.diallo@") == ""


def test_a_required_email_must_be_given():
    assert EmailWidget().clean("") == ""
    with pytest.raises(ValueError, match="this column is required and the cell is empty"):
        EmailWidget(required=True).clean(" ")


@pytest.mark.parametrize(("written", "expected"), [
    ("17/05/1990", datetime.date(1990, 5, 17)),
    ("17/05/90", datetime.date(1990, 5, 17)),
    ("02/11/05", datetime.date(2005, 11, 2)),
    ("1990-05-17", datetime.date(1990, 5, 17)),
    ("17/05/1990 00:00", datetime.date(1990, 5, 17)),
    (datetime.date(1990, 5, 17), datetime.date(1990, 5, 17)),
    (datetime.datetime(1990, 5, 17, 0, 0), datetime.date(1990, 5, 17)),
    ("", None),
])
def test_dates_are_read_from_excel_cells_and_from_the_usual_writings(written, expected):
    assert FlexibleDateWidget().clean(written) == expected


@pytest.mark.parametrize("written", ["31/02/1990", "1990/17/05", "17 mai 1990", "05/17/1990"])
def test_what_is_not_a_date_is_refused_with_the_value_quoted(written):
    with pytest.raises(ValueError) as excinfo:
        FlexibleDateWidget().clean(written)
    assert str(excinfo.value) == f"« {written} » is not a date"


def test_a_birth_date_cannot_be_in_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValueError) as excinfo:
        FlexibleDateWidget(past_only=True).clean(tomorrow)
    assert str(excinfo.value) == f"« {tomorrow:%d/%m/%Y} » is in the future"
    assert FlexibleDateWidget().clean(tomorrow) == tomorrow


def test_names_typed_all_in_capitals_or_small_letters_get_their_capitals_back():
    widget = NameWidget()
    assert widget.clean("FRANÇOISE") == "Françoise"
    assert widget.clean("jean-baptiste") == "Jean-Baptiste"
    assert widget.clean("  Mc  Donald ") == "Mc Donald"
    assert widget.clean("N'Guessan") == "N'Guessan"


def test_text_length_and_requirement():
    with pytest.raises(ValueError, match="this column is required and the cell is empty"):
        TextWidget(required=True).clean("  ")
    with pytest.raises(ValueError, match="6 characters, more than the 5 allowed"):
        TextWidget(max_length=5).clean("abcdef")


@pytest.mark.parametrize(("written", "expected"), [("", 1), (None, 1), ("3", 3), (2, 2), (" 12 ", 12)])
def test_positions_default_to_one(written, expected):
    assert PositiveIntegerWidget().clean(written) == expected


@pytest.mark.parametrize("written", ["0", "-2", "1.5", "deux"])
def test_positions_below_one_or_not_whole_are_refused(written):
    with pytest.raises(ValueError, match=re.escape(f"« {written} » is not a whole number of at least 1")):
        PositiveIntegerWidget().clean(written)


def test_lists_split_on_the_separators_staff_use():
    assert split_list("Bâtiment, Logistique ; Vente/Accueil |Propreté\nCommerce,") == [
        "Bâtiment", "Logistique", "Vente", "Accueil", "Propreté", "Commerce",
    ]
    assert split_list("") == []


@pytest.mark.parametrize("written", ["date_naissance", "Date de naissance", "DATE NAISSANCE", "Date_Naissance"])
def test_headers_are_compared_without_case_accents_spaces_or_underscores(written):
    assert normalise_header(written) in {"datenaissance", "datedenaissance"}
    assert normalise_header("Prénom") == normalise_header("PRENOM") == "prenom"
