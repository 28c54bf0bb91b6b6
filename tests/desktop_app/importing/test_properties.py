"""Property tests: random bytes never crash the importer; random well-formed CSVs with quirks
are imported so that everything accepted satisfies the contract."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.contacts import is_valid_email, is_valid_phone
from desktop_app.errors import AppError
from desktop_app.importing.engine import run_import
from storage.db import open_db

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

EMAILS = ["ann@example.com", " Ann@Example.com\u00a0", "bo+rye@example.org", "o'neil@example.net",
          "bad@@example.com", "no-tld@example", "sp ace@example.com", "a..b@example.com",
          "deleted@site.invalid", "x@ex-ample.co.uk", "", "   "]
PHONES = ["+1 (503) 555-0101", "'+15035550102", "503.555.0103", "N/A", "01234", "3,3639E+11",
          "", "07700 900123"]
BIRTHDAYS = ["1988-03-14", "--02-29", "0000-08-09", "1604-12-25", "31/04/1988", "2/30/1990",
             "12/25", "14 March", "Mar 3", "1993-02-29", "0/0/00", "", "not a date", "13.05.1970"]
CONSENT = ["yes", "no", "Y", "n", "Subscribed", "Unsubscribed", "", "maybe", "TRUE", "0"]
# Cell text: any printable character (control characters are not what spreadsheets write; the
# random-bytes test covers them).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


def _run(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        db = open_db(Path(folder) / "fondly.db")
        try:
            try:
                result = run_import(db, path)
            except AppError as exc:
                assert exc.message
                assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
                assert db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
                return None, []
            rows = db.execute(
                "SELECT email, email_key, phone, phone_key, email_consent, birth_month, "
                "birth_day, birth_year FROM customers").fetchall()
            return result, rows
        finally:
            db.close()


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".txt", ".vcf", ".xlsx", ".ldif"]))
def test_random_bytes_never_crash(data, suffix):
    result, rows = _run(data, suffix)
    if result is not None:
        assert result.accepted + len(result.rejected) == result.data_rows
        _assert_contract(rows)


def _assert_contract(rows) -> None:
    keys = set()
    for email, email_key, phone, phone_key, consent, month, day, year in rows:
        assert email or phone
        if email:
            assert is_valid_email(email) and email_key == email.lower()
            key = "e:" + email_key
        else:
            assert is_valid_phone(phone)
            key = "p:" + phone_key
        assert key not in keys
        keys.add(key)
        if phone:
            assert is_valid_phone(phone) and phone_key == "".join(c for c in phone if c.isdigit())
        assert consent in ("yes", "no", "unknown")
        if month is not None:
            import datetime as dt

            dt.date(year or 2000, month, day)  # a real day (Feb 29 only in leap years)


row_strategy = st.fixed_dictionaries({
    "name": st.one_of(TEXT, st.sampled_from(["Zoë O'Brien", "=HYPERLINK(\"x\")", "陈美玲", ""])),
    "email": st.one_of(st.sampled_from(EMAILS), TEXT),
    "phone": st.one_of(st.sampled_from(PHONES), TEXT),
    "birthday": st.sampled_from(BIRTHDAYS),
    "consent": st.sampled_from(CONSENT),
    "notes": st.one_of(TEXT, st.sampled_from(["line one\nline two", 'say "hi", ok;', "-2+3"])),
})


@SETTINGS
@given(
    rows=st.lists(st.one_of(row_strategy, st.none()), max_size=25),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_random_csv_accepted_rows_satisfy_the_contract(rows, delimiter, encoding, newline):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    # csv.writer does not quote a lone CR when the line ends in LF: that file would not be
    # well-formed, so rows with line breaks inside a cell are written fully quoted.
    quoted = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_ALL)
    writer.writerow(["Name", "Email", "Phone", "Birthday", "Opted In", "Notes"])
    expected_rows = 0
    for row in rows:
        if row is None:
            writer.writerow([""] * 6)  # a blank row of bare delimiters
            continue
        cells = [row["name"], row["email"], row["phone"], row["birthday"], row["consent"], row["notes"]]
        if all(not c.strip() for c in cells):
            writer.writerow([""] * 6)
            continue
        (quoted if any("\r" in c or "\n" in c for c in cells) else writer).writerow(cells)
        expected_rows += 1
    data = buffer.getvalue().encode(encoding, errors="replace")
    result, stored = _run(data, ".csv")
    assert result is not None
    assert result.data_rows == expected_rows
    assert result.accepted + len(result.rejected) == result.data_rows
    assert result.created == len(stored) == result.accepted - result.merged_rows
    _assert_contract(stored)
