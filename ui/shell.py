"""The app's first screens in order: the welcome screen on an empty folder, then the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.changes import Changes
from ui.context import UiContext
from ui.main_window import MainWindow, Page


class AppShell(QObject):
    """Opens the right first window and moves from the welcome screen to the main window.

    ``ready`` fires once the first screen is usable: the welcome screen shown, or the main window
    shown with the first page of customers painted (what ``fondly --smoke`` waits for).
    """

    ready = Signal()

    def __init__(
        self,
        ctx: UiContext,
        *,
        build_pages: Callable[[UiContext], list[Page]],
        load_sample: Callable[[Any], Any] | None = None,
        open_on_customers: bool = False,
        background_jobs: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._build_pages = build_pages
        self._load_sample = load_sample
        self._open_on_customers = open_on_customers
        self._background_jobs = background_jobs
        self.pump = None  # the drafting/sending schedule, kept alive here
        self.welcome: QWidget | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        if self.ctx.workspace.has_shop(self.ctx.db):
            self.open_main_window(on_customers=self._open_on_customers)
            return
        from ui.welcome import WelcomeWidget

        options = {"load_sample": self._load_sample} if self._load_sample else {}
        self.welcome = WelcomeWidget(self.ctx, **options)
        self.welcome.finished.connect(self._welcome_done)
        self.welcome.show()
        QTimer.singleShot(0, self.ready.emit)  # on an empty folder the welcome screen is the start

    def _welcome_done(self) -> None:
        # A new shop: its customer list is the next thing to look at (or to import).
        self.open_main_window(on_customers=True)
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None

    def open_main_window(self, *, on_customers: bool = False) -> MainWindow:
        window = MainWindow(self._build_pages(self.ctx), shop_name=self.ctx.settings().shop_name)
        from ui.importing.actions import install_import_actions

        imports = install_import_actions(window, self.ctx)
        self.ctx.hub.changed.connect(self._on_changes)
        customers = window.pages["customers"].widget
        customers.set_import_action(imports.choose_file)
        # Start the customer query now: the read lane sorts while the window is built and painted.
        customers.start()
        customers.first_rows_shown.connect(self.ready)
        if on_customers:
            window.show_page("customers")
        elif self._drafts_waiting(window):
            window.show_page("today")  # the morning queue is the first thing to see
        else:
            window.show_page("customers")
        self.window = window
        window.show()
        if self._background_jobs and self.pump is None:
            from ui.drafting_schedule import start_app_schedule

            self.pump = start_app_schedule(self.ctx)
        return window

    def _drafts_waiting(self, window: MainWindow) -> bool:
        today = window.pages.get("today")
        if today is None:
            return False
        if today.built:
            service = getattr(today.widget, "service", None)
        else:
            # Ask the service, not the page: building the Today page to count would cost the
            # start what its lazy building saves when nothing waits.
            from desktop_app.review import ReviewService

            service = ReviewService()
        return bool(service is not None and service.count_waiting(self.ctx.db))

    def dispose(self) -> None:
        """Stop the schedule, delete the windows while Qt is still up (after the event loop).

        Left to the interpreter's exit, PySide6 6.12 may destroy them after the QApplication
        and crash (SIGSEGV after ``ready in``), so the order is made explicit here.
        """
        if self.pump is not None:
            self.pump.stop()
            self.pump = None
        for widget in (self.welcome, self.window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.welcome = self.window = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings and self.window is not None:
            self.window.set_shop_name(self.ctx.settings().shop_name)
