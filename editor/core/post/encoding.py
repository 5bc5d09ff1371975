"""Bytes on disk <-> text, without ever changing a byte the writer did not edit.

`decode` finds the encoding of a post file; `encode` turns (edited) text back
into bytes in that same encoding. The promise is `encode(*decode(b)) == b` for
every `b` that decodes: `decode` checks it before accepting an encoding, so a
codec that would not reproduce the file (a lossy mapping, a normalising
decoder) is never chosen and an unchanged save is always byte-identical.

Order of the checks, cheapest and surest first:

1. empty input is empty UTF-8 text;
2. a byte order mark (UTF-32, UTF-8, UTF-16) decides the encoding; the BOM is
   kept apart in `Decoded.bom`, never inside the text;
3. a NUL byte anywhere else means a binary file (no text encoding we accept
   besides UTF-16/32 uses NUL, and those come with a BOM here);
4. strict UTF-8 (nearly every post today) -- the fast path; text that is
   UTF-8 but for a stray or cut byte is reported there, not read as mojibake;
5. the legacy encodings writers still have on disk (CP949/EUC-KR, Shift-JIS,
   GB18030, Big5, Windows-1252/Latin-1, ...), ranked by charset-normalizer.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from editor.core.post.errors import DecodeError, PostError

__all__ = ["Decoded", "EncodeError", "decode", "encode"]


@dataclass(frozen=True)
class Decoded:
    """The text of a file, and what is needed to write it back identically."""

    text: str
    #: A canonical Python codec name (`codecs.lookup(...).name`) without BOM
    #: handling: "utf-8", "utf-16-le", "cp949", "cp932", "gb18030", ...
    encoding: str
    #: The byte order mark the file started with (b"" when none).
    bom: bytes = b""


class EncodeError(PostError):
    """Edited text holds a character the file's encoding cannot store."""


# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The legacy encodings we let charset-normalizer choose from, in order of
# preference when it scores several the same (short texts often tie). Left to
# itself it picks exotic code pages (a French cp1252 post came out as cp1257,
# a short Korean line as UTF-16-BE), so we narrow the field to what writers
# actually use. Supersets stand in for their subsets: cp949 for EUC-KR, cp932
# for Shift-JIS, gb18030 for GB2312/GBK -- every file of the subset decodes
# the same way, and the round-trip check below guards the rest. Other
# single-byte code pages (cp1250, cp1257, ...) are left out on purpose: the
# chaos score cannot tell them from cp1252 and preferred them for French; a
# file in one of them still opens (as cp1252) and saves byte-identical.
_LEGACY = (
    "cp949",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "big5hkscs",
    "cp1252",
    "latin_1",
    "cp1251",
    "koi8_r",
)

@functools.cache
def _rank() -> dict[str, int]:
    """_LEGACY's order by canonical codec name. Built on first use: looking
    the codecs up imports all eleven of them (~3 ms of every start, for a
    path that only non-UTF-8 posts take)."""
    return {codecs.lookup(name).name: i for i, name in enumerate(_LEGACY)}

# Candidates whose chaos (charset-normalizer's "how garbled" score, 0..1) is
# within this of the best are considered a tie, settled by _LEGACY's order.
_CHAOS_TIE = 0.01
# Text has few C0 control characters; random or binary data has many
# (about 1 byte in 8). Used only to word the error for undecodable input.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}


def decode(data: bytes) -> Decoded:
    """Return the text of `data` and how it was encoded.

    Raises `DecodeError` with rule "binary-file" (NUL bytes, or nothing
    plausible) or "encoding" (looks like text, but no encoding fits), located
    at the first byte that is not valid UTF-8 where that helps.
    """
    if not data:
        return Decoded("", "utf-8", b"")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8" and b"\x00" in data:
                raise _binary(data)
            decoded = _try(data[len(bom) :], codec, bom)
            if decoded is not None:
                return decoded
            if codec == "utf-32-le":  # maybe UTF-16-LE text starting with U+0000
                continue
            raise _utf_error(data, bom, codec)
    if b"\x00" in data:
        raise _binary(data)
    decoded = _try(data, "utf-8", b"")
    if decoded is not None:
        return decoded
    if _mostly_utf8(data):
        # UTF-8 with a stray or cut byte: reading it as cp1251 or cp1252
        # would turn every Hangul syllable into mojibake; point at the byte.
        raise _undecodable(data, damaged=True)
    for codec in _legacy_candidates(data):
        decoded = _try(data, codec, b"")
        if decoded is not None:
            return decoded
    raise _undecodable(data)


