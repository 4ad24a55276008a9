"""The preview (`remind list`, the Reminders screen's next ten) says what delivery will say: for a loan late at a
reminder's time, one line with the whole amount that clears it that day (as the banner), not one per overdue
instalment; a reminder of an instalment still to come keeps that instalment's figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from zoneinfo import ZoneInfo

from jiebei_tui.delivery.reminders import coming
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.reminder_settings import Owner, ReminderRule, ReminderSettings
from jiebei_tui.domain.reminders import claim
from jiebei_tui.domain.replay import all_states
from jiebei_tui.domain.terms import make_loan
from jiebei_tui.text.reminders import message

SH = ZoneInfo("Asia/Shanghai")


def book(rules: list[ReminderRule]) -> Ledger:
    """domain.md's worked loan (10,000 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10), never paid."""
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    ledger, _ = add_loan(Ledger(), "Phone", loan)
    settings = ReminderSettings(timezone="Asia/Shanghai", desktop=False, rules=rules)
    return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"reminders": settings})})


DAILY_AFTER = ReminderRule(id="R1", offset_days=1, time="10:00", repeat_daily=True)
BEFORE = ReminderRule(id="R2", offset_days=-3, time="09:00")


def test_two_overdue_instalments_preview_as_one_line_with_the_sum_to_clear() -> None:
    """By hand, penalty rate 0.04% × 1.5 = 0.06%/day, HALF_UP per instalment and part:
    instalment 1 (due 02-10): principal 776.41, interest 124.00.
    instalment 2 (due 03-10): interest 9,223.59 × 0.04% × 28 = 103.30, principal 900.41 − 103.30 = 797.11.
    On 03-12 (30 and 2 days late): 776.41 × 0.06% × 30 = 13.98, 124.00 × 0.06% × 30 = 2.23 → 916.62;
      797.11 × 0.06% × 2 = 0.96, 103.30 × 0.06% × 2 = 0.12 → 901.49; together 1,818.11.
    On 03-13 (31 and 3 days): 14.44 + 2.31 → 917.16; 1.43 + 0.19 → 902.03; together 1,819.19 (1.08 more)."""
    ledger = book([DAILY_AFTER])
    today, now = dt.date(2025, 3, 11), dt.datetime(2025, 3, 11, 12, tzinfo=SH)
    found = coming(ledger, today, now, 2)
    assert [(o.fire_at, o.amount, o.days_overdue, o.due_date) for o in found] == [
        (dt.datetime(2025, 3, 12, 10, tzinfo=SH), D("1818.11"), 30, dt.date(2025, 2, 10)),
        (dt.datetime(2025, 3, 13, 10, tzinfo=SH), D("1819.19"), 31, dt.date(2025, 2, 10)),
    ]
    assert found[0].penalty_per_day == D("1.08")
    # the banner's figure on that day, and what the run at that time delivers, word for word
    on_day = all_states(ledger, dt.date(2025, 3, 12))
    assert on_day[0].to_pay_today()[0] == D("1818.11")
    settings = ledger.settings.reminders.model_copy(update={"last_run": now, "last_run_loan": 1})
    claimed, _ = claim(on_day, settings, ledger.terms, SH, found[0].fire_at, Owner(pid=1, boot_id="b", started="1"))
    for lang in ("en", "zh"):
        assert [message(o, lang) for o in claimed.deliver] == [message(found[0], lang)]


def test_a_coming_instalment_keeps_its_own_figure_while_the_loan_is_late() -> None:
    """Instalment 3 (due 04-10): interest (9,223.59 − 797.11) × 0.04% × 31 = 8,426.48 × 0.0124 = 104.49,
    principal 900.41 − 104.49 = 795.92: its D−3 reminder on 04-07 says 900.41, though the loan is late then."""
    ledger = book([BEFORE])
    found = coming(ledger, dt.date(2025, 3, 11), dt.datetime(2025, 3, 11, 12, tzinfo=SH), 30)
    assert [(o.fire_at, o.installment, o.amount, o.kind) for o in found] == [
        (dt.datetime(2025, 4, 7, 9, tzinfo=SH), 3, D("900.41"), "before"),
    ]
