"""Fondly's SQLite store: schema, migrations, SQL and row types. No Qt, no network."""

import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils while hiding numpy and pandas from it.

    sqlite-utils 4 imports numpy (and pandas) at import time, only to map their scalar types to
    column types; Fondly never hands it numpy or pandas values. numpy is installed (py3langid
    needs it for language detection) and costs 100–250 ms, a third of the app's cold start.
    A ``None`` in ``sys.modules`` makes that one ``import_module("numpy")`` raise ImportError,
    which sqlite-utils handles as "not installed"; the entries are removed right after, so
    py3langid still imports the real numpy when a draft is first checked.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()
