"""What a day of lateness costs is one figure, said the same way everywhere (domain/overdue.py DailyPenalty).

The newcomer's case: the demo's late loan (L3, at the tests' today 2026-11-28) is 6 days late on instalment 2,
due 2026-11-22: unpaid principal 783.10 and interest 113.87, penalty rate 0.04% × 1.5 = 0.06% a day.

By hand: a day adds 783.10 × 0.0006 = 0.469860 on principal and 113.87 × 0.0006 = 0.068322 on interest
(compounding), 896.97 × 0.0006 = 0.538182 in all: about 0.54 (HALF_UP to the fen). Only the totals are rounded
(domain.md, the account model, rule 5: HALF_UP once per instalment and part over its overdue life), so the
amount to clear grows by 0.54 on most days and 0.53 on some:
  day 7: 783.10 × 0.0006 × 7 = 3.28902 → 3.29; 113.87 × 0.0006 × 7 = 0.478254 → 0.48; 3.77
  day 8: 3.75888 → 3.76; 0.546576 → 0.55; 4.31 (+0.54)
  day 9: 4.22874 → 4.23; 0.614898 → 0.61; 4.84 (+0.53)
Before, "each extra day adds" was the difference of two rounded totals: 0.54 on day 7, 0.53 on day 8, while the
banner said 0.54. Now every place says "about ¥0.54", and the Overdue formula gives 0.538182 with its reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from jiebei_tui.domain.overdue import daily_penalty, overdue_cost
from jiebei_tui.domain.product_terms import ProductTerms

TODAY = "2026-11-28"
DUE = dt.date(2026, 11, 22)
PRINCIPAL, INTEREST, RATE = D("783.10"), D("113.87"), D("0.000600")


def test_the_daily_figure_is_exact_and_about_that_to_the_fen() -> None:
    daily = daily_penalty([(PRINCIPAL, INTEREST)], RATE, ProductTerms())
    assert (daily.base, daily.exact, daily.about) == (D("896.97"), D("0.538182"), D("0.54"))
    # without compounding the penalty runs on the principal only: 783.10 × 0.0006 = 0.46986, about 0.47
    alone = daily_penalty([(PRINCIPAL, INTEREST)], RATE, ProductTerms(compounding=False))
    assert (alone.interest, alone.exact, alone.about) == (D("0"), D("0.46986"), D("0.47"))


def test_the_same_figure_every_day_while_the_rounded_total_grows_by_053_or_054() -> None:
    costs = {n: overdue_cost(2, DUE, PRINCIPAL, INTEREST, D("0.0004"), n, ProductTerms()) for n in (7, 8, 9)}
    assert [costs[n].penalty_total for n in (7, 8, 9)] == [D("3.77"), D("4.31"), D("4.84")]  # by hand, above
    assert [costs[n].daily_cost for n in (7, 8, 9)] == [D("0.54")] * 3


def test_status_overdue_and_the_reminders_say_the_same_figure(cli) -> None:
    loan = next(l for l in cli("status", "--json", today=TODAY, demo=True).json()["loans"] if l["id"] == "L3")
    assert (loan["days_overdue"], loan["pay_now"], loan["daily_cost"], loan["daily_cost_exact"]) == (
        6, "900.20", "0.54", "0.538182")  # 783.10 + 113.87 + 3.23 (2.82 + 0.41) = 900.20
    for days in (6, 7, 8):  # 7 → 8 adds 0.54, 8 → 9 adds 0.53: the figure does not flip
        found = cli("overdue", "--loan", "L3", "--days", str(days), "--json", today=TODAY, demo=True).json()
        assert (found["daily_cost"], found["daily_cost_exact"]) == ("0.54", "0.538182")
    text = cli("overdue", "--loan", "L3", "--days", "8", today=TODAY, demo=True).out
    assert "Each extra day adds about  ¥0.54" in text
    assert ("Penalty a day: (¥783.10 + ¥113.87) × 0.06% = ¥0.538182, about ¥0.54\n"
            "Only the total is rounded to the fen, not each day, so a day may add a fen or two more or less.\n") in text
    assert "grace" not in text.split("Grace days")[1]  # no grace days: no grace note
    # at noon (the list counts from now: before 10:00 today's D+1 reminder, day 6, was still to come, and the test
    # failed between midnight and 10:00)
    late = [r for r in cli("remind", "list", "--json", "--now", f"{TODAY}T12:00", today=TODAY, demo=True).json()
            if r["loan"] == "L3"]
    # the D+1 rule repeats daily: days 7, 8, 9 … each says about ¥0.54, though 900.74 → 901.28 → 901.81
    assert [(r["days_overdue"], r["amount"]) for r in late[:3]] == [(7, "900.74"), (8, "901.28"), (9, "901.81")]
    assert all(r["message"].endswith("the penalty adds about ¥0.54 a day.") for r in late)


def test_chinese_says_about_too(cli) -> None:
    text = cli("overdue", "--loan", "L3", "--days", "6", today=TODAY, demo=True, lang="zh").out
    assert "每多逾期一天约增加  ¥0.54" in text
    assert "每天罚息：(¥783.10 + ¥113.87) × 0.06% = ¥0.538182，约 ¥0.54\n罚息只对累计总额四舍五入到分，不逐日取整" in text
    late = [r for r in cli("remind", "list", "--json", "--now", f"{TODAY}T12:00", today=TODAY, demo=True, lang="zh").json()
            if r["loan"] == "L3"]
    assert late and all(r["message"].endswith("罚息每天约增加 ¥0.54。") for r in late)


def test_within_the_grace_days_the_figure_says_nothing_is_charged_yet(cli) -> None:
    """7 grace days, 6 days late: no penalty yet (783.10 + 113.87 = 896.97 clears it), the same figure a day,
    and a line saying what happens after the grace days (day 8: 3.76 + 0.55 = 4.31 at once, by hand above)."""
    args = ("overdue", "--loan", "L3", "--grace-days", "7")
    six = cli(*args, "--days", "6", "--json", today=TODAY, demo=True).json()
    assert (six["penalty_total"], six["amount_to_clear"], six["daily_cost"]) == ("0.00", "896.97", "0.54")
    assert cli(*args, "--days", "8", "--json", today=TODAY, demo=True).json()["penalty_total"] == "4.31"
    text = cli(*args, "--days", "6", today=TODAY, demo=True).out
    assert ("Within the 7 grace days nothing is charged; unpaid after them, every day since the due date counts."
            in text)
    assert "grace days nothing" not in cli(*args, "--days", "8", today=TODAY, demo=True).out
