"""The Plan section's actions as the app calls them (source "app", a clock): each change one store transaction
named in the history, written only when something changed; reads from the account's ledger, not the file; a plan's
first step and a scenario recorded through the same path as any payment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import loans, payments, plan, scenarios
from jiebei_tui.actions.account import Account
from jiebei_tui.domain.errors import InputError
from tests.test_actions import AT, CountingStore

TODAY = dt.date(2025, 1, 20)
A = {"principal": "10000", "daily_rate": "0.0005", "term": "3", "method": "interest-first", "start": "2025-01-10"}
B = {"principal": "3000", "daily_rate": "0.0003", "term": "3", "method": "equal-principal", "start": "2025-01-15"}


@pytest.fixture
def account(tmp_path: Path) -> Account:
    store = CountingStore(tmp_path / "data", demo=False, today=TODAY)
    account = Account(store, TODAY, source="app", clock=lambda: AT)
    loans.add_loan(account, "A", **A)
    loans.add_loan(account, "B", **B)
    CountingStore.loads = 0
    return account


def test_reads_come_from_the_account_not_the_file(account: Account) -> None:
    view = plan.plan(account, "5000")
    assert (view.chosen, view.option.cost, view.first_step.amount) == ("highest_cost", Decimal("306.01"), Decimal("5000.00"))
    assert plan.plan(account, "5000", order="smallest_balance").first_step.loan_id == "L2"
    plan.months(account, 6)
    plan.goal_seek(account, "L1", finish_by="2025-03-10")
    plan.repayment_day(account, "L2", 20)
    scenarios.compare(account)
    assert CountingStore.loads == 0


def test_apply_first_is_a_payment_like_any_other(account: Account) -> None:
    revision = account.ledger.revision
    view = plan.plan(account, "5000")
    paid = plan.apply_first(account, view)
    e = paid.event
    assert (e.loan_id, e.kind, e.amount, e.date, e.source, e.recorded_at) == ("L1", "prepayment", Decimal("5000.00"), TODAY, "app", AT)
    assert account.ledger.revision == revision + 1
    last = account.ledger.history[-1]
    assert (last.action, last.source, last.params["amount"], last.params["loan"]) == ("plan.apply_first", "app", "5000.00", "L1")
    # exactly what the plan showed: its step's allocation is the recorded payment's
    [row] = payments.payments(account, "L1")
    step = view.first_step.allocation
    assert (row.split.interest, row.split.prepaid) == (step.interest, step.prepaid)
    assert paid.state.principal_outstanding == Decimal("5050.00")


def test_a_first_step_that_is_not_today_is_refused_and_nothing_written(account: Account) -> None:
    revision = account.ledger.revision
    view = plan.plan(account, "100", on="2025-02-01")
    with pytest.raises(InputError) as err:
        plan.apply_first(account, view)
    assert (err.value.field, err.value.rule) == ("apply_first", "plan_first_not_today")
    assert account.ledger.revision == revision


def test_the_payday_is_written_only_when_it_changes(account: Account) -> None:
    revision = account.ledger.revision
    assert plan.set_payday(account, "25").changed
    assert not plan.set_payday(account, "25").changed
    assert account.ledger.revision == revision + 1 and account.ledger.history[-1].action == "settings.payday"
    assert plan.months(account, 2).payday == 25
    assert plan.months(account, 2, payday="off").payday is None


def test_a_scenario_is_one_transaction_each_way(account: Account) -> None:
    change = scenarios.make_change(account, "prepay", loan="L1", amount="1000")
    s = scenarios.add(account, "Both today", change)
    s = scenarios.extend(account, s.id, scenarios.make_change(account, "settle", loan="L2"))
    assert [c.kind for c in s.changes] == ["prepay", "settle"] and s.changes[0].on == TODAY
    preview = scenarios.apply_preview(account, "both today")
    assert [(p.loan_id, p.amount) for p in preview.payments] == [("L1", Decimal("1000.00")), ("L2", Decimal("3004.50"))]
    revision = account.ledger.revision
    done = scenarios.apply(account, "S1")
    assert [e.amount for e in done.events] == [p.amount for p in preview.payments] and not done.kept
    assert account.ledger.revision == revision + 1  # two payments, one transaction
    assert account.ledger.history[-1].action == "scenario.apply" and account.ledger.scenarios == []
    assert {e.source for e in account.ledger.events} == {"app"}


def test_a_monthly_order_is_typed_with_hyphens(account: Account) -> None:
    change = scenarios.make_change(account, "monthly", amount="200", on="2025-02-01", order="lowest-outgo")
    assert change.order == "lowest_outgo"
    with pytest.raises(InputError) as err:
        scenarios.make_change(account, "monthly", amount="200", order="cheapest")
    assert err.value.field == "order" and "highest-cost" in err.value.sentence("en")
