"""Validation in the window: the worker that checks the post as it changes, the
problems panel, and how a severity is drawn."""
