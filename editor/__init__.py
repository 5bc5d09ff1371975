"""Galley: a desktop editor and previewer for static-site articles."""

__version__ = "0.2.0"
