"""``fondly import`` / ``fondly imports list`` / ``fondly imports undo`` in-process."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop_app.cli import main
from tests.conftest import ROOT

JSON_FIELDS = ["format", "kind", "data_rows", "blank_rows", "accepted", "rejected", "warnings",
               "merged_rows", "created", "updated", "unchanged", "unique_customers", "batch_id"]


def run_json(capsys, *argv) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_json_fields(samples_dir, data_dir, capsys):
    out = run_json(capsys, "--data-dir", str(data_dir), "import", str(samples_dir / "square_customers.csv"))
    assert list(out) == JSON_FIELDS
    assert out["format"] == "square"
    assert (out["data_rows"], out["blank_rows"], out["accepted"]) == (40, 1, 37)
    assert out["rejected"] == [{"row": 35, "reason": "no_contact"}, {"row": 36, "reason": "no_contact"},
                               {"row": 37, "reason": "invalid_phone"}]
    assert out["warnings"] == [{"row": 10, "code": "invalid_birthday"},
                               {"row": 20, "code": "invalid_phone_dropped"}]
    assert (out["merged_rows"], out["created"], out["unique_customers"]) == (2, 35, 35)
    assert isinstance(out["batch_id"], int)


def test_dry_run_writes_nothing(samples_dir, data_dir, capsys):
    out = run_json(capsys, "--data-dir", str(data_dir), "import", "--dry-run",
                   str(samples_dir / "shopify_customers.csv"))
    assert out["created"] == 30 and out["unique_customers"] == 30 and out["batch_id"] is None
    listing = run_json(capsys, "--data-dir", str(data_dir), "customers", "list")
    assert listing["count"] == 0
    assert run_json(capsys, "--data-dir", str(data_dir), "imports", "list")["count"] == 0


def test_list_and_undo(samples_dir, data_dir, capsys):
    base = ["--data-dir", str(data_dir)]
    first = run_json(capsys, *base, "import", str(samples_dir / "shopify_customers.csv"))
    second = run_json(capsys, *base, "import", str(samples_dir / "mailchimp_audience.csv"))
    assert second["updated"] > 0
    listing = run_json(capsys, *base, "imports", "list")
    assert [b["id"] for b in listing["imports"]] == [second["batch_id"], first["batch_id"]]
    # The older import cannot be undone while the newer one still touches its customers.
    assert main([*base, "imports", "undo", str(first["batch_id"])]) == 1
    assert "undo it first" in capsys.readouterr().err
    assert main([*base, "imports", "undo", str(second["batch_id"])]) == 0
    assert "undone" in capsys.readouterr().out
    assert run_json(capsys, *base, "customers", "list")["count"] == 30
    assert main([*base, "imports", "undo", str(second["batch_id"])]) == 1
    assert "already undone" in capsys.readouterr().err


def test_human_output(samples_dir, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "import", str(samples_dir / "excel_utf8_bom.csv")]) == 0
    out = capsys.readouterr().out
    assert "18 new customers" in out and "row 11: rejected — No e-mail or phone" in out
    assert "row 5: Birthday 2/30/1990 does not exist" in out


def test_bad_file_is_one_sentence(tmp_path, data_dir, capsys):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert main(["--data-dir", str(data_dir), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fondly: empty.csv is empty.") and "Traceback" not in err


def test_cli_as_a_subprocess(samples_dir, data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), "import",
         str(samples_dir / "contacts.vcf"), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["created"] == 22


def test_products_summary(samples_dir, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "import", str(samples_dir / "shopify_products.csv")]) == 0
    assert "20 product variants read: 20 new" in capsys.readouterr().out
