"""The borrower's account as the front doors hold it: the store, today, a clock, where changes come from, and the
ledger with its derived states as last read.

The ledger is read once, when first asked for, and reused; a change (one store transaction) replaces it with the
ledger as written, so nobody reads the file again after their own change. `refresh()` reads it again only when
the file changed underneath (another program wrote it).

Thread-safe: the app calls actions from Textual thread workers while its event loop reads `states`. What is
held is one snapshot (a ledger and what was derived from it) replaced whole; two changes at once are put in
order by the store's lock, and the snapshot kept is the newer of the two.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from jiebei_tui.store import Applied, LedgerFileError, Store, UndoRefused

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger, LoanRecord
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.replay import LoanState

__all__ = ["Account", "Applied", "LedgerFileError", "UndoRefused", "open_account"]

T = TypeVar("T")
SOURCES = ("app", "cli")


def local_clock() -> dt.datetime:
    """The machine's time now, in its zone (the domain has no clock)."""
    return dt.datetime.now().astimezone()


class _Snapshot:
    """One ledger and what has been derived from it at `today` (filled in as it is asked for)."""

    __slots__ = ("ledger", "signature", "today", "states", "by_id")

    def __init__(self, ledger: Ledger, signature: tuple[int, int] | None, today: dt.date) -> None:
        self.ledger = ledger
        self.signature = signature
        self.today = today
        self.states: list[LoanState] | None = None
        self.by_id: dict[str, LoanState] = {}


