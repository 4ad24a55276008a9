"""The data file: permissions, atomic locked transactions, backups, migration, refusals, crashes, races."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from decimal import Decimal as D
from pathlib import Path

import pytest

from jiebei_tui.domain.ledger import SCHEMA_VERSION, Event, Ledger, add_loan
from jiebei_tui.domain.replay import loan_state, record_event
from jiebei_tui.domain.terms import make_loan
from jiebei_tui.store import LedgerFileError, Store, dump_ledger

TODAY = dt.date(2025, 3, 1)
LOAN = dict(principal="100000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def add(store: Store) -> str:
    return store.transact(lambda ledger: add_loan(ledger, "Test", make_loan(**LOAN)))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", demo=False, today=TODAY)


def test_folder_and_file_are_owner_only(store: Store) -> None:
    add(store)
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    add(store)
    assert stat.S_IMODE(store.backup_path.stat().st_mode) == 0o600


def test_loading_without_a_file_writes_nothing(store: Store) -> None:
    assert store.load().loans == []
    assert not store.data_dir.exists()
    demo = Store(store.data_dir, demo=True, today=TODAY).load()
    assert demo.demo and len(demo.loans) == 3
    assert not store.data_dir.exists()


def test_each_write_keeps_the_previous_version(store: Store) -> None:
    add(store)
    first = store.path.read_text()
    add(store)
    assert store.backup_path.read_text() == first
    assert len(store.load().loans) == 2


def test_a_change_that_would_not_load_back_writes_nothing(store: Store) -> None:
    """Changes build their new parts without pydantic's checks; the store validates them before writing. Only
    new events are re-checked (the others were validated when read), so this tries a bad new event and a bad
    edit of an existing loan beside payments carried over."""
    loan_id = add(store)
    for day in ("2025-02-10", "2025-03-01"):
        store.transact(lambda ledger, day=day: record_event(ledger, loan_id, "repayment", dt.date.fromisoformat(day), D("100.00"), TODAY))
    before = store.path.read_bytes()
    bad_event = Event.model_construct(id="E99", loan_id=loan_id, kind="repayment", date=TODAY, amount=D("-5"), strategy=None)
    with pytest.raises(LedgerFileError, match="amount"):
        store.transact(lambda ledger: (ledger.model_copy(update={"events": [*ledger.events, bad_event]}), None))
    assert store.path.read_bytes() == before
    bad_loan = store.load().loans[0].model_copy(update={"term": 99})
    with pytest.raises(LedgerFileError, match="term"):
        store.transact(lambda ledger: (ledger.model_copy(update={"loans": [bad_loan]}), None))
    assert store.path.read_bytes() == before
    assert len(store.load().events) == 2


def test_the_quick_settings_read_follows_the_file(store: Store) -> None:
    """The start-up peek is remembered, but a change to the file (here by another Store, as another program
    would) is seen at once."""
    assert store.saved_lang() is None and store.peek_reminder_zone() is None
    other = Store(store.data_dir, demo=False, today=TODAY)

    def choose(ledger):
        settings = ledger.settings.model_copy(
            update={"lang": "zh", "reminders": ledger.settings.reminders.model_copy(update={"timezone": "Asia/Shanghai"})}
        )
        return ledger.model_copy(update={"settings": settings}), None

    other.transact(choose)
    assert store.saved_lang() == "zh"
    assert store.peek_reminder_zone() == "Asia/Shanghai"


def test_a_refused_change_writes_nothing(store: Store) -> None:
    loan_id = add(store)
    before = store.path.read_bytes()
    with pytest.raises(Exception):
        store.transact(lambda ledger: record_event(ledger, loan_id, "repayment", TODAY, D("999999"), TODAY))
    assert store.path.read_bytes() == before


def test_corrupt_json_is_named_and_never_overwritten(store: Store) -> None:
    add(store)
    store.path.write_text('{"schema_version": 2,\n  "loans": [oops]}')
    before = store.path.read_bytes()
    with pytest.raises(LedgerFileError) as err:
        store.load()
    assert "line 2" in str(err.value) and str(store.path) in str(err.value)
    with pytest.raises(LedgerFileError):
        add(store)
    assert store.path.read_bytes() == before


def test_invalid_field_names_its_path(store: Store) -> None:
    add(store)
    data = json.loads(store.path.read_text())
    data["loans"][0]["principal"] = "-5"
    store.path.write_text(json.dumps(data))
    with pytest.raises(LedgerFileError) as err:
        store.load()
    assert "loans.0.principal" in str(err.value)


def test_future_version_is_refused_and_never_written(store: Store) -> None:
    add(store)
    data = json.loads(store.path.read_text())
    data["schema_version"] = SCHEMA_VERSION + 1
    store.path.write_text(json.dumps(data))
    before = store.path.read_bytes()
    with pytest.raises(LedgerFileError) as err:
        store.load()
    assert err.value.key == "file.future"
    with pytest.raises(LedgerFileError):
        add(store)
    assert store.path.read_bytes() == before


def test_version_one_is_migrated_and_the_original_kept(store: Store) -> None:
    store.data_dir.mkdir(parents=True)
    v1 = {
        "schema_version": 1,
        "loans": [{"id": "L1", "name": "Old", **{k: str(v) for k, v in LOAN.items()}}],
        "events": [{"id": "E1", "loan_id": "L1", "kind": "repayment", "date": "2025-02-10", "amount": "9004.11"}],
    }
    original = json.dumps(v1)
    store.path.write_text(original)
    ledger = store.load()
    assert ledger.schema_version == SCHEMA_VERSION and ledger.terms.penalty_multiplier == D("1.5")
    add(store)
    assert (store.data_dir / "ledger.json.schema-v1.bak").read_text() == original
    assert json.loads(store.path.read_text())["schema_version"] == SCHEMA_VERSION


def test_recover_from_backup_keeps_the_bad_file(store: Store) -> None:
    add(store)
    add(store)
    store.path.write_text("not json")
    aside = store.recover_from_backup().aside
    assert len(store.load().loans) == 1
    assert aside is not None and aside.read_text() == "not json" and aside.name.startswith("ledger.json.corrupt-")


def test_start_empty_keeps_the_bad_file(store: Store) -> None:
    add(store)
    store.path.write_text("{")
    aside = store.start_empty().aside
    assert store.load().loans == []
    assert aside is not None and aside.read_text() == "{"


def test_recover_without_backup_says_so(store: Store) -> None:
    with pytest.raises(LedgerFileError) as err:
        store.recover_from_backup()
    assert err.value.key == "file.no_backup"


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from decimal import Decimal
    from pathlib import Path
    from jiebei_tui.domain.replay import record_event
    from jiebei_tui.store import Store
    store = Store(Path(sys.argv[1]), demo=False, today=dt.date(2025, 3, 1))
    count = int(sys.argv[2])
    for n in range(count):
        store.transact(lambda ledger: record_event(
            ledger, "L1", "repayment", dt.date(2025, 3, 1), Decimal("1.00"), dt.date(2025, 3, 1)))
        print("done", flush=True)
    """
)


