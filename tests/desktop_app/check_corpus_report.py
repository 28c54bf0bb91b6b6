"""Load the check corpus and measure precision and recall (run: python -m tests.desktop_app.check_corpus_report)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop_app.checks import Finding, check_draft
from desktop_app.checks.draft_json import facts_from_json

CORPUS = Path(__file__).resolve().parent / "check_corpus"


@dataclass(frozen=True)
class Case:
    id: str
    source: str  # the corpus file's name without .json
    good: bool  # from a good_*.json file
    expect: tuple[str, ...]  # codes a bad draft must raise
    data: dict
    known_gap: str = ""  # why the check misses this one today (kept to measure, not to hide)


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CORPUS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        defaults = doc.get("defaults", {})
        for raw in doc["drafts"]:
            data = {**defaults, **raw}
            for part in ("customer", "shop"):
                data[part] = {**defaults.get(part, {}), **raw.get(part, {})}
            expect = tuple(data.pop("expect", ()))
            case_id = data.pop("id")
            gap = data.pop("known_gap", "")
            data.pop("note", None)
            cases.append(Case(case_id, path.stem, path.name.startswith("good"), expect, data, gap))
    return cases


def flagged(findings: list[Finding]) -> bool:
    return any(f.severity in ("block", "warn") for f in findings)


@dataclass(frozen=True)
class Score:
    good: int
    bad: int
    true_positive: int
    false_positive: int
    false_negative: int
    missed_codes: list[tuple[str, str]]  # (case id, expected code not raised)
    false_alarms: list[tuple[str, list[str]]]  # (good case id, codes raised)

    @property
    def precision(self) -> float:
        return self.true_positive / max(self.true_positive + self.false_positive, 1)

    @property
    def recall(self) -> float:
        return self.true_positive / max(self.true_positive + self.false_negative, 1)


def score(cases: list[Case]) -> Score:
    tp = fp = fn = 0
    missed: list[tuple[str, str]] = []
    alarms: list[tuple[str, list[str]]] = []
    for case in cases:
        findings = check_draft(facts_from_json(case.data))
        raised = flagged(findings)
        codes = {f.code for f in findings}
        if case.good:
            if raised:
                fp += 1
                alarms.append((case.id, [f.code for f in findings if f.severity != "info"]))
        else:
            tp += raised
            fn += not raised
            missed += [(case.id, code) for code in case.expect if code not in codes]
    good = sum(c.good for c in cases)
    return Score(good, len(cases) - good, tp, fp, fn, missed, alarms)


def main() -> int:
    cases = load_cases()
    result = score(cases)
    print(f"corpus: {result.good} good, {result.bad} bad drafts")
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}")
    for part in sorted({c.source.split("_", 1)[1] for c in cases}):
        part_score = score([c for c in cases if c.source.split("_", 1)[1] == part])
        print(
            f"  {part:<8} {part_score.good:>3} good {part_score.bad:>3} bad  "
            f"false alarms {part_score.false_positive}  missed {part_score.false_negative}  "
            f"precision {part_score.precision:.2f}  recall {part_score.recall:.2f}"
        )
    for case_id, codes in result.false_alarms:
        print(f"  false alarm  {case_id}: {', '.join(codes)}")
    gaps = {c.id: c.known_gap for c in cases if c.known_gap}
    for case_id, code in result.missed_codes:
        why = f"  (known gap: {gaps[case_id]})" if case_id in gaps else ""
        print(f"  missed code  {case_id}: {code}{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
