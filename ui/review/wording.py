"""What the Today page's status line says after each action."""

from __future__ import annotations

import html
from collections.abc import Sequence

from desktop_app.review import Outcome
from storage.drafts_queue import QueueItem

_SAID = {
    "approve": "Approved {notes}: they wait in the outbox for their time.",
    "approve_all_clean": "Approved {notes} the check found nothing wrong with.",
    "skip": "Skipped {notes}.",
    "snooze": "Snoozed {notes}.",
    "never": "Will not write that kind of note to them again ({notes} dropped).",
    "edit": "Kept your wording.",
    "rerender": "Wrote the note from its template again.",
    "undo": "Undone ({notes} back as before).",
}


def describe(outcome: Outcome) -> str:
    """One or two plain sentences; refusals other than blocks (those get a prompt) are listed.

    >>> describe(Outcome("skip", done=(3,)))
    'Skipped 1 note. Press U to undo.'
    """
    n = len(outcome.done)
    notes = f"{n} note{'s' if n != 1 else ''}"
    text = _SAID.get(outcome.action, "").format(notes=notes)
    if outcome.action not in ("undo", "edit", "rerender") and n:
        text += " Press U to undo."
    problems = [r.message for r in outcome.refused if r.code != "blocked"]
    return " ".join([text, *problems]).strip()


def who(items: Sequence[QueueItem]) -> str:
    if len(items) == 1:
        return f"the note to {html.escape(items[0].customer_name)}"
    return f"{len(items)} notes"


def never_question(items: Sequence[QueueItem]) -> str:
    if len(items) == 1:
        item = items[0]
        what = f"“{item.occasion.replace('_', ' ')}” notes to {html.escape(item.customer_name)}"
    else:
        what = f"these kinds of notes to these {len(items)} customers"
    return f"Never send {what} again?"


def override_question(items: Sequence[QueueItem]) -> str:
    reasons = "; ".join(html.escape(f.get("message", "")) for f in items[0].findings
                        if f.get("severity") == "block")
    return f"<b>The check blocked {who(items)}:</b> {reasons} Approve anyway? This is recorded."
