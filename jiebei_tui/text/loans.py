"""A loan's state in words, the same on the command line and in the app: the badge, when it is due, an
instalment's status. (Which badge a loan has is a fact: actions/facts.py.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.text.i18n import t

if TYPE_CHECKING:
    from jiebei_tui.actions.payments import PaymentRow
    from jiebei_tui.domain.corrections import LoanEdit
    from jiebei_tui.domain.replay import InstallmentState, LoanState


def paid_through_text(n: int, lang: str) -> str:
    """What `--paid-through N` (the add form's field) recorded: "Instalment 1 …" or "Instalments 1 to N …"."""
    return t("cli.paid_through.one" if n == 1 else "cli.paid_through", lang, n=n)


def badge_text(s: LoanState, lang: str) -> str:
    """paid off / on track / due soon / due today / overdue M1…"""
    from jiebei_tui.actions.facts import badge

    return t(f"badge.{badge(s)}", lang, stage=s.stage)


def when_text(s: LoanState, lang: str) -> str:
    """"3d late", "today", "in 5d", or — for a loan paid off."""
    if s.days_overdue:
        return t("when.overdue", lang, days=s.days_overdue)
    if s.days_until_due is None:
        return "—"
    if s.days_until_due == 0:
        return t("when.today", lang)
    return t("when.in_days", lang, days=s.days_until_due)


def installment_status(i: InstallmentState, lang: str) -> str:
    if i.settled:
        return t("status.settled", lang)
    return t(f"status.{i.status}", lang, days=i.days_overdue)


def payment_words(row: PaymentRow, lang: str) -> tuple[str, str, str]:
    """A payment's kind, status (with why it no longer counts) and when and from where it was recorded, as
    `payments list` and the app's payments table show them."""
    from jiebei_tui.text.safe import visible

    e = row.event
    kind = t("kind.auto_debit" if e.auto_debit else f"kind.{e.kind}", lang)
    status = t(f"payment.{row.status}", lang, by=row.replaced_by or row.voided_by or "")
    if row.reason:
        status = t("payment.with_reason", lang, status=status, reason=visible(row.reason))
    recorded = e.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M") if e.recorded_at else ""
    if e.source:
        source = t(f"source.{e.source}", lang) if e.source in ("app", "cli") else visible(e.source)
        recorded = t("payment.recorded_from", lang, at=recorded, source=source) if recorded else source
    return kind, status, recorded


def compared(before: LoanState, after: LoanState, lang: str) -> list[tuple[str, str, str]]:
    """A loan at today before and after a change, figure by figure (label, before, after): what `loans edit`
    prints, and what the app shows before a loan edit, a void or a correction is recorded. "Next due" and
    "Amount" are the figures Status shows beside the loan (actions/facts.py due_now): for a loan behind, the
    date it fell behind and what clears it, not the next instalment still to fall due."""
    from jiebei_tui.actions.facts import due_now
    from jiebei_tui.domain.money import yuan

    was, now = due_now(before), due_now(after)
    return [
        (t("col.outstanding", lang), yuan(before.principal_outstanding), yuan(after.principal_outstanding)),
        (t("label.payoff", lang), yuan(before.payoff), yuan(after.payoff)),
        (t("label.total_interest", lang), yuan(before.total_interest), yuan(after.total_interest)),
        (t("col.next_due", lang), str(was.date or "—"), str(now.date or "—")),
        (t("col.amount", lang), yuan(was.shown), yuan(now.shown)),
        (t("col.state", lang), badge_text(before, lang), badge_text(after, lang)),
    ]


EDIT_LABELS = {"principal": "col.principal", "daily_rate": "col.rate", "term": "col.term", "method": "col.method",
               "start": "col.start", "repayment_day": "label.repayment_day"}


def _edit_shown(name: str, value: object, lang: str) -> str:
    from jiebei_tui.domain.money import percent, yuan

    if value is None:
        return t("loanedit.from_drawdown", lang)
    if name == "principal":
        return yuan(value)
    if name == "daily_rate":
        return percent(value)
    if name == "method":
        return t(f"method.{value.value}", lang)
    return str(value)


def edit_changes(edit: LoanEdit, lang: str) -> list[tuple[str, str]]:
    """Each contract term a loan edit changes: (label, "before → after"), as `loans edit` prints them."""
    return [(t(EDIT_LABELS[name], lang), f"{_edit_shown(name, before, lang)} → {_edit_shown(name, after, lang)}")
            for name, before, after in edit.changes]
