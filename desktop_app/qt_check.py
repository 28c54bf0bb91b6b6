"""Before Qt loads on Linux: find missing system libraries and name the Debian package to install."""

from __future__ import annotations

import ctypes
import os
import sys

# (library soname, Debian/Ubuntu package) that Qt's xcb platform plugin and widgets need.
LINUX_LIBRARIES = (
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
)


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(platform: str | None = None, environ: dict | None = None) -> list[str]:
    """Debian packages whose libraries Qt would fail to load here (empty off Linux)."""
    if sys.platform != "linux":
        return []
    environ = os.environ if environ is None else environ
    platform = platform if platform is not None else environ.get("QT_QPA_PLATFORM", "")
    needed = list(LINUX_LIBRARIES)
    if platform in ("", "xcb") and not environ.get("WAYLAND_DISPLAY"):
        needed += XCB_LIBRARIES
    return [package for soname, package in needed if not _loadable(soname)]


def display_problem(environ: dict | None = None) -> str | None:
    """A sentence when there is no screen to open a window on, else None."""
    if sys.platform != "linux":
        return None
    environ = os.environ if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform and platform not in ("xcb", "wayland"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("Fondly found no screen to open its window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set). Run it from your desktop session.")


def explain(packages: list[str]) -> str:
    return (
        "Fondly cannot open its window because some system libraries Qt needs are missing: "
        f"{', '.join(packages)}.\nOn Debian or Ubuntu install them with:\n"
        f"    sudo apt install {' '.join(packages)}"
    )