def test_two_processes_recording_50_payments_each_lose_nothing(store: Store) -> None:
    add(store)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(store.data_dir), "50"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0 and out.count("done") == 50
    ledger = store.load()
    assert len(ledger.events) == 100
    assert sorted(int(e.id[1:]) for e in ledger.events) == list(range(1, 101))
    assert loan_state(ledger, "L1", TODAY).total_paid == D("100.00")


def test_a_crash_mid_write_loses_no_reported_change(store: Store) -> None:
    add(store)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store.data_dir), "100000"], stdout=subprocess.PIPE, text=True)
    reported = 0
    deadline = time.monotonic() + 60
    while reported < 40 and time.monotonic() < deadline:
        if proc.stdout.readline().startswith("done"):
            reported += 1
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of whatever it was doing
    proc.wait()
    ledger = store.load()  # loads: never a half-written file
    assert len(ledger.events) >= reported >= 40
    leftovers = [p.name for p in store.data_dir.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # at most the temporary file the kill interrupted


def test_dump_is_plain_json_with_strings_for_money(store: Store) -> None:
    ledger, _ = add_loan(Ledger(), "Test", make_loan(**LOAN))
    data = json.loads(dump_ledger(ledger))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["loans"][0]["principal"] == "100000" or data["loans"][0]["principal"] == "100000.00"


def test_a_change_that_changes_nothing_writes_nothing(store: Store) -> None:
    add(store)
    before = store.path.stat().st_mtime_ns, store.path.read_bytes()
    assert store.transact(lambda ledger: (ledger, "unchanged")) == "unchanged"
    assert (store.path.stat().st_mtime_ns, store.path.read_bytes()) == before
    assert not store.backup_path.exists()  # no write, so no new backup either
