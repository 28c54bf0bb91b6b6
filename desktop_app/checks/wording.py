"""Rules on the words themselves: template leftovers, the right person, and the facts stated."""

from __future__ import annotations

import datetime as dt
import re

from desktop_app.checks import Finding
from desktop_app.checks import lexicon as lx
from desktop_app.checks.codes import finding
from desktop_app.checks.draft_view import DraftView
from desktop_app.checks.text import find_phrases, fold, name_tokens, quote, words

_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}", re.S)
_MERGE_TAGS = re.compile(
    r"\*\|[A-Z0-9_]+\|\*"  # Mailchimp
    r"|%%?[A-Z][A-Z0-9_]{1,30}%%?"  # %FIRSTNAME%
    r"|\$\{?[A-Za-z_][A-Za-z0-9_]*\}"  # ${name}
    r"|\{[A-Za-z_][A-Za-z0-9_.]{0,30}\}"  # {first_name}
    r"|<<[^<>\n]{1,30}>>"
)
_BRACKETED = re.compile(r"[\[<]([^\[\]<>\n]{1,30})[\]>]")
_NONE_AS_TEXT = re.compile(r"\bNone\b(?!\s+(?:of|other|at all|whatsoever|too|so)\b)")
_NULL = re.compile(r"\bnull\b")


def leftovers(view: DraftView) -> list[Finding]:
    """Unrendered template syntax, placeholder text, empty names and codes, an empty subject."""
    out: list[Finding] = []
    if not view.subject.strip():
        out.append(finding("empty_subject", "The subject is empty. Write a short, friendly subject."))
    if not view.body.strip():
        out.append(finding("empty_body", "The message is empty. Re-render it from the template?"))
    syntax = _TEMPLATE.findall(view.text)
    if syntax:
        out.append(
            finding(
                "template_syntax",
                f"Template code was not filled in: {quote(syntax)}. "
                "Fix the template or edit this draft before it goes out.",
            )
        )
    placeholders = _placeholders(view)
    if placeholders:
        out.append(
            finding(
                "placeholder_text",
                f"Placeholder text is still in the message: {quote(placeholders)}. "
                "Replace it with the real words.",
            )
        )
    if any(g.empty_name for g in view.greetings):
        out.append(
            finding(
                "empty_greeting_name",
                "The greeting has no name in it (“Hi ,”). Add the customer's name or say “Hello”.",
            )
        )
    dangling = _dangling_code(view.text, view.folded)
    if dangling:
        out.append(
            finding(
                "dangling_code",
                f"“{dangling}” is not followed by a code. Add the code or remove the sentence.",
            )
        )
    return out


def _placeholders(view: DraftView) -> list[str]:
    # Inside {{ }} is template_syntax's business: "{{ first_name }}" is one finding, not two.
    text = _TEMPLATE.sub(" ", view.text)
    folded = fold(text)
    found = [m.group(0) for m in _MERGE_TAGS.finditer(text)]
    keys = {fold(k) for k in lx.PLACEHOLDER_KEYS}
    for match in _BRACKETED.finditer(text):
        inner = match.group(1).strip()
        inner_words = set(re.split(r"[\s_/-]+", fold(inner)))
        if (inner.isupper() and len(inner) > 1) or inner_words & keys:
            found.append(match.group(0))
    found += find_phrases(folded, lx.PLACEHOLDER_WORDS)
    for pattern in lx.PLACEHOLDER_CASED:
        found += re.findall(pattern, text)
    found += [m.group(0) for m in _NONE_AS_TEXT.finditer(text)]
    if view.language[0] != "de":  # "null" is German for zero
        found += _NULL.findall(text)
    return found


