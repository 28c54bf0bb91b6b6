"""One customer import as it runs: rows read in batches, new customers written in runs, the
others merged one by one, the search and sort indexes kept up (desktop_app.importing.engine
starts it inside the import's transaction)."""

from __future__ import annotations

from array import array
from collections.abc import Collection

from sqlite_utils import Database

from desktop_app.importing.feed import Batch, FeedPlan, open_feed
from desktop_app.importing.formats import Mapping
from desktop_app.importing.key_filter import KeyFilter
from desktop_app.importing.merging import (
    EMAIL_AT,
    NAME_AT,
    NEW_COLUMNS,
    PHONE_AT,
    WIDTH,
    conflict_values,
    merge,
    new_customer,
)
from desktop_app.importing.records import Candidate, Rejection
from desktop_app.importing.results import ImportResult, RowOutcome
from desktop_app.importing.tables import Table
from desktop_app.progress import TaskContext
from storage import customers
from storage import import_speed as speed
from storage import imports as store
from storage.timestamps import utc_now_iso

BATCH_ROWS = 1000
# New customers enter the search index every this many batches: while the next rows are read,
# and seldom enough that FTS5 writes few small segments (it writes one whenever it is handed a
# row id lower than the last, as when an indexed customer is updated).
INDEX_EVERY = 16
# Customers already in the search index that the import updated are reindexed together, at
# the end or once this many wait (their old values are held until then).
REINDEX_AT_ONCE = 20_000
# Rows set aside while importing into an empty store (see CustomerImport.run): at most this
# many are held before they are taken (and the rest of the file is looked up as it is read).
DEFER = True
DEFER_AT_MOST = 50_000
KEEP_ROWS = 5000  # outcomes kept for the preview table; notable rows are kept beyond it



