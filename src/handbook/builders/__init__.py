"""Builders: turn one borough's rendered folder into a static site (MkDocs by default).

A builder is one replaceable step; nothing a practitioner relies on lives only in it.
"""
