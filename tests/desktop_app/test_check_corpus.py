"""The corpus: warm drafts get no warning (no nagging), bad ones are caught with their codes."""

from __future__ import annotations

import pytest

from desktop_app.checks import check_draft
from desktop_app.checks.draft_json import facts_from_json
from tests.desktop_app.check_corpus_report import load_cases, score

CASES = load_cases()
LANGUAGES = ("en", "de", "fr", "es")


def test_the_corpus_is_big_and_covers_four_languages():
    good = [c for c in CASES if c.good]
    bad = [c for c in CASES if not c.good]
    assert len(good) >= 60 and len(bad) >= 60
    for language in LANGUAGES:
        assert sum(c.data["customer"].get("language") == language for c in good) >= 10
        assert sum(c.data["customer"].get("language") == language for c in bad) >= 10
    assert all(c.expect for c in bad), "every bad draft names the codes it must raise"
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.good], ids=lambda c: c.id)
def test_warm_drafts_get_no_warning_or_block(case):
    found = check_draft(facts_from_json(case.data))
    assert [f for f in found if f.severity != "info"] == []


@pytest.mark.parametrize("case", [c for c in CASES if not c.good], ids=lambda c: c.id)
def test_bad_drafts_raise_their_codes(case):
    found = {f.code for f in check_draft(facts_from_json(case.data))}
    assert set(case.expect) <= found


def test_precision_and_recall(capsys):
    result = score(CASES)
    with capsys.disabled():
        print(
            f"\ncheck corpus: {result.good} good / {result.bad} bad drafts — "
            f"precision {result.precision:.3f}, recall {result.recall:.3f}"
        )
    assert result.precision >= 0.95
    assert result.recall >= 0.9
