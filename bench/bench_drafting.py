"""Drafting speed: one day's rules over a 100,000-customer shop, and rendering against bare Jinja2.

    python -m bench.bench_drafting [--size 100000] [--repeat 5]

Prints one line per measure with Fondly's median, the goal, and a ratio to the bare baseline
where there is one. Asserts nothing: numbers are for the closing note and BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jinja2

from desktop_app.drafting import draft_day
from desktop_app.drafting.rendering import TemplateBook, render_for
from desktop_app.settings import Settings, save_settings
from desktop_app.template_defaults import ensure_templates
from desktop_app.templating import TEXT_ENV
from storage import bulk, customers, templates
from storage.db import open_db

SEED = 11
GENERATOR_VERSION = 2
FIRST = ("Maria", "José", "Hanako", "Zoë", "Liam", "Olga", "Ahmed", "Linh", "Sofia", "Jürgen", "", "Wei")
LAST = ("Lopez", "Álvarez", "Yamada", "O'Brien", "Smith", "Ivanova", "Haddad", "Nguyen", "García")
LANGS = (None, None, "en", "de", "fr", "es", "pt")
START = dt.date(2026, 3, 1)


def make_shop(path: Path, size: int) -> None:
    """A seeded shop: birthdays across the year (some year-less, some Feb 29), mixed consent,
    visits for a third of the customers, written with executemany in one transaction."""
    rng = random.Random(SEED)
    db = open_db(path)
    now = "2026-01-01T00:00:00.000000+00:00"
    rows = []
    for i in range(size):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        has_birthday = rng.random() < 0.7
        month = rng.randint(1, 12) if has_birthday else None
        day = (29 if rng.random() < 0.01 and month == 2 else rng.randint(1, 28)) if has_birthday else None
        year = rng.randint(1940, 2008) if has_birthday and rng.random() < 0.6 else None
        email = f"c{i}@example.com" if rng.random() < 0.95 else None
        consent = rng.choice(("yes", "yes", "unknown", "no"))
        rows.append((first, last, f"{first} {last}".strip(), email, email, None, None, month, day,
                     year, rng.choice(LANGS), consent, 1 if rng.random() < 0.01 else 0, now, now))
    db.execute("PRAGMA cache_size=-400000")  # KiB: a 1M shop's indexes sort in memory
    with db.atomic():
        # Indexes and the search index built once after the load (P7 makes a 1M shop).
        with bulk.customers_fts_paused(db), bulk.indexes_paused(db, "customers"):
            db.conn.executemany(
                "INSERT INTO customers (first_name, last_name, display_name, email, email_key, phone, "
                "phone_key, birth_month, birth_day, birth_year, language, email_consent, do_not_contact, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        visits = []
        for cid in range(1, size + 1, 3):
            for _ in range(rng.randint(1, 12)):
                day = START - dt.timedelta(days=rng.randint(0, 400))
                amount = round(rng.uniform(3, 60), 2)
                visits.append((cid, f"{day.isoformat()}T{rng.randint(8, 18):02d}:00:00.000000+00:00",
                               amount, int(amount)))
        with bulk.indexes_paused(db, "visits"):
            db.conn.executemany("INSERT INTO visits (customer_id, at, amount, points) VALUES (?, ?, ?, ?)",
                                visits)
    ensure_templates(db)
    save_settings(db, Settings(shop_name="Rosemary & Rye", owner_name="Ana"))
    db.execute("PRAGMA analysis_limit=2000")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def time_drafting(path: Path, repeat: int) -> tuple[list[float], list[float], list[int]]:
    """Each round drafts the next calendar day (a real 'one day': new birthdays, no catch-up)."""
    db = open_db(path)
    settings = Settings(shop_name="Rosemary & Rye", owner_name="Ana")
    draft_day(db, START - dt.timedelta(days=1), settings)  # warm caches; sets the last day scanned
    seconds, cpu, created = [], [], []
    for n in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        run = draft_day(db, START + dt.timedelta(days=n), settings)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        created.append(run.created)
    db.close()
    return seconds, cpu, created


def time_rendering(path: Path, repeat: int, count: int = 3000) -> tuple[list[float], list[float]]:
    """Fondly's render path (template choice, context from the row, sandbox) vs a bare loop:
    plain ``jinja2.Environment``, same template sources and filters, contexts built beforehand."""
    db = open_db(path)
    settings = Settings(shop_name="Rosemary & Rye", owner_name="Ana")
    ids = [r[0] for r in db.execute("SELECT id FROM customers WHERE email IS NOT NULL LIMIT ?", [count])]
    people = list(customers.rows_by_ids(db, ids).values())
    data = {"date": "2026-03-15", "age": 38}
    book = TemplateBook(db, settings)
    bare_env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    bare_env.filters.update(TEXT_ENV.filters)
    compiled = {}
    for t in templates.list_all(db):
        if t.occasion == "birthday":
            compiled[t.language] = (bare_env.from_string(t.subject), bare_env.from_string(t.body_text))
    contexts = []
    for person in people:
        template = book.choose("birthday", person.language)
        contexts.append((template.language, {
            "customer": {"first_name": person.first_name, "last_name": person.last_name,
                         "name": person.name, "email": person.email, "birthday": None,
                         "birth_year": person.birth_year, "language": person.language},
            "shop": {"name": settings.shop_name, "owner": settings.owner_name},
            "occasion": {"date": dt.date(2026, 3, 15), "age": 38},
            "locale": template.language, "currency": "USD",
        }))
    ours, bare = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for person in people:
            render_for(book, person, "birthday", data)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        for language, context in contexts:
            subject, body = compiled[language]
            subject.render(context)
            body.render(context)
        bare.append(time.perf_counter() - started)
    db.close()
    return ours, bare


def measure(size: int, repeat: int, folder: Path | None = None) -> dict:
    folder = folder or Path(tempfile.mkdtemp(prefix="fondly-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    seed = folder / f"shop-{size}-v{GENERATOR_VERSION}.db"
    if not seed.exists():
        started = time.perf_counter()
        make_shop(seed, size)
        print(f"made a {size:,}-customer shop in {time.perf_counter() - started:.1f} s", flush=True)
    # Each measurement drafts into a fresh copy: a second run over the same days would be a no-op.
    path = folder / "work.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(seed, path)
    drafting, cpu, created = time_drafting(path, repeat)
    ours, bare = time_rendering(path, repeat)
    return {
        "size": size,
        "draft_day_s": statistics.median(drafting),
        "draft_day_cpu_s": statistics.median(cpu),
        "drafts_per_day": statistics.median(created),
        "render_s": statistics.median(ours),
        "bare_render_s": statistics.median(bare),
    }


def run(env) -> list:
    """The figures as bench.harness rows (bench/measures/p2_drafting.py is the harness entry)."""
    from bench.harness import Result

    m = measure(env.size, env.repeat, env.out / f"drafting-{env.size}")
    return [
        Result("D1", f"draft one day, {m['size']:,} customers", m["draft_day_s"] * 1000, "ms",
               "≤ 1000 ms", note=f"median of {env.repeat} consecutive days (CPU "
               f"{m['draft_day_cpu_s'] * 1000:.0f} ms); "
               f"{m['drafts_per_day']:.0f} drafts made per day, rendered and stored"),
        Result("D2", "render drafts vs bare Jinja2", m["render_s"] * 1000, "ms", "≤ 1.5×",
               baseline=m["bare_render_s"] * 1000, baseline_name="plain jinja2.Environment loop",
               note="3,000 birthday messages, 4 languages; ours includes template choice, "
               "context from the customer row and the sandbox"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_drafting", description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="reuse a shop made here before")
    args = parser.parse_args(argv)
    m = measure(args.size, args.repeat, args.dir)
    ratio = m["render_s"] / m["bare_render_s"]
    print(f"draft one day, {m['size']:,} customers: {m['draft_day_s'] * 1000:.0f} ms median "
          f"(CPU {m['draft_day_cpu_s'] * 1000:.0f} ms; {m['drafts_per_day']:.0f} drafts/day) — goal ≤ 1000 ms")
    print(f"render 3,000 drafts: {m['render_s'] * 1000:.0f} ms vs bare Jinja2 "
          f"{m['bare_render_s'] * 1000:.0f} ms — ratio {ratio:.2f}× (goal ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
