"""What an import (or its preview) found: counts, per-row outcomes in plain words, the JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.importing.formats import FORMAT_LABELS, Mapping
from desktop_app.importing.merging import FieldChange
from desktop_app.importing.records import REASONS, WARNINGS

OUTCOMES = ("new", "update", "unchanged", "merged", "rejected")


@dataclass(frozen=True)
class RowOutcome:
    row: int
    outcome: str  # one of OUTCOMES
    name: str
    contact: str
    key: str | None = None
    reason: str | None = None  # rejection code
    warnings: tuple[str, ...] = ()
    changes: tuple[FieldChange, ...] = ()
    conflicts: tuple[FieldChange, ...] = ()
    birthday_text: str = ""
    merged_into: int | None = None  # the earlier row this one was merged into
    note: str = ""  # free text (products: status and stock in words)

    @property
    def message(self) -> str:
        """The reason or warnings in plain words, for the preview table.

        >>> RowOutcome(3, "new", "Ann", "a@example.com", warnings=("invalid_birthday",),
        ...            birthday_text="31/04").message
        'Birthday 31/04 does not exist — kept the customer, dropped the date'
        """
        parts = []
        if self.reason:
            parts.append(REASONS[self.reason])
        for code in self.warnings:
            if code == "invalid_birthday" and self.birthday_text:
                parts.append(f"Birthday {self.birthday_text} does not exist — kept the customer, "
                             "dropped the date")
            else:
                parts.append(WARNINGS[code])
        if self.outcome == "merged" and self.merged_into:
            parts.append(f"Same customer as row {self.merged_into}")
        if self.conflicts:
            fields = ", ".join(c.field.replace("_", " ") for c in self.conflicts)
            parts.append(f"You edited {fields} by hand — kept yours unless you accept")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)


@dataclass
class ImportResult:
    file_name: str
    format: str
    kind: str = "customers"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    header: list[str] = field(default_factory=list)
    data_rows: int = 0
    blank_rows: int = 0
    accepted: int = 0
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    merged_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped_groups: int = 0
    unique_customers: int = 0
    batch_id: int | None = None
    dry_run: bool = False
    rows: list[RowOutcome] = field(default_factory=list)
    rows_truncated: bool = False
    products: dict = field(default_factory=dict)
    mapping: Mapping | None = None
    restocked: list[dict] = field(default_factory=list)  # products whose stock went ≤ 0 → > 0

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.format, self.format)

    def counts(self) -> dict[str, int]:
        return {"new": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "merged": self.merged_rows, "rejected": len(self.rejected),
                "warnings": len(self.warnings)}

    def to_json(self) -> dict:
        """The CLI's ``--json`` shape (documented in the README)."""
        data = {
            "format": self.format,
            "kind": self.kind,
            "data_rows": self.data_rows,
            "blank_rows": self.blank_rows,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "warnings": self.warnings,
            "merged_rows": self.merged_rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "unique_customers": self.unique_customers,
            "batch_id": self.batch_id,
        }
        if self.kind == "products":
            data["products"] = self.products
        if self.skipped_groups:
            data["skipped_groups"] = self.skipped_groups
        if self.conflicts:
            data["conflicts"] = self.conflicts
        return data

    def summary(self) -> str:
        """One line for the owner.

        >>> ImportResult("shop.csv", "shopify", data_rows=12_500, created=12_000, updated=1,
        ...              merged_rows=499).summary()
        'Imported shop.csv: 12,500 rows — 12,000 new customers, 1 updated, 0 unchanged, 499 duplicates merged, 0 rejected.'
        """
        if self.kind == "products":
            p = self.products
            return (f"{p.get('variant_rows', 0):,} product variants read: {self.created:,} new, "
                    f"{self.updated:,} updated, {self.unchanged:,} unchanged.")
        done = "Preview of" if self.dry_run else "Imported"
        return (f"{done} {self.file_name}: {self.data_rows:,} rows — {self.created:,} new "
                f"customers, {self.updated:,} updated, {self.unchanged:,} unchanged, "
                f"{self.merged_rows:,} duplicates merged, {len(self.rejected):,} rejected.")
