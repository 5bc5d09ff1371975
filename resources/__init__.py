"""Shipped resources (preview page, themes, icons); installed as `editor.resources`."""
