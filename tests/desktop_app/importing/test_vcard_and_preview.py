"""vCard details (groups, property groups, escapes, quoted-printable, folding) and the quick
first page of a preview."""

from __future__ import annotations

from desktop_app.importing.engine import inspect_file, run_import

VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bakery regulars\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n"
    "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Berg;Pieter;;;\r\nFN:Pieter van der Berg\r\n"
    "item1.EMAIL;type=INTERNET:pieter@work.example.com\r\n"
    "item2.EMAIL;type=INTERNET;type=pref:pieter@example.org\r\n"
    "NOTE:Likes rye\\, not spelt\\;\\nasks about oat milk\r\n"
    "BDAY:--0229\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85ngstr=C3=B6m;Bj=\r\n"
    "=C3=B6rn;;;\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bj=C3=B6rn =C3=85ngstr=C3=B6m\r\n"
    "TEL;CELL;PREF:+46 70 174 06 21\r\nEMAIL;INTERNET:bjorn@exam\r\n ple.com\r\n"
    "AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL:agent@example.com\r\nEND:VCARD\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Family\r\nEND:VCARD\r\n"
)


def test_vcard_details(tmp_path, db):
    path = tmp_path / "cards.vcf"
    path.write_text(VCARDS, encoding="utf-8", newline="")
    result = run_import(db, path)
    assert result.skipped_groups == 2
    assert result.data_rows == 2
    got = db.execute("SELECT display_name, first_name, last_name, email, phone, birth_month, "
                     "birth_day, birth_year, notes FROM customers ORDER BY id").fetchall()
    assert got == [
        ("Pieter van der Berg", "Pieter", "Berg", "pieter@example.org", None, 2, 29, None,
         "Likes rye, not spelt;\nasks about oat milk"),
        ("Björn Ångström", "Björn", "Ångström", "bjorn@example.com", "+46 70 174 06 21", None,
         None, None, ""),
    ]


def test_first_page_of_a_preview(tmp_path, db):
    path = tmp_path / "many.csv"
    path.write_text("Name,Email\n" + "".join(f"P{i},p{i}@example.com\n" for i in range(5000)),
                    encoding="utf-8")
    page = run_import(db, path, dry_run=True, limit_rows=200)
    assert (page.data_rows, page.created, len(page.rows)) == (200, 200, 200)
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_inspect_file(samples_dir, db):
    header, fmt, mapping = inspect_file(db, samples_dir / "square_customers.csv")
    assert fmt == "square" and header[14] == "Square Customer ID"
    assert mapping.columns["square_id"] == (14,)
