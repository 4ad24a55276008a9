"""The credit-record timeline (illustrative), on domain.md's worked loan: instalment 1 (776.41 + 124.00) due
2025-02-10 and unpaid, today 2025-02-16; instalment 2 (797.11 + 103.30) due 2025-03-10. Penalty 0.06%/day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.credit_record import (
    STATUS_CODES,
    add_years,
    credit_outlook,
    next_report_date,
    parse_report_day,
    set_credit_report_day,
    status_code,
)
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.replay import loan_state, record_event
from jiebei_tui.domain.restructure import restructure_loan
from jiebei_tui.domain.terms import make_loan
from tests.domain.hand import half_up
from tests.domain.test_account_properties import FAR

TODAY = dt.date(2025, 2, 16)
WORKED = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def seed(report_day: object = None) -> Ledger:
    book, _ = add_loan(Ledger(), "Rent gap", WORKED)
    return set_credit_report_day(book, report_day)


def penalty(principal: str, interest: str, days: int) -> D:
    rate = D("0.0006")
    return half_up(D(principal) * rate * days) + half_up(D(interest) * rate * days)


def test_reporting_day_unknown_says_pay_today() -> None:
    o = credit_outlook(seed(), "L1", TODAY)
    assert (o.report_day, o.next_report, o.next_shows, o.past) == (None, None, None, ())
    assert (o.pay_by, o.pay_amount, o.due_by) == (TODAY, D("903.66"), dt.date(2025, 3, 10))
    [episode] = o.episodes
    assert (episode.start, episode.end, episode.days, episode.installments) == (dt.date(2025, 2, 11), None, 6, (1,))
    assert episode.kept_until is None and o.kept_until_if_paid_by == dt.date(2030, 2, 16) and o.illustrative
    # to be current again after 03-10, nothing paid before: instalment 1 with 28 days' penalty (02-11 … 03-10:
    # 776.41 × 0.06% × 28 = 13.04, 124.00 × 0.06% × 28 = 2.08) and instalment 2 (797.11 + 103.30 = 900.41)
    assert o.due_amount == D("900.41") + penalty("776.41", "124.00", 28) + D("900.41") == D("1815.94")


def test_reported_on_the_20th_pay_by_the_19th() -> None:
    o = credit_outlook(seed(20), "L1", TODAY)
    assert o.next_report == dt.date(2025, 2, 20)
    # on the 20th, nothing more paid: 10 days late, 900.41 + 776.41 × 0.06% × 10 (4.66) + 124.00 × 0.06% × 10 (0.74)
    shows = o.next_shows
    assert (shows.days_overdue, shows.stage, shows.code) == (10, "M1", "1")
    assert shows.amount_overdue == D("900.41") + penalty("776.41", "124.00", 10) == D("905.81")
    # paid on the 19th (9 days late) it does not show: 900.41 + 4.19 + 0.67
    assert (o.pay_by, o.pay_amount) == (dt.date(2025, 2, 19), D("900.41") + penalty("776.41", "124.00", 9))
    assert o.pay_amount == D("905.27") and o.due_by is None and not o.reported
    assert o.kept_until_if_paid_by == dt.date(2030, 2, 19)


def test_reported_on_the_14th_it_already_showed() -> None:
    o = credit_outlook(seed(14), "L1", TODAY)
    assert [(p.on, p.days_overdue, p.code) for p in o.past] == [(dt.date(2025, 1, 14), 0, "N"), (dt.date(2025, 2, 14), 4, "1")]
    assert o.reported and o.episodes[0].reported_on == (dt.date(2025, 2, 14),)
    # next, 2025-03-14: instalment 1 is 32 days late (M2, code 2) and instalment 2 four days
    assert (o.next_report, o.next_shows.days_overdue, o.next_shows.stage, o.next_shows.code) == (
        dt.date(2025, 3, 14), 32, "M2", "2",
    )
    # to show clean then: both cleared by 03-13: instalment 1 31 days late, instalment 2 three days
    by_hand = D("900.41") + penalty("776.41", "124.00", 31) + D("900.41") + penalty("797.11", "103.30", 3)
    assert (o.pay_by, o.pay_amount) == (dt.date(2025, 3, 13), by_hand) and by_hand == D("1819.19")
    assert o.due_by == dt.date(2025, 3, 10)  # overdue on no day at all: instalment 2 by its due date


def test_an_episode_ends_when_it_is_cleared_and_is_kept_five_years() -> None:
    book = seed(14)
    paid, _ = record_event(book, "L1", "repayment", TODAY, D("903.66"), FAR)
    o = credit_outlook(paid, "L1", TODAY)
    [episode] = o.episodes
    assert (episode.start, episode.end, episode.days) == (dt.date(2025, 2, 11), TODAY, 6)
    assert episode.reported_on == (dt.date(2025, 2, 14),) and episode.kept_until == dt.date(2030, 2, 16)
    assert not o.overdue_now
    assert o.next_shows.code == "1"  # nothing more paid: instalment 2 (due 03-10) is four days late on 03-14
    # so: instalment 2 by its due date (never overdue), or by 03-13 with three days' penalty (not reported)
    assert o.due_by == dt.date(2025, 3, 10)
    assert o.due_amount == D("797.11") + D("103.30") == D("900.41")  # instalment 2 on its due date, no penalty
    assert (o.pay_by, o.pay_amount) == (dt.date(2025, 3, 13), D("900.41") + penalty("797.11", "103.30", 3))
    # reported on the 20th instead: cleared before any report, nothing was reported
    clean = credit_outlook(set_credit_report_day(paid, 20), "L1", TODAY)
    assert clean.episodes[0].reported_on == () and not clean.reported
    assert clean.next_shows.code == "N" and clean.pay_by is None and clean.due_by is None
    assert clean.due_amount == D("0")


def test_a_restructure_ends_the_episode_and_a_payoff_closes_the_record() -> None:
    agreed, _ = restructure_loan(seed(14), "L1", on=TODAY, today=TODAY, term=12, waive_penalty=True)
    o = credit_outlook(agreed, "L1", TODAY)
    assert [(e.start, e.end) for e in o.episodes] == [(dt.date(2025, 2, 11), TODAY)] and not o.overdue_now
    payoff = loan_state(agreed, "L1", dt.date(2025, 2, 20)).payoff
    closed, _ = record_event(agreed, "L1", "settlement", dt.date(2025, 2, 20), payoff, FAR)
    later = credit_outlook(closed, "L1", dt.date(2025, 4, 1))
    assert [p.code for p in later.past] == ["N", "1", "C"] and later.next_report is None and later.pay_by is None


def test_codes_dates_and_years() -> None:
    assert [status_code(d, False) for d in (0, 1, 30, 31, 60, 61, 180, 181, 400)] == ["N", "1", "1", "2", "2", "3", "6", "7", "7"]
    assert status_code(5, True) == "C"
    # every code listed, none skipped, and each band's days give that code
    assert [c for c, _, _ in STATUS_CODES] == ["N", "1", "2", "3", "4", "5", "6", "7", "C"]
    for code, first, last in STATUS_CODES:
        if first is not None:
            assert status_code(first, False) == code and (last is None or status_code(last, False) == code)
    assert (STATUS_CODES[5], STATUS_CODES[6]) == (("5", 121, 150), ("6", 151, 180))
    assert add_years(dt.date(2028, 2, 29), 5) == dt.date(2033, 2, 28)
    assert next_report_date(31, dt.date(2025, 2, 10)) == dt.date(2025, 2, 28)
    assert next_report_date(31, dt.date(2025, 2, 28)) == dt.date(2025, 3, 31)  # today's report is made already


def test_the_setting() -> None:
    book = seed()
    assert set_credit_report_day(book, None) is book and set_credit_report_day(book, "unknown") is book
    assert set_credit_report_day(book, "１５").settings.credit_report_day == 15
    for bad in ("0", "32", "mid-month", "1.5"):
        with pytest.raises(InputError) as caught:
            parse_report_day(bad)
        assert (caught.value.field, caught.value.rule) == ("report_day", "report_day")
