"""Where a part-prepayment goes, in words (domain/simulate.py `PrepayResult`, actions/repay.py `Prepayment`):
first what is overdue, then what completes the running instalment, and only the rest prepays principal (rule 2
of the account model). Repay's prepay panel and its confirmation, and `jiebei-tui prepay`, say the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.text.i18n import joined, t

if TYPE_CHECKING:
    from jiebei_tui.actions.repay import NextInstalment
    from jiebei_tui.domain.simulate import PrepayResult


def _running_part(r: PrepayResult, lang: str) -> str | None:
    """What the payment did to the running instalment (None when none runs)."""
    if r.running is None:
        return None
    if not r.running_due:
        return t("prepay.part.nothing_due", lang, no=r.running)
    if r.installment_paid is None:
        return t("prepay.part.pays_part", lang, paid=r.to_running, no=r.running, date=r.on, due=r.running_due)
    principal = r.to_running - r.accrued_interest
    if not r.accrued_interest:
        return t("prepay.part.completes_principal", lang, paid=r.to_running, no=r.running)
    if not principal:
        return t("prepay.part.completes_interest", lang, paid=r.to_running, no=r.running, date=r.on)
    return t("prepay.part.completes", lang, paid=r.to_running, no=r.running, date=r.on, interest=r.accrued_interest,
             principal=principal)


def split(r: PrepayResult, lang: str) -> str:
    """One or two sentences: of the amount, what clears the overdue, what goes to the running instalment (it is
    then paid, or only part of it is), and what is left to prepay principal (nothing, when the amount does not
    go beyond what is due that day)."""
    parts = []
    if r.overdue_cleared:
        parts.append(t("prepay.part.overdue", lang, overdue=r.overdue_cleared))
    running = _running_part(r, lang)
    if running is not None:
        parts.append(running)
    if r.prepaid:
        rest = r.prepaid + r.fee
        if r.fee:
            parts.append(t("prepay.part.prepays_fee", lang, rest=rest, prepaid=r.prepaid, fee=r.fee))
        elif rest == r.amount:
            parts.append(t("prepay.part.prepays_all", lang, prepaid=r.prepaid))
        else:
            parts.append(t("prepay.part.prepays", lang, prepaid=r.prepaid))
    else:
        parts.append(t("prepay.part.nothing_left", lang))
    sentences = [t("prepay.split", lang, amount=r.amount, parts=joined(parts, lang, strong=True))]
    if r.installment_paid is not None and r.prepaid:
        sentences.append(t("prepay.paid_once", lang, no=r.installment_paid))
    elif r.installment_paid is None and r.running_due:
        sentences.append(t("prepay.more_to_prepay", lang, due_now=r.due_now, date=r.on))
    return (" " if lang != "zh" else "").join(sentences)


def as_planned(r: PrepayResult, nxt: NextInstalment | None, lang: str) -> str:
    """Repay's panel, under the split: what the next instalment asks as the plan stands (the table beside it
    shows what it asks after the payment, under each strategy); "" when the payment completes no instalment."""
    if nxt is None or r.installment_paid is None:
        return ""
    return t("prepay.as_planned", lang, running=r.installment_paid, no=nxt.no, date=nxt.due_date, was=nxt.on_time)


def next_change(r: PrepayResult, nxt: NextInstalment | None, lang: str) -> str:
    """A confirmation's (and the command line's) sentence on the next instalment: what it then asks instead of
    what it asks as the plan stands ("" when it completes no instalment, or the figure is the same)."""
    if nxt is None or nxt.amount == nxt.on_time:
        return ""
    key = "repay.effect_next_replanned" if r.prepaid else "repay.effect_next"
    return t(key, lang, no=nxt.no, date=nxt.due_date, amount=nxt.amount, was=nxt.on_time)


def effect(r: PrepayResult, nxt: NextInstalment | None, lang: str) -> str:
    """The split and the next instalment's change, as one paragraph."""
    after = next_change(r, nxt, lang)
    return split(r, lang) + (("" if lang == "zh" else " ") + after if after else "")
