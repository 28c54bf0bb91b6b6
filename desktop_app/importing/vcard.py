"""vCard 2.1 / 3.0 / 4.0 cards as plain rows (contract rule 5): unfolded, unescaped, decoded."""

from __future__ import annotations

import quopri
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# The columns a card becomes, so that vCards go through the same mapping and preview as sheets.
HEADER = ["Name", "First name", "Last name", "E-mail", "Phone", "Birthday", "Notes",
          "Organization", "Categories"]


@dataclass
class _Card:
    props: list[tuple[str, dict[str, list[str]], str]] = field(default_factory=list)

    def values(self, name: str) -> list[tuple[dict[str, list[str]], str]]:
        return [(params, value) for prop, params, value in self.props if prop == name]

    def first(self, name: str) -> str:
        found = self.values(name)
        return found[0][1] if found else ""

    def preferred(self, name: str) -> str:
        """The first value whose TYPE includes ``pref`` (or PREF=1), else the first value."""
        found = [(params, value) for params, value in self.values(name) if value.strip()]
        for params, value in found:
            types = {t.lower() for t in params.get("TYPE", [])}
            if "pref" in types or params.get("PREF"):
                return value
        return found[0][1] if found else ""

    @property
    def is_group(self) -> bool:
        kind = (self.first("KIND") or self.first("X-ADDRESSBOOKSERVER-KIND")).strip().lower()
        return kind == "group"


@dataclass
class VCardReader:
    """Reads cards from text lines; ``skipped_groups`` counts contact-group cards."""

    skipped_groups: int = 0

    fallback: str = "cp1252"

    def rows(self, lines: Iterable[bytes]) -> Iterator[list[str]]:
        """Cards from raw byte lines. Unfolding happens on bytes (folds may split a UTF-8
        character); each logical line is then UTF-8, else its CHARSET, else *fallback*."""
        for card in self._cards(_logical_lines(lines)):
            if card.is_group:
                self.skipped_groups += 1
                continue
            yield _row(card)

    def _cards(self, lines: Iterable[bytes]) -> Iterator[_Card]:
        card: _Card | None = None
        depth = 0
        for line in lines:
            name, params, value = _parse_line(line, self.fallback)
            if name == "BEGIN" and value.strip().upper() == "VCARD":
                depth += 1
                if depth == 1:
                    card = _Card()
                continue
            if name == "END" and value.strip().upper() == "VCARD":
                depth = max(depth - 1, 0)
                if depth == 0 and card is not None:
                    yield card
                    card = None
                continue
            # Properties of a card nested inside another (vCard 2.1 AGENT) are not the person's.
            if card is not None and depth == 1 and name:
                card.props.append((name, params, value))
        if card is not None and card.props:
            yield card  # a last card without END: keep the person rather than lose them


def _row(card: _Card) -> list[str]:
    name = _unescape(card.first("FN")).strip()
    parts = _split_unescaped(card.first("N"), ";")
    last = parts[0].strip() if parts else ""
    first = parts[1].strip() if len(parts) > 1 else ""
    if not name:
        name = " ".join(p for p in (first, last) if p)
    return [
        name,
        first,
        last,
        _unescape(card.preferred("EMAIL")).strip(),
        _unescape(card.preferred("TEL")).strip(),
        card.first("BDAY").strip(),
        _unescape(card.first("NOTE")),
        ", ".join(p for p in _split_unescaped(card.first("ORG"), ";") if p.strip()),
        _unescape(card.first("CATEGORIES")),
    ]


def _logical_lines(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Unfold: a line break followed by one space or tab is removed (both characters).

    vCard 2.1 quoted-printable values also continue after a soft line break (a trailing ``=``).
    """
    current: bytes | None = None
    for raw in lines:
        line = raw.rstrip(b"\r\n")
        if current is None:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if current is not None and line[:1] in (b" ", b"\t"):
            current += line[1:]
            continue
        if current is not None and _soft_break(current):
            current = current[:-1] + line
            continue
        if current is not None:
            yield current
        current = line
    if current is not None:
        yield current


def _soft_break(line: bytes) -> bool:
    head = line.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head and line.endswith(b"=")


def _parse_line(line: bytes, fallback: str) -> tuple[str, dict[str, list[str]], str]:
    """``item1.EMAIL;TYPE=INTERNET,pref:a@b.c`` → ``("EMAIL", {"TYPE": [...]}, "a@b.c")``."""
    colon = _unquoted_colon(line)
    if colon < 0:
        return "", {}, ""
    head, raw_value = line[:colon].decode("latin-1"), line[colon + 1 :]
    pieces = head.split(";")
    name = pieces[0].strip().upper()
    if "." in name:
        name = name.rsplit(".", 1)[1]  # property groups (item1.EMAIL) do not matter for matching
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        if "=" in piece:
            key, _, raw = piece.partition("=")
            key = key.strip().upper()
            values = [v.strip().strip('"') for v in raw.split(",")]
        else:
            # vCard 2.1 bare parameters: EMAIL;PREF;INTERNET or NOTE;QUOTED-PRINTABLE
            bare = piece.strip()
            key = "ENCODING" if bare.upper() in ("QUOTED-PRINTABLE", "BASE64", "B") else "TYPE"
            values = [bare]
        params.setdefault(key, []).extend(values)
    return name, params, _decode(params, raw_value, fallback)


def _unquoted_colon(line: bytes) -> int:
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x3A and not quoted:  # :
            return index
    return -1


def _decode(params: dict[str, list[str]], value: bytes, fallback: str) -> str:
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    if encoding & {"B", "BASE64"}:
        return ""  # photos and sounds: nothing Fondly keeps
    if "QUOTED-PRINTABLE" in encoding:
        value = quopri.decodestring(value)
    charset = (params.get("CHARSET") or [""])[0]
    for candidate in ("utf-8", charset, fallback):
        if not candidate:
            continue
        try:
            return value.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return value.decode("cp1252", "replace")


def _unescape(value: str) -> str:
    r"""``\n`` → line break, ``\,`` ``\;`` ``\\`` → the character.

    >>> _unescape(r"Berg\, Pieter\nline\\two")
    'Berg, Pieter\nline\\two'
    """
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        out.append("\n" if nxt in ("n", "N") else nxt)
    return "".join(out)


def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, current, escaped = [], [], False
    for ch in value:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
    parts.append(_unescape("".join(current)))
    return parts
