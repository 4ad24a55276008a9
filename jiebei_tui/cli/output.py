"""What the command line prints: JSON shapes (the scripting contract) and readable text in either language.

In JSON, amounts are strings with exactly 2 decimals, daily rates 6, annualised rates 4, dates ISO.
Text from the ledger file (names, accounts, problems) is shown through text/safe.py `visible()`, and JSON
escapes every character that could act on a terminal (json.dumps leaves DEL, C1 and bidi characters raw).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from jiebei_tui.domain.money import money_str, percent, yuan
from typing import TYPE_CHECKING

from jiebei_tui.domain.schedule import Installment
from jiebei_tui.domain.terms import Loan
from jiebei_tui.domain.free_text import first_unsafe, unsafe_char
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import pairs, table

if TYPE_CHECKING:  # kept out of start-up: the inline commands never build a ledger
    from jiebei_tui.domain.overdue import OverdueCost
    from jiebei_tui.domain.product_terms import ProductTerms
    from jiebei_tui.domain.replay import LoanState
    from jiebei_tui.domain.simulate import PrepayResult, SettleResult


def rate_str(rate: Decimal, places: int = 6) -> str:
    return str(rate.quantize(Decimal(1).scaleb(-places)))


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if first_unsafe(text, allow="\n") is None:  # the common case: json.dumps escaped the C0 controls
        return text
    # still valid JSON with the same data: the characters json leaves raw become \uXXXX escapes
    return "".join(f"\\u{ord(ch):04x}" if ch != "\n" and unsafe_char(ch) else ch for ch in text)


# --- JSON shapes ---


def installment_json(i: Installment) -> dict:
    return {
        "no": i.no,
        "due_date": i.due_date.isoformat(),
        "days": i.days,
        "principal": money_str(i.principal),
        "interest": money_str(i.interest),
        "total": money_str(i.total),
        "remaining": money_str(i.remaining),
    }


def schedule_json(loan: Loan, installments: list[Installment], apr_simple: Decimal, apr_irr: Decimal) -> dict:
    total_interest = sum((i.interest for i in installments), Decimal(0))
    return {
        "principal": money_str(loan.principal),
        "daily_rate": rate_str(loan.daily_rate),
        "term": loan.term,
        "method": loan.method.value,
        "start": loan.start.isoformat(),
        "repayment_day": loan.repayment_day,
        "installments": [installment_json(i) for i in installments],
        "total_interest": money_str(total_interest),
        "total_payment": money_str(sum((i.total for i in installments), Decimal(0))),
        "apr_simple": rate_str(apr_simple, 4),
        "apr_irr": rate_str(apr_irr, 4),
    }


def settle_json(r: SettleResult) -> dict:
    return {
        "on": r.on.isoformat(),
        "principal": money_str(r.principal),
        "accrued_interest": money_str(r.accrued_interest),
        "overdue_to_clear": money_str(r.overdue_to_clear),
        "payoff": money_str(r.payoff),
        "interest_saved": money_str(r.interest_saved),
    }


def prepay_json(r: PrepayResult) -> dict:
    return {
        "on": r.on.isoformat(),
        "amount": money_str(r.amount),
        "strategy": r.strategy.value,
        "strategy_matters": r.strategy_matters,
        "accrued_interest": money_str(r.accrued_interest),
        "overdue_cleared": money_str(r.overdue_cleared),
        "principal_reduction": money_str(r.principal_reduction),
        "new_balance": money_str(r.new_balance),
        "installments": [installment_json(i) for i in r.installments],
        "interest_before": money_str(r.interest_before),
        "interest_after": money_str(r.interest_after),
        "interest_saved": money_str(r.interest_saved),
        "payoff_date_before": r.payoff_date_before.isoformat(),
        "payoff_date_after": r.payoff_date_after.isoformat(),
    }


def overdue_json(c: OverdueCost) -> dict:
    return {
        "installment": c.installment,
        "days": c.days,
        "due_date": c.due_date.isoformat(),
        "overdue_principal": money_str(c.overdue_principal),
        "overdue_interest": money_str(c.overdue_interest),
        "penalty_daily_rate": rate_str(c.penalty_daily_rate),
        "penalty_principal": money_str(c.penalty_principal),
        "penalty_interest": money_str(c.penalty_interest),
        "penalty_total": money_str(c.penalty_total),
        "amount_to_clear": money_str(c.amount_to_clear),
        "daily_cost": money_str(c.daily_cost),
        "stage": c.stage,
    }


def loan_state_json(s: LoanState) -> dict:
    return {
        "id": s.record.id,
        "name": s.record.name,
        "principal": money_str(s.record.principal),
        "principal_outstanding": money_str(s.principal_outstanding),
        "next_due_date": s.next_due_date.isoformat() if s.next_due_date else None,
        "next_due_amount": money_str(s.next_due_amount),
        "days_until_due": s.days_until_due,
        "days_overdue": s.days_overdue,
        "stage": s.stage,
        "amount_to_clear": money_str(s.amount_to_clear),
        "daily_cost": money_str(s.daily_cost),
        "paid_off": s.paid_off,
        "installments": [
            {
                "no": i.no,
                "due_date": i.due_date.isoformat(),
                "principal": money_str(i.principal),
                "interest": money_str(i.interest),
                "penalty": money_str(i.penalty),
                "paid": money_str(i.paid),
                "status": i.status,
                "days_overdue": i.days_overdue,
            }
            for i in s.installments
        ],
        "problems": list(s.problems),
    }


def status_json(today: dt.date, states: list[LoanState], demo: bool) -> dict:
    return {"today": today.isoformat(), "demo": demo, "loans": [loan_state_json(s) for s in states]}


# --- readable text ---


def installments_table(installments: list[Installment], lang: str) -> str:
    head = [t(f"col.{c}", lang) for c in ("no", "due_date", "days", "principal", "interest", "total", "remaining")]
    rows = [
        [str(i.no), i.due_date.isoformat(), str(i.days), yuan(i.principal), yuan(i.interest), yuan(i.total), yuan(i.remaining)]
        for i in installments
    ]
    return table(head, rows, right={0, 2, 3, 4, 5, 6})


def schedule_text(loan: Loan, installments: list[Installment], apr_simple: Decimal, apr_irr: Decimal, lang: str) -> str:
    total_interest = sum((i.interest for i in installments), Decimal(0))
    summary = pairs(
        [
            (t("col.principal", lang), yuan(loan.principal)),
            (t("col.rate", lang), percent(loan.daily_rate)),
            (t("col.method", lang), t(f"method.{loan.method.value}", lang)),
            (t("label.total_interest", lang), yuan(total_interest)),
            (t("label.total_payment", lang), yuan(sum((i.total for i in installments), Decimal(0)))),
            (t("label.apr_simple", lang), percent(apr_simple)),
            (t("label.apr_irr", lang), percent(apr_irr)),
        ]
    )
    return installments_table(installments, lang) + "\n\n" + summary


def settle_text(r: SettleResult, lang: str) -> str:
    items = [(t("label.on", lang), r.on.isoformat())]
    if r.overdue_to_clear:
        items.append((t("label.overdue_first", lang), yuan(r.overdue_to_clear)))
    items += [
        (t("label.principal_owed", lang), yuan(r.principal)),
        (t("label.accrued", lang), yuan(r.accrued_interest)),
        (t("label.payoff", lang), yuan(r.payoff)),
        (t("label.interest_saved", lang), yuan(r.interest_saved)),
    ]
    return pairs(items)


def prepay_text(r: PrepayResult, lang: str) -> str:
    items = [
        (t("label.on", lang), r.on.isoformat()),
        (t("label.amount", lang), yuan(r.amount)),
        (t("label.strategy", lang), t(f"strategy.{r.strategy.value}", lang)),
    ]
    if r.overdue_cleared:
        items.append((t("label.overdue_first", lang), yuan(r.overdue_cleared)))
    items += [
        (t("label.accrued", lang), yuan(r.accrued_interest)),
        (t("label.principal_reduction", lang), yuan(r.principal_reduction)),
        (t("label.new_balance", lang), yuan(r.new_balance)),
        (t("label.interest_before", lang), yuan(r.interest_before)),
        (t("label.interest_after", lang), yuan(r.interest_after)),
        (t("label.interest_saved", lang), yuan(r.interest_saved)),
        (t("label.payoff_date_before", lang), r.payoff_date_before.isoformat()),
        (t("label.payoff_date_after", lang), r.payoff_date_after.isoformat()),
    ]
    note = "" if r.strategy_matters else "\n\n" + t("cli.same_both", lang)
    return pairs(items) + "\n\n" + installments_table(list(r.installments), lang) + note


def overdue_text(c: OverdueCost, terms: ProductTerms, lang: str) -> str:
    items = [
        (t("label.installment", lang), str(c.installment)),
        (t("label.due_date", lang), c.due_date.isoformat()),
        (t("label.days_late", lang), str(c.days)),
        (t("label.stage", lang), c.stage),
        (t("label.overdue_principal", lang), yuan(c.overdue_principal)),
        (t("label.overdue_interest", lang), yuan(c.overdue_interest)),
        (t("label.penalty_rate", lang), f"{percent(c.penalty_daily_rate)} ({t('label.penalty_multiplier', lang)} {terms.penalty_multiplier})"),
        (t("label.penalty_principal", lang), f"{yuan(c.penalty_principal)}  = {yuan(c.overdue_principal)} × {percent(c.penalty_daily_rate)} × {c.days}"),
        (t("label.penalty_interest", lang), f"{yuan(c.penalty_interest)}  = {yuan(c.overdue_interest)} × {percent(c.penalty_daily_rate)} × {c.days}"),
        (t("label.penalty_total", lang), yuan(c.penalty_total)),
        (t("label.amount_to_clear", lang), yuan(c.amount_to_clear)),
        (t("label.daily_cost", lang), yuan(c.daily_cost)),
        (t("label.grace_days", lang), str(terms.grace_days)),
    ]
    return pairs(items)


def when_text(s: LoanState, lang: str) -> str:
    if s.days_overdue:
        return t("when.overdue", lang, days=s.days_overdue)
    if s.days_until_due is None:
        return "—"
    if s.days_until_due == 0:
        return t("when.today", lang)
    return t("when.in_days", lang, days=s.days_until_due)


def badge_key(s: LoanState) -> str:
    """paid_off, overdue, due_today, due_soon (within 3 days) or on_track."""
    if s.paid_off:
        return "paid_off"
    if s.days_overdue:
        return "overdue"
    if s.days_until_due == 0:
        return "due_today"
    if s.days_until_due is not None and s.days_until_due <= 3:
        return "due_soon"
    return "on_track"


def badge_text(s: LoanState, lang: str) -> str:
    return t(f"badge.{badge_key(s)}", lang, stage=s.stage)


def status_text(today: dt.date, states: list[LoanState], lang: str, demo: bool, detail: bool) -> str:
    if not states:
        return t("cli.no_loans", lang)
    head = [t(f"col.{c}", lang) for c in ("id", "name", "outstanding", "next_due", "amount", "when", "state")]
    rows = [
        [
            s.record.id,
            visible(s.record.name),
            yuan(s.principal_outstanding),
            _shown_due_date(s),
            yuan(s.amount_to_clear if s.days_overdue else s.next_due_amount),
            when_text(s, lang),
            badge_text(s, lang),
        ]
        for s in states
    ]
    out = [f"{t('label.today', lang)} {today.isoformat()}", table(head, rows, right={2, 4})]
    if demo:
        out.append(t("cli.demo_note", lang))
    if detail:
        for s in states:
            out.append(f"\n{s.record.id}  {visible(s.record.name)}")
            out.append(installments_text(s, lang))
    for s in states:
        out += [t("cli.problems", lang, problem=visible(p)) for p in s.problems]
    return "\n".join(out)


def _shown_due_date(s: LoanState) -> str:
    """An overdue loan shows the date it fell behind; otherwise the next due date."""
    if s.days_overdue:
        return (s.today - dt.timedelta(days=s.days_overdue)).isoformat()
    return s.next_due_date.isoformat() if s.next_due_date else "—"


def installment_status(i, lang: str) -> str:
    if i.settled:
        return t("status.settled", lang)
    return t(f"status.{i.status}", lang, days=i.days_overdue)


def installments_text(s: LoanState, lang: str) -> str:
    head = [t(f"col.{c}", lang) for c in ("no", "due_date", "principal", "interest", "penalty", "paid", "status")]
    rows = [
        [str(i.no), i.due_date.isoformat(), yuan(i.principal), yuan(i.interest), yuan(i.penalty), yuan(i.paid), installment_status(i, lang)]
        for i in s.installments
    ]
    return table(head, rows, right={0, 2, 3, 4, 5})


def loans_text(ledger, lang: str) -> str:
    if not ledger.loans:
        return t("cli.no_loans", lang)
    head = [t(f"col.{c}", lang) for c in ("id", "name", "principal", "rate", "term", "method", "start")]
    rows = [
        [r.id, visible(r.name), yuan(r.principal), percent(r.daily_rate), str(r.term), t(f"method.{r.method.value}", lang), r.start.isoformat()]
        for r in ledger.loans
    ]
    return table(head, rows, right={2, 3, 4})


def loans_json(ledger) -> list[dict]:
    return [
        {
            "id": r.id,
            "name": r.name,
            "principal": money_str(r.principal),
            "daily_rate": rate_str(r.daily_rate),
            "term": r.term,
            "method": r.method.value,
            "start": r.start.isoformat(),
            "repayment_day": r.repayment_day,
            "auto_debit": r.auto_debit,
            "funding_account": r.funding_account,
        }
        for r in ledger.loans
    ]


def terms_json(terms: ProductTerms) -> dict:
    return {
        "penalty_multiplier": str(terms.penalty_multiplier),
        "grace_days": terms.grace_days,
        "compounding": terms.compounding,
        "default_prepay_strategy": terms.default_prepay_strategy.value,
        "illustrative": terms.illustrative,
        "stage_texts": terms.stage_texts,
    }


def terms_text(terms: ProductTerms, lang: str) -> str:
    on = t("word.on", lang) if terms.compounding else t("word.off", lang)
    items = [
        (t("label.penalty_multiplier", lang), str(terms.penalty_multiplier)),
        (t("label.grace_days", lang), str(terms.grace_days)),
        (t("label.compounding", lang), on),
        (t("label.default_strategy", lang), t(f"strategy.{terms.default_prepay_strategy.value}", lang)),
    ]
    text = pairs(items)
    if terms.illustrative:
        text = t("cli.illustrative", lang) + "\n" + text
    return text


# --- backups, recovery, undo ---


def generation_json(g) -> dict:
    return {
        "number": g.number,
        "file": g.path.name,
        "saved": g.saved.isoformat() if g.saved is not None else None,
        "usable": g.ledger is not None,
        "loans": g.loans if g.ledger is not None else None,
        "payments": g.payments if g.ledger is not None else None,
        "revision": g.revision,
        "problem": g.problem.sentence("en") if g.problem is not None else None,
    }


def generations_text(store, gens: list, lang: str) -> str:
    from jiebei_tui.text.backups import generation_line

    if not gens:
        return t("recover.none", lang, path=store.path)
    return "\n".join([t("recover.list_head", lang, path=store.path), *("  " + generation_line(g, lang) for g in gens)])


def recovered_json(done) -> dict:
    return {
        "path": str(done.path),
        "restored": generation_json(done.restored) if done.restored is not None else None,
        "kept": str(done.kept) if done.kept else None,
        "aside": str(done.aside) if done.aside else None,
        "revision": done.revision,
    }


def change_json(change) -> dict:
    return {
        "action": change.action,
        "params": change.params,
        "source": change.source,
        "at": change.at.isoformat(),
        "revision": change.revision,
        "before": change.before,
    }
