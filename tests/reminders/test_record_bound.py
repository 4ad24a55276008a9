"""The ledger does not grow with time alone: a year of daily reminder runs over 100 overdue loans leaves the file
within 1.2× the size it had before any reminder ran; a file from before (one `sent` entry per occurrence)
migrates to the bounded record on its next write."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from jiebei_tui.delivery.reminders import run
from jiebei_tui.domain.ledger import add_loan
from jiebei_tui.domain.reminder_settings import ReminderSettings
from jiebei_tui.domain.terms import make_loan
from jiebei_tui.store import Store

SH = ZoneInfo("Asia/Shanghai")
START = dt.date(2025, 1, 10)  # every loan drawn then, none ever paid: overdue from 10 Feb, more each month


def hundred_loans(ledger):
    for i in range(100):
        loan = make_loan(principal=str(1000 + 37 * i), daily_rate="0.0004", term=3, method="equal-installment",
                         start=START.isoformat())
        ledger, _ = add_loan(ledger, f"Loan {i}", loan)
    reminders = ReminderSettings(timezone="Asia/Shanghai", desktop=False)
    return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"reminders": reminders})}), None


def test_a_year_of_daily_runs_over_100_overdue_loans_keeps_the_file_small(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # durability is not what this test measures
    store = Store(tmp_path / "data", demo=False, today=START)
    store.transact(hundred_loans)
    without = store.path.stat().st_size
    sizes, delivered, missed = [], 0, 0
    for k in range(365):  # one run a day at noon, fixed clock, 11 Feb 2025 to 10 Feb 2026
        day = dt.date(2025, 2, 11) + dt.timedelta(days=k)
        claimed, report = run(store, day, dt.datetime.combine(day, dt.time(12), tzinfo=SH), "en")
        delivered += len(claimed.deliver)
        missed += claimed.missed
        sizes.append(store.path.stat().st_size)
    # per loan, due 10 Feb, 10 Mar, 10 Apr, a run a day at noon delivers one reminder of what is owed now (the
    # D+1 of every late instalment at 10:00, and a D0 at 09:00, fold into it: 365 runs), and the D−3 (09:00) of
    # instalments 2 and 3 on their own. Counted, not sent: the D−1 (20:00, the evening before) of instalments 2
    # and 3, due on an earlier day than the run that finds them; and instalment 1's D−1 and D0 in the first
    # run's 3-day window (its D−3 on 7 Feb is older than the window and not looked at: the loans are new)
    assert delivered == 100 * (365 + 2) and missed == 100 * (2 + 2)
    assert max(sizes) <= 1.2 * without, (without, max(sizes))
    assert max(sizes[7:]) - min(sizes[7:]) < 40  # not growing at all: the same few fields rewritten
    record = json.loads(store.path.read_text())["settings"]["reminders"]
    assert record["in_flight"] == [] and record["last_run"] == "2026-02-10T12:00:00+08:00"


def test_a_file_from_before_migrates_to_the_bounded_record(tmp_path: Path) -> None:
    """Today's files keep `sent: {id: time}`, one entry per reminder and day, and `ics_versions`: the next write
    replaces them with the high-water mark, and nothing that was sent is sent again."""
    store = Store(tmp_path / "data", demo=False, today=START)
    store.transact(hundred_loans)
    data = json.loads(store.path.read_text())
    reminders = data["settings"]["reminders"]
    for name in ("last_run_loan", "in_flight"):
        del reminders[name]
    reminders["last_run"] = "2025-03-01T12:00:00+08:00"
    reminders["sent"] = {f"R4:L{n}:1:2025-02-{d:02d}": f"2025-02-{d:02d}T10:00:00+08:00" for n in range(1, 101) for d in range(11, 29)}
    reminders["sent"].update({f"R4:L{n}:1:2025-03-01": "2025-03-01T10:00:00+08:00" for n in range(1, 101)})
    reminders["ics_versions"] = {f"jiebei-L{n}-1@jiebei-tui": "0:abc" for n in range(1, 101)}
    data["schema_version"] = 2
    store.path.write_text(json.dumps(data, indent=2))
    big = store.path.stat().st_size
    # an hour later: nothing new (the 1 March 10:00 reminders went before the mark)
    claimed, _ = run(store, dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 13, tzinfo=SH), "en")
    assert claimed.deliver == [] and claimed.missed == 0
    # the next morning, each loan's overdue instalment reminds once more (the record is rewritten, bounded)
    claimed, _ = run(store, dt.date(2025, 3, 2), dt.datetime(2025, 3, 2, 12, tzinfo=SH), "en")
    assert len(claimed.deliver) == 100 and {o.fire_at for o in claimed.deliver} == {dt.datetime(2025, 3, 2, 10, tzinfo=SH)}
    record = json.loads(store.path.read_text())["settings"]["reminders"]
    assert "sent" not in record and "ics_versions" not in record and record["last_run_loan"] == 100
    assert store.path.stat().st_size < big / 4  # 150 KB of entries gone


@pytest.mark.parametrize("bad", [{"last_run": "2025-03-01T12:00:00"}, {"in_flight": [{"token": "x"}]}])
def test_a_hand_broken_record_is_named(tmp_path: Path, bad: dict) -> None:
    from jiebei_tui.store import LedgerFileError

    store = Store(tmp_path / "data", demo=False, today=START)
    store.transact(hundred_loans)
    data = json.loads(store.path.read_text())
    data["settings"]["reminders"].update(bad)
    store.path.write_text(json.dumps(data))
    with pytest.raises(LedgerFileError) as err:
        store.load()
    assert "settings.reminders" in str(err.value)
