"""Callbacks that do not keep a widget alive from a worker thread.

The task manager's job closure holds ``on_done``/``on_error`` until the lane thread drops it.
If that were the last reference to a dialog the owner already closed, Python would destroy the
QWidget on the lane thread, which crashes Qt. A weak method avoids owning the widget at all.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


def weak(method: Callable[..., Any], *bound: Any) -> Callable[..., None]:
    """``weak(self._done, 3)`` → a function calling ``self._done(result, 3)`` while self lives."""
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        target = ref()
        if target is not None:
            target(*args, *bound)

    return call
