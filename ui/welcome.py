"""The first-run welcome: start the owner's own shop, or explore a sample bakery."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.settings import load_settings, save_settings
from ui.choices import COUNTRIES, LANGUAGES, currency_for
from ui.context import UiContext


def _default_sample_loader(db: Any) -> Any:
    # Imported when used: the sample shop lives in another part of the app.
    from desktop_app.sample_shop import load_sample_shop

    return load_sample_shop(db)


class WelcomeWidget(QWidget):
    """Shown on an empty data folder. Emits ``finished`` once a shop exists."""

    finished = Signal()

    def __init__(
        self,
        ctx: UiContext,
        *,
        load_sample: Callable[[Any], Any] = _default_sample_loader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._load_sample = load_sample
        self.setWindowTitle("Welcome to Fondly")
        self.setMinimumSize(760, 460)

        title = QLabel("<h1>Welcome to Fondly</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            "Fondly drafts birthday wishes, back-in-stock notes and thank-yous for your regulars. "
            "You read each one and approve it; it leaves from your own mailbox."
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.shop_name = QLineEdit()
        self.shop_name.setPlaceholderText("e.g. Rosie's Bakery")
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText("How you sign your notes")
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.country = QComboBox()
        for code, label in COUNTRIES:
            self.country.addItem(label, code)
        self._select(self.language, "en")
        self._select(self.country, "US")
        self.start_button = QPushButton("Start my shop")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start_shop)
        self.shop_name.textChanged.connect(lambda t: self.start_button.setEnabled(bool(t.strip())))
        self.shop_name.returnPressed.connect(self.start_shop)
        self.owner_name.returnPressed.connect(self.start_shop)

        form = QFormLayout()
        form.addRow("Shop name", self.shop_name)
        form.addRow("Your name", self.owner_name)
        form.addRow("Language", self.language)
        form.addRow("Country", self.country)
        start_card = self._card(
            "Start my shop",
            "Set up your own shop. You can bring in your customer list next.",
            form,
            self.start_button,
        )

        self.sample_button = QPushButton("Explore a sample bakery")
        self.sample_button.clicked.connect(self.explore_sample)
        sample_text = QVBoxLayout()
        what = QLabel(
            "Look around with a made-up bakery: about 200 customers with birthdays through the "
            "year, a dozen products and a few hundred visits. Nothing is ever sent from it "
            "until you add your own mail account."
        )
        what.setWordWrap(True)
        sample_text.addWidget(what)
        sample_card = self._card("Just looking?", "", sample_text, self.sample_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("welcomeMessage")

        cards = QHBoxLayout()
        cards.setSpacing(18)
        cards.addWidget(start_card, 3)
        cards.addWidget(sample_card, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(cards)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setStyleSheet(
            "#welcomeCard { border: 1px solid palette(mid); border-radius: 8px; "
            "background: palette(base); }"
        )

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        found = combo.findData(code)
        if found >= 0:
            combo.setCurrentIndex(found)

    @staticmethod
    def _card(title: str, text: str, body, button: QPushButton) -> QFrame:
        card = QFrame()
        card.setObjectName("welcomeCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(QLabel(f"<h3>{title}</h3>"))
        if text:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(body)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return card

    def _busy(self, busy: bool, text: str = "") -> None:
        self.start_button.setEnabled(not busy and bool(self.shop_name.text().strip()))
        self.sample_button.setEnabled(not busy)
        self.message.setText(text)

    # -- the two ways in -----------------------------------------------------------------------

    def start_shop(self) -> None:
        name = self.shop_name.text().strip()
        if not name:
            self.message.setText("Give your shop a name to start.")
            self.shop_name.setFocus()
            return
        owner = self.owner_name.text().strip()
        language = self.language.currentData()
        country = self.country.currentData()

        def save(task) -> None:
            settings = load_settings(task.db).replace(
                shop_name=name, owner_name=owner, language=language, country=country,
                currency=currency_for(country),
            )
            save_settings(task.db, settings)

        self._busy(True, "Setting up your shop…")
        self.ctx.tasks.run("write", save, on_done=self._done, on_error=self._failed, parent=self)

    def explore_sample(self) -> None:
        self._busy(True, "Baking the sample bakery…")
        self.ctx.tasks.run(
            "write", lambda task: self._load_sample(task.db), on_done=self._done,
            on_error=self._failed, progress="Loading the sample bakery…", parent=self,
        )

    def _done(self, _result) -> None:
        self._busy(False, "")
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, AppError):
            self._busy(False, f"{error.message} {error.hint}".strip())
            return
        self._busy(False, "Something went wrong; see the details.")
        sys.excepthook(type(error), error, error.__traceback__)
