"""Editions: which version a build is, what was published before it, and what changed
between two editions of a borough's data (the What's changed page, `handbook changes`).
"""
