"""Kintsugi: a local-first, encrypted journal."""

__version__ = "0.1.0"
