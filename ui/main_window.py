"""The main window: a sidebar of pages, a menu, and window state kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)


class Page:
    """One sidebar page: its widget, or how to build it when the page is first shown.

    Building every page at start imports each one's services (Jinja2, the checks' lexicons,
    language detection) and lays out widgets nobody sees yet; a page given as *build* costs an
    empty placeholder until it is shown (or its ``widget`` is asked for).
    """

    def __init__(self, key: str, title: str, widget: QWidget | None = None, *,
                 build: Callable[[], QWidget] | None = None) -> None:
        if (widget is None) == (build is None):
            raise ValueError("a page needs exactly one of widget and build")
        self.key = key
        self.title = title
        self._widget = widget
        self._build = build
        self._on_built: Callable[[Page], None] | None = None

    @property
    def built(self) -> bool:
        return self._widget is not None

    @property
    def widget(self) -> QWidget:
        if self._widget is None:
            assert self._build is not None
            self._widget = self._build()
            if self._on_built is not None:
                self._on_built(self)
        return self._widget


class MainWindow(QMainWindow):
    """Sidebar + stacked pages. Pages are built by the composition root and passed in."""

    page_changed = Signal(str)

    def __init__(self, pages: list[Page], *, shop_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.set_shop_name(shop_name)
        self.setMinimumSize(QSize(900, 560))
        self.pages = {page.key: page for page in pages}
        self._order = [page.key for page in pages]

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        for index, page in enumerate(pages):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setSizeHint(QSize(150, 36))
            self.sidebar.addItem(item)
            if page.built:
                self.stack.addWidget(page.widget)
            else:
                self.stack.addWidget(QWidget())  # stands in until the page is first shown
                page._on_built = self._put_built_page
            if index < 9:
                action = QAction(self)
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
                action.triggered.connect(lambda _=False, k=page.key: self.show_page(k))
                self.addAction(action)
        self.sidebar.currentRowChanged.connect(self._on_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStyleSheet(
            "#sidebar { background: palette(window); font-size: 14px; padding-top: 8px; }"
            "#sidebar::item { padding-left: 14px; border-radius: 6px; margin: 1px 6px; }"
            "#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        self._build_menu()
        self._restore_state()

    def set_shop_name(self, shop_name: str) -> None:
        self.setWindowTitle(f"{shop_name} — Fondly" if shop_name else "Fondly")

    # -- pages --------------------------------------------------------------------------------

    def _put_built_page(self, page: Page) -> None:
        index = self._order.index(page.key)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page.widget)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(self._order.index(key))

    def current_key(self) -> str:
        return self._order[self.stack.currentIndex()]

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        key = self._order[row]
        widget = self.pages[key].widget  # built here on its first showing
        self.stack.setCurrentIndex(row)
        activated: Callable[[], None] | None = getattr(widget, "activated", None)
        if activated is not None:
            activated()
        self.page_changed.emit(key)

    # -- menu ---------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Fondly", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        self.help_menu = help_menu

    def add_file_action(self, action: QAction) -> None:
        """Pages and dialogs add their entries (Import…, Export…) above Quit."""
        self.file_menu.insertAction(self.file_menu.actions()[-1], action)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Fondly",
            "<b>Fondly</b><p>Personal notes for your customers — birthdays, back-in-stock and "
            "loyalty — written from templates, read and approved by you, sent from your own "
            "mailbox.</p>",
        )

    # -- state --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        for page in self.pages.values():
            if not page.built:
                continue
            save = getattr(page.widget, "save_state", None)
            if save is not None:
                save()
        super().closeEvent(event)
