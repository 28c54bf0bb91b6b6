"""Field editors for the Settings page: one small adapter per kind of value (text, number, time…)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)


@dataclass
class FieldEditor:
    """A widget plus how to put a setting's value in and get it back out."""

    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    changed: Any  # the widget's change signal


def text_field(placeholder: str = "") -> FieldEditor:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return FieldEditor(edit, lambda: edit.text().strip(), lambda v: edit.setText(v or ""), edit.textEdited)


def choice_field(choices: Sequence[tuple[Any, str]] | Callable[[], Sequence[tuple[Any, str]]]) -> FieldEditor:
    combo = QComboBox()
    combo.setMaxVisibleItems(20)
    for value, label in (choices() if callable(choices) else choices):
        combo.addItem(label, value)

    def put(value: Any) -> None:
        found = combo.findData(value)
        if found < 0:  # a value from elsewhere (a newer version, the CLI): keep it selectable
            combo.addItem(str(value), value)
            found = combo.count() - 1
        combo.setCurrentIndex(found)

    return FieldEditor(combo, combo.currentData, put, combo.currentIndexChanged)


def int_field(minimum: int, maximum: int, suffix: str = "") -> FieldEditor:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(160)
    return FieldEditor(spin, spin.value, lambda v: spin.setValue(int(v)), spin.valueChanged)


def float_field(minimum: float, maximum: float, decimals: int = 2) -> FieldEditor:
    spin = QDoubleSpinBox()
    spin.setRange(minimum, maximum)
    spin.setDecimals(decimals)
    spin.setMaximumWidth(160)
    return FieldEditor(spin, spin.value, lambda v: spin.setValue(float(v)), spin.valueChanged)


def optional_int_field(maximum: int, blank: str, suffix: str = "") -> FieldEditor:
    """A count where 0 (shown as *blank*) stores None: "the provider's default"."""
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSpecialValueText(blank)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(200)
    return FieldEditor(spin, lambda: spin.value() or None, lambda v: spin.setValue(int(v or 0)),
                       spin.valueChanged)


def bool_field(text: str) -> FieldEditor:
    box = QCheckBox(text)
    return FieldEditor(box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)


def time_field() -> FieldEditor:
    """Stored as ``HH:MM`` (the shop's local time)."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setMaximumWidth(110)

    def put(value: str) -> None:
        parsed = QTime.fromString(value or "00:00", "HH:mm")
        edit.setTime(parsed if parsed.isValid() else QTime(0, 0))

    return FieldEditor(edit, lambda: edit.time().toString("HH:mm"), put, edit.timeChanged)
