"""One draft prepared for the rules: folded texts, the greeting and the detected language, once."""

from __future__ import annotations

import re
from functools import cached_property

from desktop_app.checks import DraftFacts
from desktop_app.checks import lexicon as lx
from desktop_app.checks.models import KNOWN_LANGUAGES, detect_language, language_code
from desktop_app.checks.text import Greeting, fold, parse_greeting, words

# Too little text to tell languages apart reliably.
MIN_WORDS_FOR_LANGUAGE = 6
_URL_OR_EMAIL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


class DraftView:
    """Read-only derived views of one DraftFacts; each computed at most once."""

    def __init__(self, facts: DraftFacts) -> None:
        self.facts = facts
        self.subject = facts.subject or ""
        self.body = facts.body or ""
        self.text = f"{self.subject}\n{self.body}"
        self.folded = fold(self.text)
        self.body_folded = fold(self.body)
        self.subject_folded = fold(self.subject)

    @cached_property
    def greetings(self) -> list[Greeting]:
        """The salutation of the subject (when it opens with one) and of the body's first line."""
        found = []
        first_line = next((line for line in self.body.splitlines() if line.strip()), "")
        for line in (self.subject, first_line):
            greeting = parse_greeting(
                line,
                openers=lx.GREETING_OPENERS,
                name_openers=lx.NAME_OPENERS,
                honorifics=lx.HONORIFICS,
                generic=lx.GENERIC_ADDRESSES,
                fillers=lx.GREETING_FILLERS,
            )
            if greeting is not None:
                found.append(greeting)
        return found

    @cached_property
    def expected_language(self) -> str | None:
        return language_code(self.facts.customer.language)

    @cached_property
    def shop_language(self) -> str | None:
        return language_code(self.facts.shop.language)

    @cached_property
    def plain_text(self) -> str:
        """Subject and body without links, addresses and names, which mislead the detector."""
        text = _URL_OR_EMAIL.sub(" ", self.text)
        customer, shop = self.facts.customer, self.facts.shop
        for name in (customer.first_name, customer.last_name, shop.name):
            if name and name.strip():
                text = text.replace(name.strip(), " ")
        return text

    @cached_property
    def language(self) -> tuple[str, float]:
        """(language, confidence) of the text, or ("", 0.0) when it is too short to tell."""
        if len(words(self.plain_text)) < MIN_WORDS_FOR_LANGUAGE:
            return "", 0.0
        candidates = set(KNOWN_LANGUAGES)
        candidates.update(c for c in (self.expected_language, self.shop_language) if c)
        return detect_language(self.plain_text, tuple(sorted(candidates)))

    @cached_property
    def reads_english(self) -> bool:
        """True when VADER (an English lexicon) can judge the text."""
        detected, confidence = self.language
        if detected:
            return detected == "en" and confidence >= 0.6
        return (self.expected_language or self.shop_language or "en") == "en"
