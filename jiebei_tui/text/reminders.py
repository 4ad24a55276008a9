"""The words of a reminder, in the borrower's language (from the domain's occurrence)."""

from __future__ import annotations

from jiebei_tui.domain.reminders import Occurrence
from jiebei_tui.text.i18n import t


def message(o: Occurrence, lang: str) -> str:
    if o.kind == "before":
        if o.auto_debit:
            account = o.account or t("repay.account", lang)
            return t("remind.before_debit", lang, loan=o.loan_name, account=account, amount=o.amount, due_date=o.due_date)
        return t("remind.before", lang, loan=o.loan_name, amount=o.amount, due_date=o.due_date, days=-o.offset_days)
    if o.kind == "due":
        return t("remind.due", lang, loan=o.loan_name, amount=o.amount, due_date=o.due_date)
    return t(
        "remind.overdue", lang, loan=o.loan_name, days=o.days_overdue, due_date=o.due_date, amount=o.amount,
        per_day=o.penalty_per_day,
    )


def offset_label(offset: int, lang: str) -> str:
    if offset < 0:
        return t("offset.before", lang, n=-offset)
    return t("offset.due", lang) if offset == 0 else t("offset.after", lang, n=offset)
