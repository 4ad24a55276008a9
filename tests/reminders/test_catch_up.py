"""A catch-up after months away: what is older than the catch-up window is only counted (claim leaves those
amounts unworked); of what is within it, one reminder per loan is delivered, with today's figures (what the
banner and `status` say: days late, what to pay today), and the rest counted, not sent one by one."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.reminder_settings import Owner, ReminderSettings
from jiebei_tui.domain.reminders import claim, occurrences
from jiebei_tui.domain.replay import all_states
from jiebei_tui.domain.terms import make_loan
from tests.conftest import EI

SH = ZoneInfo("Asia/Shanghai")
START = dt.date(2025, 1, 10)
LAST_RUN = dt.datetime(2025, 2, 1, 12, tzinfo=SH)
NOW = dt.datetime(2025, 6, 1, 12, tzinfo=SH)  # four months later, nothing paid


def test_months_away_delivers_the_window_priced_and_counts_the_rest() -> None:
    ledger = Ledger()
    for i in range(5):
        loan = make_loan(principal=str(1000 + 250 * i), daily_rate="0.0004", term=6, method="equal-installment",
                         start=START.isoformat())
        ledger, _ = add_loan(ledger, f"Loan {i}", loan)
    settings = ReminderSettings(timezone="Asia/Shanghai", desktop=False, last_run=LAST_RUN, last_run_loan=5)
    states = all_states(ledger, NOW.date())
    everything = occurrences(states, settings, ledger.terms, SH, LAST_RUN, NOW)  # all of them, each priced
    window_from = NOW - dt.timedelta(days=settings.catch_up_days)
    after_mark = [o for o in everything if o.fire_at > LAST_RUN]
    expected = [o for o in after_mark if o.fire_at >= window_from]

    claimed, _ = claim(states, settings, ledger.terms, SH, NOW, Owner(pid=1, boot_id="b", started="1"))

    # one per loan, today's (10:00 on 1 June, D+1 repeating), four instalments overdue on each
    assert [(o.loan_id, o.fire_at) for o in claimed.deliver] == [(s.record.id, NOW.replace(hour=10)) for s in states]
    for o, s in zip(claimed.deliver, states):
        assert (o.kind, o.due_date, o.days_overdue) == ("overdue", dt.date(2025, 2, 10), 111)  # since 10 Feb
        assert (o.amount, o.penalty_per_day) == (s.amount_to_clear, s.daily_cost) and o.amount > 0  # as status
    # the others of today (instalments 2 to 4, the same words) are folded in; those of earlier days are counted
    todays = [o for o in after_mark if o.fire_at.date() == NOW.date()]
    assert len(todays) == 4 * 5 and len(expected) > len(todays)
    assert claimed.missed == len(after_mark) - len(todays) > 1000  # daily overdue reminders over four months
    # the line does not say that count (reminders × instalments × days, tens of thousands after years away): it
    # says for how many loans, since the first one due after the last run (D−3 of 10 Feb, on 7 Feb)
    assert (claimed.missed_loans, claimed.missed_since) == (("L1", "L2", "L3", "L4", "L5"), dt.date(2025, 2, 7))
    from jiebei_tui.text.reminders import missed_line

    assert missed_line(claimed, "en") == ("Missed reminders: 5 loans had reminders due from 2025-02-07 until now that were not sent one by one "
                                          "(any sent now gives today's figures).")
    assert missed_line(claimed, "zh") == "错过的提醒：5 笔借款在 2025-02-07 至今应发的提醒未逐条补发（现在发出的提醒按今天的金额计算）。"


def test_after_a_void_the_reminder_says_what_status_says_once(cli) -> None:
    """The newcomer's case: instalments 1 and 2 recorded as paid, then payment E1 voided on 20 March: the loan
    became late back in February. `remind run` delivers one reminder, with today's figures (what `status` says
    to pay today, the days late since it fell behind), not one per instalment and day with the figures of days
    gone by; the back-dated ones of the window are counted."""
    today = "2025-03-20"
    assert cli("loans", "add", "--name", "Phone", *EI, "--paid-through", "2", today=today).code == 0
    assert cli("remind", "set", "--timezone", "Asia/Shanghai", "--desktop", "off", today=today).code == 0
    assert cli("payments", "void", "E1", today=today).code == 0
    loan = cli("status", "--json", today=today).json()["loans"][0]
    # E2's 900.41 went to instalment 1 (late): instalment 2 is unpaid since 10 March, 1 since 10 February
    assert (loan["behind_since"], loan["days_overdue"], loan["pay_now"]) == ("2025-02-10", 38, "921.02")

    out = cli("remind", "run", "--now", f"{today}T12:00", today=today).out.splitlines()

    assert out == [
        "2025-03-20 10:00 Phone: 38 days late (due 2025-02-10). Pay ¥921.02 to clear it; the penalty adds "
        f"about ¥{loan['daily_cost']} a day.",
        # the D+1 repeats of the 18th and 19th, for instalments 1 and 2 (today's for instalment 2 is the same one)
        # (four of them, for one loan: the line says for how many loans and since when, not how many reminders)
        "Missed reminders: 1 loan had reminders due from 2025-03-18 until now that were not sent one by one "
        "(any sent now gives today's figures).",
    ]
    assert cli("remind", "run", "--now", f"{today}T12:30", today=today).out == ""
