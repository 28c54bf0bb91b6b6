"""Package data: default templates, icons and the sample bakery (read with importlib.resources)."""