def _dangling_code(text: str, folded: str) -> str:
    """The code phrase left without a code: "use this code:" at a line's end, or "code at checkout"."""
    code_words = "|".join(sorted((fold(w) for w in lx.CODE_WORDS), key=len, reverse=True))
    checkout = "|".join(fold(w) for w in lx.CHECKOUT_WORDS)
    patterns = (
        # A comma straight after the word is a vocative ("Your voucher, Lena"), not a missing code.
        rf"(?<!\w)(?:{code_words})(?:\s*:\s*|\s+)(?:none|undefined|null)?\s*(?=,)",
        rf"(?<!\w)(?:{code_words})\s*:?\s*(?:none|undefined|null)?\s*(?=[.!;]|\n|$)",
        # "Your code is: ." / "Ihr Gutscheincode lautet: ."
        rf"(?<!\w)(?:{code_words})\s+(?:is|lautet|ist|est|es)\s*:?\s*(?:none|undefined|null)?\s*(?=[.!;,]|\n|$)",
        rf"(?<!\w)(?:{code_words})\s*:\s+(?={checkout})",
        rf"(?<!\w)(?:use|with|mit|avec|utilisez|utilise|usa|usa el|con el)\s+(?:the\s+|this\s+|dem\s+|le\s+|el\s+)?"
        rf"(?:{code_words})\s+(?={checkout})",
    )
    subject_end = text.find("\n") if "\n" in text else len(text)
    for pattern in patterns:
        # A subject that ends on the word names the gift ("Your discount code"); it holds no code.
        match = next(
            (m for m in re.finditer(pattern, folded) if m.start() > subject_end or m.end() < subject_end),
            None,
        )
        if match:
            line_start = text.rfind("\n", 0, match.start()) + 1
            sentence = re.split(r"[.!?¡¿]", text[line_start : match.start()])[-1]
            lead = sentence.split()[-3:]
            return " ".join([*lead, text[match.start() : match.end()].strip()])
    return ""


def people(view: DraftView) -> list[Finding]:
    """The greeting names this customer, and does not fall back to "Dear customer"."""
    customer = view.facts.customer
    known = name_tokens(customer.first_name, customer.last_name)
    out: list[Finding] = []
    for greeting in view.greetings:
        named_anyway = bool(name_tokens(customer.first_name) & name_tokens(*words(greeting.line)))
        if greeting.generic and customer.first_name.strip() and not named_anyway:
            out.append(
                finding(
                    "generic_greeting",
                    f"The greeting says “{greeting.generic}” although we know the name — "
                    f"greet {customer.first_name.strip()} by name?",
                )
            )
        elif greeting.names and known and not _names_match(greeting.names, view):
            who = " ".join(greeting.names)
            name = f"{customer.first_name} {customer.last_name}".strip()
            out.append(
                finding(
                    "wrong_name",
                    f"The greeting names “{who}”, but this note is for {name}. "
                    "Check you have the right customer.",
                )
            )
    return _first_of_each(out)


def _names_match(names: tuple[str, ...], view: DraftView) -> bool:
    customer = view.facts.customer
    known = name_tokens(customer.first_name, customer.last_name)
    first = name_tokens(customer.first_name)
    notes = fold(customer.notes or "")
    for name in names:
        for token in name_tokens(name):
            if token in known:
                return True
            # Nicknames: "Alex" for Alexandra, or a short name the notes record ("goes by Liz").
            # A name one or two letters longer is another spelling, so another person (Sarah is
            # not Sara), unless the letters make a pet form: Tom → Tommy, Jan → Jani.
            if len(token) >= 3 and any(
                f.startswith(token)
                or (token.startswith(f) and (len(token) - len(f) > 2 or _pet_form(token, f)))
                for f in first
            ):
                return True
            full_names = lx.NICKNAMES.get(token, ())
            if first & set(full_names) or fold(customer.first_name.strip()) in full_names:
                return True
            if len(token) >= 2 and re.search(rf"(?<!\w){re.escape(token)}(?!\w)", notes):
                return True
    return False


_PET_SUFFIXES = ("y", "ie", "i", "ey", "le", "li", "ou", "ito", "ita")


def _pet_form(token: str, name: str) -> bool:
    """*token* is *name* with a pet-name ending, the last letter doubled or not (Tom → Tommy)."""
    rest = token[len(name) :]
    if rest[:1] == name[-1:]:
        rest = rest[1:]
    return rest in _PET_SUFFIXES


