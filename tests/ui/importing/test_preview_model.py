"""The preview table model passes Qt's model checks, filters, and toggles conflict rows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.importing.merging import FieldChange
from desktop_app.importing.results import RowOutcome
from ui.importing.preview_model import PreviewTableModel, describe

ROWS = [
    RowOutcome(1, "new", "Ann", "ann@example.com", "email:ann@example.com"),
    RowOutcome(2, "update", "Bo", "bo@example.com", "email:bo@example.com",
               changes=(FieldChange("phone", "", "503 555 0101"),),
               conflicts=(FieldChange("notes", "mine", "theirs"),)),
    RowOutcome(3, "rejected", "", "", reason="no_contact"),
    RowOutcome(4, "new", "Cy", "cy@example.com", warnings=("invalid_birthday",),
               birthday_text="31/04"),
]


def test_model_checks(qtmodeltester):
    model = PreviewTableModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    model.set_filter("Rejected")
    qtmodeltester.check(model)


def test_filter_and_accept(qtbot):
    model = PreviewTableModel()
    model.set_rows(ROWS)
    assert model.rowCount() == 4
    model.set_filter("Your edits")
    assert [model.outcome(r).row for r in range(model.rowCount())] == [2]
    index = model.index(0, 1)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.accepted == {2}
    model.set_filter("Warnings")
    assert model.data(model.index(0, 4)) == (
        "Birthday 31/04 does not exist — kept the customer, dropped the date")
    assert not model.setData(model.index(0, 1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_describe_shows_old_and_new():
    assert describe(ROWS[1]) == ("You edited notes by hand — kept yours unless you accept; "
                                 "phone: (empty) → 503 555 0101; notes: yours mine · file theirs")
