"""qt_check: a plain message naming the Debian package instead of Qt's abort."""

from __future__ import annotations

import sys

import pytest

from desktop_app import qt_check

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the library check is for Linux")


@linux_only
def test_nothing_is_missing_where_qt_runs():
    # This test suite runs Qt offscreen, so its core libraries are present here.
    assert qt_check.missing_packages(platform="offscreen", environ={}) == []


@linux_only
def test_xcb_libraries_are_checked_only_for_x11(monkeypatch):
    missing_sonames = {"libxcb-cursor.so.0"}
    monkeypatch.setattr(qt_check, "_loadable", lambda soname: soname not in missing_sonames)
    assert qt_check.missing_packages(platform="xcb", environ={}) == ["libxcb-cursor0"]
    assert qt_check.missing_packages(platform="", environ={"DISPLAY": ":0"}) == ["libxcb-cursor0"]
    assert qt_check.missing_packages(platform="offscreen", environ={}) == []
    assert qt_check.missing_packages(platform="", environ={"WAYLAND_DISPLAY": "wayland-0"}) == []


def test_explain_names_the_packages_and_the_apt_line():
    text = qt_check.explain(["libxcb-cursor0", "libegl1"])
    assert "libxcb-cursor0, libegl1" in text
    assert "sudo apt install libxcb-cursor0 libegl1" in text


@linux_only
def test_display_problem_without_a_screen():
    assert "no screen" in qt_check.display_problem(environ={})
    assert qt_check.display_problem(environ={"DISPLAY": ":99"}) is None
    assert qt_check.display_problem(environ={"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert qt_check.display_problem(environ={"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "no screen" in qt_check.display_problem(environ={"QT_QPA_PLATFORM": "xcb"})


@linux_only
def test_the_gui_prints_the_message_instead_of_aborting(monkeypatch, capsys, tmp_path):
    from desktop_app.cli import main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(qt_check, "_loadable", lambda soname: soname != "libxcb-cursor.so.0")
    assert main(["--data-dir", str(tmp_path), "--smoke"]) == 2
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in err
