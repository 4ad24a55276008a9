"""The months ahead (domain/months.py) and the payday setting: a 12-month outgo table worked by hand.

Today 2025-03-01. Loans: domain.md's worked loan (W: instalment 1 paid 02-10; 900.41 on the 10th, the last
900.42 on 2026-01-10) and B: 3,000.00 at 0.03%/day, equal principal over 3 months, drawn 2025-01-25 (due the
25th), nothing paid: instalment 1 (1,000.00 + 3,000 × 0.0003 × 31 = 27.90) is 4 days overdue today, with penalty
at 0.045%/day: 1,000 × 0.00045 × 4 = 1.80 and 27.90 × 0.00045 × 4 = 0.05022 → 0.05: 1,029.75 clears it today.
Then B's instalment 2 (03-25): 1,000 + 2,000 × 0.0003 × 28 = 1,016.80; instalment 3 (04-25): 1,000 + 9.30.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, Settings, add_loan
from jiebei_tui.domain.months import months_ahead, parse_payday, set_payday
from jiebei_tui.domain.terms import make_loan
from tests.domain.plan_ledgers import worked_loan

TODAY = dt.date(2025, 3, 1)


def book() -> Ledger:
    ledger = worked_loan()
    ledger, _ = add_loan(ledger, "B", make_loan(principal="3000", daily_rate="0.0003", term=3, method="equal-principal", start="2025-01-25"))
    return ledger


def test_twelve_months_of_outgo() -> None:
    months = months_ahead(set_payday(book(), 15), TODAY, 12)
    table = [(m.month.strftime("%Y-%m"), m.total) for m in months]
    w = D("900.41")
    assert table == [
        ("2025-03", D("1029.75") + w + D("1016.80")),
        ("2025-04", w + D("1009.30")),
        *[(f"2025-{m:02d}", w) for m in range(5, 13)],
        ("2026-01", D("900.42")),
        ("2026-02", D("0.00")),
    ]
    march = months[0]
    assert [(i.loan_id, i.due_date, i.amount, i.installment, i.overdue) for i in march.items] == [
        ("L2", TODAY, D("1029.75"), None, True),
        ("L1", dt.date(2025, 3, 10), w, 2, False),
        ("L2", dt.date(2025, 3, 25), D("1016.80"), 2, False),
    ]
    assert [i.name for i in march.items] == ["B", "Worked", "B"]
    # payday the 15th: what falls due before it must be in place first
    assert march.payday == dt.date(2025, 3, 15)
    assert [i.before_payday for i in march.items] == [True, True, False]
    assert march.before_payday == D("1029.75") + w
    assert [i.before_payday for i in months[1].items] == [True, False]


def test_payday_on_the_31st_is_a_short_months_last_day() -> None:
    months = months_ahead(book(), TODAY, 3, payday=31)
    assert [m.payday for m in months] == [dt.date(2025, 3, 31), dt.date(2025, 4, 30), dt.date(2025, 5, 31)]
    assert all(i.before_payday for m in months for i in m.items)


def test_without_a_payday_nothing_is_flagged() -> None:
    months = months_ahead(book(), TODAY, 2)
    assert all(m.payday is None and not any(i.before_payday for i in m.items) for m in months)


@pytest.mark.parametrize("count", [0, 121, "x", -1])
def test_month_count_is_bounded(count) -> None:
    with pytest.raises(InputError) as err:
        months_ahead(book(), TODAY, count)
    assert (err.value.field, err.value.rule) == ("count", "months_count")


@pytest.mark.parametrize(("typed", "day"), [("15", 15), ("１", 1), (31, 31), ("none", None), ("", None), ("off", None), (None, None)])
def test_payday_as_typed(typed, day) -> None:
    assert parse_payday(typed) == day


@pytest.mark.parametrize("typed", ["0", "32", "1.5", "monday"])
def test_bad_paydays_are_refused(typed) -> None:
    with pytest.raises(InputError) as err:
        parse_payday(typed)
    assert (err.value.field, err.value.rule) == ("payday", "payday")


def test_the_payday_setting_is_saved_only_when_it_changes_and_old_files_load() -> None:
    ledger = book()
    assert set_payday(ledger, "none") is ledger
    changed = set_payday(ledger, "25")
    assert changed.settings.payday == 25 and set_payday(changed, 25) is changed
    assert "payday" not in ledger.settings.model_dump_json()  # left out while unset: older files look the same
    assert Settings.model_validate({"lang": "en"}).payday is None
    assert Ledger.model_validate_json(changed.model_dump_json()).settings.payday == 25
