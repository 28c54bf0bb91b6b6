"""Tone rules that combine cues per sentence: pressure, guilt, sarcasm, blame, tracking, age jokes.

Each rule needs two ingredients to meet (a deadline *and* a push; "we noticed" *and* the
customer's clicks), so it generalises to wording no phrase list holds while leaving either
ingredient alone in a warm note. The cue classes are data in ``cue_lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from desktop_app.checks import cue_lexicon as cl
from desktop_app.checks import lexicon as lx
from desktop_app.checks import tone_lexicon as tl
from desktop_app.checks.text import first_phrase, fold, iter_phrases, sentences

_SCARE_QUOTE = re.compile(cl.SCARE_QUOTE)
_NEGATION = re.compile(
    r"\w*n't|(?<!\w)(?:not|no|never|nicht|kein\w*|nie|ne|pas|jamais|sans|nunca|sin|ni)(?!\w)"
)
_SECOND_PERSON = (*cl.SECOND_PERSON_EN, *tl.SECOND_PERSON, *cl.SECOND_PERSON_ES_VERBS)


@dataclass(frozen=True)
class _Sentence:
    text: str
    folded: str

    def has(self, phrases: tuple[str, ...]) -> bool:
        return first_phrase(self.folded, phrases) is not None

    @cached_property
    def addresses_reader(self) -> bool:
        return self.has(_SECOND_PERSON)

    @property
    def short(self) -> str:
        text = self.text.strip()
        return text if len(text) <= 90 else text[:90].rsplit(" ", 1)[0] + "…"


def cue_findings(subject: str, body: str, occasion: str) -> dict[str, list[str]]:
    """Evidence (the owner's own sentences) per tone code; empty lists are left out."""
    parts = [_Sentence(s, fold(s)) for s in (*sentences(subject), *sentences(body))]
    # The opt-out line is the kind part of a note ("no more e-mails? reply stop").
    parts = [p for p in parts if not p.has(lx.OPT_OUT_PHRASES)]
    found = {
        "pressure": _pressure(parts),
        "guilt": _guilt(parts, occasion),
        "negative_tone": _sarcasm(parts, body) + _blame(parts),
        "creepy_tracking": _tracking(parts),
        "age_joke": _age_joke(parts, occasion),
    }
    return {code: hits for code, hits in found.items() if hits}


def _pressure(parts: list[_Sentence]) -> list[str]:
    """A deadline or a scarcity, and a push to act (in the sentence or the next), unless calmed."""
    hits = []
    for i, part in enumerate(parts):
        if not part.has(cl.LIMIT) or part.has(cl.CALM):
            continue
        window = parts[i : i + 2]
        if any(p.has(cl.PUSH) and not _negated(p, cl.PUSH) for p in window) and not any(
            p.has(cl.CALM) for p in window
        ):
            hits.append(part.short)
    return hits


def _guilt(parts: list[_Sentence], occasion: str) -> list[str]:
    """Hurt or rivals in a note about the customer's absence; or their money missed, not them."""
    hits = [p.short for p in parts if p.has(cl.MISSED_MONEY)]
    away = occasion == "winback" or any(p.has(cl.ABSENCE) for p in parts)
    if away:
        hits += [
            p.short
            for p in parts
            if p.has(cl.HURT) and not _negated(p, cl.HURT) and not p.has(lx.APOLOGY_WORDS)
        ]
    return hits


def _sarcasm(parts: list[_Sentence], body: str) -> list[str]:
    hits = [p.short for p in parts if p.has(cl.GONE_FOR_GOOD)]
    for i, part in enumerate(parts):
        near = parts[max(i - 1, 0) : i + 2]
        away = any(p.has(cl.ABSENCE) for p in near)
        if away and (part.has(cl.HOW_NICE) or (part.has(cl.IRONIC_PRAISE) and len(part.folded) < 60)):
            hits.append(part.short)
    match = _SCARE_QUOTE.search(body)
    if match:
        hits.append(match.group(0))
    return hits


def _blame(parts: list[_Sentence]) -> list[str]:
    """Annoyance about the reader or their requests, or a shrug after it ("…, but anyway")."""
    hits = []
    for part in parts:
        if not part.has(cl.NEGATIVE_VALENCE) or _negated(part, cl.NEGATIVE_VALENCE):
            continue
        if part.has(lx.APOLOGY_WORDS) or part.has(cl.EMPATHY):
            continue
        if part.addresses_reader or part.has(cl.SHRUG):
            hits.append(part.short)
    return hits


def _tracking(parts: list[_Sentence]) -> list[str]:
    """"We noticed" and what the customer did online or in passing, in one sentence; day counts."""
    hits = [p.short for p in parts if p.has(cl.DAY_COUNT)]
    hits += [
        p.short
        for p in parts
        if p.has(cl.PERCEIVE) and p.has(cl.BEHAVIOUR) and p.addresses_reader
    ]
    return hits


def _age_joke(parts: list[_Sentence], occasion: str) -> list[str]:
    hits = [p.short for p in parts if p.has(cl.AT_YOUR_AGE)]
    if occasion.startswith("birthday"):
        hits += [p.short for p in parts if p.has(cl.DECLINE)]
    return hits


def _negated(part: _Sentence, phrases: tuple[str, ...]) -> bool:
    """Every match of *phrases* has a negation in the three words before it ("no rush")."""
    matches = list(iter_phrases(part.folded, phrases))
    return bool(matches) and all(
        _NEGATION.search(" ".join(part.folded[: m.start()].split()[-3:])) for m in matches
    )
