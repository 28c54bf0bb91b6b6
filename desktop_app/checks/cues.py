"""Tone rules that combine cues per sentence: pressure, guilt, sarcasm, blame, tracking, age jokes.

Each rule needs two ingredients to meet (a deadline *and* a push; "we noticed" *and* the
customer's clicks), so it generalises to wording no phrase list holds while leaving either
ingredient alone in a warm note. The cue classes are per-language data in ``cue_lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.checks import cue_lexicon as cl
from desktop_app.checks import lexicon as lx
from desktop_app.checks.text import first_phrase, fold, iter_phrases, sentences

LANGUAGES = ("en", "de", "fr", "es")
_SCARE_QUOTE = re.compile(cl.SCARE_QUOTE)
_NEGATION = re.compile(
    r"\w*n't|(?<!\w)(?:not|no|never|nicht|kein\w*|nie|ne|pas|jamais|sans|nunca|sin|ni)(?!\w)"
)


@lru_cache(maxsize=256)
def _cues(cls: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """One cue class for the given languages, as one tuple (cached: the phrase regex keys on it)."""
    table: cl.Cues = getattr(cl, cls)
    return tuple(p for lang in languages for p in table.get(lang, ()))


@dataclass(frozen=True)
class _Sentence:
    text: str
    folded: str
    languages: tuple[str, ...]

    def has(self, cls: str) -> bool:
        return first_phrase(self.folded, _cues(cls, self.languages)) is not None

    def negated(self, cls: str) -> bool:
        """Every match of the class has a negation in the three words before it ("no rush")."""
        matches = list(iter_phrases(self.folded, _cues(cls, self.languages)))
        return bool(matches) and all(
            _NEGATION.search(" ".join(self.folded[: m.start()].split()[-3:])) for m in matches
        )

    @property
    def short(self) -> str:
        text = self.text.strip()
        return text if len(text) <= 90 else text[:90].rsplit(" ", 1)[0] + "…"


def cue_findings(
    subject: str, body: str, occasion: str, languages: tuple[str, ...] = LANGUAGES
) -> dict[str, list[str]]:
    """Evidence (the owner's own sentences) per tone code; empty lists are left out.

    *languages* are the draft's detected and expected languages: only their cues apply.
    """
    languages = tuple(lang for lang in LANGUAGES if lang in languages) or LANGUAGES
    parts = [_Sentence(s, fold(s), languages) for s in (*sentences(subject), *sentences(body))]
    # The opt-out line is the kind part of a note ("no more e-mails? reply stop").
    parts = [p for p in parts if not first_phrase(p.folded, tuple(lx.OPT_OUT_PHRASES))]
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
        if not part.has("LIMIT"):
            continue
        window = parts[i : i + 2]
        pushed = any(p.has("PUSH") and not p.negated("PUSH") for p in window)
        if pushed and not any(p.has("CALM") for p in window):
            hits.append(part.short)
    return hits


def _guilt(parts: list[_Sentence], occasion: str) -> list[str]:
    """Hurt or rivals in a note about the customer's absence; or their money missed, not them."""
    hits = [p.short for p in parts if p.has("MISSED_MONEY")]
    if occasion == "winback" or any(p.has("ABSENCE") for p in parts):
        hits += [
            p.short
            for p in parts
            if p.has("HURT") and not p.negated("HURT") and not first_phrase(p.folded, lx.APOLOGY_WORDS)
        ]
    return hits


def _sarcasm(parts: list[_Sentence], body: str) -> list[str]:
    """Irony that needs an absence nearby ("how nice of you… after all this time"), scare quotes."""
    hits = [p.short for p in parts if p.has("GONE_FOR_GOOD")]
    for i, part in enumerate(parts):
        away = any(p.has("ABSENCE") for p in parts[max(i - 1, 0) : i + 2])
        ironic = part.has("HOW_NICE") or (part.has("IRONIC_PRAISE") and len(part.folded) < 60)
        if away and ironic:
            hits.append(part.short)
    match = _SCARE_QUOTE.search(body)
    if match:
        hits.append(match.group(0))
    return hits


def _blame(parts: list[_Sentence]) -> list[str]:
    """Annoyance about the reader or their requests, or a shrug after it ("…, but anyway")."""
    hits = [p.short for p in parts if p.has("REPROACH")]
    for part in parts:
        if not part.has("NEGATIVE_VALENCE") or part.negated("NEGATIVE_VALENCE"):
            continue
        if first_phrase(part.folded, lx.APOLOGY_WORDS) or part.has("EMPATHY"):
            continue
        if part.has("SECOND_PERSON") or part.has("SHRUG"):
            hits.append(part.short)
    return hits


def _tracking(parts: list[_Sentence]) -> list[str]:
    """"We noticed" and what the customer did online or in passing, in one sentence; day counts."""
    hits = [p.short for p in parts if p.has("DAY_COUNT")]
    hits += [
        p.short
        for p in parts
        if p.has("PERCEIVE") and p.has("BEHAVIOUR") and p.has("SECOND_PERSON")
    ]
    return hits


def _age_joke(parts: list[_Sentence], occasion: str) -> list[str]:
    hits = [p.short for p in parts if p.has("AT_YOUR_AGE")]
    if occasion.startswith("birthday"):
        hits += [p.short for p in parts if p.has("DECLINE")]
    return hits
