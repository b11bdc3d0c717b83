"""Tests of the after-build steps."""
