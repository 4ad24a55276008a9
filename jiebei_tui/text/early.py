"""Paying the running instalment before its due date, in words (actions/repay.py `Early`): Repay's "Pay today or
on the due date?" and the sentence the pay confirmations add about the next instalment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.text.i18n import t

if TYPE_CHECKING:
    from jiebei_tui.actions.repay import Early


def today_or_due_date(early: Early, lang: str) -> str:
    """Paying the running instalment today against on its due date: each amount, what the next instalment then
    asks each way, and the interest saved in all (an instalment due today: paid today is paid on time)."""
    nxt = early.next
    if not early.before_due:
        if nxt is None:
            return t("repay.wait_due_today_last", lang, no=early.no, today=early.amount)
        return t("repay.wait_due_today", lang, no=early.no, today=early.amount, next_date=nxt.due_date,
                 next_today=nxt.amount)
    if nxt is None:
        return t("repay.wait_early_last", lang, no=early.no, today=early.amount, date=early.due_date,
                 due=early.on_due_date, saved=early.interest_saved)
    return t("repay.wait_early", lang, no=early.no, today=early.amount, date=early.due_date, due=early.on_due_date,
             next_date=nxt.due_date, next_today=nxt.amount, next_due=nxt.on_time, saved=early.interest_saved)


def next_instalment(early: Early | None, lang: str) -> str:
    """What a payment completing the running instalment before its due date makes the next one ask, against
    paying on the due date ("" when it changes nothing to say: not early, the last instalment, the same)."""
    if early is None or not early.before_due or early.next is None or early.next.amount == early.next.on_time:
        return ""
    nxt = early.next
    key = "repay.effect_next_replanned" if early.replanned else "repay.effect_next"
    return t(key, lang, no=nxt.no, date=nxt.due_date, amount=nxt.amount, was=nxt.on_time)


def and_next(effect: str, early: Early | None, lang: str) -> str:
    """A confirmation's effect, followed by what the next instalment then asks (when there is something to say)."""
    after = next_instalment(early, lang)
    if not after:
        return effect
    return f"{effect}{'' if lang == 'zh' else ' '}{after}"
