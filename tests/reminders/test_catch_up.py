"""A catch-up after months away: what is older than the catch-up window is only counted (claim leaves those
amounts unworked), what is within it is delivered with the amounts `occurrences` gives them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.reminder_settings import Owner, ReminderSettings
from jiebei_tui.domain.reminders import claim, occurrences
from jiebei_tui.domain.replay import all_states
from jiebei_tui.domain.terms import make_loan

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

    assert claimed.deliver == expected and expected  # the same occurrences, amounts and all
    assert all(o.amount > 0 for o in claimed.deliver)
    assert claimed.missed == len(after_mark) - len(expected) > 1000  # daily overdue reminders over four months
