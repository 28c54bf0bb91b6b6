"""Run every rule over one draft and order the findings: blocking first, then warnings, then info."""

from __future__ import annotations

from desktop_app.checks import DraftFacts, Finding
from desktop_app.checks.consent import consent
from desktop_app.checks.draft_view import DraftView
from desktop_app.checks.tone import fit, tone
from desktop_app.checks.wording import facts, leftovers, people

RULES = (leftovers, people, facts, consent, fit, tone)
_ORDER = {"block": 0, "warn": 1, "info": 2}


def run_checks(draft: DraftFacts) -> list[Finding]:
    """All findings for *draft*, one per code, most serious first."""
    view = DraftView(draft)
    found: dict[str, Finding] = {}
    for rule in RULES:
        for item in rule(view):
            found.setdefault(item.code, item)
    return sorted(found.values(), key=lambda f: _ORDER[f.severity])
