"""The missed-payment actions as the app calls them: each change one store transaction, stamped with the account's
clock and source and named in the history; the plan, the request, the letter and the credit timeline read the
account's ledger and write nothing to it."""

from __future__ import annotations

import datetime as dt
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.actions import contacts, credit, hardship, loans
from jiebei_tui.actions.account import Account
from jiebei_tui.domain.errors import InputError
from jiebei_tui.store import Store

TODAY = dt.date(2025, 2, 16)
AT = dt.datetime(2025, 2, 16, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
WORKED = {"principal": "10000", "daily_rate": "0.0004", "term": "12", "method": "equal-installment", "start": "2025-01-10"}


@pytest.fixture
def account(tmp_path: Path) -> Account:
    """The seed's case: the worked loan, instalment 1 unpaid, six days late today."""
    store = Store(tmp_path / "data", demo=False, today=TODAY)
    account = Account(store, TODAY, source="app", clock=lambda: AT)
    loans.add_loan(account, "Rent gap", **WORKED)
    return account


def test_the_plan_request_and_letter_write_nothing(account: Account, tmp_path: Path) -> None:
    revision = account.ledger.revision
    way = hardship.way_back(account, "500")
    assert way.plan.months_to_clear == 25 and way.names == {"L1": "Rent gap"}
    request = hardship.request_for(way, None)
    assert request.record.id == "L1" and hardship.option_for(request, None).installment == Decimal("500.00")
    assert hardship.option_for(request, "term").installment == Decimal("488.59")
    out = tmp_path / "private" / "letter.txt"
    letter = hardship.letter(request, "zh", out=out, name="李雷")
    assert letter.path == out and out.read_text() == letter.text and letter.text.startswith("协商还款申请书")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert account.ledger.revision == revision and len(account.ledger.history) == revision
    with pytest.raises(InputError) as caught:
        hardship.letter(request, "en", name="x\x1b[2J")
    assert caught.value.field == "name"
    with pytest.raises(InputError) as caught:
        hardship.option_for(request, "both")
    assert caught.value.field == "ask"


def test_a_restructure_is_one_transaction_named_in_the_history(account: Account) -> None:
    preview = hardship.preview_restructure(account, "L1", "2025-02-16", installment="500", waive_penalty=True)
    assert not preview.applied and account.ledger.events == []
    done = hardship.restructure(account, "L1", "2025-02-16", installment="500", waive_penalty=True)
    assert done.applied and done.event.recorded_at == AT and done.event.source == "app"
    assert done.state.next_due_amount == Decimal("500.00") and done.state.days_overdue == 0
    assert done.preview.total_interest == preview.preview.total_interest == Decimal("1537.98")
    change = account.ledger.history[-1]
    assert (change.action, change.source, change.params["event"], change.params["term"]) == (
        "loans.restructure", "app", "E1", 24)


def test_contacts_and_the_reporting_day_write_only_when_they_change(account: Account, tmp_path: Path) -> None:
    added = contacts.add_contact(account, "L1", "2025-02-15 22:30", "phone", "Collector")
    assert [f.rule for f in added.checked.flags] == ["night"] and added.contact.source == "app"
    assert account.ledger.history[-1].action == "contacts.add"
    assert [c.contact.id for c in contacts.contacts(account, flagged=True)] == ["C1"]
    report = contacts.report(account, "L1", "en", "csv", tmp_path / "r.csv")
    assert report.path is not None and "night" in report.text
    revision = account.ledger.revision
    assert credit.set_report_day(account, "20").changed and account.ledger.revision == revision + 1
    assert not credit.set_report_day(account, "20").changed and account.ledger.revision == revision + 1
    timeline = credit.timeline(account)
    assert timeline.report_day == 20 and timeline.loans[0][1].pay_by == dt.date(2025, 2, 19)
    removed = contacts.remove_contact(account, "C1")
    assert removed.id == "C1" and account.ledger.contacts == []
