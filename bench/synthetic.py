"""Synthetic projects of any size for the benchmark: valid data shaped like the real data.

Field sizes and list lengths follow data/services.yaml (measured on the real data: a
service is about 3.8 KB of YAML, with a 200-character summary, a 1,200-character
description, a 500-character note and a few bullets); each service has contacts and related
services of its own borough, so every rule has real references to resolve. Services are
grouped in sections of 100, as an editor would group them: Material renders the whole
navigation on every page, and only sections with `navigation.prune` keep that linear
(see /work/shared/FIELD-NOTES.md).

The same size and seed always give the same data (review dates aside: they are counted back
from the build date, so that no entry is overdue), so runs can be compared.

    python -m bench.synthetic OUT --services 1000
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from datetime import timedelta
from pathlib import Path

import phonenumbers
import yaml

from handbook.data import phones
from handbook.data.clock import build_date
from handbook.data.model import ROUTES, TAGS

REPO = Path(__file__).resolve().parent.parent
# What a project needs besides its data and content: copied so the build is the real one.
PROJECT_FILES = ("mkdocs.yml", "hooks", "overrides")
SECTION_SIZE = 100
BOROUGH_NAMES = ("northshire", "southvale", "eastmoor", "westdale", "midford")
SERVICES_PER_CONTACT = 3
GLOSSARY_TERMS = 200  # the real glossary has 189; it does not grow with the services

_VOCABULARY = """
child children family families young people parent carer practitioner school health visitor
midwife social worker team service support help early assessment plan review referral need
needs level risk harm safety safeguarding concern consent information sharing agency agencies
partner partners local community home education attendance wellbeing emotional mental
physical development neglect abuse exploitation missing domestic violence substance misuse
housing advice guidance contact duty hub multi-agency meeting conference core group outcome
outcomes strengths resilience relationship relationships trust voice participation views
wishes feelings together timely proportionate appropriate specialist targeted universal
intensive statutory protection care leavers foster adoption court order placement
transition adult services youth justice offending prevention intervention therapy
counselling group work one-to-one sessions weekly visits phone email online form panel
"""
WORDS = _VOCABULARY.split()


class Prose:
    """Sentences of plausible words: text of a given length with no numbers in it.

    No digits, so that nothing in the prose can read as an age or a phone number.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, low: int = 8, high: int = 22) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def text(self, chars: int) -> str:
        """Sentences of about `chars` characters in all (never empty)."""
        sentences, length = [], 0
        while length < chars:
            words = self.rng.choices(WORDS, k=self.rng.randint(8, 22))
            # The last sentence is cut to length, so short fields stay short.
            while words and length + len(" ".join(words)) > chars + 10:
                words.pop()
            sentence = " ".join(words or self.rng.choices(WORDS, k=2)).capitalize() + "."
            sentences.append(sentence)
            length += len(sentence) + 1
        return " ".join(sentences)

    def title(self, low: int = 2, high: int = 5) -> str:
        return " ".join(
            w.capitalize() for w in self.rng.choices(WORDS, k=self.rng.randint(low, high))
        )

    def around(self, mean: int) -> int:
        """A length near `mean`, varied as the real fields vary (half to one and a half)."""
        return self.rng.randint(mean // 2, mean * 3 // 2)

    def bullets(self, count: int, mean: int) -> list[str]:
        return [self.text(self.around(mean)) for _ in range(count)]


def phone_numbers(rng: random.Random, count: int) -> list[str]:
    """`count` different valid UK numbers, written as editors write them.

    libphonenumber's example numbers (a landline, a mobile, 0800 and 03 numbers) with their
    last six digits varied; only numbers that `handbook check` itself accepts are kept.
    """
    kinds = ("FIXED_LINE", "MOBILE", "TOLL_FREE", "UAN")
    examples = [
        str(
            phonenumbers.example_number_for_type(
                "GB", getattr(phonenumbers.PhoneNumberType, k)
            ).national_number
        )
        for k in kinds
    ]
    found: dict[str, None] = {}  # ordered and unique
    while len(found) < count:
        stem = rng.choice(examples)[:-6]
        number = phonenumbers.PhoneNumber(44, int(stem + f"{rng.randrange(10**6):06d}"))
        if not phonenumbers.is_valid_number(number):
            continue
        style = (
            phonenumbers.PhoneNumberFormat.INTERNATIONAL
            if rng.random() < 0.1
            else phonenumbers.PhoneNumberFormat.NATIONAL
        )
        written = phonenumbers.format_number(number, style)
        phones.parse(written)  # raises if the checker would not accept it
        found[written] = None
    return list(found)


def borough_ids(count: int) -> list[str]:
    """`count` borough ids: the five names, then numbered districts (England has 150)."""
    names = list(BOROUGH_NAMES[:count])
    return names + [f"district-{i:03d}" for i in range(len(names) + 1, count + 1)]


class Generator:
    """Builds the data of one synthetic project, borough by borough."""

    def __init__(self, services: int, boroughs: int, seed: int):
        self.rng = random.Random(seed)
        self.prose = Prose(self.rng)
        self.services = services
        self.borough_ids = borough_ids(boroughs)
        # Reviews are dated from the build date, so that no entry is ever overdue.
        self.today = build_date()

    def per_borough(self) -> dict[str, int]:
        """Services spread evenly over the boroughs (the first ones take the remainder)."""
        base, extra = divmod(self.services, len(self.borough_ids))
        return {b: base + (i < extra) for i, b in enumerate(self.borough_ids)}

    def provenance(self) -> dict:
        return {
            "source": f"Synthetic {self.prose.title()} guide, {self.prose.title(1, 3)} section",
            "last_reviewed": self.today - timedelta(days=self.rng.randrange(180)),
            "review_every_months": 12,
        }

    # --- boroughs.yaml

    def boroughs_file(self) -> dict:
        shared = [
            {"id": "part-one", "title": "Part One: levels of need",
             "intro": self.prose.text(900), "pages": ["levels-of-need", "conversations.md"]},
            {"id": "part-two", "title": "Part Two: consent and information sharing",
             "intro": self.prose.text(400), "pages": ["consent.md"]},
        ]  # fmt: skip
        counts = self.per_borough()
        return {
            "shared_sections": shared,
            "boroughs": [self.borough(b, counts[b]) for b in self.borough_ids],
        }

    def borough(self, borough_id: str, services: int) -> dict:
        sections = [
            {
                "id": "about",
                "title": f"Working with children in {borough_id.title()}",
                "pages": ["about.md"],
            }
        ]
        sections += [
            {"id": section_id(i), "title": f"Services, part {i + 1}", "intro": self.prose.text(300)}
            for i in range(math.ceil(services / SECTION_SIZE))
        ]
        return {
            "id": borough_id,
            "name": borough_id.title(),
            "council": f"{borough_id.title()} Council",
            "front_door": f"{borough_id}-front-door",
            "out_of_hours": [f"{borough_id}-out-of-hours"],
            "emergency": "shared-police",
            "intro": self.prose.text(700),
            "source": self.provenance()["source"],
            "sections": sections,
        }

    # --- contacts.yaml

    def contact_ids(self, borough_id: str, services: int) -> list[str]:
        count = math.ceil(services / SERVICES_PER_CONTACT)
        return [f"{borough_id}-contact-{i:05d}" for i in range(count)]

    def contacts_file(self) -> dict:
        counts = self.per_borough()
        ids = [f"{b}-{kind}" for b in self.borough_ids for kind in ("front-door", "out-of-hours")]
        ids += [c for b in self.borough_ids for c in self.contact_ids(b, counts[b])]
        numbers = iter(phone_numbers(self.rng, len(ids) + 1))
        police = {"id": "shared-police", "borough": "shared", "name": "Police (emergency)"}
        police.update(phone="999", emergency=True, audience="both", **self.provenance())
        duty = {"id": "shared-duty", "borough": "shared", "name": "Duty social worker"}
        duty.update(phone=next(numbers), audience="professionals", **self.provenance())
        return {"contacts": [police, duty, *(self.contact(c, numbers) for c in ids)]}

    def contact(self, contact_id: str, numbers) -> dict:
        borough_id = next(b for b in self.borough_ids if contact_id.startswith(b + "-"))
        entry = {"id": contact_id, "borough": borough_id, "name": self.prose.title() + " Team"}
        # Most contacts are a number; some are only an email or a web address (as in the real data).
        if self.rng.random() < 0.8 or not contact_id.startswith(f"{borough_id}-contact"):
            entry["phone"] = next(numbers)
        if self.rng.random() < 0.3 or "phone" not in entry:
            entry["email"] = f"{contact_id}@{borough_id}.example.gov.uk"
        if self.rng.random() < 0.2:
            entry["website"] = f"https://www.{borough_id}.example.gov.uk/{contact_id}"
        if self.rng.random() < 0.5:
            entry["hours"] = "Monday to Friday, office hours"
        entry["audience"] = self.rng.choice(["professionals", "public", "both"])
        entry["notes"] = self.prose.text(self.prose.around(300))
        return {**entry, **self.provenance()}

    # --- services.yaml

    def services_file(self) -> dict:
        out = []
        for borough_id, count in self.per_borough().items():
            ids = [f"{borough_id}-service-{i:05d}" for i in range(count)]
            contacts = self.contact_ids(borough_id, count)
            out += [self.service(borough_id, i, ids, contacts) for i in range(count)]
        return {"services": out}

    def service(self, borough_id: str, index: int, ids: list[str], contacts: list[str]) -> dict:
        rng, prose = self.rng, self.prose
        own = ids[index]
        others = [s for s in rng.sample(ids, min(len(ids), 4)) if s != own]
        entry: dict = {
            "id": own,
            "borough": borough_id,
            "name": prose.title() + " Service",
            "aliases": [prose.title(1, 3) for _ in range(rng.randint(3, 10))],
            "section": section_id(index // SECTION_SIZE),
            "summary": prose.text(prose.around(200)),
        }
        if rng.random() < 0.3:
            low = rng.choice(["unborn", 0, 5, 10.5, 11])
            entry["ages"] = {"min": low, "max": rng.choice([17.75, 18, 19, 25])}
        entry["levels"] = sorted(rng.sample([1, 2, 3, 4], rng.randint(1, 3)))
        entry["tags"] = rng.sample(list(TAGS), rng.randint(1, 4))
        entry["contacts"] = rng.sample(contacts, min(len(contacts), rng.randint(0, 2)))
        entry["related"] = others[: rng.randint(0, 3)]
        entry["referral"] = {
            "who": prose.text(prose.around(70)),
            "how": prose.text(prose.around(250)),
            "routes": rng.sample(list(ROUTES), rng.randint(1, 2)),
        }
        entry.update(self.optional_text())
        entry["what_we_do"] = prose.bullets(rng.randint(1, 5), 135)
        entry["why"] = prose.bullets(rng.randint(1, 2), 115)
        if rng.random() < 0.1:
            entry["how"] = prose.bullets(rng.randint(1, 4), 150)
        entry["description"] = self.description()
        if rng.random() < 0.85:
            entry["notes"] = prose.text(prose.around(600))
        return {**entry, **self.provenance()}

    def optional_text(self) -> dict:
        rng, prose = self.rng, self.prose
        out = {}
        if rng.random() < 0.1:
            out["consent"] = prose.text(150)
        if rng.random() < 0.2:
            out["eligibility"] = prose.text(prose.around(400))
        if rng.random() < 0.1:
            out["timescales"] = prose.bullets(rng.randint(1, 3), 100)
        return out

    def description(self) -> str:
        """About 1,200 characters of Markdown: paragraphs, a heading and a short list."""
        prose = self.prose
        items = "\n".join(f"- {prose.sentence(4, 10)}" for _ in range(self.rng.randint(2, 5)))
        return (
            f"{prose.text(prose.around(520))}\n\n### {prose.title()}\n\n"
            f"{prose.text(prose.around(420))}\n\n{items}\n"
        )

    # --- levels.yaml and glossary.yaml: fixed size, as in the real data

    def levels_file(self) -> dict:
        names = ("Universal", "Early help", "Child in need", "Child protection")
        levels = []
        for number, name in enumerate(names, start=1):
            levels.append({
                "level": number,
                "name": name,
                "definition": self.prose.text(400),
                "response": self.prose.text(200),
                "assessment": self.prose.text(100),
                "information_sharing": self.prose.text(100),
                "consent": self.prose.text(500),
                "indicators": self.prose.bullets(20, 60),
                "resilient_factors": self.prose.bullets(8, 60),
                "who_will_help": {b: [f"{b}-front-door"] for b in self.borough_ids},
                **self.provenance(),
            })  # fmt: skip
        return {"intro": self.prose.text(2000), "straight_to_level_4": self.prose.text(400),
                "source": self.provenance()["source"], "levels": levels}  # fmt: skip

    def glossary_file(self) -> dict:
        terms = []
        for i in range(GLOSSARY_TERMS):
            # About half are acronyms (CADS, MASH ...), as in the real glossary: each
            # acronym becomes an abbreviation on every page.
            if i % 2:
                term = self.prose.title(1, 2)
            else:
                term = "".join(self.rng.choices("ABCDEFGHIJKLMNOPRSTUVW", k=self.rng.randint(2, 5)))
            terms.append({"id": f"term-{i:03d}", "term": term, "expansion": self.prose.title(),
                          "meaning": self.prose.text(350), **self.provenance()})  # fmt: skip
        return {"terms": terms}

    # --- content/

    def content_pages(self) -> dict[str, str]:
        pages = {
            "shared/conversations.md": self.page("Having conversations with families", 3500),
            "shared/consent.md": self.page("Consent and information sharing", 5000),
        }
        for borough_id in self.borough_ids:
            pages[f"{borough_id}/about.md"] = self.page(f"About {borough_id.title()}", 2000)
        return pages

    def page(self, title: str, chars: int) -> str:
        parts = [f"# {title}\n"]
        while sum(map(len, parts)) < chars:
            parts.append(f"## {self.prose.title()}\n\n{self.prose.text(600)}\n")
        return "\n".join(parts)


def section_id(index: int) -> str:
    return f"services-{index + 1:03d}"


class _Dumper(yaml.CSafeDumper):
    """libyaml's emitter (10,000 services dump in seconds, not minutes), writing text with
    line breaks as `|` blocks, as the real data is written."""


def _text(dumper: yaml.Dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_yaml(path: Path, data: dict) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    path.write_text(text, encoding="utf-8")


def generate(root: Path, services: int, boroughs: int = 3, seed: int = 1) -> Path:
    """Write a complete project with `services` services into `root` (emptied first)."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "data").mkdir(parents=True)
    gen = Generator(services, boroughs, seed)
    files = {
        "boroughs.yaml": gen.boroughs_file(),
        "contacts.yaml": gen.contacts_file(),
        "services.yaml": gen.services_file(),
        "levels.yaml": gen.levels_file(),
        "glossary.yaml": gen.glossary_file(),
    }
    for name, data in files.items():
        write_yaml(root / "data" / name, data)
    for path, text in gen.content_pages().items():
        target = root / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    copy_project_files(root)
    return root


def copy_project_files(root: Path, names: tuple[str, ...] = PROJECT_FILES) -> None:
    """Copy files and folders of this repository into `root`."""
    for name in names:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic handbook project.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--boroughs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.services, args.boroughs, args.seed)


if __name__ == "__main__":
    main()
