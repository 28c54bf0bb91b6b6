"""Updates fill and change but never upgrade consent, never clear, never overwrite owner edits
unless accepted; cancel/failure leave the store as it was; undo restores exactly."""

from __future__ import annotations

import pytest

from desktop_app.errors import AppError, Cancelled
from desktop_app.importing.engine import BATCH_ROWS, run_import
from desktop_app.importing.formats import Mapping
from desktop_app.importing.history import undo_import, undo_last_import
from desktop_app.progress import TaskContext
from storage import customers

HEADER = "Name,Email,Phone,Birthday,Opted In,Notes\n"


def write(path, *rows: str) -> str:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def everything(db) -> list[tuple]:
    return db.execute("SELECT * FROM customers ORDER BY id").fetchall()


def test_consent_never_upgraded_and_empty_never_clears(tmp_path, db):
    run_import(db, write(tmp_path / "a.csv", "Ann Lee,ann@example.com,503 555 0101,1990-01-02,no,first"))
    result = run_import(db, write(tmp_path / "b.csv", "Ann Lee,ANN@example.com,,,yes,"))
    assert (result.updated, result.unchanged) == (0, 1)
    ann = customers.find_by_email(db, "ann@example.com")
    assert (ann.email_consent, ann.phone, ann.birthday_text, ann.notes) == (
        "no", "503 555 0101", "1990-01-02", "first")


def test_update_fills_and_changes_with_old_new_in_the_preview(tmp_path, db):
    run_import(db, write(tmp_path / "a.csv", "Ann Lee,ann@example.com,,--01-02,,"))
    preview = run_import(db, write(tmp_path / "b.csv", "Ann Lee,ann@example.com,503 555 0199,1990-01-02,yes,likes rye"),
                         dry_run=True)
    row = preview.rows[0]
    assert row.outcome == "update"
    changes = {c.field: (c.old, c.new) for c in row.changes}
    assert changes == {"phone": ("", "503 555 0199"), "birthday": ("--01-02", "1990-01-02"),
                       "email_consent": ("unknown", "yes"), "notes": ("", "likes rye")}
    assert customers.find_by_email(db, "ann@example.com").phone is None  # the preview wrote nothing


def test_owner_edits_are_conflicts_until_accepted(tmp_path, db):
    run_import(db, write(tmp_path / "a.csv", "Ann Lee,ann@example.com,503 555 0101,,,"))
    ann = customers.find_by_email(db, "ann@example.com")
    customers.update(db, ann.id, {"phone": "503 555 0111"}, by_owner=True)
    path = write(tmp_path / "b.csv", "Ann Lee,ann@example.com,503 555 0122,,yes,")
    result = run_import(db, path)
    assert result.conflicts == 1
    row = result.rows[0]
    assert [(c.field, c.old, c.new) for c in row.conflicts] == [("phone", "503 555 0111", "503 555 0122")]
    assert "edited phone by hand" in row.message
    ann = customers.get(db, ann.id)
    assert (ann.phone, ann.email_consent) == ("503 555 0111", "yes")  # the rest was applied
    run_import(db, path, accept_conflicts={1})
    assert customers.get(db, ann.id).phone == "503 555 0122"


def test_undo_restores_updated_customers_exactly(tmp_path, db, samples_dir):
    run_import(db, samples_dir / "shopify_customers.csv")
    zoe = customers.find_by_email(db, "zoe.obrien@example.com")
    customers.update(db, zoe.id, {"notes": "prefers pumpernickel"}, by_owner=True)
    before = everything(db)
    second = run_import(db, samples_dir / "excel_utf8_bom.csv")
    assert second.updated >= 1 and second.created >= 1
    assert everything(db) != before
    counts, changes = undo_import(db, second.batch_id)
    assert counts == {"deleted": second.created, "restored": second.updated}
    assert changes.customers
    assert everything(db) == before
    # The search index follows (the FTS triggers fire on restore and delete too).
    db.execute("INSERT INTO customers_fts(customers_fts) VALUES ('integrity-check')")
    assert customers.ordered_ids(db, search="pumpernickel") == [zoe.id]


