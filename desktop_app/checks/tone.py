"""Rules on fit and tone: language, length, shouting, pressure, spam, guilt, sarcasm, tracking."""

from __future__ import annotations

import re

from desktop_app.checks import Finding
from desktop_app.checks import lexicon as lx
from desktop_app.checks import tone_lexicon as tl
from desktop_app.checks.codes import finding, is_marketing
from desktop_app.checks.cues import cue_findings
from desktop_app.checks.draft_view import DraftView
from desktop_app.checks.models import sentiment
from desktop_app.checks.text import (
    clauses,
    emoji_stats,
    find_phrases,
    fold,
    quote,
    sentences,
    words,
)

LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}
# Detector confidence (among the candidate languages) needed before we say "wrong language".
LANGUAGE_CONFIDENCE = 0.9
# Words; a personal note that runs past these is "far too long" for its occasion.
MAX_WORDS = {"anniversary": 250, "winback": 250}
DEFAULT_MAX_WORDS = 200
MAX_SUBJECT_CHARS = 90
# Exclamation marks and emoji: a warm note has a few; a flood reads as spam.
MAX_EXCLAMATIONS = 5
MAX_EMOJI = 5
MAX_EMOJI_RUN = 3
# VADER compound at or below which an English sentence reads as unkind.
NEGATIVE_SENTENCE = -0.5
NEGATIVE_TEXT = -0.3
# "RE: your order" on a note that answers nothing: a classic spam trick.
_FAKE_REPLY = re.compile(r"\s*(?:re|fwd?|aw|wg|tr|rv)\s*:", re.IGNORECASE)
_ACRONYMS = {"PS", "OK", "EU", "UK", "USA", "DIY", "FAQ", "VIP", "BBQ", "ASAP", "NB", "PPS", "AM", "PM"}


def fit(view: DraftView) -> list[Finding]:
    return _language(view) + _length(view)


def _language(view: DraftView) -> list[Finding]:
    detected, confidence = view.language
    if not detected or confidence < LANGUAGE_CONFIDENCE:
        return []
    expected = view.expected_language
    said = LANGUAGE_NAMES.get(detected, detected)
    if expected and detected != expected:
        wanted = LANGUAGE_NAMES.get(expected, expected)
        return [
            finding(
                "language_mismatch",
                f"The note reads as {said}, but the customer's language is {wanted}. "
                "Use the template in their language?",
            )
        ]
    shop = view.shop_language
    if not expected and shop and detected != shop:
        return [
            finding(
                "language_unverified",
                f"The note is in {said}; the customer's language is not recorded.",
            )
        ]
    return []


def _length(view: DraftView) -> list[Finding]:
    out: list[Finding] = []
    limit = MAX_WORDS.get(view.facts.occasion, DEFAULT_MAX_WORDS)
    count = len(words(view.body))
    if count > limit:
        out.append(
            finding(
                "too_long",
                f"The note has {count} words; for this occasion keep it under {limit}. "
                "A few warm lines read best.",
            )
        )
    if len(view.subject.strip()) > MAX_SUBJECT_CHARS:
        out.append(
            finding(
                "subject_too_long",
                f"The subject has {len(view.subject.strip())} characters; inboxes show about "
                f"{MAX_SUBJECT_CHARS}. Shorten it?",
            )
        )
    return out


def tone(view: DraftView) -> list[Finding]:
    out = _shouting(view) + _floods(view)
    # Phrase lists name known wordings; combined cues catch new ones (see checks.cues).
    languages = (view.language[0], view.expected_language or "", view.shop_language or "")
    cues = cue_findings(view.subject, view.body, view.facts.occasion, languages)
    for code, phrases, advice in (
        ("pressure", tl.PRESSURE, "A kind note does not need a deadline — soften or remove it?"),
        ("spam_phrase", tl.SPAM, "Spam filters and readers distrust this; say it plainly?"),
        ("guilt", tl.GUILT, "This can make the customer feel guilty; write what you wish them instead?"),
        ("age_joke", tl.AGE_JOKES, "Jokes about age can hurt; leave it out?"),
        ("creepy_tracking", tl.CREEPY, "This says we watch what they do; mention only what they told you?"),
    ):
        found = find_phrases(view.folded, phrases, original=view.text) + cues.get(code, [])
        if code == "spam_phrase" and _FAKE_REPLY.match(view.subject):
            found.insert(0, view.subject.split(":", 1)[0] + ":")
        if found:
            out.append(finding(code, f"{quote(found)}: {advice}"))
    out += _negative(view, cues.get("negative_tone", []))
    out += _after_complaint(view)
    out += _sensitive_notes(view)
    return out


