"""MkDocs hooks: thin adapters; all the work is in handbook.builders.mkdocs_hooks."""

from handbook.builders.mkdocs_hooks import on_config, on_files, on_post_build, on_serve  # noqa: F401
