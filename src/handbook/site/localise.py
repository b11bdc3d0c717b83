"""Each site's own words in shared text: its per-borough blocks kept, the others' dropped, and
its placeholders filled in, as Markdown.

The syntax is the data stage's (`handbook.data.blocks`), where the rules check it; here the
text a borough's site shows is made from it. `{front-door-phone}` becomes a tap-to-call link
and `{duty-numbers}` a table (from a template); every other placeholder is its words. The
text is never run as a template: an editor's braces can only ever become these values.
"""

from __future__ import annotations

from typing import TypeVar

import jinja2
from pydantic import BaseModel

from ..data import blocks, phones, placeholders
from ..data.areas import front_doors
from ..data.dataset import Dataset
from ..data.model import Borough

Model = TypeVar("Model", bound=BaseModel)


class Localiser:
    """Makes text for one borough's site."""

    def __init__(self, dataset: Dataset, borough: Borough, env: jinja2.Environment):
        self.dataset, self.borough, self.env = dataset, borough, env
        self._values: dict[str, str | None] = {}
        self._making: set[str] = set()  # a borough's wording may use other placeholders

    def text(self, text: str) -> str:
        if not blocks.has_syntax(text):
            return text
        selected = blocks.select(text, self.borough.id).text
        return blocks.PLACEHOLDER.sub(self._filled, selected)

    def entry(self, entry: Model) -> Model:
        """A copy of a data entry with every text in it made for this site."""
        changes = {}
        for name in type(entry).model_fields:
            value = getattr(entry, name)
            made = self._value_of(value)
            if made is not value:
                changes[name] = made
        return entry.model_copy(update=changes) if changes else entry

    def _filled(self, match) -> str:
        """What a placeholder becomes here (as written, if it cannot be: the check reports
        that, and nothing is built from data that failed it)."""
        name = match.group("name")
        if name in self._making:  # a wording that names itself
            return match.group()
        if name not in self._values:
            self._making.add(name)
            made = self._make(name)
            self._values[name] = made if made is None else self.text(made)
            self._making.discard(name)
        return self._values[name] or match.group()

    def _make(self, name: str) -> str | None:
        if name == "front-door-phone":
            phone = self._front_door_phone()
            return f"[{phones.national(phone)}]({phones.tel_uri(phone)})" if phone else None
        if name == "duty-numbers":
            doors = front_doors(self.dataset, self.borough)
            return self.env.get_template("_duty_numbers.md.j2").render(doors=doors).strip()
        return placeholders.fill(self.dataset, self.borough, name).text

    def _front_door_phone(self) -> str | None:
        contact = self.dataset.contact(self.borough.front_door)
        return contact.phone if contact else None

    def _value_of(self, value):
        if isinstance(value, str):
            made = self.text(value)
            return value if made == value else made
        if isinstance(value, BaseModel):
            return self.entry(value)
        if isinstance(value, list) and any(isinstance(item, (str, BaseModel)) for item in value):
            made = [self._value_of(item) for item in value]
            return value if all(a is b for a, b in zip(made, value, strict=True)) else made
        if isinstance(value, dict) and any(isinstance(item, str) for item in value.values()):
            made = {key: self._value_of(item) for key, item in value.items()}
            return value if all(made[k] is value[k] for k in value) else made
        return value
