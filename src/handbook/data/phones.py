"""UK phone numbers: stored as written, checked with libphonenumber, shown and linked."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

REGION = "GB"


class PhoneError(ValueError):
    """A number that is not a valid UK number, with a message for the editor."""


def is_emergency(raw: str) -> bool:
    return phonenumbers.is_emergency_number(_digits(raw), REGION)


@lru_cache(maxsize=4096)  # each number is shown, linked and indexed on many pages
def parse(raw: str) -> phonenumbers.PhoneNumber:
    """Parse a number as an editor wrote it, or raise PhoneError saying what is wrong."""
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f"'{raw}' is not a phone number ({_reason(exc)})") from None
    if not phonenumbers.is_valid_number(number):
        digits = len(str(number.national_number)) + 1
        raise PhoneError(
            f"'{raw}' is not a valid UK number ({digits} digits, or an area code that does "
            "not exist; check it against the source)"
        )
    if phonenumbers.region_code_for_number(number) not in ("GB", "GG", "JE", "IM"):
        raise PhoneError(f"'{raw}' is not a UK number")
    return number


def national(raw: str) -> str:
    """How the number is shown on the page: '01254 666400'."""
    if is_emergency(raw):
        return _digits(raw)
    return phonenumbers.format_number(parse(raw), phonenumbers.PhoneNumberFormat.NATIONAL)


def e164(raw: str) -> str:
    """The international form, '+441254666400', used in tel: links."""
    if is_emergency(raw):
        return _digits(raw)
    return phonenumbers.format_number(parse(raw), phonenumbers.PhoneNumberFormat.E164)


def tel_uri(raw: str) -> str:
    return f"tel:{e164(raw)}"


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit() or ch == "+")


def _reason(exc: phonenumbers.NumberParseException) -> str:
    return {
        phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
        phonenumbers.NumberParseException.NOT_A_NUMBER: "it contains letters or no digits",
        phonenumbers.NumberParseException.TOO_SHORT_NSN: "too few digits",
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too few digits",
        phonenumbers.NumberParseException.TOO_LONG: "too many digits",
    }.get(exc.error_type, str(exc))
