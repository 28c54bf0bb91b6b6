"""The column-at-a-time reader gives exactly what the row-by-row reader gives, row for row."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.importing.columns import ColumnReader
from desktop_app.importing.formats import Mapping
from desktop_app.importing.merging import WIDTH as VALUES
from desktop_app.importing.merging import new_customer
from desktop_app.importing.records import Rejection, RowReader

SHOPIFY_LIKE = Mapping(columns={
    "first_name": (0,), "last_name": (1,), "email": (2,), "phone": (4, 3), "consent": (5,),
    "notes": (6,), "tags": (7,), "shopify_id": (8,), "birthday": (9,), "language": (10,),
    "do_not_contact": (11,), "square_id": (12,), "name": (13,),
})
WIDTH = 14

# ISO-shaped cells at the edges of what the fast birthday path takes (C's date parser) and what
# it leaves to the general one: leap days, the years that mean none, the year range, digits
# that are not ASCII.
_YEAR = dt.date.today().year
EDGE_DATES = ["2000-02-29", "1900-02-29", "1604-02-30", "0000-02-29", "1849-12-31", "1850-01-01",
              f"{_YEAR}-01-01", f"{_YEAR + 1}-01-01", "\u0661\u0669\u0669\u0660-01-02", "1990-1-02",
              "1990-01-2 ", "1990-00-10", "1990-04-31", "1990-W1-01"]

# Plain values are drawn often, so that many rows take the fast path and are compared there.
emails = st.sampled_from(["ann@example.com", "Bo.Ek+news@Example.COM", " c@d.org "]) | st.sampled_from([
    "ann@example.com", " Ann.Lee+x@Example.co.uk ", "", "  ", "ann@example", "a..b@example.com",
    "x@y.invalid", "ann@example.com ::: b@example.com", "o'connor@example.ie", "zoë@example.com",
    "\u212a@example.com", "ANN@EXAMPLE.COM",
]) | st.text(max_size=12)
phones = st.sampled_from(["", "", "'+1 503 555 0101"]) | st.sampled_from([
    "", "'+1 503 555 0101", "+1 (503) 555-0101", "'", "12", "503 555 0101 ::: 1", " 0301234567 ",
    "3,3639E+11", "' 503-555-0102",
]) | st.text(max_size=8)
birthdays = st.sampled_from(["", "1990-01-02", " 1604-02-29 "]) | st.sampled_from([
    "", "1990-01-02", "1604-02-29", "0000-03-04", "2001-02-29", "12/03/1986", "31/12/1990",
    "--06-21", "'--06-21", "3 März 1980", "not a date", "1990-13-01", "19900102", "2990-01-01",
    *EDGE_DATES,
]) | st.text(max_size=10)
words = st.sampled_from(["", "yes", " No ", "subscribed", "x", "TRUE", "de", "French", "es-MX",
                         "Klingon", "  "]) | st.text(max_size=6)
notes = st.sampled_from(["", "  ", " likes rye ", "line\nbreak"]) | st.text(max_size=10)
names = st.sampled_from(["", "Ann", " Zoë ", "O'Brien", "  "]) | st.text(max_size=6)
ids = st.sampled_from(["", "'7210448000000", "sq-1", "'"]) | st.text(max_size=5)

row = st.tuples(names, names, emails, phones, phones, words, notes, words, ids, birthdays, words,
                words, ids, names).map(list)


def read_both(mapping: Mapping, rows: list[list]) -> tuple[list, list]:
    numbers = list(range(1, len(rows) + 1))
    general = RowReader(mapping)
    general.decide_slash_order = lambda: "dmy"
    expected = [general.read(n, cells) for n, cells in zip(numbers, rows, strict=True)]
    fast = RowReader(mapping)
    fast.decide_slash_order = lambda: "dmy"
    columns = ColumnReader.reader_for(fast)
    assert columns is not None
    return columns.read(numbers, rows), expected


@settings(max_examples=300, deadline=None)
@given(st.lists(row, min_size=1, max_size=30), st.booleans(), st.sampled_from([None, "yes"]))
def test_columns_agree_with_rows(rows, name_first, constant):
    mapping = Mapping(SHOPIFY_LIKE.columns, constant, name_first)
    got, expected = read_both(mapping, rows)
    assert got == expected
    # The rows written for new customers, keys and birthday cells agree too.
    fast = ColumnReader(RowReader(mapping))
    fast.reader.decide_slash_order = lambda: "dmy"
    keys, values, texts, specials = fast.read_batch(
        range(1, len(rows) + 1), rows, source="import:a.csv", now="2026-11-26T06:00:00+00:00")
    assert len(values) == len(rows) * VALUES
    for index, item in enumerate(expected):
        row_values = tuple(values[index * VALUES:(index + 1) * VALUES])
        if isinstance(item, Rejection):
            assert (keys[index], row_values, specials[index]) == (None, (None,) * VALUES, item)
            continue
        assert keys[index] == item.key and texts[index] == item.birthday_text
        assert row_values == new_customer(item, source="import:a.csv",
                                          now="2026-11-26T06:00:00+00:00")
        assert specials.get(index) == (item if item.warnings else None)


def test_columns_agree_on_rows_that_are_not_all_text_or_short():
    rows = [["Ann", "Lee", "ann@example.com", "", "", "yes", None, "", "", dt.date(1990, 1, 2),
             "", "", "", ""],
            ["Bo", "Ek", "bo@example.com"]]
    got, expected = read_both(SHOPIFY_LIKE, rows)
    assert got == expected


@pytest.mark.parametrize("field_name", ["birth_month", "birth_year", "birth_day"])
def test_separate_birthday_columns_are_read_row_by_row(field_name):
    mapping = Mapping({"email": (0,), field_name: (1,)})
    assert ColumnReader.reader_for(RowReader(mapping)) is None


def test_plain_rows_take_the_fast_path(monkeypatch):
    reader = RowReader(SHOPIFY_LIKE)
    columns = ColumnReader.reader_for(reader)
    slow = []
    read = reader.read
    monkeypatch.setattr(reader, "read", lambda n, cells: slow.append(n) or read(n, cells))
    plain = ["Ann", "Lee", f"ann{0}@example.com", "", "'+1 503 555 0101", "yes", "", "VIP",
             "'72", "1990-01-02", "", "", "", ""]
    out = columns.read([1, 2], [plain, [*plain[:2], "no-at-sign", *plain[3:]]])
    assert slow == [2]  # only the row with a bad address went row by row
    assert out[0].key == "email:ann0@example.com" and out[0].phone == "+1 503 555 0101"
    assert out[0].birthday.year == 1990 and out[0].shopify_id == "72"
    assert len(plain) == WIDTH


@pytest.mark.parametrize("cell", EDGE_DATES)
def test_birthday_cells_read_alike_on_both_paths(cell):
    rows = [["Ann", "Lee", "ann@example.com", "", "", "yes", "", "", "", cell, "", "", "", ""]]
    got, expected = read_both(SHOPIFY_LIKE, rows)
    assert got == expected
