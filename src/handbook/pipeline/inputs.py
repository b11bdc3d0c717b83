"""What a borough's built site is made from, as one hash: when it is unchanged, so is the site.

The inputs are the borough's stage (its rendered pages, its builder configuration and its
manifest), the theme overrides, this package's own code and templates (the after-build steps
are part of what is built), the versions of the tools that write the output, and the build
options. The hashes of a build are kept beside it in site/, and a later build takes a
borough whose hash has not changed from there instead of building it again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..builders import Builder
from ..builders.base import versions_of
from ..site.stage import THEME_DIR, Stage

HASHES_FILE = ".handbook-build.json"
PACKAGE = Path(__file__).resolve().parent.parent
# Tools whose output lands in every borough's site besides the builder's own.
TOOLS = (
    "weasyprint", "pydyf", "pagefind", "nh3", "beautifulsoup4", "Markdown", "pymdown-extensions",
    "pillow",
)  # fmt: skip


def input_hash(stage: Stage, builder: Builder, pdfs: bool) -> str:
    digest = hashlib.sha256()
    project = stage.config.parent
    _add(digest, "options", f"builder={builder.name} pdfs={pdfs}".encode())
    for name, version in sorted({**builder.versions(), **versions_of(TOOLS)}.items()):
        _add(digest, f"version:{name}", str(version).encode())
    for path in stage.files():
        _add(digest, f"stage:{path.relative_to(project).as_posix()}", path.read_bytes())
    theme = _theme_dir(stage)
    for path in _files(theme):
        _add(digest, f"theme:{path.relative_to(theme).as_posix()}", path.read_bytes())
    for path in _files(PACKAGE):
        if path.suffix in (".py", ".j2", ".css", ".js", ".json", ".yaml"):
            _add(digest, f"code:{path.relative_to(PACKAGE).as_posix()}", path.read_bytes())
    return digest.hexdigest()


def _theme_dir(stage: Stage) -> Path:
    import yaml

    config = yaml.safe_load(stage.config.read_text(encoding="utf-8"))
    custom = (config.get("theme") or {}).get("custom_dir")
    return Path(custom) if custom else stage.config.parent / THEME_DIR


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _add(digest, label: str, data: bytes) -> None:
    # Length-prefixed, so that no two different sets of inputs read the same.
    for part in (label.encode(), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