def _shouting(view: DraftView) -> list[Finding]:
    quiet = _ACRONYMS | set(words(view.facts.shop.name or ""))

    def loud(word: str) -> bool:
        return len(word) > 1 and word.isupper() and word not in quiet

    subject_words = [w for w in words(view.subject) if w not in quiet]
    loud_subject = len(subject_words) >= 2 and (
        sum(map(loud, subject_words)) >= 0.7 * len(subject_words)
    )
    longest_run = run = 0
    for word in words(view.body):
        run = run + 1 if loud(word) else 0
        longest_run = max(longest_run, run)
    body_letters = [ch for ch in view.body if ch.isalpha()]
    body_ratio = sum(ch.isupper() for ch in body_letters) / max(len(body_letters), 1)
    if loud_subject or longest_run >= 3 or (len(body_letters) >= 20 and body_ratio > 0.5):
        where = "subject" if loud_subject else "message"
        return [
            finding(
                "shouting",
                f"The {where} is in capital letters, which reads as shouting. "
                "Write it in normal case?",
            )
        ]
    return []


def _floods(view: DraftView) -> list[Finding]:
    out: list[Finding] = []
    marks = view.text.count("!") + view.text.count("¡")
    if re.search(r"[!¡]{3,}|(?:!\s*){3,}", view.text) or view.text.count("!") > MAX_EXCLAMATIONS:
        out.append(
            finding(
                "exclamation_flood",
                f"{marks} exclamation marks make the note sound like an advert. Keep one or two?",
            )
        )
    total, run = emoji_stats(view.text)
    if total > MAX_EMOJI or run > MAX_EMOJI_RUN:
        out.append(
            finding("emoji_flood", f"{total} emoji are a lot for a personal note. Keep one or two?")
        )
    return out


def _negative(view: DraftView, cued: list[str]) -> list[Finding]:
    found = find_phrases(view.folded, (*tl.SARCASM, *tl.NEGATIVE), original=view.text) + cued
    if not found and not view.reads_english:
        found = _blame(view)
    if not found and view.reads_english:
        # Apologies and opt-out lines score negative ("sorry", "stop") yet are the kind part.
        kind = tuple(lx.APOLOGY_WORDS) + tuple(lx.OPT_OUT_PHRASES) + ("stop",)
        # Clauses too: VADER weights what follows "but", so "X is a pain, but happy birthday"
        # would otherwise average out.
        pieces = [c for s in sentences(view.text) for c in {s, *clauses(s)}]
        scored = [(s, *sentiment(s)) for s in pieces if not find_phrases(fold(s), kind)]
        harsh = [s for s, score, negative in scored if negative and score <= NEGATIVE_SENTENCE]
        mean = sum(score for _, score, _ in scored) / max(len(scored), 1)
        if harsh or mean <= NEGATIVE_TEXT:
            found = [harsh[0] if harsh else view.subject or view.body[:60]]
    if not found:
        return []
    return [
        finding(
            "negative_tone",
            f"{quote(found, limit=1)} may read as sarcastic or unkind. Say it warmly, or leave it out?",
        )
    ]


def _blame(view: DraftView) -> list[str]:
    """Sentences that put a harsh word next to "you" (de, fr, es), apologies excepted."""
    hits = []
    for sentence in sentences(view.text):
        folded = fold(sentence)
        if find_phrases(folded, lx.APOLOGY_WORDS) or re.search(
            r"(?<!\w)(?:" + "|".join(tl.NEGATIONS) + r")(?!\w)|\bn'", folded
        ):
            continue
        harsh = find_phrases(folded, tl.HARSH, original=sentence)
        if harsh and find_phrases(folded, tl.SECOND_PERSON):
            hits.append(harsh[0])
    return hits


def _recent_note_lines(view: DraftView, phrases: tuple[str, ...]) -> list[str]:
    """Note lines that match, unless dated more than a year ago or marked resolved."""
    hits = []
    for line in (view.facts.customer.notes or "").splitlines():
        folded = fold(line)
        if not find_phrases(folded, phrases) or find_phrases(folded, lx.RESOLVED_NOTE_WORDS):
            continue
        dated = re.search(r"(\d{4})-(\d{2})-(\d{2})", line)
        if dated:
            year, month = int(dated.group(1)), int(dated.group(2))
            today = view.facts.today
            if (today.year - year) * 12 + (today.month - month) > 12:
                continue
        hits.append(line.strip())
    return hits


def _after_complaint(view: DraftView) -> list[Finding]:
    if not is_marketing(view.facts.occasion):
        return []
    lines = _recent_note_lines(view, lx.COMPLAINT_NOTE_WORDS)
    if not lines or find_phrases(view.folded, lx.APOLOGY_WORDS):
        return []
    return [
        finding(
            "complaint_in_notes",
            f"The notes record a complaint (“{_short(lines[0])}”). A cheerful note may land badly — "
            "acknowledge it, or wait?",
        )
    ]


def _sensitive_notes(view: DraftView) -> list[Finding]:
    lines = _recent_note_lines(view, lx.SENSITIVE_NOTE_WORDS)
    if not lines:
        return []
    return [
        finding(
            "sensitive_note",
            f"The notes mention “{_short(lines[0])}”. Read them before sending a cheerful note.",
        )
    ]


def _short(line: str, limit: int = 80) -> str:
    """A note line for a message: trimmed, without its full stop, cut at a word."""
    line = line.strip().rstrip(".")
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
