"""Formats without a sample file: detection by header and the mapping's effect, per exporter."""

from __future__ import annotations

import pytest

from desktop_app.importing.birthdays import InvalidBirthday, parse_birthday
from desktop_app.importing.engine import run_import
from storage import customers


def rows(db) -> list[tuple]:
    return db.execute(
        "SELECT display_name, email, phone, email_consent, birth_month, birth_day, birth_year "
        "FROM customers ORDER BY id").fetchall()


CASES = {
    "shopify_legacy": (
        "First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,"
        "Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt\n"
        "Ann,Lee,ann@example.com,,,,,,OR,,US,,'+15035550101,yes,0.00,0,,,no\n"
        "Bo,Ek,bo@example.com,,,,,,OR,,US,,,no,0.00,0,,,no\n",
        [("Ann Lee", "ann@example.com", "+15035550101", "yes", None, None, None),
         ("Bo Ek", "bo@example.com", None, "no", None, None, None)]),
    "woocommerce": (
        "Name,Username,Last active,Date registered,Email,Orders,Total spend,AOV,"
        "Country / Region,City,Region,Postal code\n"
        "Ann Lee,ann,2024-01-01,2023-01-01,ann@example.com,3,$30.00,$10.00,US,Portland,OR,97214\n"
        "[deleted],,,,deleted@site.invalid,1,$5.00,$5.00,,,,\n"
        "[deleted],,,,deleted@site.invalid,1,$5.00,$5.00,,,,\n",
        [("Ann Lee", "ann@example.com", None, "unknown", None, None, None)]),
    "wix": (
        "First Name,Last Name,Email 1,Phone 1,Phone 2,Company,Labels,Created At (UTC+0),"
        "Email subscriber status,SMS subscriber status\n"
        "Ann,Lee,ann@example.com,503-555-0101,,,VIP,2024-01-01,Subscribed,\n"
        "Bo,Ek,bo@example.com,,,,,2024-01-01,Never subscribed,\n",
        [("Ann Lee", "ann@example.com", "503-555-0101", "yes", None, None, None),
         ("Bo Ek", "bo@example.com", None, "no", None, None, None)]),
    "google": (  # the older Google CSV layout
        "Name,Given Name,Family Name,Birthday,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
        "Phone 1 - Type,Phone 1 - Value\n"
        "Ann Lee,Ann,Lee,--03-14,* myContacts,* Home,ann@example.com ::: ann2@example.com,"
        "Mobile,503-555-0101 ::: 503-555-0102\n",
        [("Ann Lee", "ann@example.com", "503-555-0101", "unknown", 3, 14, None)]),
    "generic": (  # a German owner's sheet, tab-separated
        "Vorname\tNachname\tE-Mail\tTelefon\tGeburtstag\tNewsletter\n"
        "Jürgen\tWeiß\tjuergen@example.net\t0176 1234567\t24.12.1970\tja\n"
        "Anke\tBöhm\tanke@example.net\t\t3.5.\tnein\n",
        [("Jürgen Weiß", "juergen@example.net", "0176 1234567", "yes", 12, 24, 1970),
         ("Anke Böhm", "anke@example.net", None, "no", 5, 3, None)]),
}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_detected_and_mapped(fmt, tmp_path, db):
    text, expected = CASES[fmt]
    path = tmp_path / f"{fmt}.csv"
    path.write_text(text, encoding="utf-8")
    result = run_import(db, path)
    assert result.format == fmt
    assert rows(db) == expected


def test_woocommerce_erased_customers_are_two_rejections(tmp_path, db):
    path = tmp_path / "woo.csv"
    path.write_text(CASES["woocommerce"][0], encoding="utf-8")
    result = run_import(db, path)
    assert result.rejected == [{"row": 2, "reason": "invalid_email"},
                               {"row": 3, "reason": "invalid_email"}]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("Prénom;Nom;Courriel;Portable;Date de naissance",
         "Élodie;Bœuf;elodie@example.org;06 39 98 02 03;18/07/1985",
         ("Élodie Bœuf", "elodie@example.org", "06 39 98 02 03", "unknown", 7, 18, 1985)),
        ("Nombre,Apellidos,Correo electrónico,Teléfono,Cumpleaños",
         "Sofía,Ramírez,sofia@example.com,+34 600 123 456,14 marzo",
         ("Sofía Ramírez", "sofia@example.com", "+34 600 123 456", "unknown", 3, 14, None)),
        ("Customer Name,Email Address,Mobile,Date of Birth,Marketing OK",
         "Sam Rivera,sam@example.com,,March 3 1985,x",
         ("Sam Rivera", "sam@example.com", None, "yes", 3, 3, 1985)),
    ],
)
def test_generic_columns_in_four_languages(header, row, expected, tmp_path, db):
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\n{row}\n", encoding="cp1252" if "Bœuf" in row else "utf-8")
    result = run_import(db, path)
    assert result.format == "generic"
    assert rows(db) == [expected]


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path, db):
    path = tmp_path / "unicode.txt"
    path.write_bytes("Name\tEmail\r\n陈美玲\tmeiling@example.com\r\n".encode("utf-16"))
    result = run_import(db, path)
    assert (result.encoding, result.delimiter) == ("utf-16", "tab")
    assert customers.find_by_email(db, "meiling@example.com").display_name == "陈美玲"


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [("2/29", "mdy", "--02-29"), ("29/02/1992", "dmy", "1992-02-29"), ("19920229", "mdy", "1992-02-29"),
     ("--0229", "mdy", "--02-29"), ("0000-08-09", "mdy", "--08-09"), ("Sept 9", "mdy", "--09-09"),
     ("March 3, 1985", "mdy", "1985-03-03"), ("12-25", "mdy", "--12-25"), ("1.5.", "dmy", "--05-01")],
)
def test_birthday_forms(value, order, expected):
    assert parse_birthday(value, order=order).text == expected


@pytest.mark.parametrize("value", ["1993-02-29", "31/04/1988", "2/30/1990", "30 Feb", "banana",
                                   "13/13", "2090-01-01"])
def test_impossible_birthdays(value):
    with pytest.raises(InvalidBirthday):
        parse_birthday(value, order="dmy" if value.startswith("31") else "mdy")
