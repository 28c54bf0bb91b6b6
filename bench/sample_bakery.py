"""Writes resources/sample_shop/bakery.json, the sample bakery (run once; deterministic).

    python -m bench.sample_bakery

Dates are stored relative to the day the sample is loaded ("days ago", "in N days"), so the sample
always has birthdays coming up and a past year of visits.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from bench.names import POOLS, display_name

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "resources" / "sample_shop" / "bakery.json"
SEED = 20261126
CUSTOMERS = 200
# Birthdays this many days from the load date, so the Today page has drafts at once.
SOON = (0, 1, 2, 3, 5, 9)

SETTINGS = {
    "shop_name": "Rosemary & Rye Bakery",
    "owner_name": "Maren",
    "language": "en",
    "country": "US",
    "currency": "USD",
}

PRODUCTS = [
    # sku, name, variant, stock, price
    ("RR-SOUR", "Country Sourdough", "", 14, "9.00"),
    ("RR-RYE", "Rosemary & Rye Loaf", "", 0, "10.50"),
    ("RR-SEED", "Seeded Rye", "", 6, "9.50"),
    ("RR-BAG", "Baguette", "", 22, "4.25"),
    ("RR-GF", "Gluten-free Loaf", "", 0, "11.00"),
    ("RR-CRO", "Butter Croissant", "", 30, "4.00"),
    ("RR-PAC", "Pain au Chocolat", "", 18, "4.50"),
    ("RR-CARD", "Cardamom Bun", "", 12, "4.75"),
    ("RR-CIN", "Cinnamon Roll", "", 9, "4.50"),
    ("RR-FOC", "Olive Focaccia", "Half sheet", 3, "12.00"),
    ("RR-STOL", "Stollen", "Seasonal", 0, "24.00"),
    ("RR-CAKE8", "Celebration Cake", "8 inch", 2, "48.00"),
    ("RR-CAKE10", "Celebration Cake", "10 inch", 0, "62.00"),
]

NOTES = [
    "Nut allergy: no hazelnut or almond items.",
    "Orders a celebration cake for her daughter every June.",
    "Prefers to be called by her first name only.",
    "Wholesale: café on Alberta St, invoices monthly.",
    "Always asks for the rye ends.",
    "Gluten-free; ask before suggesting anything new.",
    "Sourdough club member since the first year.",
    "Brings her dog; we keep biscuits behind the counter.",
    "Likes the cardamom buns warm.",
    "Picks up for the office on Fridays.",
]
COMPLAINTS = [
    "Complaint: said the Country Sourdough was underbaked last spring; refunded and apologised.",
    "Complaint: waited 20 minutes on a busy Saturday and left unhappy. Be extra kind.",
]
TAGS = ["regular", "sourdough-club", "VIP", "wholesale", "cake-orders", "gluten-free", "newsletter"]
CONSENT_SOURCES = ["in-store sign-up form", "website checkout", "loyalty card form"]


def _pick_pool(rng: random.Random):
    pools, weights = zip(*POOLS, strict=True)
    return rng.choices(pools, weights=weights)[0]


def _birthday(rng: random.Random, index: int, soon: dict[int, int], feb29_index: int):
    if index in soon:
        year = rng.randint(1950, 2004) if rng.random() < 0.8 else None
        return {"in_days": soon[index], "year": year}
    if index == feb29_index:
        return {"month": 2, "day": 29, "year": 1996}
    if rng.random() < 0.15:
        return None
    # Any day of a common year: Feb 29 stays the single planted one.
    day_of_year = rng.randrange(365)
    month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 0
    while day_of_year >= month_days[month]:
        day_of_year -= month_days[month]
        month += 1
    year = rng.randint(1940, 2006) if rng.random() < 0.78 else None
    return {"month": month + 1, "day": day_of_year + 1, "year": year}


def build(seed: int = SEED) -> dict:
    """The whole sample as plain data."""
    rng = random.Random(seed)
    soon_indexes = rng.sample(range(1, CUSTOMERS), len(SOON))
    soon = dict(zip(soon_indexes, SOON, strict=True))
    feb29_index = next(i for i in range(17, CUSTOMERS) if i not in soon)
    dnc = set(rng.sample([i for i in range(CUSTOMERS) if i not in soon], 4))
    complaints = rng.sample([i for i in range(CUSTOMERS) if i not in soon], len(COMPLAINTS))
    phones = [f"+1 {area}-555-01{n:02d}" for area in (503, 971) for n in range(100)]
    rng.shuffle(phones)
    used_emails: set[str] = set()
    customers = []
    for index in range(CUSTOMERS):
        pool = _pick_pool(rng)
        first, first_ascii = rng.choice(pool.firsts)
        last, last_ascii = rng.choice(pool.lasts)
        phone_only = index not in soon and rng.random() < 0.05
        email = None
        if not phone_only:
            domain = rng.choice(["example.com", "example.com", "example.net", "example.org",
                                 "mail.example.org"])
            local = rng.choice([f"{first_ascii}.{last_ascii}", f"{first_ascii}{last_ascii}",
                                f"{first_ascii[0]}{last_ascii}"])
            email = f"{local}@{domain}"
            n = 2
            while email.lower() in used_emails:
                email = f"{local}{n}@{domain}"
                n += 1
            used_emails.add(email.lower())
        phone = phones.pop() if (phone_only or rng.random() < 0.45) else None
        if index in soon:
            consent = "yes"
        elif email is None:
            consent = "unknown"  # e-mail consent means nothing without an address
        else:
            consent = rng.choices(["yes", "unknown", "no"], weights=[60, 28, 12])[0]
        notes = ""
        if index in complaints:
            notes = COMPLAINTS[complaints.index(index)]
        elif rng.random() < 0.12:
            notes = rng.choice(NOTES)
        tags = sorted(set(rng.sample(TAGS, rng.choice([0, 0, 1, 1, 2]))))
        joined = rng.randint(20, 1400)
        customers.append({
            "first_name": first,
            "last_name": last,
            "display_name": display_name(pool, first, last),
            "email": email,
            "phone": phone,
            "birthday": _birthday(rng, index, soon, feb29_index),
            "language": pool.language,
            "email_consent": consent,
            "consent_source": rng.choice(CONSENT_SOURCES) if consent != "unknown" else None,
            "consent_days_ago": rng.randint(1, joined) if consent != "unknown" else None,
            "do_not_contact": index in dnc,
            "notes": notes,
            "tags": ", ".join(tags),
            "joined_days_ago": joined,
        })

    # Regulars visit often; most people now and then.
    weights = [rng.choice([1, 1, 1, 2, 3, 8]) for _ in range(CUSTOMERS)]
    visits = []
    for _ in range(420):
        customer = rng.choices(range(CUSTOMERS), weights=weights)[0]
        amount = round(rng.uniform(3.5, 65.0) * 4) / 4
        visits.append({"customer": customer, "days_ago": rng.randint(0, 364),
                       "amount": amount, "points": int(amount)})
    visits.sort(key=lambda v: (-v["days_ago"], v["customer"]))

    out_of_stock = [p[0] for p in PRODUCTS if p[3] == 0]
    waitlist = []
    for sku in out_of_stock:
        for customer in rng.sample(range(CUSTOMERS), 2):
            waitlist.append({"customer": customer, "sku": sku, "asked_days_ago": rng.randint(1, 40),
                             "note": ""})
    waitlist[0]["note"] = "Wants two loaves when it is back."
    waitlist.append({"customer": rng.randrange(CUSTOMERS), "sku": "RR-SOUR", "asked_days_ago": 60,
                     "note": "", "fulfilled_days_ago": 52})

    return {
        "version": 1,
        "settings": SETTINGS,
        "products": [dict(zip(("sku", "name", "variant", "stock", "price"), p, strict=True))
                     for p in PRODUCTS],
        "customers": customers,
        "visits": visits,
        "waitlist": waitlist,
    }


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build(), ensure_ascii=False, indent=1)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
