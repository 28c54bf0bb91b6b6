"""Every number and customer list in ../shared/samples/expected.json, per file and all combined."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.importing.engine import run_import
from storage.db import open_db
from tests.desktop_app.importing.conftest import find_shared

_SAMPLES = find_shared("samples")
EXPECTED = (json.loads((_SAMPLES / "expected.json").read_text("utf-8")) if _SAMPLES
            else {"files": {}, "all_customer_files_combined": {"files": []}})
CUSTOMER_FILES = [f for f, v in EXPECTED["files"].items() if v["kind"] == "customers"]


def store_customers(db) -> list[dict]:
    rows = db.execute(
        "SELECT email_key, phone_key, display_name, birth_year, birth_month, birth_day, "
        "email_consent FROM customers ORDER BY id"
    ).fetchall()
    out = []
    for email_key, phone_key, name, year, month, day, consent in rows:
        birthday = None
        if month:
            birthday = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        out.append({"key": f"email:{email_key}" if email_key else f"phone:{phone_key}",
                    "name": name, "email": email_key, "phone_digits": phone_key,
                    "birthday": birthday, "consent": consent})
    return out


def store_stats(customers: list[dict]) -> dict:
    consent = Counter(c["consent"] for c in customers)
    full = sum(1 for c in customers if c["birthday"] and not c["birthday"].startswith("--"))
    yearless = sum(1 for c in customers if c["birthday"] and c["birthday"].startswith("--"))
    return {"consent": {k: consent.get(k, 0) for k in ("yes", "no", "unknown")},
            "birthdays": {"full": full, "yearless": yearless, "none": len(customers) - full - yearless}}


def result_stats(results) -> dict:
    rejected = Counter(r["reason"] for res in results for r in res.rejected)
    warnings = Counter(w["code"] for res in results for w in res.warnings)
    return {
        "data_rows": sum(r.data_rows for r in results),
        "accepted_rows": sum(r.accepted for r in results),
        "rejected_rows": sum(len(r.rejected) for r in results),
        "rejected": {k: rejected.get(k, 0) for k in ("invalid_email", "invalid_phone", "no_contact")},
        "warnings": {k: warnings.get(k, 0) for k in
                     ("invalid_email_dropped", "invalid_phone_dropped", "invalid_birthday")},
    }


@pytest.fixture(params=["here", "child", "child-small-batches"])
def reading(request, monkeypatch):
    """Read rows in this process, or in a child process (as big files are), or in a child
    process seven rows at a time (duplicates then span batches)."""
    from desktop_app.importing import customer_import, feed

    if request.param != "here":
        monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    if request.param == "child-small-batches":
        monkeypatch.setattr(customer_import, "BATCH_ROWS", 7)
    return request.param


@pytest.fixture
def fresh_db(tmp_path: Path):
    database = open_db(tmp_path / "fondly.db")
    yield database
    database.close()


def test_expected_json_is_there(samples_dir):
    assert len(CUSTOMER_FILES) == 10


@pytest.mark.parametrize("file_name", CUSTOMER_FILES)
def test_each_file_alone(file_name, samples_dir, fresh_db, reading):
    spec = EXPECTED["files"][file_name]
    path = samples_dir / file_name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == spec["sha256"], "sample file changed"
    result = run_import(fresh_db, path)
    stats = spec["stats"]

    assert result.format == spec["detected_format"]
    if "encoding" in spec:
        assert result.encoding == spec["encoding"]
        assert result.delimiter == spec["delimiter"]
    if "header_row" in spec:
        assert result.header_row == spec["header_row"] and result.sheet == spec["sheet"]
    if "skipped_groups" in spec:
        assert result.skipped_groups == spec["skipped_groups"]
    mine = result_stats([result])
    for key in ("data_rows", "accepted_rows", "rejected_rows", "rejected", "warnings"):
        assert mine[key] == stats[key], key
    if not file_name.endswith(".xlsx"):  # README rule 4: XLSX blank rows depend on the reader
        assert result.blank_rows == stats["blank_rows"]
    assert result.merged_rows == stats["merged_rows"]
    assert result.unique_customers == stats["unique_customers"] == result.created

    customers = store_customers(fresh_db)
    assert store_stats(customers) == {"consent": stats["consent"], "birthdays": stats["birthdays"]}
    rows_per_key = Counter(o.key for o in result.rows if o.key)
    got = [{**c, "rows": rows_per_key[c["key"]]} for c in customers]
    want = [{k: c[k] for k in ("key", "name", "email", "phone_digits", "birthday", "consent", "rows")}
            for c in spec["customers"]]
    assert got == want


NOTABLE = re.compile(r"^row (\d+) .*?: (REJECTED (\w+)|warning (\w+)|MERGED into row (\d+))")


@pytest.mark.parametrize("file_name", CUSTOMER_FILES)
def test_notable_rows_as_in_the_readme(file_name, samples_dir, fresh_db, reading):
    """Row numbers of every rejection, warning and merge match the README's row-level detail."""
    result = run_import(fresh_db, samples_dir / file_name)
    want = set()
    for line in EXPECTED["files"][file_name].get("notable_rows") or []:
        match = NOTABLE.match(line)
        assert match, line
        row, _, reason, code, into = match.groups()
        want.add((int(row), reason or code or f"merged:{into}"))
    got = {(r["row"], r["reason"]) for r in result.rejected}
    got |= {(w["row"], w["code"]) for w in result.warnings}
    got |= {(o.row, f"merged:{o.merged_into}") for o in result.rows if o.outcome == "merged"}
    assert got == want


def test_all_ten_files_into_one_store(samples_dir, fresh_db, reading):
    combined = EXPECTED["all_customer_files_combined"]
    results = [run_import(fresh_db, samples_dir / name) for name in combined["files"]]
    stats = combined["stats"]
    mine = result_stats(results)
    for key in ("data_rows", "accepted_rows", "rejected_rows", "rejected", "warnings"):
        assert mine[key] == stats[key], key
    assert sum(r.blank_rows for r in results if r.sheet is None) + 8 == stats["blank_rows"]
    customers = store_customers(fresh_db)
    assert len(customers) == stats["unique_customers"]
    # Rows absorbed into an earlier customer, within and across files.
    assert stats["accepted_rows"] - len(customers) == stats["merged_rows"]
    assert sum(r.merged_rows + r.updated + r.unchanged for r in results) == stats["merged_rows"]
    assert store_stats(customers) == {"consent": stats["consent"], "birthdays": stats["birthdays"]}
    rows_per_key = Counter(o.key for r in results for o in r.rows if o.key)
    by_key = {c["key"]: c for c in customers}
    multi = {k: {"consent": by_key[k]["consent"], "birthday": by_key[k]["birthday"], "rows": n}
             for k, n in rows_per_key.items() if n > 1}
    assert multi == combined["customers_seen_in_more_than_one_row"]


def test_combined_is_order_independent(samples_dir, fresh_db):
    combined = EXPECTED["all_customer_files_combined"]
    for name in reversed(combined["files"]):
        run_import(fresh_db, samples_dir / name)
    customers = store_customers(fresh_db)
    stats = combined["stats"]
    assert len(customers) == stats["unique_customers"]
    assert store_stats(customers) == {"consent": stats["consent"], "birthdays": stats["birthdays"]}
