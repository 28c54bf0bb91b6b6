"""A tripwire for a PySide6 build that drops a reference to None on every void Qt call.

PySide6 6.12.0 on CPython 3.11 does that: after a few thousand setText()/setVisible() calls,
None's count reaches zero and the interpreter aborts ("none_dealloc"). The Today page makes a
few dozen such calls per J/K move. 6.11.3 is fine; from CPython 3.12 None is immortal.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtWidgets import QLabel

BROKEN = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


@pytest.mark.xfail(BROKEN, strict=True, reason="PySide6 6.12.0 on Python 3.11 leaks None refs")
def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm")
    before = sys.getrefcount(None)
    for n in range(200):
        label.setText(str(n))
        label.setVisible(False)
    assert sys.getrefcount(None) - before > -50