def encode(text: str, encoding: str, bom: bytes = b"") -> bytes:
    """The bytes of `text` in `encoding`, after `bom`; the inverse of `decode`.

    Raises `EncodeError` (located at the character) when `text` holds a
    character `encoding` cannot store, e.g. an emoji typed into a CP949 post.
    """
    try:
        return bom + text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line, column = _text_position(text, exc.start)
        raise EncodeError(
            f"the character {char!r} (U+{ord(char):04X}) cannot be saved in this "
            f"file's encoding ({encoding}); remove it or convert the file to UTF-8",
            line,
            column,
            rule="encoding",
        ) from None


def _try(payload: bytes, codec: str, bom: bytes) -> Decoded | None:
    """Decode strictly and accept only if encoding gives back the same bytes."""
    try:
        text = payload.decode(codec)
        if text.encode(codec) != payload:
            return None
    except (UnicodeError, LookupError):
        return None
    return Decoded(text, codecs.lookup(codec).name, bom)


def _legacy_candidates(data: bytes) -> list[str]:
    """Legacy codecs charset-normalizer finds plausible, best first."""
    # Imported here: it costs ~50 ms to import and UTF-8 files never need it.
    import charset_normalizer

    try:
        matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)))
    except Exception:  # a detector bug must not become a traceback for the writer
        return []
    if not matches:
        return []
    best = min(m.chaos for m in matches)

    def key(match) -> tuple[int, float, int, float]:
        name = codecs.lookup(match.encoding).name
        tie = 0 if match.chaos <= best + _CHAOS_TIE else 1
        # Among ties, text that reads as a known language (coherence, by
        # letter frequencies; KOI8-R vs cp1251) wins, then our preference.
        rank = _rank()
        return (tie, -round(match.coherence, 1), rank.get(name, len(rank)), match.chaos)

    return [m.encoding for m in sorted(matches, key=key)]


def _binary(data: bytes) -> DecodeError:
    offset = data.index(b"\x00")
    line, column = _position(data, offset)
    return DecodeError(
        f"this looks like a binary file, not a text post (NUL byte at offset {offset})",
        line,
        column,
        rule="binary-file",
    )


# A well-formed UTF-8 multi-byte sequence (no overlongs, surrogates or
# code points past U+10FFFF), as in RFC 3629's grammar.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
#: Share of non-ASCII bytes inside well-formed UTF-8 sequences above which a
#: file is damaged UTF-8, not a legacy encoding. Legacy CJK text measures
#: 0.23-0.37 by accident (lead/trail byte ranges overlap), Latin and Cyrillic
#: code pages ~0; UTF-8 with one stray byte in a Korean paragraph, 0.94.
_UTF8_SHARE = 0.8
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _mostly_utf8(data: bytes) -> bool:
    sample = data[: 1 << 20]
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    return in_sequences >= 4 and in_sequences >= _UTF8_SHARE * non_ascii


def _undecodable(data: bytes, damaged: bool = False) -> DecodeError:
    try:
        data.decode("utf-8")
        offset, reason = len(data), "?"
    except UnicodeDecodeError as exc:
        offset, reason = exc.start, exc.reason
    line, column = _position(data, offset)
    if damaged:
        return DecodeError(
            f"this UTF-8 file is damaged: byte 0x{data[offset:offset + 1].hex()} is not "
            f"valid UTF-8 ({reason}); fix or remove it in another editor",
            line,
            column,
            rule="encoding",
        )
    controls = sum(1 for b in data[:65536] if b in _CONTROL)
    if controls > len(data[:65536]) // 100:
        return DecodeError(
            "this looks like a binary file, not a text post (no text encoding fits)",
            line,
            column,
            rule="binary-file",
        )
    return DecodeError(
        f"cannot read this file: byte 0x{data[offset:offset + 1].hex()} is not valid UTF-8 "
        f"({reason}) and no other known encoding fits",
        line,
        column,
        rule="encoding",
    )


def _utf_error(data: bytes, bom: bytes, codec: str) -> DecodeError:
    payload = data[len(bom) :]
    try:
        payload.decode(codec)
        offset, reason = 0, "does not round-trip"
    except UnicodeDecodeError as exc:
        offset, reason = exc.start, exc.reason
    prefix = payload[:offset].decode(codec, errors="replace")
    line, column = _text_position(prefix, len(prefix))
    return DecodeError(
        f"the file starts with a {codec.upper()} byte order mark but is not valid "
        f"{codec.upper()} ({reason} at byte {len(bom) + offset})",
        line,
        column,
        rule="encoding",
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of byte `offset`, counting characters of the
    valid UTF-8 prefix (good enough to point at the spot in any editor)."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return _text_position(prefix, len(prefix))


def _text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line/column of `text[index]`; LF, CRLF and a bare CR each end a line."""
    head = text[:index]
    line = 1 + head.count("\n") + head.count("\r") - head.count("\r\n")
    start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, index - start + 1
