"""The plain-Python heart of Galley: it never imports Qt (tests/core/test_boundary.py).

Everything that can be decided without a window lives here: parsing and lossless
saving of posts, validation, rendering, the site index, and the file-change policy.
"""
