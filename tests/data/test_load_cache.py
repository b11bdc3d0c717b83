"""What the loader read is kept between runs, and never outlives the bytes it was read from."""

from __future__ import annotations

import pytest

from handbook.data import load_cache
from handbook.data.loader import load_yaml

FILES = {
    "valid": "services:\n  - id: a\n    phone: 01254666400\n    ages:\n      min: 3\n",
    "repeated key": "contacts:\n  - id: a\n    phone: '1'\n    phone: '2'\n",
    "syntax error": "services:\n  - id: a\n    summary: Call us: now\n",
    "alias": "a: &x 1\nb: *x\n",
    "not UTF-8": b"services:\n  - id: \xff\n",
}


def _seen(loaded) -> tuple:
    """Everything a check reads from a loaded file."""
    return (
        loaded.path,
        loaded.data,
        dict(loaded.locations.items()),
        loaded.problems,
        loaded.written,
    )


@pytest.mark.parametrize("name", FILES)
def test_a_kept_file_is_what_the_loader_reads(tmp_path, name):
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    text = FILES[name]
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    fresh = load_yaml(path, "data/x.yaml")
    first = load_cache.load(tmp_path, path, "data/x.yaml")  # read, and kept
    kept = load_cache.load(tmp_path, path, "data/x.yaml")  # from what was kept
    assert _seen(first) == _seen(fresh)
    assert _seen(kept) == _seen(fresh)


def test_a_changed_file_is_read_again(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    assert load_cache.load(tmp_path, path, "x.yaml").data == {"a": 1}
    path.write_text("a: 2\n")
    assert load_cache.load(tmp_path, path, "x.yaml").data == {"a": 2}


def test_what_is_kept_is_ignored_by_git(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    load_cache.load(tmp_path, path, "x.yaml")
    assert (tmp_path / load_cache.FOLDER / ".gitignore").read_text() == "*\n"


def test_a_folder_that_cannot_be_written_only_means_no_cache(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    (tmp_path / ".cache").write_text("a file where the folder would go")
    assert load_cache.load(tmp_path, path, "x.yaml").data == {"a": 1}


def test_a_damaged_entry_is_read_again(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    load_cache.load(tmp_path, path, "x.yaml")
    (entry,) = (tmp_path / load_cache.FOLDER).glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:40])
    assert load_cache.load(tmp_path, path, "x.yaml").data == {"a": 1}


def test_check_says_the_same_from_what_was_kept(project, check):
    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 66640"')
    project.replace("data/services.yaml", "contacts: [ns-duty]", "contacts: [ns-dutty]")
    first = check(project)
    assert list((project.root / load_cache.FOLDER).glob("*.marshal"))
    assert check(project) == first
    assert first[0] == 1 and len(first[1]) == 2


def test_the_live_preview_lets_go_of_what_an_earlier_read_froze():
    # A read freezes every object alive then; the live preview reads again on every save, so
    # what an earlier rebuild left in cycles (as MkDocs' pages are) must still be collected.
    import gc
    import weakref

    from handbook.data.dataset import load_dataset
    from handbook.data.loader import release_frozen

    from ..conftest import REPO

    class Page:
        pass

    page, parent = Page(), Page()
    page.parent, parent.child = parent, page
    gone = weakref.ref(page)
    load_dataset(REPO)  # freezes them, alive
    del page, parent
    gc.collect()
    assert gone() is not None  # frozen: the collector passes it by
    release_frozen()
    assert gone() is None
