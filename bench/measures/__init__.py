"""One module per measure; each has ``run(env) -> list[Result]`` (see bench/README.md)."""
