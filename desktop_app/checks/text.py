"""Text helpers for the check: accent-free folding, phrase matching, greetings, emoji and caps."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'}


def fold_char(ch: str) -> str:
    if ch in _QUOTES:
        return _QUOTES[ch]
    return unicodedata.normalize("NFKD", ch)[0].lower()


class _FoldTable(dict):
    """str.translate table filled on first sight of each character (fold runs per keystroke)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free, straight quotes — and exactly as long as *text*.

    Keeping the length lets a match in the folded text point back into the original (for
    capitalisation and for quoting the owner's own words).

    >>> fold("Chère Zoë, ¡Feliz CUMPLEAÑOS!")
    'chere zoe, ¡feliz cumpleanos!'
    >>> len(fold("Straße")) == len("Straße")
    True
    """
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=256)
def _phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Folding lower-cases the fragments, which would turn \W into \w: refuse such fragments.
    bad = [p for p in phrases if re.search(r"\\[A-Z]", p)]
    if bad:
        raise ValueError(f"upper-case regex escapes do not survive folding: {bad}")
    # Longest first so "happy belated birthday" wins over "happy birthday".
    parts = sorted((fold(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


def find_phrases(folded: str, phrases: Iterable[str], *, original: str | None = None) -> list[str]:
    """The phrases (regex fragments, written lower-case) found in already-folded text.

    With *original* (the text before folding), the matches come back as the owner wrote them.

    >>> text = "Act NOW — it expires in 2 hours"
    >>> find_phrases(fold(text), ("act now", r"expires? in \\d+ hours?"), original=text)
    ['Act NOW', 'expires in 2 hours']
    """
    source = folded if original is None else original
    return [source[m.start() : m.end()] for m in _phrase_regex(tuple(phrases)).finditer(folded)]


def first_phrase(folded: str, phrases: tuple[str, ...]) -> re.Match[str] | None:
    """The first match of the phrases (regex fragments) in already-folded text, or None.

    >>> first_phrase(fold("No rush at all"), ("rush",)).start()
    3
    """
    return _phrase_regex(phrases).search(folded)


def iter_phrases(folded: str, phrases: tuple[str, ...]) -> Iterable[re.Match[str]]:
    return _phrase_regex(phrases).finditer(folded)


def quote(found: list[str], limit: int = 2) -> str:
    """“a”, “b” — the first few distinct matches, for a message."""
    seen: list[str] = []
    for item in found:
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return ", ".join(f"“{item}”" for item in seen[:limit])


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?¡¿…])\s+|\n+", text) if s.strip()]


def clauses(sentence: str) -> list[str]:
    """A sentence cut at "but" and semicolons, where a kind ending can hide an unkind start.

    >>> clauses("Your order is a pain, but happy birthday anyway.")
    ['Your order is a pain', 'happy birthday anyway.']
    """
    parts = re.split(r",?\s+(?:but|yet|aber|mais|pero)\s+|\s*;\s*", sentence, flags=re.IGNORECASE)
    return [p for p in parts if p.strip()]


# Emoji: pictographs and dingbats; skin tones, ZWJ sequences, VS16 and keycaps join into one.
_PICTO = "\U0001F000-\U0001F3FA\U0001F400-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF"
_MODIFIERS = "\U0001F3FB-\U0001F3FF\uFE0F\u20E3"
_FLAG = "[\U0001F1E6-\U0001F1FF]{2}"  # two regional indicators make one flag
_EMOJI = rf"{_FLAG}|[{_PICTO}][{_MODIFIERS}]*(?:\u200D[{_PICTO}][{_MODIFIERS}]*)*"
_EMOJI_RE = re.compile(_EMOJI)
_EMOJI_RUN_RE = re.compile(rf"(?:(?:{_EMOJI})\s*)+")


def emoji_stats(text: str) -> tuple[int, int]:
    """(emoji count, longest run of emoji with only spaces between).

    >>> emoji_stats("Happy birthday 🎂🎉 x 🎁")
    (3, 2)
    >>> emoji_stats("👨‍👩‍👧 ok 👍🏽 🇩🇪")
    (3, 2)
    """
    total = len(_EMOJI_RE.findall(text))
    longest = max((len(_EMOJI_RE.findall(run)) for run in _EMOJI_RUN_RE.findall(text)), default=0)
    return total, longest


@dataclass(frozen=True)
class Greeting:
    """The opening salutation of a line: which greeting, and the name tokens after it."""

    opener: str  # folded greeting words, e.g. "dear"
    names: tuple[str, ...]  # capitalised name tokens as written
    empty_name: bool  # "Hi ," or "Dear," — a name was meant but none came
    generic: str  # the generic address used ("customer"), or ""
    line: str = ""  # the whole line the greeting opens


def parse_greeting(
    line: str,
    *,
    openers: Iterable[str],
    name_openers: Iterable[str],
    honorifics: Iterable[str],
    generic: Iterable[str],
    fillers: Iterable[str],
    french_spacing: bool = False,
) -> Greeting | None:
    """Read the salutation at the start of *line*, or None when the line does not open with one.

    >>> kw = dict(openers=("hi", "dear"), name_openers=("dear",), honorifics=("mrs",),
    ...           generic=("customer", "there"), fillers=("my",))
    >>> parse_greeting("Dear Mrs. Okafor,", **kw).names
    ('Okafor',)
    >>> parse_greeting("Hi ,", **kw).empty_name, parse_greeting("Dear,", **kw).empty_name
    (True, True)
    >>> parse_greeting("Hi there!", **kw).generic, parse_greeting("Dear Customer,", **kw).generic
    ('there', 'Customer')
    >>> parse_greeting("Thanks for everything", **kw) is None
    True
    >>> parse_greeting("Hi !", **kw).empty_name, parse_greeting("Hi !", french_spacing=True, **kw).empty_name
    (True, False)
    """
    folded = fold(line)
    # Spanish opens exclamations with "¡": "¡Hola, Pedro!" greets Pedro.
    lead = folded[: len(folded) - len(folded.lstrip(" \t¡¿\"'«"))]
    match = _phrase_regex(tuple(openers)).match(folded[len(lead) :])
    if not match:
        return None
    start = len(lead)
    opener = match.group(0)
    end = start + match.end()
    rest, rest_folded = line[end:], folded[end:]
    # A space before the punctuation is the tell-tale of an empty {{ name }}: "Hi ,". French
    # typography spaces before ! ? : ; ("Joyeux anniversaire !"), so there only , and . tell.
    tell = r"\s+[,.]" if french_spacing else r"\s+[,;:!?.]"
    if re.match(tell, rest) or (
        opener in {fold(o) for o in name_openers} and re.match(r"\s*(?:[,;:!.]|$)", rest)
    ):
        return Greeting(opener, (), True, "", line)
    skip = len(rest_folded) - len(rest_folded.lstrip(" ,"))
    generic_hit = _phrase_regex(tuple(generic)).match(rest_folded, skip)
    if generic_hit:
        return Greeting(opener, (), False, rest[generic_hit.start() : generic_hit.end()], line)
    honorific_set = {fold(h) for h in honorifics}
    filler_set = {fold(f) for f in fillers}
    rest = rest.lstrip(" ,")
    # Drop "Mrs." and "liebe" before cutting the clause at punctuation (the dot of "Mrs.").
    while (lead := re.match(r"([^\W\d_]+)\.?\s+", rest)) and fold(lead.group(1)) in (
        honorific_set | filler_set
    ):
        rest = rest[lead.end() :]
    clause = re.split(r"[,;:!?.\n()]|\s[-–—]\s", rest, maxsplit=1)[0]
    names: list[str] = []
    for token in clause.split():
        bare = token.strip(".'\"")
        key = fold(bare)
        if not bare:
            continue
        if key in honorific_set or key in filler_set:
            continue
        if not bare[0].isupper():
            break
        names.append(bare)
        if len(names) == 3:
            break
    return Greeting(opener, tuple(names), False, "", line)


def name_tokens(*names: str) -> set[str]:
    """Folded tokens of the given names, split at spaces and hyphens.

    >>> sorted(name_tokens("Anna-Lena", "de la Cruz"))
    ['anna', 'anna-lena', 'cruz', 'de', 'la', 'lena']
    """
    tokens: set[str] = set()
    for name in names:
        for part in fold(name).split():
            part = part.strip(".'\"")
            if part:
                tokens.add(part)
                tokens.update(p for p in part.split("-") if p)
    return tokens