def _first_of_each(found: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    return [f for f in found if not (f.code in seen or seen.add(f.code))]


def facts(view: DraftView) -> list[Finding]:
    """Ages the text states, and birthday notes sent well after the day."""
    return _age(view) + _late_birthday(view) + _early_today(view)


_AGE_RES = tuple(re.compile(p) for p in lx.AGE_PATTERNS)
_AGE_WORDS_RE = re.compile(r"\b(" + "|".join(lx.AGE_WORDS) + r")\b")


def _stated_ages(folded: str, original: str) -> list[tuple[str, int]]:
    """(the words as written, the age) for each age the text states."""
    ages = [
        (original[m.start() : m.end()], int(m.group(1))) for r in _AGE_RES for m in r.finditer(folded)
    ]
    ages += [
        (original[m.start() : m.end()], lx.AGE_WORDS[m.group(1)])
        for m in _AGE_WORDS_RE.finditer(folded)
    ]
    return [(text, age) for text, age in ages if 1 <= age <= 120]


def _age(view: DraftView) -> list[Finding]:
    if not view.facts.occasion.startswith("birthday"):
        return []  # "our 10th anniversary" and loyalty milestones are not the customer's age
    ages = _stated_ages(view.folded, view.text)
    if not ages:
        return []
    customer = view.facts.customer
    said, age = ages[0]
    if customer.birth_year is None:
        return [
            finding(
                "age_unknown_year",
                f"The year of birth is unknown, so “{said}” may be wrong — remove the age?",
            )
        ]
    turning = _birthday_year(view) - customer.birth_year
    wrong = [(s, a) for s, a in ages if a != turning]
    if wrong:
        said, age = wrong[0]
        return [
            finding(
                "age_wrong",
                f"The text says “{said}”, but {customer.first_name or 'the customer'} turns "
                f"{turning} this birthday. Fix or remove the age.",
            )
        ]
    return []


def _birthday(view: DraftView) -> dt.date | None:
    """The birthday this note is about: the occasion's date, else the nearest past-or-now one."""
    if view.facts.occasion_date is not None:
        return view.facts.occasion_date
    customer, today = view.facts.customer, view.facts.today
    if not customer.birth_month or not customer.birth_day:
        return None
    for year in (today.year, today.year - 1):
        try:
            day = dt.date(year, customer.birth_month, customer.birth_day)
        except ValueError:  # 29 February in a common year: celebrate on the 28th
            day = dt.date(year, customer.birth_month, 28)
        if day <= today + dt.timedelta(days=31):
            return day
    return None


def _birthday_year(view: DraftView) -> int:
    day = _birthday(view)
    return day.year if day else view.facts.today.year


# Days after the birthday a plain "Happy birthday" still feels on time.
LATE_AFTER_DAYS = 3


def _late_birthday(view: DraftView) -> list[Finding]:
    occasion = view.facts.occasion
    if occasion not in ("birthday", "birthday_belated"):
        return []
    day = _birthday(view)
    if day is None:
        return []
    late_by = (view.facts.today - day).days
    limit = 0 if occasion == "birthday_belated" else LATE_AFTER_DAYS
    if late_by <= limit or find_phrases(view.folded, lx.BELATED_WORDS):
        return []
    return [
        finding(
            "birthday_late",
            f"The birthday was {late_by} days ago, and the note reads as if it were today. "
            "Add a word like “belated”?",
        )
    ]


# Days before the birthday a note may already say "today" (it may go out the day before).
TODAY_EARLY_DAYS = 1


def _early_today(view: DraftView) -> list[Finding]:
    if view.facts.occasion != "birthday":
        return []
    day = _birthday(view)
    if day is None or (day - view.facts.today).days <= TODAY_EARLY_DAYS:
        return []
    said = find_phrases(view.folded, lx.TODAY_WORDS, original=view.text)
    if not said:
        return []
    days = (day - view.facts.today).days
    return [
        finding(
            "birthday_not_today",
            f"The note says “{said[0]}”, but the birthday is on {day:%d %B}, in {days} days. "
            "Reword it, or snooze the note to the day?",
        )
    ]
