"""MkDocs hooks: thin adapters; all the work is in handbook.mkdocs_adapter."""

from handbook.mkdocs_adapter import on_config, on_files, on_post_build, on_serve  # noqa: F401
