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
CP1252 = "cp1252"
SHIFT_JIS = "shift_jis"


def detect_encoding(path: Path) -> str:
    """UTF-8 BOM, UTF-16 BOM, strict UTF-8, Shift_JIS (Japanese Thunderbird), else Windows-1252.

    Reads the file in chunks, so memory stays flat whatever its size.
    """
    with open(path, "rb") as raw:
        head = raw.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16
    if _decodes(path, UTF8):
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


def open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    """A text stream over *path*; undecodable bytes (Windows-1252 has five) become U+FFFD."""
    errors = "strict" if encoding in (UTF8, UTF8_BOM) else "replace"
    # newline="" hands line endings to the csv module, which keeps CRLF inside quoted fields.
    return open(path, encoding=encoding, errors=errors, newline="")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _looks_japanese(path: Path) -> bool:
    # Windows-1252 decodes almost any byte string, so Shift_JIS wins only when it decodes
    # strictly AND yields Japanese script without the half-width katakana that Western
    # accented letters turn into under Shift_JIS.
    decoder = codecs.getincrementaldecoder(SHIFT_JIS)("strict")
    found = False
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(CHUNK):
                text = decoder.decode(chunk)
                if _halfwidth(text):
                    return False
                found = found or _japanese_text(text)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return found


def _halfwidth(text: str) -> bool:
    return any("\uff61" <= ch <= "\uff9f" for ch in text)


def _japanese_text(text: str) -> bool:
    if _halfwidth(text):
        return False
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
