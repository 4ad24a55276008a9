"""The actions layer as the app will call it: the account read once and replaced by what a change returns, writes
only when something changed, every new entry stamped with the account's clock and source, and actions called
from several threads at once all landing."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import facts, history, loans, payments, preferences, reminders, repay, terms
from jiebei_tui.actions.account import Account, open_account
from jiebei_tui.domain.errors import InputError
from jiebei_tui.store import Store

D = dt.date
AT = dt.datetime(2025, 2, 10, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
WORKED = {"principal": "10000", "daily_rate": "0.0004", "term": "12", "method": "equal-installment", "start": "2025-01-10"}


class CountingStore(Store):
    """A store that counts how often the ledger file is read."""

    loads = 0

    def load(self):
        CountingStore.loads += 1
        return super().load()


@pytest.fixture
def account(tmp_path: Path) -> Account:
    CountingStore.loads = 0
    store = CountingStore(tmp_path / "data", demo=False, today=D(2025, 2, 10))
    return Account(store, D(2025, 2, 10), source="app", clock=lambda: AT)


def test_the_ledger_is_read_once_and_replaced_by_what_a_change_returns(account: Account) -> None:
    added = loans.add_loan(account, "Phone", **WORKED)
    assert CountingStore.loads == 0  # a change reads inside its transaction; nobody reads the file after it
    assert added.record.id == "L1" and added.state.next_due_amount == Decimal("900.41")
    paid = payments.pay(account, "L1", "900.41")
    assert paid.state.installments[0].status == "paid"
    assert facts.status(account).states[0].principal_outstanding == Decimal("9223.59")
    assert CountingStore.loads == 0
    assert account.ledger.revision == 2
    assert not account.refresh()  # the file is as the account last wrote it


def test_a_change_by_another_program_is_read_on_refresh(account: Account, tmp_path: Path) -> None:
    loans.add_loan(account, "Phone", **WORKED)
    other = open_account(tmp_path / "data", today=D(2025, 2, 10), demo=False)
    payments.pay(other, "L1", "900.41")
    assert account.changed_underneath()
    assert account.refresh() and account.ledger.revision == 2
    assert account.state("L1").installments[0].status == "paid"


def test_new_entries_record_the_accounts_clock_and_source(account: Account) -> None:
    loans.add_loan(account, "Phone", **WORKED, paid_through=1)
    [event] = account.ledger.events
    assert (event.recorded_at, event.source) == (AT, "app")
    [change] = account.ledger.history
    assert (change.at, change.source, change.action, change.params["paid_through"]) == (AT, "app", "loans.add", 1)


def test_a_change_that_changes_nothing_writes_nothing(account: Account) -> None:
    loans.add_loan(account, "Phone", **WORKED)
    path = account.path
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert loans.set_auto_debit(account, "L1", False).changed is False
    assert loans.rename_loan(account, "L1", "  Phone ").changed is False
    assert terms.set_terms(account, "L1", grace_days="0").changed is True  # an override equal to the default is still its own
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert terms.set_terms(account, "L1", grace_days="0").changed is False
    assert reminders.change_settings(account, quiet="22:00-08:00").changed is False
    assert preferences.save_preferences(account, lang=None) is False
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_the_one_rule_for_the_amount_to_pay_now(account: Account) -> None:
    """Worked example: on the due date 900.41; five days before, 104.00 + 776.41 = 880.41; six days late, the
    overdue 903.66; paid off, nothing."""
    loans.add_loan(account, "Phone", **WORKED)
    assert facts.due_now(account.state("L1")).amount == Decimal("900.41")
    account.today = D(2025, 2, 5)
    due = facts.due_now(account.state("L1"))
    assert (due.amount, due.covers, due.date, due.shown, due.badge) == (
        Decimal("880.41"), (1,), D(2025, 2, 10), Decimal("900.41"), "on_track")
    account.today = D(2025, 2, 16)
    due = facts.due_now(account.state("L1"))
    assert (due.amount, due.covers, due.date, due.badge) == (Decimal("903.66"), (1,), D(2025, 2, 10), "overdue")
    assert facts.behind_since(account.state("L1")) == D(2025, 2, 10)
    account.today = D(2025, 2, 8)
    assert facts.badge(account.state("L1")) == "due_soon"  # within urgency.DUE_SOON_DAYS


def test_prepay_options_side_by_side_and_settle_apply(account: Account) -> None:
    loans.add_loan(account, "Phone", **WORKED)
    payments.pay(account, "L1", "900.41")
    account.today = D(2025, 2, 25)
    options = repay.prepay_options(account, "L1", "3000", not_past=True)
    assert options.reduce_term.new_balance == options.reduce_installment.new_balance == Decimal("6278.93")
    assert options.better is not None
    with pytest.raises(InputError) as refused:
        repay.prepay_options(account, "L1", "3000", D(2025, 2, 24), not_past=True)
    assert refused.value.field == "on"
    timing = repay.pay_today_or_later(account, "L1")
    assert timing.settle_today == Decimal("9278.93") and timing.pay_on_due_date == Decimal("900.41")
    settled = repay.settle(account, "L1")
    assert settled.result.payoff == Decimal("9278.93") and settled.paid.state.paid_off


def test_undo_hands_back_the_ledger_it_wrote(account: Account) -> None:
    loans.add_loan(account, "Phone", **WORKED)
    payments.pay(account, "L1", "900.41")
    CountingStore.loads = 0
    done = history.undo(account)
    assert done.change.action == "pay"
    assert account.ledger.events == [] and CountingStore.loads == 0


def test_actions_from_several_threads_all_land(account: Account) -> None:
    """The app calls actions from Textual thread workers: ten payments at once through one account."""
    loans.add_loan(account, "Phone", **WORKED)
    errors: list[BaseException] = []

    def pay() -> None:
        try:
            payments.pay(account, "L1", "10.00")
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=pay) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert account.ledger.revision == 11  # the newest ledger is the one held, whichever thread finished last
    assert len(account.ledger.events) == 10
    assert sorted(e.id for e in account.ledger.events) == sorted(f"E{n}" for n in range(1, 11))
    assert account.state("L1").total_paid == Decimal("100.00")
