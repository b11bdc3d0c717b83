"""Turn pydantic's errors into problems a content editor can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pydantic import BaseModel, ValidationError

from .loader import LoadedFile, PathKey
from .problems import Problem


def problems_from(
    error: ValidationError, loaded: LoadedFile, model: type[BaseModel], base: PathKey = ()
) -> Iterator[Problem]:
    for detail in error.errors(include_url=False):
        loc = base + tuple(detail["loc"])
        yield Problem(loaded.locate(loc), _message(detail, loc, loaded, model))


def _message(detail: dict, loc: PathKey, loaded: LoadedFile, model: type[BaseModel]) -> str:
    kind = detail["type"]
    field = _field_name(loc)
    where = _entry_label(loc, loaded)
    if kind == "extra_forbidden":
        hint = _did_you_mean(field, _known_fields(model, loc))
        return f"{where}unknown field '{field}'{hint}"
    if kind == "missing":
        return f"{where}missing required field '{field}'"
    if kind == "literal_error":
        allowed = detail.get("ctx", {}).get("expected", "")
        return f"{where}'{detail['input']}' is not allowed for '{field}' (use one of: {allowed})"
    if kind == "string_pattern_mismatch":
        return f"{where}'{field}' {_pattern_hint(field, detail['input'])}"
    if kind in ("list_type", "dict_type", "model_type"):
        shape = {"list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}[kind]
        return f"{where}'{field}' must be {shape} (check the indentation and the '-' marks)"
    if kind == "value_error":
        return f"{where}{detail['msg'].removeprefix('Value error, ')}"
    return f"{where}'{field}': {detail['msg'].lower()} (got {detail.get('input')!r})"


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
        if isinstance(data, dict) and isinstance(data.get("id"), str):
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
    if field == "email":
        return f"is not an email address: '{value}'"
    if field == "website":
        return f"must be a web address starting with https:// (got '{value}')"
    if field == "owners":
        return (
            "must name GitHub accounts or teams, such as '@blackpool-editor' or "
            f"'@lancashire/blackpool-editors' (got '{value}')"
        )
    return f"must be lower-case words joined by hyphens, such as 'bwd-family-time' (got '{value}')"
