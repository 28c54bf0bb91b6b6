"""One sender per shop at a time: an OS file lock beside the database, released when its process dies.

The app's send job and ``fondly send`` in a terminal may both run; only one may move rows to
``sending``. Because the OS drops the lock with its holder (even after SIGKILL), whoever holds it
knows any row still in ``sending`` belongs to a sender that died.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(db: Database) -> Path | None:
    """``fondly.db.send-lock`` beside the main database file; None for an in-memory database."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file + ".send-lock")
    return None


class SenderLock:
    """``with SenderLock(path) as held:`` — *held* is False when another sender has it."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._fd: int | None = None
        self.held = False

    def __enter__(self) -> bool:
        if self._path is None:
            self.held = True
            return True
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        self.held = _try_lock(self._fd)
        if not self.held:
            os.close(self._fd)
            self._fd = None
        return self.held

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None
        self.held = False
