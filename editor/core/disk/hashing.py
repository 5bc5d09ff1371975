"""SHA-256 digests and random tokens without loading OpenSSL into the process.

`hashlib` imports OpenSSL's `_hashlib` as it loads, and `secrets` does too
(through `hmac`): in the window that maps libcrypto, ~3.3 MB of PSS, for a
file fingerprint and a few random names. CPython ships its own SHA-256
(`_sha256`, `_sha2` from 3.12); the digests are the same, and `os.urandom` is
what `secrets` reads. Where neither private module exists, `hashlib` is used.
"""

from __future__ import annotations

import base64
import os

try:
    from _sha256 import sha256 as _sha256  # CPython 3.11
except ImportError:  # pragma: no cover - depends on the interpreter
    try:
        from _sha2 import sha256 as _sha256  # CPython 3.12+
    except ImportError:
        from hashlib import sha256 as _sha256


def sha256_hex(data: bytes) -> str:
    """`hashlib.sha256(data).hexdigest()`."""
    return _sha256(data).hexdigest()


def token_hex(nbytes: int) -> str:
    """`secrets.token_hex(nbytes)`: 2 * nbytes hex digits from the OS's random source."""
    return os.urandom(nbytes).hex()


def token_urlsafe(nbytes: int) -> str:
    """`secrets.token_urlsafe(nbytes)`: URL-safe base64 of nbytes random bytes."""
    return base64.urlsafe_b64encode(os.urandom(nbytes)).rstrip(b"=").decode("ascii")
