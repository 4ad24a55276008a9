"""What the command line prints: JSON shapes (the scripting contract) and readable text in either language.

In JSON, amounts are strings with exactly 2 decimals, daily rates 6, annualised rates 4, dates ISO.
Text from the ledger file (names, accounts, problems) is shown through text/safe.py `visible()`, and JSON
escapes every character that could act on a terminal (json.dumps leaves DEL, C1 and bidi characters raw).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from jiebei_tui.domain.money import exact_str, money_str, percent, yuan
from typing import TYPE_CHECKING

from jiebei_tui.domain.schedule import Installment
from jiebei_tui.domain.terms import Loan
from jiebei_tui.domain.free_text import first_unsafe, unsafe_char
from jiebei_tui.text.i18n import t
from jiebei_tui.text.loans import badge_text, compared, edit_changes, installment_status, payment_words, when_text
from jiebei_tui.text.safe import visible
from jiebei_tui.text.way_back import numbers
from jiebei_tui.text.width import pairs, table

if TYPE_CHECKING:  # kept out of start-up: the inline commands never build a ledger
    from jiebei_tui.actions.facts import Plan, Status
    from jiebei_tui.actions.overdue import Outlook
    from jiebei_tui.actions.payments import Edited, Paid, PaymentRow, Voided
    from jiebei_tui.actions.repay import NextInstalment
    from jiebei_tui.actions.terms import TermsView
    from jiebei_tui.domain.corrections import LoanEdit
    from jiebei_tui.domain.debits import DebitQuestion
    from jiebei_tui.domain.ledger import LoanRecord
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
        "prepaid_principal": money_str(i.prepaid),
        "remaining": money_str(i.remaining),
    }


def schedule_json(plan: Plan) -> dict:
    loan = plan.loan
    return {
        "principal": money_str(loan.principal),
        "daily_rate": rate_str(loan.daily_rate),
        "term": loan.term,
        "method": loan.method.value,
        "start": loan.start.isoformat(),
        "repayment_day": loan.repayment_day,
        "installments": [installment_json(i) for i in plan.installments],
        "total_interest": money_str(plan.total_interest),
        "total_payment": money_str(plan.total_payment),
        "apr_simple": rate_str(plan.apr_simple, 4),
        "apr_irr": rate_str(plan.apr_irr, 4),
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


def prepay_json(r: PrepayResult, nxt: NextInstalment | None = None) -> dict:
    """The split of the amount (overdue_cleared + to_running_installment + prepaid_principal + prepayment_fee =
    amount) and what the next instalment then asks against the plan as it stands (next_installment)."""
    return {
        "on": r.on.isoformat(),
        "amount": money_str(r.amount),
        "strategy": r.strategy.value,
        "strategy_matters": r.strategy_matters,
        "accrued_interest": money_str(r.accrued_interest),
        "overdue_cleared": money_str(r.overdue_cleared),
        "running_installment": r.running,
        "running_installment_due": money_str(r.running_due),
        "due_before_prepaying": money_str(r.due_now),
        "to_running_installment": money_str(r.to_running),
        "completes_installment": r.installment_paid,
        "prepaid_principal": money_str(r.prepaid),
        "prepayment_fee": money_str(r.fee),
        "next_installment": None if nxt is None else {
            "no": nxt.no, "due_date": nxt.due_date.isoformat(), "amount": money_str(nxt.amount),
            "amount_as_planned": money_str(nxt.on_time),
        },
        "principal_reduction": money_str(r.principal_reduction),
        "new_balance": money_str(r.new_balance),
        "installments": [installment_json(i) for i in r.installments],
        "interest_before": money_str(r.interest_before),
        "interest_after": money_str(r.interest_after),
        "interest_saved": money_str(r.interest_saved),
        "payoff_date_before": r.payoff_date_before.isoformat(),
        "payoff_date_after": r.payoff_date_after.isoformat(),
    }


def outlook_json(found: Outlook) -> dict:
    """Instalment K `days` late: the totals over every instalment owed by then (the keys a single instalment's
    figures always had), and `rows`, one per instalment."""
    o = found.outlook
    return {
        "installment": o.installment,
        "days": o.days,
        "due_date": o.due_date.isoformat(),
        "on": o.on.isoformat(),
        "overdue_principal": money_str(o.principal),
        "overdue_interest": money_str(o.interest),
        "penalty_daily_rate": rate_str(o.penalty_daily_rate),
        "penalty_principal": money_str(o.penalty_principal),
        "penalty_interest": money_str(o.penalty_interest),
        "penalty_total": money_str(o.penalty_total),
        "amount_to_clear": money_str(o.amount_to_clear),
        "daily_cost": money_str(o.daily_cost),
        "daily_cost_exact": exact_str(o.daily.exact),
        "stage": o.stage,
        "as_if_unpaid": o.as_if_unpaid,
        "terms": "loan" if found.own else "all",
        "rows": [
            {
                "installment": r.installment,
                "due_date": r.due_date.isoformat(),
                "days": r.days,
                "principal": money_str(r.principal),
                "interest": money_str(r.interest),
                "penalty_principal": money_str(r.penalty_principal),
                "penalty_interest": money_str(r.penalty_interest),
                "penalty_paid": money_str(r.penalty_paid),
                "penalty": money_str(r.penalty),
                "owed": money_str(r.owed),
            }
            for r in o.rows
        ],
    }


def loan_state_json(s: LoanState) -> dict:
    from jiebei_tui.actions.facts import due_now

    due = due_now(s)
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
        "daily_cost_exact": exact_str(s.daily.exact),
        "paid_off": s.paid_off,
        "badge": due.badge,
        "behind_since": due.date.isoformat() if s.days_overdue and due.date else None,
        "pay_now": money_str(due.amount),
        "pay_now_covers": list(due.covers),
        "payoff": money_str(s.payoff),
        "auto_debit": s.record.auto_debit,
        "installments": [
            {
                "no": i.no,
                "due_date": i.due_date.isoformat(),
                "principal": money_str(i.own_principal),
                "interest": money_str(i.interest),
                "penalty": money_str(i.penalty),
                "paid": money_str(i.own_paid),
                "prepaid_principal": money_str(i.prepaid),
                "prepayment_fee": money_str(i.fee),
                "paid_on": i.paid_on.isoformat() if i.paid_on else None,
                "status": i.status,
                "days_overdue": i.days_overdue,
            }
            for i in s.installments
        ],
        "problems": list(s.problems),
    }


def status_json(status: Status) -> dict:
    return {
        "today": status.today.isoformat(),
        "demo": status.demo,
        "loans": [loan_state_json(s) for s in status.states],
        "debits_to_confirm": [debit_json(q) for q in status.debits],
    }


def debit_json(q: DebitQuestion) -> dict:
    return {"loan": q.loan_id, "installment": q.installment, "due_date": q.due_date.isoformat(),
            "amount": money_str(q.amount), "account": q.account, "command": debit_command(q)}


def debit_command(q: DebitQuestion) -> str:
    return f"jiebei-tui pay {q.loan_id} --debited"


# --- readable text ---


def installments_table(installments: list[Installment], lang: str) -> str:
    """Principal prepaid with an instalment is a line of its own after it, dated the day of the payment."""
    head = [t(f"col.{c}", lang) for c in ("no", "due_date", "days", "principal", "interest", "total", "remaining")]
    rows = []
    for i in installments:
        rows.append([str(i.no), i.due_date.isoformat(), str(i.days), yuan(i.principal), yuan(i.interest),
                     yuan(i.total), yuan(i.remaining_before_prepaid)])
        if i.prepaid:
            on = i.prepaid_on.isoformat() if i.prepaid_on else ""
            rows.append([t("schedule.prepaid_row", lang), on, "", yuan(i.prepaid), "", yuan(i.prepaid), yuan(i.remaining)])
    return table(head, rows, right={0, 2, 3, 4, 5, 6})


def schedule_text(plan: Plan, lang: str) -> str:
    loan = plan.loan
    summary = pairs(
        [
            (t("col.principal", lang), yuan(loan.principal)),
            (t("col.rate", lang), percent(loan.daily_rate)),
            (t("col.method", lang), t(f"method.{loan.method.value}", lang)),
            (t("label.total_interest", lang), yuan(plan.total_interest)),
            (t("label.total_payment", lang), yuan(plan.total_payment)),
            (t("label.apr_simple", lang), percent(plan.apr_simple)),
            (t("label.apr_irr", lang), percent(plan.apr_irr)),
        ]
    )
    return installments_table(list(plan.installments), lang) + "\n\n" + summary


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


def prepay_text(r: PrepayResult, nxt: NextInstalment | None, lang: str) -> str:
    from jiebei_tui.text import prepay as prepaying

    items = [
        (t("label.on", lang), r.on.isoformat()),
        (t("label.amount", lang), yuan(r.amount)),
        (t("label.strategy", lang), t(f"strategy.{r.strategy.value}", lang)),
    ]
    if r.overdue_cleared:
        items.append((t("label.overdue_first", lang), yuan(r.overdue_cleared)))
    if r.running is not None:
        items.append((t("label.to_running", lang, no=r.running), yuan(r.to_running)))
    items.append((t("label.prepaid_principal", lang), yuan(r.prepaid)))
    if r.fee:
        items.append((t("label.prepayment_fee_paid", lang), yuan(r.fee)))
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
    return (prepaying.effect(r, nxt, lang) + "\n\n" + pairs(items) + "\n\n"
            + installments_table(list(r.installments), lang) + note)


def outlook_text(found: Outlook, lang: str) -> str:
    o, terms = found.outlook, found.terms
    rate = percent(o.penalty_daily_rate)
    items = [
        (t("label.installment", lang), str(o.installment)),
        (t("label.due_date", lang), o.due_date.isoformat()),
        (t("label.days_late", lang), f"{o.days} ({o.on.isoformat()})"),
        (t("label.stage", lang), o.stage),
        (t("label.overdue_principal", lang), yuan(o.principal)),
        (t("label.overdue_interest", lang), yuan(o.interest)),
        (t("label.penalty_rate", lang), f"{rate} ({t('label.penalty_multiplier', lang)} {terms.penalty_multiplier})"),
        (t("label.penalty_total", lang), yuan(o.penalty_total)),
        (t("label.amount_to_clear", lang), yuan(o.amount_to_clear)),
        (t("label.daily_cost", lang), yuan(o.daily_cost)),
        (t("label.grace_days", lang), str(terms.grace_days)),
    ]
    head = [t(f"col.{c}", lang) for c in ("no", "due_date", "days_late", "principal", "interest", "penalty", "owed")]
    rows = [[str(r.installment), r.due_date.isoformat(), str(r.days), yuan(r.principal), yuan(r.interest),
             yuan(r.penalty), yuan(r.owed)] for r in o.rows]
    formulas = [
        f"{t('label.penalty_principal', lang)} {yuan(r.penalty_principal)} = {yuan(r.principal)} × {rate} × {r.days}"
        for r in o.rows if r.days and r.penalty_principal
    ]
    text = pairs(items) + "\n\n" + table(head, rows, right={0, 2, 3, 4, 5, 6})
    if o.as_if_unpaid:
        text = t("overdue.as_if_unpaid", lang, no=o.installment) + "\n" + text
    scope = t("terms.this_loan" if found.own else "terms.all_loans", lang)
    if o.daily.exact:
        from jiebei_tui.text.explain import daily_penalty  # only for this command

        formulas += daily_penalty(o.daily, lang, o.days, terms.grace_days)
    return text + ("\n" + "\n".join(formulas) if formulas else "") + "\n" + t("overdue.terms_of", lang, scope=scope)


def status_text(status: Status, lang: str, detail: bool) -> str:
    from jiebei_tui.actions.facts import due_now

    states = status.states
    if not states:
        return t("cli.no_loans", lang)
    head = [t(f"col.{c}", lang) for c in ("id", "name", "outstanding", "next_due", "amount", "when", "state")]
    rows = []
    for s in states:
        due = due_now(s)
        rows.append([
            s.record.id,
            visible(s.record.name),
            yuan(s.principal_outstanding),
            due.date.isoformat() if due.date else "—",
            yuan(due.shown),
            when_text(s, lang),
            badge_text(s, lang),
        ])
    out = [f"{t('label.today', lang)} {status.today.isoformat()}", table(head, rows, right={2, 4})]
    if status.demo:
        out.append(t("cli.demo_note", lang))
    if detail:
        for s in states:
            due = due_now(s)
            out.append(f"\n{s.record.id}  {visible(s.record.name)}")
            out.append(installments_text(s, lang))
            if not due.nothing:
                out.append(pay_now_text(due, lang))
    for s in states:
        out += [t("cli.problems", lang, problem=visible(p)) for p in s.problems]
    out += [debit_question_text(q, lang) for q in status.debits]
    return "\n".join(out)


def pay_now_text(due, lang: str) -> str:
    """The amount to pay today, what it covers, and the payoff (actions/facts.py DueNow)."""
    covers = numbers(due.covers, lang)  # "instalments 2, 3" / "第 2、3 期"
    return t("cli.pay_now", lang, amount=due.amount, covers=covers, payoff=due.payoff)


def debit_question_text(q: DebitQuestion, lang: str) -> str:
    """"Did the ¥X debit on D go through?" with the command that records the answer yes."""
    return t("debit.question", lang, loan=q.loan_id, name=visible(q.loan_name), amount=q.amount, date=q.due_date,
             no=q.installment, command=debit_command(q))


def installments_text(s: LoanState, lang: str) -> str:
    """The schedule as the borrower reads it: principal prepaid on a line of its own (replay.schedule_lines)."""
    head = [t(f"col.{c}", lang) for c in ("no", "due_date", "principal", "interest", "penalty", "paid", "status")]
    rows = []
    for i in s.schedule:
        if i.apart:  # principal prepaid, the fee on it: no number, no interest or penalty
            rows.append(["", i.due_date.isoformat(), yuan(i.principal) if i.principal else "", "", "", yuan(i.paid),
                         installment_status(i, lang)])
        else:
            rows.append([str(i.no), i.due_date.isoformat(), yuan(i.principal), yuan(i.interest), yuan(i.penalty),
                         yuan(i.paid), installment_status(i, lang)])
    return table(head, rows, right={0, 2, 3, 4, 5})


def loans_text(records: list[LoanRecord], lang: str) -> str:
    if not records:
        return t("cli.no_loans", lang)
    head = [t(f"col.{c}", lang) for c in ("id", "name", "principal", "rate", "term", "method", "start")]
    rows = [
        [r.id, visible(r.name), yuan(r.principal), percent(r.daily_rate), str(r.term), t(f"method.{r.method.value}", lang), r.start.isoformat()]
        for r in records
    ]
    return table(head, rows, right={2, 3, 4})


def loans_json(records: list[LoanRecord]) -> list[dict]:
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
            "terms": terms_values(r.terms.overrides()) if r.terms is not None else {},
        }
        for r in records
    ]


def terms_values(values: dict) -> dict:
    """Term values as JSON has them: multipliers and fees as text, amounts with 2 decimals."""
    out: dict = {}
    for name, value in values.items():
        if name == "min_prepayment":
            out[name] = money_str(value)
        elif name == "prepayment_fee":
            out[name] = rate_str(value)
        elif name == "default_prepay_strategy":
            out[name] = value.value
        elif isinstance(value, Decimal):
            out[name] = str(value)
        else:
            out[name] = value
    return out


def terms_json(view: TermsView) -> dict:
    terms = view.terms
    return {
        "scope": view.scope,
        "loan": view.loan_id,
        "own": list(view.own),
        **terms_values({
            "penalty_multiplier": terms.penalty_multiplier,
            "grace_days": terms.grace_days,
            "compounding": terms.compounding,
            "default_prepay_strategy": terms.default_prepay_strategy,
            "min_prepayment": terms.min_prepayment,
            "prepayment_fee": terms.prepayment_fee,
        }),
        "illustrative": terms.illustrative,
        "stage_texts": terms.stage_texts,
    }


def terms_text(view: TermsView, lang: str) -> str:
    terms = view.terms
    on = t("word.on", lang) if terms.compounding else t("word.off", lang)
    fee = f"{percent(terms.prepayment_fee)}" if terms.prepayment_fee else t("word.none", lang)
    items = [
        ("penalty_multiplier", t("label.penalty_multiplier", lang), str(terms.penalty_multiplier)),
        ("grace_days", t("label.grace_days", lang), str(terms.grace_days)),
        ("compounding", t("label.compounding", lang), on),
        ("default_prepay_strategy", t("label.default_strategy", lang), t(f"strategy.{terms.default_prepay_strategy.value}", lang)),
        ("min_prepayment", t("label.min_prepayment", lang), yuan(terms.min_prepayment)),
        ("prepayment_fee", t("label.prepayment_fee", lang), fee),
    ]
    own = t("terms.own", lang)
    text = pairs([(label, value + (f"  ({own})" if name in view.own else "")) for name, label, value in items])
    if view.loan_id is None:
        heading = t("terms.all_loans_heading", lang)
    else:
        heading = t("terms.this_loan_heading", lang, loan=view.loan_id)
    text = heading + "\n" + text
    if terms.illustrative:
        text = t("cli.illustrative", lang) + "\n" + text
    return text


# --- payments ---


def paid_text(paid: Paid, today: dt.date, lang: str) -> str:
    e = paid.event
    kind = t("kind.auto_debit" if e.auto_debit else f"kind.{e.kind}", lang)
    text = t("cli.recorded", lang, kind=kind, amount=e.amount, date=e.date, loan=e.loan_id)
    return text + "\n\n" + _one_loan(paid.state, today, lang)


def _one_loan(state: LoanState, today: dt.date, lang: str) -> str:
    from jiebei_tui.actions.facts import Status

    return status_text(Status(today, False, (state,)), lang, detail=False)


def voided_text(done: Voided, today: dt.date, lang: str) -> str:
    p = done.payment
    text = t("cli.voided", lang, event=p.id, amount=p.amount, date=p.date, loan=p.loan_id, void=done.void.id)
    return text + "\n\n" + _one_loan(done.state, today, lang)


def edited_text(done: Edited, today: dt.date, lang: str) -> str:
    p, new = done.payment, done.replacement
    if new is None:
        return t("cli.edit_nothing", lang, event=p.id)
    text = t("cli.edited", lang, event=p.id, amount=p.amount, date=p.date, new=new.id, new_amount=new.amount,
             new_date=new.date, loan=p.loan_id)
    return text + "\n\n" + _one_loan(done.state, today, lang)


def payment_json(row: PaymentRow) -> dict:
    e, split = row.event, row.split
    return {
        "id": e.id,
        "loan": e.loan_id,
        "date": e.date.isoformat(),
        "kind": e.kind,
        "amount": money_str(e.amount),
        "status": row.status,
        "auto_debit": e.auto_debit,
        "strategy": e.strategy.value if e.strategy else None,
        "penalty": money_str(split.penalty) if split else None,
        "interest": money_str(split.interest) if split else None,
        "principal": money_str(split.principal) if split else None,
        "prepaid": money_str(split.prepaid) if split else None,
        "fee": money_str(split.fee) if split else None,
        "recorded_at": e.recorded_at.isoformat() if e.recorded_at else None,
        "source": e.source or None,
        "replaces": e.replaces,
        "voided_by": row.voided_by,
        "replaced_by": row.replaced_by,
        "reason": row.reason,
    }


def payments_text(rows: list[PaymentRow], lang: str) -> str:
    if not rows:
        return t("cli.no_payments", lang)
    head = [t(f"col.{c}", lang) for c in ("id", "loan", "date", "kind", "amount", "penalty", "interest", "principal",
                                          "prepaid", "fee", "status", "recorded")]

    def part(value) -> str:
        return yuan(value) if value is not None else ""

    table_rows = []
    for row in rows:
        e, split = row.event, row.split
        kind, status, recorded = payment_words(row, lang)
        table_rows.append([e.id, e.loan_id, e.date.isoformat(), kind, yuan(e.amount),
                           *(part(getattr(split, name) if split else None)
                             for name in ("penalty", "interest", "principal", "prepaid", "fee")),
                           status, recorded])
    return table(head, table_rows, right={4, 5, 6, 7, 8, 9})


# --- editing a loan ---

EDITED = ("principal", "daily_rate", "term", "method", "start", "repayment_day")


def _edit_value(name: str, value) -> object:
    if value is None:
        return None
    if name == "principal":
        return money_str(value)
    if name == "daily_rate":
        return rate_str(value)
    if name == "start":
        return value.isoformat()
    if name == "method":
        return value.value
    return value


def loan_edit_json(edit: LoanEdit, applied: bool) -> dict:
    return {
        "id": edit.record_before.id,
        "applied": applied and bool(edit.changes),
        "changes": {name: {"before": _edit_value(name, before), "after": _edit_value(name, after)}
                    for name, before, after in edit.changes},
        "schedule_before": [installment_json(i) for i in edit.schedule_before],
        "schedule_after": [installment_json(i) for i in edit.schedule_after],
        "state_before": loan_state_json(edit.state_before),
        "state_after": loan_state_json(edit.state_after),
    }


def loan_edit_text(edit: LoanEdit, applied: bool, lang: str) -> str:
    loan = edit.record_before.id
    if not edit.changes:
        return t("loanedit.nothing", lang, loan=loan)
    changes = pairs(edit_changes(edit, lang))
    head = ["", t("loanedit.before", lang), t("loanedit.after", lang)]
    compare = table(head, [list(row) for row in compared(edit.state_before, edit.state_after, lang)], right={1, 2})
    out = [t("loanedit.heading", lang, loan=loan), changes, "", compare, "", t("loanedit.schedule_after", lang),
           installments_table(list(edit.schedule_after), lang), ""]
    out.append(t("loanedit.applied", lang, loan=loan) if applied else t("loanedit.preview_only", lang))
    return "\n".join(out)


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


def generations_text(path, gens: list, lang: str) -> str:
    from jiebei_tui.text.backups import generation_line

    if not gens:
        return t("recover.none", lang, path=path)
    return "\n".join([t("recover.list_head", lang, path=path), *("  " + generation_line(g, lang) for g in gens)])


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