class Account:
    """`store`: where the ledger lives; `today`: the day every figure is worked out for; `source`: "app" or "cli",
    recorded with every change; `clock`: an aware time now, recorded with every new entry (the store's history
    uses the same clock)."""

    def __init__(
        self,
        store: Store,
        today: dt.date,
        *,
        source: str = "cli",
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}")
        self.store = store
        self.today = today
        self.source = source
        self.clock = clock or local_clock
        store.source = source
        store.clock = self.clock
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None

    # --- where it lives ---

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def exists(self) -> bool:
        """Is there a ledger file (False: the demo or an empty ledger, never saved)?"""
        return self.store.exists()

    def saved_lang(self) -> str | None:
        """The language saved in the ledger, by a quick read (no validation): for the words of a first refusal."""
        return self.store.saved_lang()

    def peek_settings(self) -> dict:
        """The saved cosmetic choices (language, theme, keys), by a quick read without validating the ledger:
        for the app's first frame, drawn before the ledger is read."""
        return self.store.peek_settings()

    def signature(self) -> tuple[int, int] | None:
        """The ledger file's (modification time, size) now; None when there is no file."""
        return self.store.signature()

    def now(self) -> dt.datetime:
        return self.clock()

    @property
    def lang(self) -> str:
        """The language of the store's "waiting for the lock" line."""
        return self.store.lang

    @lang.setter
    def lang(self, value: str) -> None:
        self.store.lang = value

    # --- reading ---

    def _current(self) -> _Snapshot:
        snapshot = self._snapshot
        if snapshot is None:
            signature = self.store.signature()  # before reading: a write after it is noticed by refresh()
            snapshot = self._adopt(self.store.load(), signature, force=True)
        if snapshot.today != self.today:  # another day: the same ledger, its states worked out again
            snapshot = self._adopt(snapshot.ledger, snapshot.signature, force=True)
        return snapshot

    def _adopt(self, ledger: Ledger, signature: tuple[int, int] | None, force: bool = False) -> _Snapshot:
        """Hold `ledger` from now on, unless a newer one was adopted meanwhile (another thread's change)."""
        fresh = _Snapshot(ledger, signature, self.today)
        with self._lock:
            held = self._snapshot
            if force or held is None or ledger.revision >= held.ledger.revision:
                self._snapshot = fresh
            return self._snapshot

    @property
    def ledger(self) -> Ledger:
        """The ledger as last read or written (read from the file the first time)."""
        return self._current().ledger

    @property
    def loaded(self) -> bool:
        return self._snapshot is not None

    @property
    def demo(self) -> bool:
        return self.ledger.demo

    @property
    def states(self) -> list[LoanState]:
        """Every loan's state at today, in the ledger's order (worked out once per ledger)."""
        snapshot = self._current()
        states = snapshot.states
        if states is None:
            from jiebei_tui.domain.replay import all_states

            states = all_states(snapshot.ledger, snapshot.today)
            snapshot.states = states
            snapshot.by_id = {s.record.id: s for s in states}
        return states

    def state(self, loan_id: str, field: str = "loan") -> LoanState:
        """One loan's state at today (InputError naming `field` when the ledger has no such loan)."""
        snapshot = self._current()
        found = snapshot.by_id.get(loan_id)
        if found is None:
            from jiebei_tui.domain.replay import loan_state

            record = snapshot.ledger.loan(loan_id, field)
            found = loan_state(snapshot.ledger, record.id, snapshot.today)
            snapshot.by_id[record.id] = found
        return found

    def loan(self, loan_id: str, field: str = "loan") -> LoanRecord:
        return self.ledger.loan(loan_id, field)

    def default_terms(self) -> ProductTerms:
        """The ledger's terms (every loan's default), or the illustrative ones when there is no ledger file yet."""
        if self.exists():
            return self.ledger.terms
        from jiebei_tui.domain.product_terms import ProductTerms

        return ProductTerms()

    def refresh(self) -> bool:
        """Read the ledger again if the file changed since it was last read or written (another program, or a
        reminder run's bookkeeping). True when it did. Nothing is read when nothing has been read yet."""
        snapshot = self._snapshot
        if snapshot is None:
            return False
        signature = self.store.signature()
        if signature == snapshot.signature:
            return False
        self._adopt(self.store.load(), signature, force=True)
        return True

    def changed_underneath(self) -> bool:
        """Has the file changed since it was last read or written (without reading it)?"""
        snapshot = self._snapshot
        return snapshot is not None and self.store.signature() != snapshot.signature

    # --- changing ---

    def change(
        self,
        change: Callable[[Ledger], tuple[Ledger, T]],
        *,
        action: str,
        params: Mapping[str, object] | Callable[[T], Mapping[str, object]] | None = None,
        bookkeeping: bool = False,
    ) -> Applied:
        """One store transaction: `change` (a pure domain function of the ledger as it is on disk) gives the new
        ledger and a result; the file is written only when the ledger really changed. The ledger as written is
        held from now on. Returns the store's Applied (ledger, result, written)."""
        applied = self.store.apply(change, action=action, params=params, source=self.source, bookkeeping=bookkeeping)
        self._adopt(applied.ledger, applied.signature, force=not self.loaded)
        return applied

    def hold(self, ledger: Ledger) -> None:
        """Hold `ledger`, one the front door has just read itself (the app's own reading), unless it is the one
        held already: the actions then work from it without reading the file again."""
        snapshot = self._snapshot
        if snapshot is None or snapshot.ledger is not ledger:
            self.adopt(ledger)

    def adopt(self, ledger: Ledger | None) -> None:
        """Hold a ledger the store wrote outside `change` (undo, recovery); None: read it when next asked."""
        if ledger is None:
            with self._lock:
                self._snapshot = None
            return
        self._adopt(ledger, self.store.signature(), force=True)


def ready_checks() -> None:
    """Build pydantic's checks of the ledger's records (domain/record_checks.py) now: the app calls it in a worker
    once it is ready. A sealed ledger is read without them, and the first record the borrower makes (a payment, a
    what-if, a reminder rule) would otherwise wait the 100-200 ms of building them on the event loop."""
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.record_checks import model_of

    model_of(Ledger)


def open_account(
    data_dir: Path | None,
    *,
    today: dt.date,
    demo: bool = True,
    source: str = "cli",
    clock: Callable[[], dt.datetime] | None = None,
    lang: str = "en",
) -> Account:
    """The account in `data_dir` (default: the platform's data folder, or $JIEBEI_TUI_DATA_DIR). `demo`: with no
    ledger file, show the demo ledger (else an empty one); `lang`: the language of the "waiting for the lock"
    line."""
    store = Store(data_dir, demo=demo, today=today, lang=lang)
    return Account(store, today, source=source, clock=clock)
