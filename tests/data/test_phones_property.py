"""Property tests: however a valid UK number is written, it shows and links the same way."""

from __future__ import annotations

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from handbook.data import phones

# Real UK number shapes taken from libphonenumber's own example numbers, one per type.
EXAMPLES = [
    phonenumbers.example_number_for_type("GB", kind)
    for kind in (
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.UAN,
    )
]


@st.composite
def written_numbers(draw):
    """A valid UK number, written the way people write numbers."""
    example = draw(st.sampled_from(EXAMPLES))
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = "".join(ch for ch in national if ch.isdigit())
    # Vary the last four digits: still a valid number of the same type.
    tail = draw(st.text("0123456789", min_size=4, max_size=4))
    digits = digits[:-4] + tail
    style = draw(st.sampled_from(["plain", "spaced", "international", "dashed", "brackets"]))
    if style == "spaced":
        return digits[:5] + " " + digits[5:]
    if style == "international":
        return "+44 " + digits[1:]
    if style == "dashed":
        return digits[:5] + "-" + digits[5:8] + "-" + digits[8:]
    if style == "brackets":
        return "(" + digits[:5] + ") " + digits[5:]
    return digits


@given(written_numbers())
def test_any_way_of_writing_gives_one_link(raw):
    number = phonenumbers.parse(raw, "GB")
    if not phonenumbers.is_valid_number(number):
        return  # a drawn tail can make an unassigned number; those are tested below
    link = phones.tel_uri(raw)
    assert link == "tel:+44" + str(number.national_number)
    # What the page shows parses back to the same number.
    assert phones.e164(phones.national(raw)) == phones.e164(raw)
    assert phones.national(raw).startswith("0")


@given(st.text("0123456789", min_size=1, max_size=9))
def test_too_short_numbers_are_rejected(digits):
    raw = "0" + digits
    if phones.is_emergency(raw):
        return
    try:
        phones.parse(raw)
    except phones.PhoneError as error:
        assert raw in str(error)
    else:
        # Only genuinely valid short numbers (none exist under 10 digits here) may pass.
        assert phonenumbers.is_valid_number(phonenumbers.parse(raw, "GB"))


def test_emergency_number_links_as_999():
    assert phones.national("999") == "999"
    assert phones.tel_uri("999") == "tel:999"


def test_national_format_of_a_source_number():
    assert phones.national("01254 260 465") == "01254 260465"
    assert phones.tel_uri("01254 260 465") == "tel:+441254260465"
