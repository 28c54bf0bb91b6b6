"""The two offline models the check uses, each loaded once on first use: py3langid and VADER.

Loading py3langid's model takes about a second, so the review page may call ``warm_up()`` on a
background lane before the first draft is shown. Neither library touches the network.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

# The languages the check knows; the customer's or the shop's language joins them when it differs.
KNOWN_LANGUAGES = ("en", "de", "fr", "es")
_NAMES = {
    "english": "en", "englisch": "en", "anglais": "en", "inglés": "en", "ingles": "en",
    "german": "de", "deutsch": "de", "allemand": "de", "alemán": "de", "aleman": "de",
    "french": "fr", "französisch": "fr", "français": "fr", "francais": "fr", "francés": "fr",
    "spanish": "es", "spanisch": "es", "espagnol": "es", "español": "es", "espanol": "es",
}
_lock = threading.Lock()


def language_code(value: str | None) -> str | None:
    """'de-AT', 'DE', 'Deutsch' → 'de'; empty or unreadable → None.

    >>> language_code("de-AT"), language_code("Español"), language_code(""), language_code("x")
    ('de', 'es', None, None)
    """
    if not value:
        return None
    text = value.strip().lower()
    if text in _NAMES:
        return _NAMES[text]
    code = re.split(r"[-_]", text, maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


_loaded: dict[str, object] = {}


def _identifier():
    # One lock around check-and-load: two lanes asking at once must not load the model twice.
    with _lock:
        if "langid" not in _loaded:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _loaded["langid"] = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _loaded["langid"]


def _vader():
    with _lock:
        if "vader" not in _loaded:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _loaded["vader"] = SentimentIntensityAnalyzer()
        return _loaded["vader"]


def warm_up() -> None:
    """Load both models now (about a second), so the first check while typing is fast."""
    _identifier()
    _vader()


@lru_cache(maxsize=512)
def detect_language(text: str, candidates: tuple[str, ...]) -> tuple[str, float]:
    """The most likely of *candidates* for *text*, with its probability among them.

    Restricting to the candidates keeps short notes from being read as Latin or Luxembourgish.
    """
    ranked = _identifier().rank(text)
    scores = {lang: prob for lang, prob in ranked if lang in candidates}
    total = sum(scores.values())
    if not scores or total <= 0:
        return "", 0.0
    best = max(scores, key=scores.__getitem__)
    return best, scores[best] / total


@lru_cache(maxsize=2048)
def sentiment(sentence: str) -> float:
    """VADER's compound score (−1 … 1) for an English sentence."""
    return _vader().polarity_scores(sentence)["compound"]
