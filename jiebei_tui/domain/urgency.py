"""The most urgent fact across all loans, for the status banner that must be impossible to miss.

Order: overdue (the most days late first), due today, due within 3 days, then the next due date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from jiebei_tui.domain.replay import LoanState

DUE_SOON_DAYS = 3

Level = Literal["overdue", "due_today", "due_soon", "next", "clear", "empty"]


@value
class Urgent(Value):
    level: Level
    state: LoanState | None  # the loan it is about (None when there are no unpaid loans)
    others: int  # how many other loans are at the same level


def most_urgent(states: list[LoanState]) -> Urgent:
    if not states:
        return Urgent("empty", None, 0)
    overdue = sorted((s for s in states if s.days_overdue), key=lambda s: -s.days_overdue)
    if overdue:
        return Urgent("overdue", overdue[0], len(overdue) - 1)
    unpaid = sorted((s for s in states if s.next_due_date is not None), key=lambda s: s.next_due_date)
    if not unpaid:
        return Urgent("clear", None, 0)
    first = unpaid[0]
    same = [s for s in unpaid if s.next_due_date == first.next_due_date]
    if first.days_until_due == 0:
        return Urgent("due_today", first, len(same) - 1)
    if first.days_until_due is not None and first.days_until_due <= DUE_SOON_DAYS:
        return Urgent("due_soon", first, len(same) - 1)
    return Urgent("next", first, 0)
