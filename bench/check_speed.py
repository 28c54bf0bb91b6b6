"""How fast the empathy and safety check runs: per corpus draft, and per keystroke while typing.

Run: python -m bench.check_speed   (the budget while typing is 20 ms per check)
"""

from __future__ import annotations

import dataclasses
import statistics
import time

from desktop_app.checks import check_draft, warm_up
from desktop_app.checks.draft_json import facts_from_json
from tests.desktop_app.check_corpus_report import load_cases

BUDGET_MS = 20.0


def _time(fn) -> float:
    # CPU time of this process: other work on a shared machine does not inflate it.
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def main() -> None:
    start = time.perf_counter()
    warm_up()
    print(f"model load (once): {(time.perf_counter() - start) * 1000:.0f} ms")
    drafts = [facts_from_json(c.data) for c in load_cases()]
    for label in ("first pass", "second pass"):
        per_draft = sorted(_time(lambda d=d: check_draft(d)) for d in drafts)
        print(
            f"{len(drafts)} corpus drafts, {label}: median {statistics.median(per_draft):.2f} ms, "
            f"p95 {per_draft[int(len(per_draft) * 0.95)]:.2f} ms, max {per_draft[-1]:.2f} ms"
        )
    # Typing: every prefix of the longest body is a new text, so no cache helps.
    longest = max(drafts, key=lambda d: len(d.body))
    keystrokes = [
        dataclasses.replace(longest, body=longest.body[:n]) for n in range(1, len(longest.body) + 1)
    ]
    typing = sorted(_time(lambda d=d: check_draft(d)) for d in keystrokes)
    median = statistics.median(typing)
    print(
        f"typing {len(keystrokes)} keystrokes of a {len(longest.body)}-character body: "
        f"median {median:.2f} ms, p95 {typing[int(len(typing) * 0.95)]:.2f} ms, "
        f"max {typing[-1]:.2f} ms"
    )
    print(f"median keystroke uses {median / BUDGET_MS:.0%} of the {BUDGET_MS:.0f} ms budget")


if __name__ == "__main__":
    main()
