"""The one kind of expected failure the owner sees: what happened, and what to do next."""

from __future__ import annotations


class AppError(Exception):
    """An expected, whole-operation failure shown to the owner as a message plus a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def __reduce__(self):  # keeps the hint when the error crosses a process boundary
        return (type(self), (self.message, self.hint))


class Cancelled(Exception):
    """The owner pressed Cancel; the operation stopped and rolled back."""
