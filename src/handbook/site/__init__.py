"""The site stage: one borough's pages rendered from the data with Jinja (Markdown pages, the
navigation and the builder's configuration), and the words and search terms they show.

A rendered site is plain files on disk, so any builder can take it.
"""
