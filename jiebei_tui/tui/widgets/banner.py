"""The always-visible status banner: the most urgent fact across all loans, coloured by urgency.
This is the seed article's "more visible overdue marker": it must be impossible to miss.

Which loan is the most urgent, and what it asks for today, are facts of the actions layer (actions/facts.py
`most_urgent`, `due_now`: the same figures `jiebei-tui status` prints); the banner only words them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible

if TYPE_CHECKING:
    from jiebei_tui.domain.urgency import Urgent


class UrgentBanner(Static):
    DEFAULT_CSS = """
    UrgentBanner {
        width: 1fr;
        height: auto;
        padding: 0 1;
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    UrgentBanner.-overdue { background: $error; color: $text; }
    UrgentBanner.-due_today, UrgentBanner.-due_soon { background: $warning; color: $text; }
    UrgentBanner.-next, UrgentBanner.-clear { background: $success-muted; }
    """

    def update_from(self, urgent: Urgent | None, lang: str, loading: bool = False) -> None:
        if loading or urgent is None:
            self.set_classes("-loading")
            self.update(t("banner.loading", lang))
            return
        self.set_classes(f"-{urgent.level}")
        self.update(Content(banner_text(urgent, lang)))  # plain text: a loan name is never markup


def banner_text(urgent: Urgent, lang: str) -> str:
    from jiebei_tui.actions.facts import due_now  # not needed for the first frame ("reading the ledger")

    s = urgent.state
    if s is None:
        return t(f"banner.{urgent.level}", lang)
    name = visible(s.record.name)
    if urgent.level == "overdue":  # what to pay today: what clears it (and an instalment falling due today)
        text = t("banner.overdue", lang, loan=name, days=s.days_overdue, stage=s.stage, amount=due_now(s).amount,
                 daily=s.daily_cost)
    elif urgent.level == "due_today":
        text = t("banner.due_today", lang, loan=name, amount=s.next_due_amount)
    elif urgent.level == "due_soon":
        text = t("banner.due_soon", lang, loan=name, amount=s.next_due_amount, date=s.next_due_date, days=s.days_until_due)
    else:
        return t("banner.next", lang, loan=name, amount=s.next_due_amount, date=s.next_due_date, days=s.days_until_due)
    if urgent.level != "overdue" and s.record.auto_debit:
        account = visible(s.record.funding_account) or t("repay.account", lang)
        text += t("banner.auto_debit", lang, amount=s.next_due_amount, account=account)
    if urgent.others:
        text += t("banner.others", lang, n=urgent.others)
    return text
