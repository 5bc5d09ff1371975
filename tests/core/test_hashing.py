"""editor.core.disk.hashing: the same digests and tokens as hashlib/secrets, without
loading OpenSSL (the window's memory)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from editor.core.disk.hashing import sha256_hex, token_hex, token_urlsafe


@given(st.binary(max_size=4096))
def test_sha256_is_hashlibs(data):
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_tokens_have_the_shape_of_secrets_tokens():
    assert re.fullmatch(r"[0-9a-f]{8}", token_hex(4))
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", token_urlsafe(18))
    assert len({token_urlsafe(18) for _ in range(100)}) == 100


def test_saving_and_the_page_shell_do_not_load_openssl():
    code = (
        "import sys, tempfile, pathlib\n"
        "from editor.core.disk import storage, recovery\n"
        "from editor.core.render import RenderOptions, page_shell\n"
        "page_shell(RenderOptions())\n"
        "p = pathlib.Path(tempfile.mkdtemp()) / 'p.md'\n"
        "fp = storage.save_bytes(p, b'---\\ntitle: t\\n---\\n', None)\n"
        "storage.read_bytes(p)\n"
        "print('_hashlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
