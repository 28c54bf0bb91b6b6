"""Which exporter wrote a file (by its header) and which column feeds which field (section 3)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

# The fields a column can feed; "ignore" is the absence of a field.
FIELDS = ("name", "first_name", "last_name", "email", "phone", "birthday", "consent", "notes",
          "tags", "shopify_id", "square_id", "birth_year", "birth_month", "birth_day",
          "language", "do_not_contact")
FIELD_LABELS = {
    "name": "Full name", "first_name": "First name", "last_name": "Last name",
    "email": "E-mail", "phone": "Phone", "birthday": "Birthday", "consent": "E-mail consent",
    "notes": "Notes", "tags": "Tags", "shopify_id": "Shopify customer ID",
    "square_id": "Square customer ID", "birth_year": "Birth year", "birth_month": "Birth month",
    "birth_day": "Birth day", "language": "Language", "do_not_contact": "Do not contact",
}
FORMAT_LABELS = {
    "shopify": "Shopify customers", "shopify_legacy": "Shopify customers (before 2023)",
    "square": "Square customers", "google": "Google Contacts", "outlook": "Outlook contacts",
    "mailchimp": "Mailchimp audience", "woocommerce": "WooCommerce customers",
    "wix": "Wix contacts", "thunderbird": "Thunderbird address book", "vcard": "vCard contacts",
    "ldif": "LDIF address book", "generic": "Spreadsheet",
    "shopify_products": "Shopify products", "square_items": "Square item library",
    "shopify_inventory": "Shopify inventory", "fondly": "Fondly export",
}
PRODUCT_FORMATS = ("shopify_products", "square_items", "shopify_inventory")


@dataclass(frozen=True)
class Mapping:
    """Field → column indexes in priority order (the first non-empty cell wins).

    ``consent`` may instead be a constant (Mailchimp files say it by being what they are);
    ``name_first`` makes a full-name column win over first + last (vCard FN, Display Name).
    """

    columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    consent_constant: str | None = None
    name_first: bool = False

    def column_field(self, index: int) -> str | None:
        for name, indexes in self.columns.items():
            if index in indexes:
                return name
        return None

    def with_column(self, index: int, field_name: str | None) -> Mapping:
        """A copy where column *index* feeds *field_name* (None: ignore the column)."""
        columns = {k: tuple(i for i in v if i != index) for k, v in self.columns.items()}
        if field_name:
            if field_name not in FIELDS:
                raise ValueError(f"unknown field {field_name!r}")
            columns[field_name] = (*columns.get(field_name, ()), index)
        return Mapping({k: v for k, v in columns.items() if v}, self.consent_constant,
                       self.name_first)

    def usable(self) -> bool:
        return bool(self.columns.get("email") or self.columns.get("phone"))

    def to_json(self) -> str:
        return json.dumps({"columns": {k: list(v) for k, v in self.columns.items()},
                           "consent_constant": self.consent_constant,
                           "name_first": self.name_first})

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        data = json.loads(text)
        return cls({k: tuple(v) for k, v in data.get("columns", {}).items() if k in FIELDS},
                   data.get("consent_constant"), bool(data.get("name_first")))


def header_key(header: list[str]) -> str:
    """The key remembered mappings are stored under: the normalised header, hashed."""
    joined = "\x1f".join(h.strip().lower() for h in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def detect_format(header: list[str], source: str) -> str:
    """The exporter's name, from the header (and the file kind for vCard/LDIF).

    >>> detect_format(["Customer ID", "Email", "Accepts Email Marketing"], "csv")
    'shopify'
    """
    if source in ("vcard", "ldif"):
        return source
    names = {h.strip().lower() for h in header}
    rules = (
        ("shopify_inventory", {"handle", "available (not editable)"}),
        ("shopify_products", {"handle", "variant sku"}),
        ("shopify_products", {"handle", "option1 value"}),
        ("shopify_products", {"url handle", "option1 value"}),
        ("square_items", {"item name", "variation name"}),
        ("shopify", {"customer id", "accepts email marketing"}),
        ("shopify_legacy", {"accepts marketing", "province code"}),
        ("square", {"square customer id"}),
        ("google", {"e-mail 1 - value"}),
        ("outlook", {"e-mail address", "mobile phone"}),
        ("mailchimp", {"email address", "member_rating"}),
        ("woocommerce", {"total spend", "aov"}),
        ("wix", {"email 1", "email subscriber status"}),
        ("thunderbird", {"primary email", "display name"}),
        ("fondly", {"display_name", "email_consent", "do_not_contact"}),
    )
    for name, needed in rules:
        if needed <= names:
            return name
    return "generic"


# Known exporters: field → header names in priority order.
_KNOWN: dict[str, dict[str, tuple[str, ...]]] = {
    "shopify": {"first_name": ("first name",), "last_name": ("last name",), "email": ("email",),
                "phone": ("phone", "default address phone"),
                "consent": ("accepts email marketing",), "notes": ("note",), "tags": ("tags",),
                "shopify_id": ("customer id",)},
    "shopify_legacy": {"first_name": ("first name",), "last_name": ("last name",),
                       "email": ("email",), "phone": ("phone",),
                       "consent": ("accepts marketing",), "notes": ("note",), "tags": ("tags",)},
    "square": {"first_name": ("first name",), "last_name": ("last name",),
               "email": ("email address",), "phone": ("phone number",),
               "birthday": ("birthday",), "consent": ("email subscription status",),
               "notes": ("memo",), "square_id": ("square customer id",)},
    "google": {"first_name": ("first name", "given name"), "last_name": ("last name", "family name"),
               "name": ("name",), "email": ("e-mail 1 - value",), "phone": ("phone 1 - value",),
               "birthday": ("birthday",), "notes": ("notes",)},
    "outlook": {"first_name": ("first name",), "last_name": ("last name",),
                "email": ("e-mail address",),
                "phone": ("mobile phone", "primary phone", "home phone", "business phone",
                          "other phone"),
                "birthday": ("birthday",), "notes": ("notes",), "tags": ("categories",)},
    "mailchimp": {"first_name": ("first name",), "last_name": ("last name",),
                  "email": ("email address",), "phone": ("phone number",),
                  "birthday": ("birthday",), "notes": ("notes",), "tags": ("tags",)},
    "woocommerce": {"name": ("name",), "email": ("email",)},
    "wix": {"first_name": ("first name",), "last_name": ("last name",), "email": ("email 1",),
            "phone": ("phone 1",), "consent": ("email subscriber status",), "tags": ("labels",)},
    "thunderbird": {"name": ("display name",), "first_name": ("first name",),
                    "last_name": ("last name",), "email": ("primary email",),
                    "phone": ("mobile number", "work phone", "home phone"),
                    "birth_year": ("birth year",), "birth_month": ("birth month",),
                    "birth_day": ("birth day",), "notes": ("notes",)},
    "vcard": {"name": ("name",), "first_name": ("first name",), "last_name": ("last name",),
              "email": ("e-mail",), "phone": ("phone",), "birthday": ("birthday",),
              "notes": ("notes",), "tags": ("categories",)},
    # `fondly export customers`: a shop moving to a new computer brings its own list back.
    "fondly": {"name": ("display_name",), "first_name": ("first_name",),
               "last_name": ("last_name",), "email": ("email",), "phone": ("phone",),
               "birthday": ("birthday",), "consent": ("email_consent",), "notes": ("notes",),
               "tags": ("tags",), "language": ("language",),
               "do_not_contact": ("do_not_contact",)},
    "ldif": {"name": ("name",), "first_name": ("first name",), "last_name": ("last name",),
             "email": ("e-mail",), "phone": ("phone",), "birthday": ("birthday",),
             "notes": ("notes",)},
}

# Owner sheets: common column names in English, German, French and Spanish.
_GENERIC: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "first", "given name", "forename", "vorname",
                   "prénom", "prenom", "nombre de pila"),
    "last_name": ("last name", "lastname", "surname", "family name", "nachname", "familienname",
                  "nom de famille", "apellido", "apellidos", "last"),
    "name": ("name", "customer", "customer name", "full name", "display name", "contact",
             "kunde", "kundenname", "vollständiger name", "nom complet", "client", "nom",
             "nombre completo", "cliente", "nombre"),
    "email": ("email", "e-mail", "e-mail address", "email address", "e-mail-adresse", "mail",
              "emailadresse", "courriel", "adresse e-mail", "adresse email", "adresse mail",
              "correo", "correo electrónico", "correo electronico", "primary email"),
    "phone": ("phone", "mobile", "cell", "telefon", "phone number", "telephone", "tel",
              "mobile phone", "cell phone", "mobile number", "handy", "mobil", "telefonnummer",
              "mobilnummer", "téléphone", "portable", "numéro de téléphone", "teléfono",
              "telefono", "móvil", "movil", "celular"),
    "birthday": ("birthday", "geburtstag", "birth date", "date of birth", "birthdate", "dob",
                 "geburtsdatum", "date de naissance", "anniversaire", "fecha de nacimiento",
                 "cumpleaños", "cumpleanos"),
    "consent": ("opted in", "opt-in", "opt in", "newsletter", "marketing ok",
                "accepts marketing", "accepts email marketing", "email marketing",
                "einwilligung", "werbung ok", "consentement", "consentimiento"),
    "notes": ("notes", "note", "memo", "comments", "comment", "notizen", "notiz", "bemerkung",
              "bemerkungen", "remarques", "commentaire", "commentaires", "notas", "nota",
              "comentarios"),
    "tags": ("tags", "labels", "categories", "schlagworte", "étiquettes", "etiquetas"),
    "language": ("language", "sprache", "langue", "idioma"),
    "do_not_contact": ("do not contact", "do_not_contact", "nicht kontaktieren",
                       "ne pas contacter", "no contactar"),
}


def default_mapping(fmt: str, header: list[str]) -> Mapping:
    """The automatic mapping for a detected format (customers formats only)."""
    lowered = [h.strip().lower() for h in header]
    wanted = _KNOWN.get(fmt)
    if wanted is None:
        wanted = _generic_wanted(lowered)
    columns: dict[str, tuple[int, ...]] = {}
    used: set[int] = set()
    for field_name, names in wanted.items():
        indexes = []
        for name in names:
            for index, column in enumerate(lowered):
                if column == name and index not in used:
                    indexes.append(index)
                    used.add(index)
        if indexes:
            columns[field_name] = tuple(indexes)
    if fmt == "shopify":
        for index, column in enumerate(lowered):
            if column.endswith("(customer.metafields.facts.birth_date)"):
                columns["birthday"] = (index,)
    constant = None
    if fmt == "mailchimp":
        constant = "no" if "unsub_time" in lowered else "yes"
    return Mapping(columns, constant, name_first=fmt in ("vcard", "ldif", "thunderbird", "fondly"))


def _generic_wanted(lowered: list[str]) -> dict[str, tuple[str, ...]]:
    wanted = dict(_GENERIC)
    names = set(lowered)
    # "Nom" is the family name beside "Prénom"; "Nombre" the given name beside "Apellido".
    if names & {"prénom", "prenom"}:
        wanted["last_name"] = (*wanted["last_name"], "nom")
    if names & {"apellido", "apellidos"}:
        wanted["first_name"] = (*wanted["first_name"], "nombre")
    return wanted
