"""What an operation changed, so views refresh only that (after Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    customers: bool = False
    products: bool = False
    drafts: bool = False
    outbox: bool = False
    templates: bool = False
    settings: bool = False
    imports: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
