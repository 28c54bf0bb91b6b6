"""LDIF address books (Thunderbird's export) as plain rows, one per person entry."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

HEADER = ["Name", "First name", "Last name", "E-mail", "Phone", "Birthday", "Notes"]

_GROUP_CLASSES = {"groupofnames", "groupofuniquenames", "mozillaablist"}
_PHONES = ("mobile", "telephonenumber", "homephone")


@dataclass
class LdifReader:
    """Reads entries from text lines; ``skipped_groups`` counts mailing-list entries."""

    skipped_groups: int = 0

    def rows(self, lines: Iterable[str]) -> Iterator[list[str]]:
        for entry in _entries(lines):
            if not entry or "dn" not in entry:
                continue
            classes = {c.lower() for c in entry.get("objectclass", [])}
            if classes & _GROUP_CLASSES:
                self.skipped_groups += 1
                continue
            yield _row(entry)


def _row(entry: dict[str, list[str]]) -> list[str]:
    def one(key: str) -> str:
        return (entry.get(key) or [""])[0].strip()

    phone = next((one(k) for k in _PHONES if one(k)), "")
    month, day, year = one("birthmonth"), one("birthday"), one("birthyear")
    birthday = ""
    if month.isdigit() and day.isdigit():
        stem = f"{int(month):02d}-{int(day):02d}"
        birthday = f"{int(year):04d}-{stem}" if year.isdigit() else f"--{stem}"
    return [one("cn"), one("givenname"), one("sn"), one("mail"), phone, birthday,
            one("description")]


def _entries(lines: Iterable[str]) -> Iterator[dict[str, list[str]]]:
    entry: dict[str, list[str]] = {}
    for line in _unfolded(lines):
        if not line.strip():
            if entry:
                yield entry
            entry = {}
            continue
        if line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        if value.startswith(":"):
            try:
                value = base64.b64decode(value[1:].strip()).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                value = ""
        elif value.startswith("<"):
            value = ""  # a URL reference (photos): nothing Fondly keeps
        entry.setdefault(key.strip().lower(), []).append(value.strip())
    if entry:
        yield entry


def _unfolded(lines: Iterable[str]) -> Iterator[str]:
    current: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if current is not None and line.startswith(" "):
            current += line[1:]
            continue
        if current is not None:
            yield current
        current = line
    if current is not None:
        yield current
