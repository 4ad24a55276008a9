"""Undo: every change is described in the ledger (action, parameters, source, time, revisions); `undo` puts the
ledger back as it was before the last change not yet undone, again and again as far as the backups reach, and
says what it undid."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.domain import history as history_module
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.replay import record_event
from jiebei_tui.domain.terms import make_loan
from jiebei_tui.store import Store, UndoRefused
from tests.conftest import EI

TODAY = dt.date(2025, 3, 1)
ADD = ["loans", "add", "--name", "Phone", *EI]
LOAN = dict(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def content(path: Path) -> dict:
    """What a ledger holds, without its own bookkeeping (revision, history, the ids issued so far, which an undo
    keeps so that no id is given out twice, and the seal of it all)."""
    data = json.loads(path.read_text())
    return {k: v for k, v in data.items() if k not in ("revision", "history", "ids_issued", "seal")}


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())
            if p.is_file() and p.name != "ledger.json.lock"}


def test_every_change_is_recorded_with_what_where_when_and_revisions(tmp_path: Path) -> None:
    moments = iter(dt.datetime(2025, 3, 1, 10, m, tzinfo=dt.timezone(dt.timedelta(hours=8))) for m in range(60))
    store = Store(tmp_path / "data", demo=False, today=TODAY, source="app", clock=lambda: next(moments))
    loan_id = store.transact(lambda ledger: add_loan(ledger, "Phone", make_loan(**LOAN)), action="loans.add",
                             params=lambda new_id: {"id": new_id, "name": "Phone"})
    store.transact(lambda ledger: record_event(ledger, loan_id, "repayment", TODAY, Decimal("12.5"), TODAY),
                   action="pay", params=lambda event: {"event": event.id, "amount": event.amount, "date": event.date},
                   source="cli")
    store.transact(lambda ledger: (ledger.model_copy(update={"demo": True}), None))  # today's callers: defaults
    ledger = store.load()
    assert ledger.revision == 3
    assert [(c.revision, c.before, c.action, c.source) for c in ledger.history] == [
        (1, None, "loans.add", "app"), (2, 1, "pay", "cli"), (3, 2, "change", "app")]
    assert ledger.history[0].params == {"id": "L1", "name": "Phone"}
    assert ledger.history[1].params == {"event": "E1", "amount": "12.50", "date": "2025-03-01"}
    assert ledger.history[1].at == dt.datetime(2025, 3, 1, 10, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def test_the_history_is_bounded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(history_module, "HISTORY_MAX", 4)
    store = Store(tmp_path / "data", demo=False, today=TODAY)
    store.transact(lambda ledger: add_loan(ledger, "Phone", make_loan(**LOAN)))
    for n in range(7):
        store.transact(lambda ledger: record_event(ledger, "L1", "repayment", TODAY, Decimal(1), TODAY))
    ledger = store.load()
    assert [c.revision for c in ledger.history] == [5, 6, 7, 8] and ledger.revision == 8


def test_undo_goes_back_one_change_at_a_time_and_says_which(cli, data_dir: Path) -> None:
    path = data_dir / "ledger.json"
    steps = []
    for command in (ADD, ["pay", "L1", "--amount", "900.41", "--on", "2025-02-10"],
                    ["loans", "rename", "L1", "--name", "Old phone"], ["terms", "set", "--grace-days", "3"]):
        assert cli(*command).code == 0
        steps.append(content(path))
    said = [
        "Undid the change of contract terms, made ",
        "Undid renaming loan L1 to Old phone, made ",
        "Undid the repayment E1 of ¥900.41 on 2025-02-10 for L1, made ",
        "Undid adding loan L1 (Phone), made ",
    ]
    for n, words in enumerate(said, start=1):
        result = cli("undo")
        assert result.code == 0 and result.out.startswith(words), result.out
        assert "from the command line" in result.out and f"(now revision {4 + n})" in result.out
        if n < 4:
            assert content(path) == steps[-1 - n]
    assert cli("loans", "list", "--json").json()["loans"] == []
    before = folder_state(data_dir)
    nothing = cli("undo")
    assert nothing.code == 0 and nothing.out.strip() == "Nothing to undo: the ledger has no recorded change left to undo."
    assert folder_state(data_dir) == before


def test_undoing_the_change_that_wrote_the_demo_brings_the_demo_back(cli, data_dir: Path) -> None:
    # The demo is not written until something changes; undoing that first change wrote an empty ledger, so the
    # demo was gone for good (and a second undo "undid" a repayment of a loan no longer there).
    shown = cli("status", "--json", demo=True).json()["loans"]
    assert [loan["id"] for loan in shown] == ["L1", "L2", "L3"]
    assert cli("pay", "L3", "--amount", "100", demo=True).code == 0
    result = cli("undo", demo=True)
    assert result.code == 0 and result.out.startswith("Undid the repayment"), result.out
    data = content(data_dir / "ledger.json")
    assert data["demo"] is True and [loan["id"] for loan in data["loans"]] == ["L1", "L2", "L3"]
    assert cli("status", "--json", demo=True).json()["loans"] == shown  # as before the repayment, to the fen
    assert cli("undo", demo=True).out.startswith("Nothing to undo")


def test_an_undo_is_recorded_and_can_be_followed_by_new_changes(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    assert cli("pay", "L1", "--amount", "10", "--on", "2025-02-10").code == 0
    assert cli("undo").code == 0
    history = json.loads((data_dir / "ledger.json").read_text())["history"]
    assert history[-1]["action"] == "undo" and history[-1]["undid"]["action"] == "pay"
    assert history[-1]["before"] == 2 and history[-1]["revision"] == 3
    assert cli("pay", "L1", "--amount", "20", "--on", "2025-02-11").code == 0
    events = json.loads((data_dir / "ledger.json").read_text())["events"]
    assert [(e["id"], e["amount"]) for e in events] == [("E2", "20.00")]  # E1 is not given out again
    assert cli("undo").out.startswith("Undid the repayment E2 of ¥20.00")
    assert cli("undo").out.startswith("Undid adding loan L1")  # the undone payment stays undone


def test_undo_reaches_back_as_far_as_the_backups(cli, data_dir: Path) -> None:
    """12 changes, 10 backups: the 10 changes before the last can be undone one by one; then the version
    needed is gone, which is said, and nothing changes."""
    path = data_dir / "ledger.json"
    assert cli(*ADD).code == 0
    contents = [content(path)]
    for n in range(11):
        assert cli("pay", "L1", "--amount", str(n + 1), "--on", "2025-02-10").code == 0
        contents.append(content(path))
    for n in range(1, 11):
        result = cli("undo")
        assert result.code == 0, result.out
        assert content(path) == contents[-1 - n]
    before = folder_state(data_dir)
    beyond = cli("undo")
    assert beyond.code == 3
    assert beyond.out.strip() == ("Cannot undo the repayment E1 of ¥1.00 on 2025-02-10 for L1: the version before it "
                                  "(revision 1) is no longer among the backups (`jiebei-tui recover --list`). "
                                  "Nothing was changed.")
    assert folder_state(data_dir) == before
    assert len(list(data_dir.glob("ledger.json.bak.*"))) == 10


def test_undo_of_a_restore_brings_back_the_ledger_it_replaced(cli, data_dir: Path) -> None:
    path = data_dir / "ledger.json"
    assert cli(*ADD).code == 0
    assert cli("pay", "L1", "--amount", "10", "--on", "2025-02-10").code == 0
    latest = content(path)
    assert cli("recover", "--from-backup", "1", "--force").code == 0
    assert content(path)["events"] == []
    result = cli("undo")
    assert result.code == 0 and result.out.startswith("Undid restoring backup 1 (revision 1)")
    assert content(path) == latest


def test_a_restore_over_an_unreadable_file_cannot_be_undone(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    assert cli("pay", "L1", "--amount", "10", "--on", "2025-02-10").code == 0
    (data_dir / "ledger.json").write_text("{")
    assert cli("recover", "--from-backup").code == 0
    before = folder_state(data_dir)
    result = cli("undo")
    assert result.code == 3 and "the ledger before it could not be read" in result.out
    assert folder_state(data_dir) == before


def test_undo_json(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    result = cli("undo", "--json").json()
    assert result["undone"]["action"] == "loans.add" and result["undone"]["params"] == {"id": "L1", "name": "Phone"}
    assert result["undone"]["source"] == "cli" and result["restored_revision"] is None and result["revision"] == 2
    nothing = cli("undo", "--json").json()
    assert nothing["undone"] is None and "Nothing to undo" in nothing["reason"]


def test_a_ledger_from_before_history_has_nothing_to_undo(cli, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "ledger.json").write_text(json.dumps({"schema_version": 2, "loans": [], "events": []}))
    (data_dir / "ledger.json.bak").write_text(json.dumps({"schema_version": 2, "loans": [], "events": []}))
    result = cli("undo")
    assert result.code == 0 and result.out.startswith("Nothing to undo")


def test_undo_in_chinese(cli, data_dir: Path) -> None:
    assert cli(*ADD).code == 0
    result = cli("undo", lang="zh")
    assert result.code == 0 and result.out.startswith("已撤销添加借款 L1（Phone）") and "命令行" in result.out


def test_store_undo_returns_what_it_undid(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", demo=False, today=TODAY)
    with pytest.raises(UndoRefused) as refused:
        store.undo()
    assert refused.value.key == "undo.nothing" and refused.value.exit_code == 0
    store.transact(lambda ledger: add_loan(ledger, "Phone", make_loan(**LOAN)), action="loans.add")
    store.transact(lambda ledger: record_event(ledger, "L1", "repayment", TODAY, Decimal(5), TODAY), action="pay")
    done = store.undo(source="app")
    assert (done.change.action, done.change.revision, done.restored, done.revision) == ("pay", 2, 1, 3)
    assert store.load().history[-1].source == "app" and store.load().events == []
    assert isinstance(store.load(), Ledger)


def test_reminder_bookkeeping_is_no_change_and_an_undo_keeps_what_was_delivered(tmp_path: Path) -> None:
    """A reminder run records what it delivered: that is the program's own record, not the borrower's change.
    It makes no revision, no history entry and no backup; an undo of the borrower's last change keeps it, so
    nothing is delivered twice."""
    from jiebei_tui.delivery.reminders import run

    folder = tmp_path / "data"
    store = Store(folder, demo=False, today=TODAY)
    store.transact(lambda ledger: add_loan(ledger, "Phone", make_loan(**LOAN)), action="loans.add")
    store.transact(lambda ledger: (ledger.model_copy(update={"settings": ledger.settings.model_copy(
        update={"reminders": ledger.settings.reminders.model_copy(update={"desktop": False})})}), None),
        action="remind.set")
    before = store.load()
    backups = sorted(p.name for p in folder.glob("ledger.json.bak.*"))
    tz = dt.timezone(dt.timedelta(hours=8))
    claimed, _ = run(store, dt.date(2025, 2, 9), dt.datetime(2025, 2, 9, 21, 0, tzinfo=tz), "en", stdout=False)
    assert claimed.deliver  # D-1 and D-3 for the first instalment (due 2025-02-10)
    after = store.load()
    assert (after.revision, after.history) == (before.revision, before.history)
    assert after.settings.reminders.last_run is not None
    assert sorted(p.name for p in folder.glob("ledger.json.bak.*")) == backups
    store.undo()  # undoes "remind.set", not the run
    undone = store.load()
    assert undone.settings.reminders.desktop is True
    assert undone.settings.reminders.last_run == after.settings.reminders.last_run
    again, _ = run(store, dt.date(2025, 2, 9), dt.datetime(2025, 2, 9, 21, 0, tzinfo=tz), "en", stdout=False)
    assert again.deliver == [] and again.missed == 0


def test_a_language_or_theme_choice_is_no_change_to_undo_and_an_undo_keeps_it(cli, data_dir: Path) -> None:
    """u undoes the last change to the loans, not a language switch (after one, undo once crashed on the
    preference's own "lang" value and nothing older could be undone); the choice survives the undo."""
    from jiebei_tui.actions.account import open_account
    from jiebei_tui.actions.preferences import save_preferences

    assert cli(*ADD).code == 0
    assert cli("pay", "L1", "--amount", "900.41", "--on", "2025-02-10").code == 0
    account = open_account(data_dir, today=TODAY, source="app")
    revision = account.ledger.revision
    backups = sorted(p.name for p in data_dir.glob("ledger.json.bak.*"))
    assert save_preferences(account, lang="zh", theme="nord") is True
    saved = json.loads((data_dir / "ledger.json").read_text())
    assert saved["settings"]["lang"] == "zh" and saved["revision"] == revision  # no revision, no history entry
    assert sorted(p.name for p in data_dir.glob("ledger.json.bak.*")) == backups  # and no backup generation
    result = cli("undo")
    assert result.code == 0 and result.out.startswith("Undid the repayment E1 of ¥900.41 on 2025-02-10 for L1")
    kept = json.loads((data_dir / "ledger.json").read_text())
    assert kept["settings"]["lang"] == "zh" and kept["settings"]["theme"] == "nord" and kept["events"] == []


def test_an_older_file_s_preference_entries_are_passed_over_by_undo(cli, data_dir: Path) -> None:
    """Files written before kept a language switch as a history entry, with a parameter called "lang"."""
    assert cli(*ADD).code == 0
    path = data_dir / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["lang"] = "zh"
    data["history"].append({"revision": data["revision"] + 1, "before": data["revision"], "action": "settings.set",
                            "params": {"lang": "zh"}, "source": "app", "at": "2025-03-01T10:00:00+08:00"})
    data["revision"] += 1
    (data_dir / "ledger.json.bak.1").write_text(path.read_text())  # the version before it, as the store keeps
    path.write_text(json.dumps(data))
    result = cli("undo", lang="zh")
    assert result.code == 0 and result.out.startswith("已撤销"), result.err
    assert "添加借款 L1" in result.out  # the loan added, not the language switch
    assert json.loads(path.read_text())["loans"] == [] and json.loads(path.read_text())["settings"]["lang"] == "zh"
