"""P1: import the Shopify CSV (validated, deduplicated, searchable) vs the sqlite3 CLI's .import."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.harness import ROOT, Env, Result, median
from bench.make_shop import ShopFiles

MEASURE = "import the Shopify CSV, {size:,} customers (`fondly import`)"


def _timed(argv: list[str], env: Env) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=env.subprocess_env(),
                            cwd=ROOT, timeout=1800)
    return (time.perf_counter() - started), result


def why_not(env: Env) -> str:
    """Why P1 cannot run in this checkout, or ''."""
    probe = subprocess.run([env.python, "-m", "desktop_app.cli", "import", "--help"],
                           capture_output=True, text=True, env=env.subprocess_env(), cwd=ROOT)
    if probe.returncode != 0:
        return "this checkout has no `fondly import` command yet"
    if shutil.which("sqlite3") is None:
        return "no sqlite3 CLI for the baseline"
    return ""


def import_rounds(env: Env, shop: ShopFiles, rounds: int) -> tuple[list[float], list[float], str]:
    """Seconds of `fondly import --json` into a new data folder and of `sqlite3 .import`, each
    *rounds* times, interleaved; and the last import's JSON output.

    :raises RuntimeError: when the import fails.
    """
    sqlite3_cli = shutil.which("sqlite3")
    fondly, bare, output = [], [], ""
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(dir=env.out) as scratch:
            folder = Path(scratch)
            seconds, result = _timed(
                [env.python, "-m", "desktop_app.cli", "--data-dir", str(folder / "shop"), "import",
                 "--json", str(shop.csv_path)], env)
            if result.returncode != 0:
                raise RuntimeError(f"the import failed: {result.stderr.strip()[-160:]}")
            fondly.append(seconds)
            output = result.stdout
            seconds, result = _timed(
                [sqlite3_cli, str(folder / "bare.db"), ".mode csv",
                 f".import {shop.csv_path} customers"], env)
            bare.append(seconds)
    return fondly, bare, output


def run(env: Env) -> list[Result]:
    shop = env.shop()
    measure = MEASURE.format(size=shop.size)
    reason = why_not(env)
    if reason:
        return [Result("P1", measure, None, "s", "≤ 3×", skipped=reason)]
    # An import of 100,000 rows takes seconds: three rounds are enough for a stable median.
    try:
        fondly, bare, output = import_rounds(env, shop, min(env.repeat, 3))
    except RuntimeError as exc:
        return [Result("P1", measure, None, "s", "≤ 3×", skipped=str(exc))]
    created = _field(output, "unique_customers")
    env.figures[("P1", shop.size)] = median(fondly)
    env.log(f"  P1 fondly {[round(x, 1) for x in fondly]} s, sqlite3 {[round(x, 2) for x in bare]} s")
    return [Result(
        "P1", measure, median(fondly), "s", "≤ 3×", baseline=median(bare),
        baseline_name="sqlite3 CLI .import",
        note=(f"whole `fondly import --json` process on a new data folder (decode, map, validate, "
              f"deduplicate, write, index for search) vs `sqlite3 new.db .import` of the same "
              f"file; {created} customers found."),
    )]


def _field(output: str | None, name: str) -> str:
    import json

    try:
        return f"{json.loads(output or '{}').get(name, '?'):,}"
    except (ValueError, TypeError):
        return "?"
