"""UK phone numbers: stored as written, checked with libphonenumber, shown and linked.

Three kinds of number are allowed: the emergency numbers (999, 112), the public short
numbers anyone may call (101 police, 111 NHS, and the 116 numbers of the European helplines
such as 116 123, Samaritans), and full UK numbers. A number is written with digits, spaces,
brackets and hyphens only: libphonenumber would read letters as keypad digits or drop them
("0800 O92 2332" becomes 0800 922332), so a letter is always an error.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType, shortnumberinfo

REGION = "GB"
# Short numbers anyone may call, beyond the emergency ones; 116 numbers are checked against
# libphonenumber's list of those in service.
PUBLIC_SHORT = ("101", "111")
HELPLINE = re.compile(r"^116\d{3}$")
# Number types that cost the caller far more, or forward anywhere: errors unless an entry says
# they are meant (`number_type_intended`).
COSTLY_TYPES = {
    PhoneNumberType.PREMIUM_RATE: (
        "premium-rate",
        "a premium-rate or service-charge number (calls cost more than a normal call)",
    ),
    PhoneNumberType.PERSONAL_NUMBER: (
        "personal",
        "a personal number (070: it forwards to any phone, costs more, and is often used by "
        "scammers)",
    ),
}
INTENDED_TYPES = tuple(name for name, _ in COSTLY_TYPES.values())
# What may appear in a number besides the digits 0 to 9.
SEPARATORS = set(" \u00a0()-.\u2010\u2011\u2012\u2013")
EXTENSION_WORDS = re.compile(r"\b(?:ext|extn|extension|x)\b\.?\s*\d", re.IGNORECASE)
LOOKS_LIKE_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1"}


class PhoneError(ValueError):
    """A number that is not a valid UK number, with a message for the editor."""


@lru_cache(maxsize=4096)  # asked of each contact's number by several rules
def is_emergency(raw: str) -> bool:
    return _plain_digits(raw) and phonenumbers.is_emergency_number(_digits(raw), REGION)


@lru_cache(maxsize=4096)  # asked of each contact's number by several rules
def is_public_short(raw: str) -> bool:
    """101, 111 or a 116 helpline in service: allowed on any contact, shown as written."""
    if not _plain_digits(raw):
        return False
    digits = _digits(raw)
    if digits in PUBLIC_SHORT:
        return True
    if HELPLINE.match(digits):
        number = phonenumbers.parse(digits, REGION)
        return shortnumberinfo.is_valid_short_number_for_region(number, REGION)
    return False


def is_short(raw: str) -> bool:
    """A number dialled as it is, never with +44: an emergency or public short number."""
    return is_emergency(raw) or is_public_short(raw)


@lru_cache(maxsize=4096)  # each number is shown, linked and indexed on many pages
def parse(raw: str) -> phonenumbers.PhoneNumber:
    """Parse a full number as an editor wrote it, or raise PhoneError saying what is wrong."""
    _check_written(raw)
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f"'{raw}' is not a phone number ({_reason(exc)})") from None
    # is_valid_number(number), with the region it finds kept: finding it is most of the cost.
    region = phonenumbers.region_code_for_number(number)
    if not phonenumbers.is_valid_number_for_region(number, region):
        if shortnumberinfo.is_valid_short_number_for_region(number, REGION):
            raise PhoneError(
                f"'{raw}' is a short number that is not a public line (the short numbers "
                "allowed are 999 and 112 for emergencies, 101, 111 and the 116 helplines); "
                "check it against the source"
            )
        digits = len(str(number.national_number)) + 1
        raise PhoneError(
            f"'{raw}' is not a valid UK number ({digits} digits, or an area code that does "
            "not exist; check it against the source)"
        )
    if region not in ("GB", "GG", "JE", "IM"):
        raise PhoneError(f"'{raw}' is not a UK number")
    return number


def costly_type(raw: str) -> tuple[str, str] | None:
    """('premium-rate', words) for a full number that costs far more to call, else None."""
    return COSTLY_TYPES.get(phonenumbers.number_type(parse(raw)))


def national(raw: str, extension: str | None = None) -> str:
    """How the number is shown on the page: '01254 666400', '116 123', '999'."""
    if is_short(raw):
        digits = _digits(raw)
        return f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits
    shown = phonenumbers.format_number(parse(raw), phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"{shown} extension {extension}" if extension else shown


def e164(raw: str) -> str:
    """The international form, '+441254666400', used in tel: links; a short number as it is."""
    if is_short(raw):
        return _digits(raw)
    return phonenumbers.format_number(parse(raw), phonenumbers.PhoneNumberFormat.E164)


def tel_uri(raw: str, extension: str | None = None) -> str:
    """'tel:+441254666400', with the extension kept as RFC 3966 writes it (';ext=4321')."""
    return f"tel:{e164(raw)}" + (f";ext={extension}" if extension else "")


def _check_written(raw: str) -> None:
    """Refuse what libphonenumber would silently change: letters and stray symbols."""
    if EXTENSION_WORDS.search(raw):
        raise PhoneError(
            f"'{raw}' includes an extension: write the number alone in 'phone' and the "
            'extension in its own field, such as extension: "4321"'
        )
    letters = [ch for ch in raw if ch.isalpha()]
    if letters:
        first = letters[0]
        if first in LOOKS_LIKE_DIGIT:
            raise PhoneError(
                f"'{raw}' contains the letter {first}: did you mean {LOOKS_LIKE_DIGIT[first]}?"
            )
        raise PhoneError(
            f"'{raw}' is not a phone number (it contains letters: put only the number in "
            "'phone', and words in 'name', 'hours' or 'notes')"
        )
    body = raw.strip().removeprefix("+")
    stray = sorted({ch for ch in body if ch not in SEPARATORS and not ("0" <= ch <= "9")})
    if stray:
        raise PhoneError(
            f"'{raw}' contains '{stray[0]}': write the digits 0 to 9, with spaces, brackets "
            "or hyphens as the source prints them"
        )


def _plain_digits(raw: str) -> bool:
    return all("0" <= ch <= "9" or ch in SEPARATORS for ch in raw) and any(
        "0" <= ch <= "9" for ch in raw
    )


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if "0" <= ch <= "9" or ch == "+")


def _reason(exc: phonenumbers.NumberParseException) -> str:
    return {
        phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
        phonenumbers.NumberParseException.NOT_A_NUMBER: "it has no digits",
        phonenumbers.NumberParseException.TOO_SHORT_NSN: "too few digits",
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too few digits",
        phonenumbers.NumberParseException.TOO_LONG: "too many digits",
    }.get(exc.error_type, str(exc))