class CustomerImport:
    def __init__(self, db: Database, table: Table, mapping: Mapping, result: ImportResult, *,
                 ctx: TaskContext | None, accept: Collection[int] | bool, keep_rows: int,
                 limit_rows: int | None) -> None:
        self.db = db
        self.table = table
        self.mapping = mapping
        self.result = result
        self.ctx = ctx
        self.accept = accept
        self.keep_rows = keep_rows
        self.limit_rows = limit_rows
        self.now = utc_now_iso()
        self.source = f"import:{table.path.name}"
        # Memory stays flat with the file: no per-key set. Rows created here are recognised by
        # their id (above ``before_max``; ``created_rows[id - before_max - 1]`` is the data row
        # that created it), customers that existed by ``touched`` (id → first data row).
        self.created_rows = array("q")
        self.touched: dict[int, int] = {}
        self.batch_seen: dict[str, int] = {}  # key → first data row, within the current batch
        self.pending: list = []  # new customers' values, flat (WIDTH per row)
        self.pending_keys: set[str] = set()
        self.recorded: set[int] = set()

    # -- the run ------------------------------------------------------------------------------

    def run(self) -> None:
        result = self.result
        self.batch_id = store.create_batch(self.db, file_name=self.table.path.name,
                                           format=result.format, kind="customers", started_at=self.now)
        self.before_max = self.indexed_max = store.max_id(self.db, "customer")
        self.reindex: dict[int, dict] = {}  # id → values in the search index, for updated rows
        self.unindexed_batches = 0
        self.columns = store.columns_of(self.db, "customer")
        stored = self.stored = customers.count(self.db)
        self.store_empty = stored == 0
        # New rows go into the search index every few batches, in one statement (much faster
        # than the per-row trigger, and done while the reading process reads more rows);
        # rows already in the index are reindexed together, every REINDEX_AT_ONCE or at the
        # end. The update trigger is suspended too: on a row created here it would remove
        # index entries that do not exist yet.
        self.suspended = speed.suspend_insert_indexing(self.db)
        estimated = self._estimated_rows()
        if stored < max(1000, estimated):
            self.suspended += speed.suspend_secondary_indexes(
                self.db, rows=estimated, fields=set(self.mapping.columns))
        # Into an empty store, a row whose key may have come before (the key filter says
        # which) is set aside until the end; every other row is a new customer, so nothing is
        # looked up meanwhile and the key indexes are built once, after the load.
        self.deferred: list[Candidate] = []
        self.key_filter = KeyFilter()
        self.key_indexes = speed.suspend_key_indexes(self.db) if stored == 0 and DEFER else []
        with speed.search_merging_deferred(self.db):
            number = self._read_all()
        if not self.result.dry_run:
            # A preview is rolled back, schema changes included: it need not rebuild anything.
            speed.restore_triggers(self.db, self.suspended)
        result.data_rows = number
        result.skipped_groups = self.table.skipped_groups
        store.record_created_after(self.db, self.batch_id, entity="customer", after_id=self.before_max)
        # Nobody else writes during the import, and it deletes no one: no need to count again.
        result.unique_customers = self.stored + result.created
        result.batch_id = self.batch_id
        store.finish_batch(self.db, self.batch_id, stats=_stats(result), finished_at=utc_now_iso())

    def _read_all(self) -> int:
        """Every row of the file through :meth:`_process`; returns how many data rows."""
        number = 0
        plan = FeedPlan(self.table.path, self.mapping, self.source, self.now,
                        batch_rows=BATCH_ROWS, limit=self.limit_rows)
        with open_feed(plan, self.table) as batches:
            for batch in batches:
                if batch is None:  # the reader is behind: index what is written meanwhile
                    if self.unindexed_batches:
                        self._index_new()
                    continue
                self._process(batch)
                self.result.blank_rows = batch.blank_rows
                if batch.numbers:
                    number = batch.numbers[-1]
                    self._progress(number, batch.position)
        self._settle_deferred()
        self._flush()
        self._index_new(last=True)
        # Rows set aside were decided last: the outcomes go back into the file's order.
        self.result.rows.sort(key=lambda outcome: outcome.row)
        self.result.warnings.sort(key=lambda warning: warning["row"])
        return number

    def _estimated_rows(self) -> int:
        if self.table.source == "csv":
            return self.table.size_hint // 120  # a customer export row is ~100–200 bytes
        return self.table.size_hint if self.table.source == "xlsx" else 0

    def _progress(self, number: int, position: int) -> None:
        if self.ctx is None:
            return
        self.ctx.raise_if_cancelled()
        done = position if self.table.source == "csv" else number
        self.ctx.report(done, self.table.size_hint, f"Reading row {number:,}…")

    def _process(self, batch: Batch) -> None:
        keys = batch.keys
        if not keys:
            return
        # Into an empty store, only a key that was on an earlier row can find anyone; the filter
        # says which rows may be such (it may say so of a few others).
        repeats = self.key_filter.repeats(keys) if self.store_empty else None
        self.batch_seen = {}
        aside: set[int] | frozenset = frozenset()
        if self.key_indexes:  # those rows wait until the end (see run)
            aside = set(repeats)
            self.deferred.extend(batch.item(index) for index in repeats)
            existing = {}
        else:
            lookup = ({keys[index] for index in repeats} if repeats is not None
                      else set(keys) - {None})
            existing = (store.customers_by_keys(self.db, list(lookup), columns=self.columns)
                        if lookup else {})
        self._runs(batch, existing, aside=aside)
        self._flush()  # the next batch's lookups must see this batch's new customers
        self.unindexed_batches += 1
        if self.unindexed_batches >= INDEX_EVERY:
            self._index_new()
        if len(self.deferred) >= DEFER_AT_MOST:
            self._settle_deferred()  # memory stays bounded; later rows are looked up as read

    def _settle_deferred(self) -> None:
        """Build the key indexes, then take the rows set aside, in file order."""
        if not self.key_indexes:
            return
        self._flush()
        speed.restore_triggers(self.db, self.key_indexes)
        self.key_indexes = []
        deferred, self.deferred = self.deferred, []
        for start in range(0, len(deferred), BATCH_ROWS):
            chunk = deferred[start : start + BATCH_ROWS]
            existing = store.customers_by_keys(self.db, list({c.key for c in chunk}),
                                               columns=self.columns)
            self.batch_seen = {}
            for item in chunk:
                self._accept(item, existing)
            self._flush()

    def _runs(self, batch: Batch, existing: dict[str, dict], *,
              aside: set[int] | frozenset = frozenset()) -> None:
        """Rows one by one where something happens (a rejection, a warning, a customer met
        before), and each run of plain new customers between them in one go."""
        keys, specials = batch.keys, batch.specials
        if self.key_indexes:
            # Rows are set aside: every other row's key is new to the file (a rejected row, the
            # only one without a key, is special), so only the marked rows stop a run.
            slow = sorted(aside.union(specials))
        else:
            slow = []
            met: set[str] = set()
            for index, key in enumerate(keys):
                if (key is None or key in met or key in existing or index in specials
                        or index in aside):
                    slow.append(index)
                met.add(key)
        slow.append(len(keys))
        start = 0
        for index in slow:
            if start < index:
                self._create_run(batch, start, index)
            if index < len(keys) and index not in aside:
                self._one(batch.item(index), existing)
            start = index + 1

    def _create_run(self, batch: Batch, start: int, stop: int) -> None:
        numbers = batch.numbers[start:stop]
        self.pending.extend(batch.inserts[start * WIDTH:stop * WIDTH])
        if not self.key_indexes:
            # Later rows of this batch may meet these customers. (While rows that may repeat a
            # key are set aside, no later row of the batch can: nothing to remember.)
            keys = batch.keys[start:stop]
            self.pending_keys.update(keys)
            self.batch_seen.update(zip(keys, numbers, strict=True))
        self.created_rows.extend(numbers)
        result = self.result
        result.created += stop - start
        result.accepted += stop - start
        room = self.keep_rows - len(result.rows)
        if room > 0:  # the preview keeps every outcome of the first rows
            values, texts, keys = batch.inserts, batch.birthday_texts, batch.keys
            result.rows.extend(
                RowOutcome(numbers[i - start], "new", values[i * WIDTH + NAME_AT],
                           values[i * WIDTH + EMAIL_AT] or values[i * WIDTH + PHONE_AT] or "",
                           keys[i], birthday_text=texts[i])
                for i in range(start, min(stop, start + room)))
        if stop - start > room:
            result.rows_truncated = True

    def _one(self, item: Candidate | Rejection, existing: dict[str, dict]) -> None:
        if item.__class__ is Rejection:
            self._reject(item)
        else:
            self._accept(item, existing)

    def _index_new(self, *, last: bool = False) -> None:
        self.unindexed_batches = 0
        if self.result.dry_run:
            self.reindex = {}
            return  # a preview is rolled back: it need not be searchable
        if last or len(self.reindex) >= REINDEX_AT_ONCE:
            # Updated customers go back in together: FTS5 writes out what it holds each time it
            # is handed a lower row id, so each of these runs costs one such write.
            speed.reindex_customers(self.db, self.reindex.items())
            self.reindex = {}
        speed.index_new_rows(self.db, after_id=self.indexed_max)
        self.indexed_max = self.before_max + len(self.created_rows)

    # -- outcomes -----------------------------------------------------------------------------

    def _reject(self, item: Rejection) -> None:
        self.result.rejected.append({"row": item.row, "reason": item.reason})
        if self._wanted(notable=True):
            self._keep(RowOutcome(item.row, "rejected", item.name, item.email or item.phone,
                                  reason=item.reason))

    def _accept(self, cand: Candidate, existing: dict[str, dict]) -> None:
        result = self.result
        result.accepted += 1
        for code in cand.warnings:
            result.warnings.append({"row": cand.row, "code": code})
        contact = cand.email or cand.phone or ""
        first_row = self.batch_seen.get(cand.key)
        current = existing.get(cand.key) if first_row is None else None
        if current is not None:
            customer_id = current["id"]
            if customer_id > self.before_max:
                first_row = self.created_rows[customer_id - self.before_max - 1]
            elif customer_id in self.touched:
                first_row = -self.touched[customer_id]
        if first_row is not None:
            result.merged_rows += 1
            if cand.key in self.batch_seen:
                # Seen earlier in this batch: the row may be pending or changed since the
                # batch's lookup, so read it afresh. (From an earlier batch, ``current`` from
                # that lookup is up to date.)
                if cand.key in self.pending_keys:
                    self._flush()
                current = store.customers_by_keys(self.db, [cand.key],
                                                  columns=self.columns)[cand.key]
            self.batch_seen[cand.key] = first_row
            changes, conflicts = self._apply(current, cand, record=first_row < 0)
            if self._wanted(notable=bool(cand.warnings or conflicts)):
                self._keep(RowOutcome(cand.row, "merged", cand.display_name, contact, cand.key,
                                      warnings=cand.warnings, changes=changes,
                                      conflicts=conflicts, birthday_text=cand.birthday_text,
                                      merged_into=abs(first_row)))
            return
        if current is None:
            self.pending.extend(new_customer(cand, source=self.source, now=self.now))
            self.pending_keys.add(cand.key)
            self.batch_seen[cand.key] = cand.row
            self.created_rows.append(cand.row)
            result.created += 1
            if self._wanted(notable=bool(cand.warnings)):
                self._keep(RowOutcome(cand.row, "new", cand.display_name, contact, cand.key,
                                      warnings=cand.warnings, birthday_text=cand.birthday_text))
            return
        self.batch_seen[cand.key] = -cand.row
        self.touched[current["id"]] = cand.row
        changes, conflicts = self._apply(current, cand, record=True)
        outcome = "update" if changes else "unchanged"
        if changes:
            result.updated += 1
        else:
            result.unchanged += 1
        if self._wanted(notable=bool(cand.warnings or conflicts or changes)):
            self._keep(RowOutcome(cand.row, outcome, cand.display_name, contact, cand.key,
                                  warnings=cand.warnings, changes=changes, conflicts=conflicts,
                                  birthday_text=cand.birthday_text))

    def _apply(self, current: dict, cand: Candidate, *, record: bool):
        values, applied, conflicts = merge(current, cand, source=self.source, now=self.now)
        if conflicts:
            self.result.conflicts += 1
            if self.accept is True or (self.accept and cand.row in self.accept):
                values = conflict_values(current, cand, source=self.source, now=self.now)
                applied, conflicts = applied + conflicts, []
        if values:
            customer_id = current["id"]
            if record and customer_id not in self.recorded and customer_id <= self.before_max:
                before = {k: v for k, v in current.items() if k != "id"}
                store.record_updated(self.db, self.batch_id, entity="customer",
                                     entity_id=customer_id, before=before)
                self.recorded.add(customer_id)
            values["updated_at"] = self.now
            store.update_customer(self.db, customer_id, values)
            if customer_id <= self.indexed_max:
                # In the index already: replaced at the end of the batch, with the values the
                # index holds now (the first ones this import saw).
                self.reindex.setdefault(customer_id, current)
        return tuple(applied), tuple(conflicts)

    def _wanted(self, *, notable: bool) -> bool:
        """Whether the preview keeps this row's outcome (checked before building it)."""
        kept = len(self.result.rows)
        if kept < self.keep_rows or (notable and kept < self.keep_rows * 10):
            return True
        self.result.rows_truncated = True
        return False

    def _keep(self, outcome: RowOutcome) -> None:
        self.result.rows.append(outcome)

    def _flush(self) -> None:
        store.insert_customers(self.db, NEW_COLUMNS, self.pending)
        self.pending = []
        self.pending_keys = set()


def _stats(result: ImportResult) -> dict:
    return {"data_rows": result.data_rows, "blank_rows": result.blank_rows,
            "accepted": result.accepted, "rejected": len(result.rejected),
            "warnings": len(result.warnings), "merged_rows": result.merged_rows,
            "created": result.created, "updated": result.updated, "unchanged": result.unchanged,
            "skipped_groups": result.skipped_groups}
