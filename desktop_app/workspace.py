"""One data folder opened: the database path, a per-thread connection factory, the log file."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop_app import paths
from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings
from storage import customers
from storage.db import StorageError, open_db


@dataclass
class Workspace:
    """The data folder and how to open it. Cheap to create; opening migrates once."""

    folder: Path
    _migrated: bool = field(default=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def at(cls, override: str | None = None) -> Workspace:
        return cls(paths.data_dir(override))

    @property
    def db_path(self) -> Path:
        return paths.db_path(self.folder)

    @property
    def log_path(self) -> Path:
        return paths.log_path(self.folder)

    def connect(self) -> Database:
        """A new connection for the calling thread (migrations run on the first one only).

        :raises AppError: when the folder or file cannot be used.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AppError(
                f"Fondly cannot use the folder {self.folder}: {exc.strerror}.",
                "Choose another folder with --data-dir, or check its permissions.",
            ) from exc
        with self._lock:
            try:
                db = open_db(self.db_path, migrate=not self._migrated)
            except StorageError as exc:
                raise AppError(str(exc), "Restore a backup or choose another --data-dir.") from exc
            self._migrated = True
        return db

    def has_shop(self, db: Database) -> bool:
        """True when the folder already holds a shop (settings saved or any customer)."""
        return load_settings(db).has_shop or customers.count(db) > 0

    def settings(self, db: Database) -> Settings:
        return load_settings(db)
