"""The banner, Overdue, Repay and the reminders say one figure for a day of lateness on the demo's late loan.

L3 at the tests' today (2026-11-28) is 6 days late on instalment 2 (due 2026-11-22): unpaid 783.10 + 113.87 at
the penalty rate 0.06% a day. A day adds 896.97 × 0.0006 = 0.538182, about 0.54. Only the totals are rounded:
day 7 3.29 + 0.48 = 3.77, day 8 3.76 + 0.55 = 4.31 (+0.54), day 9 4.23 + 0.61 = 4.84 (+0.53) (by hand:
783.10 × 0.0006 × n and 113.87 × 0.0006 × n, each HALF_UP to the fen); before, Overdue said 0.53 on day 8 and
the banner 0.54. tests/test_daily_penalty.py works the same figures through the command line.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import press, ready, settle, text


def words(widget) -> str:
    """A sentence as shown, its wrapping undone."""
    return " ".join(text(widget).split())


async def test_banner_overdue_repay_and_reminders_agree_on_the_demo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        banner = words(app.screen.query_one("#banner"))
        assert "6 days late (M1) — pay ¥900.20 today to clear it; about +¥0.54 a day" in banner

        await press(pilot, "4")  # Overdue: the late instalment, 6 days
        screen = app.screen
        assert screen.query_one("#days", Input).value == "6"
        assert "Each extra day adds about  ¥0.54" in text(screen.query_one("#figures"))
        formula = words(screen.query_one("#formula"))
        assert ("Penalty a day: (¥783.10 + ¥113.87) × 0.06% = ¥0.538182, about ¥0.54 Only the total is rounded to "
                "the fen, not each day, so a day may add a fen or two more or less.") in formula
        screen.query_one("#days", Input).value = "8"  # the day whose rounded total grows by 0.53 to day 9
        await settle(pilot)
        assert "8 days late" in text(screen.query_one("#figures-title"))
        assert "Amount to clear  ¥901.28" in text(screen.query_one("#figures"))  # 783.10 + 113.87 + 4.31
        assert "Each extra day adds about  ¥0.54" in text(screen.query_one("#figures"))

        await press(pilot, "2")  # Repay, on the most urgent loan
        figures = text(app.screen.query_one("#pay-figures"))
        assert "Amount to clear  ¥900.20" in figures and "Each extra day adds about  ¥0.54" in figures
        # in 7 days (day 13): 783.10 × 0.0006 × 13 = 6.10818 → 6.11, 113.87 × 0.0006 × 13 = 0.888186 → 0.89:
        # 896.97 + 7.00 = 903.97, which is 3.77 more: about 0.54 a day
        assert ("each day adds about ¥0.54 of penalty. Paying today: ¥900.20; in 7 days: ¥903.97."
                in words(app.screen.query_one("#wait")))

        await press(pilot, "3")  # Reminders: the D+1 rule repeats daily for the late loan
        late = [line for line in text(app.screen.query_one("#preview")).splitlines() if "late (due 2026-11-22)" in line]
        assert late and all(line.rstrip().endswith("about ¥0.54 a day.") for line in late)
