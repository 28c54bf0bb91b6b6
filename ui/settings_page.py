"""The Settings page: a grouped form over the Settings dataclass, saved on the write lane."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.settings import Settings, save_settings
from ui.choices import COUNTRIES, CURRENCIES, LANGUAGES, time_zones
from ui.context import UiContext
from ui.settings_form import (
    FieldEditor,
    bool_field,
    choice_field,
    float_field,
    int_field,
    optional_int_field,
    text_field,
    time_field,
)


def _sections() -> list[tuple[str, list[tuple[str, str, FieldEditor]]]]:
    """(group title, [(Settings field, label, editor)]) in the order the page shows them."""
    return [
        ("Shop", [
            ("shop_name", "Shop name", text_field("e.g. Rosie's Bakery")),
            ("owner_name", "Your name", text_field("How you sign your notes")),
            ("language", "Language of your notes", choice_field(LANGUAGES)),
            ("country", "Country", choice_field(lambda: list(COUNTRIES))),
            ("currency", "Currency", choice_field([(c, c) for c in CURRENCIES])),
            ("timezone", "Time zone", choice_field(
                lambda: [("", "This computer's time zone"), *((z, z.replace("_", " ")) for z in time_zones())])),
        ]),
        ("Messages", [
            ("cooldown_days", "At most one note per customer every", int_field(0, 365, " days")),
            ("unknown_consent_allowed", "", bool_field(
                "Write to customers whose e-mail consent is unknown")),
            ("birthday_days_ahead", "Draft birthday notes", int_field(0, 30, " days ahead")),
            ("feb29_in_common_years", "Birthdays on 29 February, in other years", choice_field(
                [("feb28", "Celebrate on 28 February"), ("mar1", "Celebrate on 1 March")])),
            ("belated_birthdays", "Birthdays missed while Fondly was closed", choice_field(
                [("belated", "Draft a belated note"), ("skip", "Skip them")])),
            ("catch_up_days", "Catch up on missed days, at most", int_field(0, 365, " days")),
        ]),
        ("Back in stock", [
            ("restock_still_interested_days", "Ask “still interested?” after",
             int_field(0, 365, " days")),
            ("restock_expire_days", "Forget a request after", int_field(1, 3650, " days")),
        ]),
        ("Loyalty", [
            ("stamp_every", "A reward every", int_field(1, 1000, " visits")),
            ("points_per_unit", "Points per unit of currency spent", float_field(0, 1000)),
            ("points_reward_threshold", "A reward at", int_field(1, 1_000_000, " points")),
            ("anniversary_enabled", "", bool_field("Thank customers on their anniversary with you")),
            ("winback_after_days", "Miss a regular after", int_field(1, 3650, " days away")),
            ("winback_min_visits", "…who came at least", int_field(1, 1000, " times")),
        ]),
        ("Sending", [
            ("drafting_time", "Write the day's drafts at", time_field()),
            ("send_day_messages_from", "Send the day's notes from", time_field()),
            ("quiet_hours_start", "Quiet hours from", time_field()),
            ("quiet_hours_end", "…until", time_field()),
            ("daily_send_cap", "At most per day", optional_int_field(100_000, "Provider's default", " notes")),
            ("per_minute_send_cap", "At most per minute", optional_int_field(1000, "Provider's default", " notes")),
        ]),
    ]


class SettingsPage(QWidget):
    """Edits the shop's Settings. Other features add their own group with :meth:`add_section`.

    The form is built the first time the page is shown (keeps start-up lean).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editors: dict[str, FieldEditor] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.settings: Settings | None = None
        self.dirty = False
        self._loading = False

        self._body = QWidget()
        self._sections = QVBoxLayout(self._body)
        self._sections.setContentsMargins(16, 12, 16, 12)
        self._sections.setSpacing(14)
        self._extra = QVBoxLayout()  # sections added by other features go here, after ours
        self._lazy_sections: list[tuple[str, Callable[[], QWidget]]] = []
        self._extra.setSpacing(14)
        self._sections.addLayout(self._extra)
        self._sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._body)

        self.status = QLabel()
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 6, 16, 10)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        heading = QLabel("<h2>Settings</h2>")
        heading.setContentsMargins(16, 8, 16, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_dirty(False)
        ctx.hub.changed.connect(self._on_changes)

    # -- building --------------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return bool(self.editors)

    def ensure_built(self) -> None:
        if self.built:
            return
        for position, (title, rows) in enumerate(_sections()):
            group = QGroupBox(title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for name, label, editor in rows:
                self.editors[name] = editor
                form.addRow(label, editor.widget)
                editor.changed.connect(lambda *_: self._set_dirty(True))
            self._sections.insertWidget(position, group)
            self.groups[title] = group
        for title, factory in self._lazy_sections:
            self.add_section(title, factory())
        self.load()

    def add_lazy_section(self, title: str, factory: Callable[[], QWidget]) -> None:
        """Like :meth:`add_section`, but *factory* runs only when the page is first shown."""
        if self.built:
            self.add_section(title, factory())
        else:
            self._lazy_sections.append((title, factory))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ensure_built()
        super().showEvent(event)

    def add_section(self, title: str, widget: QWidget) -> QGroupBox:
        """The slot for other features (the mail account): a titled group below the shop's own."""
        group = QGroupBox(title)
        inner = QVBoxLayout(group)
        inner.addWidget(widget)
        self._extra.addWidget(group)
        self.groups[title] = group
        return group

    # -- values ----------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored settings (discarding unsaved edits)."""
        self.ensure_built()
        self.settings = self.ctx.settings()
        self._loading = True
        try:
            for name, editor in self.editors.items():
                editor.set(getattr(self.settings, name))
        finally:
            self._loading = False
        self._set_dirty(False)

    def values(self) -> Settings:
        base = self.settings or Settings()
        return dataclasses.replace(base, **{name: e.get() for name, e in self.editors.items()})

    def _set_dirty(self, dirty: bool) -> None:
        if self._loading:
            return
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText("")

    def save(self) -> None:
        new = self.values()

        def write(task) -> Settings:
            save_settings(task.db, new)
            return new

        self.save_button.setEnabled(False)
        self.ctx.tasks.run("write", write, on_done=self._saved, parent=self)

    def _saved(self, settings: Settings) -> None:
        self.settings = settings
        self._set_dirty(False)
        self.ctx.hub.announce(Changes(settings=True))
        self.status.setText("Saved.")

    def _on_changes(self, changes: Changes) -> None:
        # Settings saved elsewhere (the welcome screen, another page): show them unless mid-edit.
        if changes.settings and self.built and not self.dirty:
            self.load()
