"""The committed sample bakery is exactly what its generator makes (no hand edits drift apart)."""

from __future__ import annotations

import json
import re

from bench.sample_bakery import OUTPUT, build


def test_committed_sample_matches_its_generator():
    assert json.loads(OUTPUT.read_text(encoding="utf-8")) == build()


def test_sample_uses_reserved_domains_and_fictional_phones_only():
    sample = build()
    for person in sample["customers"]:
        if person["email"]:
            assert person["email"].rsplit("@", 1)[1].endswith(("example.com", "example.net",
                                                               "example.org"))
        if person["phone"]:
            assert re.fullmatch(r"\+1 (503|971)-555-01\d\d", person["phone"]), person["phone"]
