"""MkDocs hooks for the live preview: thin adapters; the work is in handbook.builders."""

from handbook.builders.mkdocs_hooks import on_config, on_post_build, on_serve  # noqa: F401
