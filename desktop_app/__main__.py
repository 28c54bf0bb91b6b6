"""``python -m desktop_app`` and the frozen app's entry point: the ``fondly`` command line."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
