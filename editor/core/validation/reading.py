"""Reading a post file's bytes for validation: only a regular file, within the
size limit, in one system call where it can; and decoding them, UTF-8 first.
Shared by the one-file runner and the whole-site pipeline.
"""

from __future__ import annotations

import errno
import os
import stat

from editor.core.disk.storage import MAX_FILE_SIZE, special_kind
from editor.core.post.encoding import Decoded, decode

__all__ = ["read_bytes", "decode_fast"]

# O_NONBLOCK: a FIFO opens at once instead of waiting for a writer, and the
# fstat below refuses it (as anything but a regular file).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)


def read_bytes(path: str) -> bytes:
    """The file's bytes, as `open(path, "rb").read()` gives them, in about half the
    time: one read of the size the file has (and one byte more, to see its end),
    without the buffered file object around it. Only a regular file, and never
    more than storage's size limit (a FIFO or /dev/zero named on the command
    line would hang or fill the memory)."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind is not None:  # (a folder's error is the IsADirectoryError open() gives)
            folder = stat.S_ISDIR(info.st_mode)
            raise OSError(errno.EISDIR if folder else errno.EINVAL, f"{kind}, not a regular file")
        size = info.st_size
        data = os.read(fd, size + 1)
        if len(data) != size:  # it grew or shrank meanwhile
            parts, total = [data], len(data)
            while parts[-1] and total <= MAX_FILE_SIZE:
                parts.append(os.read(fd, max(size, 1 << 16)))
                total += len(parts[-1])
            if total > MAX_FILE_SIZE:
                raise OSError(errno.EFBIG, f"larger than {MAX_FILE_SIZE // (1 << 20)} MB")
            data = b"".join(parts)
        return data
    finally:
        os.close(fd)


#: First bytes of the byte order marks `encoding.decode` looks for.
_BOM_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def decode_fast(data: bytes):
    """`encoding.decode(data)`, with its most common case first: UTF-8 without a BOM
    or NUL byte is what `decode` returns then too (UTF-8 decodes and re-encodes to
    the same bytes, so its round-trip check cannot fail), without re-encoding."""
    if data and not data.startswith(_BOM_STARTS) and b"\x00" not in data:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", b"")
        except UnicodeDecodeError:
            pass
    return decode(data)
