"""Which text encoding a file is in (contract rule 1), decided by streaming over its bytes."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

CHUNK = 1 << 20

# Names reported to the owner and in expected.json.
UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"
UTF16_LE = "utf-16-le"
UTF16_BE = "utf-16-be"
CP1252 = "cp1252"
SHIFT_JIS = "shift_jis"


def detect_encoding(path: Path, *, whole: bool = True) -> str:
    """UTF-8 BOM, UTF-16 BOM, strict UTF-8, Shift_JIS (Japanese Thunderbird), else Windows-1252.

    Reads the file in chunks, so memory stays flat whatever its size. Without *whole*, a file
    whose first megabyte is UTF-8 is taken for UTF-8 without reading the rest: reading it as
    text (strictly, :func:`open_text`) then raises UnicodeDecodeError if it is not, and the
    caller asks again with *whole* (desktop_app.importing.engine.run_import does).
    """
    with open(path, "rb") as raw:
        head = raw.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16
    with open(path, "rb") as raw:
        bare = utf16_without_bom(raw.read(4096))
    if bare:
        return bare
    if _decodes(path, UTF8, limit=None if whole else CHUNK):
        return UTF8
    if _looks_japanese(path):
        return SHIFT_JIS
    return CP1252


def detect_encoding_of_bytes(data: bytes) -> str:
    """The same decision for bytes already in memory (small inputs, tests)."""
    if data.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16
    try:
        data.decode(UTF8)
        return UTF8
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode(SHIFT_JIS)
    except UnicodeDecodeError:
        return CP1252
    return SHIFT_JIS if _japanese_text(text) else CP1252


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM (some address books write it): every other byte is NUL.

    >>> utf16_without_bom("BEGIN:VCARD".encode("utf-16-be")), utf16_without_bom(b"plain")
    ('utf-16-be', None)
    """
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    if even > pairs * 0.6 and odd < pairs * 0.05:
        return UTF16_BE
    if odd > pairs * 0.6 and even < pairs * 0.05:
        return UTF16_LE
    return None


def open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    """A text stream over *path*; undecodable bytes (Windows-1252 has five, and a file that
    says it is UTF-8 by its BOM may have a stray one) become U+FFFD. UTF-8 without a BOM was
    chosen because the bytes decode: strictly, so that a guess from the first megabyte that
    turns out wrong is noticed."""
    errors = "strict" if encoding == UTF8 else "replace"
    # newline="" hands line endings to the csv module, which keeps CRLF inside quoted fields.
    return open(path, encoding=encoding, errors=errors, newline="")


def _decodes(path: Path, encoding: str, *, limit: int | None = None) -> bool:
    """Whether the file (or its first *limit* bytes) decodes strictly."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(CHUNK):
                decoder.decode(chunk)
                if limit is not None and raw.tell() >= limit:
                    return True  # a character cut at the limit is not an error
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _looks_japanese(path: Path) -> bool:
    # Windows-1252 decodes almost any byte string, so Shift_JIS wins only when it decodes
    # strictly AND yields kana: Western accented letters read as Shift_JIS give kanji and
    # half-width katakana, never full-width kana (those need lead bytes 0x82/0x83: ‚ ƒ).
    decoder = codecs.getincrementaldecoder(SHIFT_JIS)("strict")
    found = False
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(CHUNK):
                text = decoder.decode(chunk)
                found = found or _japanese_text(text)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return found


def _japanese_text(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" for ch in text)
