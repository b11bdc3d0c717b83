"""Turn pydantic's errors into problems a content editor can act on: one per fault.

pydantic reports a value that fits none of a field's types once per type (an age that is
neither a number nor `unborn` is two errors); those become one message, in words about the
field ("an age in years, e.g. 16"), quoting the value as the editor wrote it.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator

from pydantic import BaseModel, ValidationError

from .loader import LoadedFile, PathKey
from .problems import Problem

# What a field holds, in words, for a value of the wrong kind.
FIELD_WORDS = {
    "min": "an age in years, e.g. 16, or 'unborn'",
    "max": "an age in years, e.g. 16",
    "level": "a level of need, 1 to 4",
    "levels": "a level of need, 1 to 4",
    "review_every_months": "a number of months, 1 to 36, e.g. 12",
    "emergency": "true or false",
}
NUMBER_ERRORS = {
    "float_parsing", "float_type", "int_parsing", "int_type", "int_from_float",
    "finite_number", "bool_parsing", "bool_type",
}  # fmt: skip
DATE_ERRORS = {
    "date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact",
    "date_future", "date_past",
}  # fmt: skip
# Fields that hold a number written as text: the phone library reads what the editor wrote.
NUMBER_TEXT = {"phone", "extension"}


def problems_from(
    error: ValidationError, loaded: LoadedFile, model: type[BaseModel], base: PathKey = ()
) -> Iterator[Problem]:
    seen: set[PathKey] = set()
    for detail in error.errors(include_url=False):
        loc, union = base + tuple(detail["loc"]), False
        if detail["type"] != "extra_forbidden":  # an unknown field is no field of the model
            loc, union = _field_path(model, loc)
        if loc in seen:  # the same value, failing another type of a union
            continue
        seen.add(loc)
        yield Problem(loaded.locate(loc), _message(detail, loc, loaded, model, union))


def _field_path(model: type[BaseModel], loc: PathKey) -> tuple[PathKey, bool]:
    """The loc without the names pydantic gives the types of a union ('float', ...), and
    whether it had any."""
    current: type[BaseModel] | None = model
    in_mapping = False  # inside a field such as who_will_help, keyed by the data's own names
    kept: list = []
    union = False
    for part in loc:
        if isinstance(part, int) or (in_mapping and part != "[key]"):
            kept.append(part)
        elif current is not None and part in current.model_fields:
            kept.append(part)
            annotation = current.model_fields[part].annotation
            current = _model_in(annotation)
            in_mapping = current is None and _is_mapping(annotation)
        elif part != "[key]":
            union = True  # the name pydantic gives one type of a union
    return tuple(kept), union


def _is_mapping(annotation) -> bool:
    if typing.get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in typing.get_args(annotation))


def _message(detail: dict, loc: PathKey, loaded: LoadedFile, model, union: bool) -> str:
    kind = detail["type"]
    field = _field_name(loc)
    where = _entry_label(loc, loaded)
    value = detail.get("input")
    got = _as_written(loaded, loc, value)
    if kind == "extra_forbidden":
        hint = _did_you_mean(field, _known_fields(model, loc))
        return f"{where}unknown field '{field}'{hint}"
    if kind == "missing":
        return f"{where}missing required field '{field}'"
    if value is None or kind == "string_too_short":
        return f"{where}'{field}' is empty (fill it in, or remove it if it is optional)"
    if kind == "string_type":
        return where + _not_text(field, value, got)
    if kind in ("list_type", "dict_type", "model_type"):
        shape = {"list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}[kind]
        what = f"each item of '{field}'" if isinstance(loc[-1], int) else f"'{field}'"
        return f"{where}{what} must be {shape} (check the indentation and the '-' marks)"
    if union or kind in NUMBER_ERRORS:
        words = FIELD_WORDS.get(field, "a number")
        return f"{where}'{field}' must be {words} (got {got})"
    if kind in DATE_ERRORS:
        return (
            f"{where}'{field}' must be a real date, written year-month-day such as "
            f"2026-11-23 (got {got})"
        )
    if kind == "literal_error":
        allowed = detail.get("ctx", {}).get("expected", "")
        return f"{where}{got} is not allowed for '{field}' (use one of: {allowed})"
    if kind == "string_pattern_mismatch":
        return f"{where}'{field}' {_pattern_hint(field, value)}"
    if kind == "too_short":
        return f"{where}'{field}' must list at least one item"
    if kind == "value_error":
        return f"{where}{detail['msg'].removeprefix('Value error, ')}"
    return f"{where}'{field}': {detail['msg'].lower()} (got {got})"


def _as_written(loaded: LoadedFile, loc: PathKey, value) -> str:
    """The value as the editor wrote it: `01254666400`, not the number YAML read (179531008)."""
    written = loaded.written.get(loc)
    if written is not None:
        return written
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def _not_text(field: str, value, got: str) -> str:
    if isinstance(value, list):
        return f"'{field}' must be text, not a list (remove the '-' marks or the [ ])"
    if isinstance(value, dict):
        return f"'{field}' must be text, not a mapping (check the indentation)"
    what = "the number" if field in NUMBER_TEXT else "it"
    return f"'{field}' must be text: write {what} in quotes, such as {field}: \"{got}\""


def _field_name(loc: PathKey) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    return names[-1] if names else "entry"


def _entry_label(loc: PathKey, loaded: LoadedFile) -> str:
    """'bwd-engage: ' for an error inside a list entry that has an id."""
    data = loaded.data
    label = ""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(data, dict) and isinstance(data.get("id"), str):
            label = f"{data['id']}: "
    return label


def _known_fields(model: type[BaseModel], loc: PathKey) -> list[str]:
    """Field names allowed at `loc`, found by walking the model's annotations."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (allowed here: {', '.join(known)})" if known else ""


def _pattern_hint(field: str, value: object) -> str:
    if field in ("email", "content_owner"):
        return f"is not an email address: '{value}'"
    if field == "repository":
        return (
            "must be the address of a GitHub repository, such as "
            f"'https://github.com/lancashire/handbook' (got '{value}')"
        )
    if field in ("website", "site_url", "url"):
        return (
            f"must be a web address starting with https:// (got '{value}'); websites must "
            "be https, so that no one can change the page on its way"
        )
    if field == "extension":
        return f"must be digits only, such as \"4321\" (got '{value}')"
    if field == "owners":
        return (
            "must name GitHub accounts or teams, such as '@blackpool-editor' or "
            f"'@lancashire/blackpool-editors' (got '{value}')"
        )
    return f"must be lower-case words joined by hyphens, such as 'bwd-family-time' (got '{value}')"