def test_undo_last_import_and_nothing_left(tmp_path, db, samples_dir):
    run_import(db, samples_dir / "contacts.vcf")
    batch, counts, _ = undo_last_import(db)
    assert batch.file_name == "contacts.vcf" and counts["deleted"] == 22
    assert customers.count(db) == 0
    with pytest.raises(AppError, match="no import to undo"):
        undo_last_import(db)


def _big_file(tmp_path):
    rows = [f"Person {i},p{i}@example.com,,,yes," for i in range(BATCH_ROWS * 3)]
    return write(tmp_path / "big.csv", *rows)


class CancelAtFirstReport(TaskContext):
    def report(self, done, total=0, label=""):
        super().report(done, total, label)
        self.cancel()


class FailAtSecondReport(TaskContext):
    calls = 0

    def report(self, done, total=0, label=""):
        self.calls += 1
        if self.calls == 2:
            raise OSError("disk went away")


def test_cancel_leaves_the_store_as_it_was(tmp_path, db, samples_dir):
    run_import(db, samples_dir / "shopify_customers.csv")
    before = everything(db)
    with pytest.raises(Cancelled):
        run_import(db, _big_file(tmp_path), ctx=CancelAtFirstReport())
    assert everything(db) == before
    assert db.execute("SELECT count(*) FROM imports").fetchone()[0] == 1


def test_failure_leaves_the_store_as_it_was(tmp_path, db):
    with pytest.raises(OSError):
        run_import(db, _big_file(tmp_path), ctx=FailAtSecondReport())
    assert customers.count(db) == 0
    assert db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_progress_is_reported(tmp_path, db):
    ctx = TaskContext()
    result = run_import(db, _big_file(tmp_path), ctx=ctx)
    assert result.created == BATCH_ROWS * 3
    state = ctx.progress()
    assert 0 < state.done <= state.total


def test_mapping_change_is_remembered_for_the_same_header(tmp_path, db):
    path = tmp_path / "odd.csv"
    path.write_text("Who,Reach me at,Extra\nAnn,ann@example.com,x\n", encoding="utf-8")
    with pytest.raises(AppError):
        run_import(db, path)
    mapping = Mapping().with_column(0, "name").with_column(1, "email")
    assert run_import(db, path, mapping=mapping).created == 1
    path.write_text("Who,Reach me at,Extra\nBo,bo@example.com,y\n", encoding="utf-8")
    result = run_import(db, path)  # no mapping given: the remembered one is used
    assert result.created == 1 and result.rows[0].name == "Bo"


def test_formula_text_is_kept_verbatim(tmp_path, db):
    run_import(db, write(tmp_path / "f.csv", '=HYPERLINK("x"),f@example.com,,,,"-2+3+cmd|\' /C notepad\'!\'A1\'"'))
    f = customers.find_by_email(db, "f@example.com")
    assert f.display_name == '=HYPERLINK("x")' and f.notes == "-2+3+cmd|' /C notepad'!'A1'"


def test_schema_intact_after_import_preview_and_cancel(tmp_path, db, samples_dir):
    def schema():
        return sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall())

    before = schema()
    run_import(db, samples_dir / "shopify_customers.csv", dry_run=True)
    assert schema() == before
    with pytest.raises(Cancelled):
        run_import(db, _big_file(tmp_path), ctx=CancelAtFirstReport())
    assert schema() == before
    run_import(db, samples_dir / "shopify_customers.csv")
    assert schema() == before  # triggers and indexes were put back after the bulk load
    db.execute("INSERT INTO customers_fts(customers_fts) VALUES ('integrity-check')")
    assert len(customers.ordered_ids(db, search="zoë")) == 1


def test_external_ids_are_kept(db, samples_dir):
    run_import(db, samples_dir / "shopify_customers.csv")
    run_import(db, samples_dir / "square_customers.csv")
    zoe = customers.find_by_email(db, "zoe.obrien@example.com")
    assert zoe.shopify_id == "7210448356984"  # Shopify's leading apostrophe dropped
    assert zoe.square_id and zoe.square_id.isalnum() and len(zoe.square_id) == 26
    assert zoe.phone == "+15035550101"
