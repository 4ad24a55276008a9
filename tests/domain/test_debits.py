"""Auto-debit, never assumed: an auto-debit loan past a due date is asked about, and "yes" records a repayment
on the due date. Worked example figures (instalment 900.41, due on the 10th)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.debits import DebitQuestion, debits_to_confirm, record_debit
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan, set_auto_debit
from jiebei_tui.domain.replay import loan_state, record_event
from jiebei_tui.domain.terms import make_loan

D1, D2 = dt.date(2025, 2, 10), dt.date(2025, 3, 10)
AT = dt.datetime(2025, 3, 15, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def book() -> tuple[Ledger, str]:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    ledger, lid = add_loan(Ledger(), "Worked", loan)
    return set_auto_debit(ledger, lid, True, "余额宝"), lid


def test_an_unconfirmed_debit_is_asked_about_oldest_first(book) -> None:
    ledger, lid = book
    assert debits_to_confirm(ledger, D1) == []  # due today: not past yet
    today = dt.date(2025, 3, 15)
    assert debits_to_confirm(ledger, today) == [DebitQuestion(lid, "Worked", 1, D1, D("900.41"), "余额宝")]
    ledger, event = record_debit(ledger, lid, today, 1, recorded_at=AT, source="app")
    assert (event.date, event.amount, event.auto_debit, event.source) == (D1, D("900.41"), True, "app")
    assert loan_state(ledger, lid, D1 + dt.timedelta(days=1)).days_overdue == 0  # no penalty: paid on time
    # then instalment 2 (900.41: paid on time, instalment 1 left the plan as it was)
    assert debits_to_confirm(ledger, today) == [DebitQuestion(lid, "Worked", 2, D2, D("900.41"), "余额宝")]


def test_a_partial_payment_leaves_the_rest_to_debit(book) -> None:
    ledger, lid = book
    ledger, _ = record_event(ledger, lid, "repayment", D1, D("400.41"), D1)
    [question] = debits_to_confirm(ledger, D1 + dt.timedelta(days=3))
    assert question.amount == D("500.00")


def test_debit_refusals(book) -> None:
    ledger, lid = book
    today = dt.date(2025, 3, 15)
    with pytest.raises(InputError) as err:
        record_debit(ledger, lid, today, 2)
    assert err.value.rule == "debit_installment" and "instalment 1" in str(err.value)
    with pytest.raises(InputError) as err:
        record_debit(ledger, lid, D1)
    assert err.value.rule == "debit_none"
    off = set_auto_debit(ledger, lid, False)
    assert debits_to_confirm(off, today) == []
    with pytest.raises(InputError) as err:
        record_debit(off, lid, today)
    assert err.value.rule == "auto_debit_off"
