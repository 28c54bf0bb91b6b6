"""``fondly check-draft``: JSON in, findings out; bad input is one clear line and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
DRAFT = {
    "occasion": "birthday",
    "subject": "Happy birthday, Anna!",
    "body": "Hi Anna,\n\nHappy 40th birthday! Use this code:\n",
    "today": "2026-05-12",
    "customer": {
        "first_name": "Anna", "last_name": "Weber", "email": "anna@example.com", "language": "en",
        "birthday": "--05-12", "email_consent": "yes", "do_not_contact": False, "notes": "",
    },
    "shop": {"name": "Crumb & Co", "language": "en", "cooldown_days": 14},
}


def write(tmp_path: Path, data) -> str:
    path = tmp_path / "draft.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_json_output_lists_the_findings(tmp_path, capsys):
    assert main(["check-draft", write(tmp_path, DRAFT), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    codes = [f["code"] for f in out["findings"]]
    assert {"dangling_code", "age_unknown_year", "no_opt_out"} <= set(codes)
    assert all(set(f) == {"code", "severity", "message"} for f in out["findings"])
    assert out["findings"][0]["severity"] == "block"


def test_readable_output(tmp_path, capsys):
    assert main(["check-draft", write(tmp_path, DRAFT)]) == 0
    out = capsys.readouterr().out
    assert "BLOCK" in out and "age_unknown_year" in out and "blocking" in out


def test_a_clean_draft_says_so(tmp_path, capsys):
    clean = {**DRAFT, "body": "Hi Anna,\n\nHappy birthday from all of us!\n\nReply stop to opt out."}
    assert main(["check-draft", write(tmp_path, clean)]) == 0
    assert "No findings" in capsys.readouterr().out
    assert main(["check-draft", write(tmp_path, clean), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"findings": []}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "one JSON object"),
        ({**DRAFT, "occasion": "christmas"}, "occasion"),
        ({k: v for k, v in DRAFT.items() if k != "body"}, "body"),
        ({**DRAFT, "today": "12/05/2026"}, "today"),
        ({**DRAFT, "customer": {**DRAFT["customer"], "birthday": "1990-02-30"}}, "birthday"),
        ({**DRAFT, "customer": {**DRAFT["customer"], "email_consent": "maybe"}}, "email_consent"),
        ({**DRAFT, "customer": {**DRAFT["customer"], "do_not_contact": "no"}}, "do_not_contact"),
        ({**DRAFT, "shop": {**DRAFT["shop"], "cooldown_days": "two weeks"}}, "cooldown_days"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, capsys, data, says):
    assert main(["check-draft", write(tmp_path, data)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fondly:") and says in lines[0]


def test_a_missing_file(tmp_path, capsys):
    assert main(["check-draft", str(tmp_path / "nope.json")]) == 1
    assert "Cannot read" in capsys.readouterr().err


def test_standard_input_in_a_real_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(tmp_path / "data"), "check-draft", "-", "--json"],
        input=json.dumps(DRAFT), capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "age_unknown_year" in {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert not (tmp_path / "data").exists(), "checking a draft must not create a shop"
