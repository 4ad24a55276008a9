"""A loan's state in words, the same on the command line and in the app: the badge, when it is due, an
instalment's status. (Which badge a loan has is a fact: actions/facts.py.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.text.i18n import t

if TYPE_CHECKING:
    from jiebei_tui.domain.replay import InstallmentState, LoanState


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
