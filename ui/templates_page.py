"""The Templates page: each occasion's wording per language, live preview, field list, checks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.drafting.rendering import customer_context
from desktop_app.template_defaults import ensure_templates, reset_to_default
from desktop_app.templating import (
    FILTERS_HELP,
    OCCASIONS,
    TemplateRenderError,
    babel_locale,
    check,
    fields_for,
    render,
    sample_contexts,
    sample_occasion,
)
from storage import customers, templates
from storage.templates import Template
from ui.context import UiContext
from ui.typeahead import TypeAheadEdit, customer_suggestions

OCCASION_NAMES = {
    "birthday": "Birthday",
    "birthday_belated": "Belated birthday",
    "restock": "Back in stock",
    "restock_still_interested": "Still interested?",
    "stamp_reward": "Stamp card reward",
    "points_reward": "Points reward",
    "anniversary": "First-visit anniversary",
    "winback": "We miss you",
}
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
ERROR_COLOR = QColor("#b3261e")


class TemplatesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: Template | None = None
        self._loading = False
        self.dirty = False

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(220)

        self.title = QLabel("<h2>Templates</h2>")
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.html_toggle = QCheckBox("Also send an &HTML version")
        self.html = QPlainTextEdit()
        self.html.setTabChangesFocus(True)
        self.html.setVisible(False)
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.save_button = QPushButton("&Save")
        self.revert_button = QPushButton("Re&vert")
        self.reset_button = QPushButton("Reset to &default")
        self.status = QLabel("")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.reset_button, self.revert_button, self.save_button):
            buttons.addWidget(b)

        editor = QWidget()
        form = QFormLayout()
        form.addRow("S&ubject", self.subject)
        el = QVBoxLayout(editor)
        el.addWidget(self.title)
        el.addLayout(form)
        el.addWidget(QLabel("Message"))
        el.addWidget(self.body, 3)
        el.addWidget(self.html_toggle)
        el.addWidget(self.html, 2)
        el.addWidget(self.problems)
        el.addLayout(buttons)

        self.preview_customer = TypeAheadEdit(customer_suggestions(ctx.db), placeholder="Preview for… (a customer)")
        self.preview = QTextBrowser()
        self.fields = QListWidget()
        self.fields.setToolTip("Double-click to insert into the message")
        self.fields.setWordWrap(True)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(QLabel("<b>Preview</b>"))
        sl.addWidget(self.preview_customer)
        sl.addWidget(self.preview, 3)
        sl.addWidget(QLabel("<b>Fields you can use</b>"))
        sl.addWidget(self.fields, 2)

        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(editor)
        split.addWidget(side)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(200)
        self._preview_timer.timeout.connect(self.update_preview)
        for signal in (self.subject.textEdited, self.body.textChanged, self.html.textChanged):
            signal.connect(self._edited)
        self.html_toggle.toggled.connect(self._html_toggled)
        self.preview_customer.chosen.connect(lambda _id: self.update_preview())
        self.tree.currentItemChanged.connect(self._tree_changed)
        self.fields.itemDoubleClicked.connect(self._insert_field)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.reset_button.clicked.connect(self.reset_default)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        ctx.hub.changed.connect(self._on_changes)

        if templates.count(ctx.db) == 0:
            # First run: the shipped wording is copied in on the write lane, then listed.
            ctx.tasks.run("write", lambda t: ensure_templates(t.db), on_done=lambda _n: self.reload())
        self.reload()

    # -- list ---------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self.dirty:
            self.reload()

    def reload(self) -> None:
        keep = self.current.id if self.current else None
        rows = templates.list_all(self.ctx.db)
        self.tree.blockSignals(True)
        self.tree.clear()
        by_occasion: dict[str, list[Template]] = {}
        for t in rows:
            by_occasion.setdefault(t.occasion, []).append(t)
        select = None
        order = [o for o in OCCASIONS if o in by_occasion] + sorted(set(by_occasion) - set(OCCASIONS))
        for occasion in order:
            parent = QTreeWidgetItem([OCCASION_NAMES.get(occasion, occasion)])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for t in sorted(by_occasion[occasion], key=lambda t: t.language):
                label = LANGUAGE_NAMES.get(t.language, t.language) + ("  · edited" if t.edited else "")
                child = QTreeWidgetItem([label])
                child.setData(0, Qt.ItemDataRole.UserRole, t.id)
                parent.addChild(child)
                if t.id == keep or (keep is None and select is None):
                    select = child
            parent.setExpanded(True)
        self.tree.blockSignals(False)
        if select is not None:
            self.tree.setCurrentItem(select)
            self._show(templates.get(self.ctx.db, select.data(0, Qt.ItemDataRole.UserRole)))

    def select(self, occasion: str, language: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                child = parent.child(j)
                t = templates.get(self.ctx.db, child.data(0, Qt.ItemDataRole.UserRole))
                if t and (t.occasion, t.language) == (occasion, language):
                    self.tree.setCurrentItem(child)
                    return

    def _tree_changed(self, item: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        template_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if template_id is None or (self.current and template_id == self.current.id):
            return
        if self.dirty:
            # Never lose the owner's typing silently: stay here until saved or reverted.
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(previous)
            self.tree.blockSignals(False)
            self.status.setText("Save or revert your changes first.")
            return
        self._show(templates.get(self.ctx.db, template_id))

    def _show(self, template: Template | None) -> None:
        if template is None:
            return
        self._loading = True
        self.current = template
        self.title.setText(f"<h2>{OCCASION_NAMES.get(template.occasion, template.occasion)} — "
                           f"{LANGUAGE_NAMES.get(template.language, template.language)}</h2>")
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body_text)
        self.html_toggle.setChecked(bool(template.body_html))
        self.html.setPlainText(template.body_html or "")
        self.fields.clear()
        for name, what in {**fields_for(template.occasion), **FILTERS_HELP}.items():
            self.fields.addItem(f"{name} — {what}")
        self._loading = False
        self.dirty = False
        self.status.setText("")
        self._mark_problems(check(template.occasion, template.subject, template.body_text, template.body_html))
        self.update_preview()

    # -- editing ------------------------------------------------------------------------------

    def _edited(self, *args) -> None:
        if self._loading:
            return
        self.dirty = True
        self.status.setText("Unsaved changes")
        self._preview_timer.start()

    def _html_toggled(self, on: bool) -> None:
        self.html.setVisible(on)
        if on and not self.html.toPlainText().strip() and not self._loading:
            paragraphs = self.body.toPlainText().strip().split("\n\n")
            self.html.setPlainText("\n".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))
        self._edited()

    def _insert_field(self, item) -> None:
        name = item.text().split(" — ", 1)[0]
        self.body.insertPlainText("{{ " + name + " }}")
        self.body.setFocus()

    def parts(self) -> tuple[str, str, str | None]:
        html = self.html.toPlainText() if self.html_toggle.isChecked() and self.html.toPlainText().strip() else None
        return self.subject.text(), self.body.toPlainText(), html

    def _mark_problems(self, problems) -> list:
        self.problems.setText("\n".join(str(p) for p in problems))
        for editor, part in ((self.body, "body_text"), (self.html, "body_html")):
            selections = []
            for p in problems:
                if p.part != part or not p.line:
                    continue
                block = editor.document().findBlockByLineNumber(p.line - 1)
                sel = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(ERROR_COLOR)
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                fmt.setToolTip(p.message)
                sel.format = fmt
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                selections.append(sel)
            editor.setExtraSelections(selections)
        bad_subject = any(p.part == "subject" for p in problems)
        self.subject.setStyleSheet(f"border: 1px solid {ERROR_COLOR.name()};" if bad_subject else "")
        return problems

    def update_preview(self) -> None:
        """Render one preview on the UI thread (a single message is cheap)."""
        if self.current is None:
            return
        subject, body, html = self.parts()
        problems = self._mark_problems(check(self.current.occasion, subject, body, html))
        context = self._preview_context()
        try:
            out = render(subject, body, html, context)
        except TemplateRenderError as exc:
            self.preview.setPlainText(f"Cannot show a preview yet: {exc}")
            return
        note = "" if not problems else "\n\n(Fix the problems shown under the message before saving.)"
        self.preview.setPlainText(f"Subject: {out.subject}\n\n{out.body_text}{note}")

    def _preview_context(self) -> dict:
        settings = self.ctx.settings()
        context = sample_contexts(self.current.occasion)[0]
        customer_id = self.preview_customer.resolve() if self.preview_customer.text() else None
        person = customers.get(self.ctx.db, customer_id) if customer_id else None
        if person is not None:
            context["customer"] = customer_context(person)
        context["occasion"] = sample_occasion(self.current.occasion, dt.date.today())
        context["shop"] = {"name": settings.shop_name or "Your shop", "owner": settings.owner_name}
        context["locale"] = str(babel_locale(self.current.language, settings.country))
        context["currency"] = settings.currency
        return context

    # -- saving (write lane) ------------------------------------------------------------------

    def save(self) -> None:
        if self.current is None:
            return
        subject, body, html = self.parts()
        problems = self._mark_problems(check(self.current.occasion, subject, body, html))
        if problems:
            self.status.setText("Not saved: fix the problems shown first.")
            return
        template_id = self.current.id

        def work(task):
            with task.db.atomic():
                return templates.save(task.db, template_id, subject=subject, body_text=body, body_html=html)

        self.ctx.tasks.run("write", work, on_done=self._saved, parent=self)

    def _saved(self, template: Template) -> None:
        self.dirty = False
        self.current = None
        self.ctx.hub.announce(Changes(templates=True))
        self._select_id(template.id)
        self.status.setText("Saved.")

    def _select_id(self, template_id: int) -> None:
        self.current = templates.get(self.ctx.db, template_id)
        self.reload()

    def revert(self) -> None:
        if self.current is not None:
            self.dirty = False
            self._show(templates.get(self.ctx.db, self.current.id))

    def reset_default(self) -> None:
        if self.current is None:
            return
        template_id = self.current.id
        self.ctx.tasks.run("write", lambda t: reset_to_default(t.db, template_id),
                           on_done=self._reset_done, parent=self)

    def _reset_done(self, template: Template) -> None:
        self.dirty = False
        self.ctx.hub.announce(Changes(templates=True))
        self._select_id(template.id)
        self._show(template)
        self.status.setText("The shipped wording is back.")

    def stop(self) -> None:
        """Cancel a pending preview (before the store closes)."""
        self._preview_timer.stop()

    def _on_changes(self, changes: Changes) -> None:
        if changes.templates and not self.dirty:
            self.reload()
