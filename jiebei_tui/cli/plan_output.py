"""What the Plan commands print (plan, goal, scenario, whatif, months, payday): JSON shapes, the scripting
contract (amounts strings with 2 decimals, dates ISO, months YYYY-MM), and readable text in either language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import money_str, yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.plan import (
    PLAN_ROWS,
    SCENARIO_ROWS,
    answer_text,
    change_text,
    day_move_cost,
    goal_head,
    loan_name,
    month_rows,
    note_text,
    one_fen_less_text,
    order_name,
    plan_columns,
    result_name,
    row_labels,
    scenario_columns,
    step_line,
    waiting_lines,
)
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import table

if TYPE_CHECKING:
    from jiebei_tui.actions.plan import MonthsView, PlanView
    from jiebei_tui.actions.scenarios import Compared, Shown
    from jiebei_tui.domain.forecast import MonthOutgo, Payment
    from jiebei_tui.domain.goal import GoalSeek, Outcome
    from jiebei_tui.domain.plan import PlanOption
    from jiebei_tui.domain.repayment_day import DayMove
    from jiebei_tui.domain.scenario_compare import ScenarioResult
    from jiebei_tui.domain.scenarios import Scenario, ScenarioChange


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _money(value: Decimal | None) -> str | None:
    return money_str(value) if value is not None else None


# --- JSON pieces ---


def payment_json(p: Payment, names: dict[str, str]) -> dict:
    a = p.allocation
    return {
        "loan": p.loan_id,
        "name": names.get(p.loan_id, ""),
        "date": p.on.isoformat(),
        "amount": money_str(p.amount),
        "regular": money_str(p.regular),
        "extra": money_str(p.extra),
        "kind": p.kind,
        "strategy": p.strategy.value if p.strategy else None,
        "installment": p.installment,
        "overdue_cleared": money_str(a.overdue_cleared),
        "principal": money_str(p.principal),
        "prepaid": money_str(a.prepaid),
        "interest": money_str(p.interest),
        "penalty": money_str(p.penalty),
        "fee": money_str(p.fee),
        "closes": a.closed,
    }


def month_outgo_json(m: MonthOutgo) -> dict:
    return {
        "month": m.month.strftime("%Y-%m"),
        "total": money_str(m.total),
        "regular": money_str(m.regular),
        "extra": money_str(m.extra),
        "by_loan": {loan_id: money_str(amount) for loan_id, amount in m.by_loan},
    }


def _totals_json(totals, saving: Decimal | None) -> dict:
    return {
        "debt_free": _date(totals.last),
        "paid": money_str(totals.paid),
        "interest": money_str(totals.interest),
        "penalty": money_str(totals.penalty),
        "fees": money_str(totals.fees),
        "cost": money_str(totals.cost),
        "saving": _money(saving),
    }


def option_json(o: PlanOption, names: dict[str, str], with_steps: bool = True) -> dict:
    data = {"order": o.order, **_totals_json(o.totals, o.saving), "unused": money_str(o.unused)}
    if with_steps:
        data["first_step"] = payment_json(o.first_step, names) if o.first_step else None
        data["steps"] = [payment_json(s, names) for s in o.steps]
    data["months"] = [month_outgo_json(m) for m in o.months]
    return data


def plan_json(view: PlanView, applied: dict | None = None) -> dict:
    c = view.comparison
    return {
        "today": c.today.isoformat(),
        "extra": money_str(c.extra),
        "on": _date(c.on),
        "monthly": money_str(c.monthly),
        "from": _date(c.monthly_from),
        "strategy": c.strategy.value if c.strategy else None,
        "roll_over": c.roll_over,
        "principal_outstanding": money_str(c.principal_outstanding),
        "best": c.best.order,
        "chosen": view.chosen,
        "nothing_extra": option_json(c.baseline, view.names, with_steps=False),
        "overdue_waiting": [{"loan": w.loan_id, "owed": money_str(w.owed), "until": w.paid_on.isoformat()}
                            for w in c.waiting],
        "orders": [option_json(o, view.names) for o in c.options],
        "applied": applied,
    }


# --- text pieces ---


def _side_by_side(columns: list[tuple[str, list[str]]], labels: list[str]) -> str:
    """Figures in rows, one column per option (an order, a scenario)."""
    head = [""] + [name for name, _ in columns]
    rows = [[label] + [values[k] for _, values in columns] for k, label in enumerate(labels)]
    return table(head, rows, right=set(range(1, len(columns) + 1)))


def _months_table(months: list[tuple[str, tuple[MonthOutgo, ...]]], lang: str) -> str:
    """Month rows, one column per option; every option has the same months."""
    head = [t("plan.col.month", lang)] + [name for name, _ in months]
    return table(head, month_rows(months, lang), right=set(range(1, len(months) + 1)))


def plan_text(view: PlanView, lang: str, outstanding_after: Decimal | None = None) -> str:
    c = view.comparison
    out = [t("plan.head", lang, today=c.today, principal=c.principal_outstanding)]
    money = []
    if c.on is not None:
        money.append(t("plan.money_once", lang, amount=c.extra, on=c.on))
    if c.monthly_from is not None:
        money.append(t("plan.money_monthly", lang, amount=c.monthly, on=c.monthly_from))
    out.append(" · ".join(money))
    if c.roll_over:
        out.append(t("plan.roll_over", lang))
    options = [c.baseline, *c.options]
    columns = plan_columns(c, lang)
    labels = row_labels(PLAN_ROWS, lang)
    out += ["", _side_by_side(columns, labels), ""]
    out += waiting_lines(c, view.names, lang)
    best = c.best
    out.append(t("plan.best", lang, order=order_name(best.order, lang), saving=best.saving) if best.saving > 0
               else t("plan.no_saving", lang))
    chosen = view.option
    if chosen.steps:
        out += ["", t("plan.steps_title", lang, order=order_name(chosen.order, lang))]
        for step in chosen.steps:
            out.append("  " + step_line(step, view.names, lang, with_effect=True))
    out += ["", t("plan.months_title", lang), _months_table([(order_name(o.order, lang), o.months) for o in options], lang)]
    return "\n".join(out)


def plan_footer(view: PlanView, lang: str) -> str:
    step = view.first_step
    if step is None or step.on != view.comparison.today:
        return t("plan.simulated_only", lang)
    return t("plan.simulated_only", lang) + " " + t("plan.apply_hint", lang, amount=step.amount, loan=step.loan_id, date=step.on)


# --- goal seek ---


def outcome_json(o: Outcome | None, names: dict[str, str]) -> dict | None:
    if o is None:
        return None
    return {
        "extra": money_str(o.extra),
        "payment": payment_json(o.payment, names) if o.payment else None,
        "debt_free": _date(o.debt_free),
        "max_installment": money_str(o.max_installment),
        "cost": money_str(o.cost),
        "saving": money_str(o.saving),
    }


def goal_json(seek: GoalSeek, names: dict[str, str], lang: str) -> dict:
    goal = seek.goal
    return {
        "loan": seek.loan_id,
        "on": seek.on.isoformat(),
        "goal": {"kind": goal.kind, "date": _date(goal.date), "amount": _money(goal.amount)},
        "falls_due": money_str(seek.falls_due),
        "payoff": money_str(seek.payoff),
        "without": outcome_json(seek.without, names),
        "strategy_matters": seek.strategy_matters,
        "answers": [
            {
                "strategy": a.strategy.value,
                "status": a.status,
                "extra": _money(a.extra),
                "outcome": outcome_json(a.outcome, names),
                "one_fen_less": outcome_json(a.one_fen_less, names),
                "reason": t(a.reason.key, lang, **a.reason.params) if a.reason else None,
            }
            for a in seek.answers
        ],
    }


def goal_text(seek: GoalSeek, names: dict[str, str], lang: str) -> str:
    w = seek.without
    out = [
        goal_head(seek, lang),
        t("plan.goal.head", lang, loan=seek.loan_id, name=loan_name(names, seek.loan_id), on=seek.on, due=seek.falls_due,
          payoff=seek.payoff),
        t("plan.goal.without", lang, date=w.debt_free or "—", largest=w.max_installment, cost=w.cost),
        "",
    ]
    for a in seek.answers:
        out.append(answer_text(a, lang))
        less = one_fen_less_text(a, lang)
        if less:
            out.append("  " + less)
    if not seek.strategy_matters:
        out.append(t("plan.goal.same_both", lang))
    return "\n".join(out)


# --- change my repayment day ---


def day_move_json(move: DayMove) -> dict:
    tr = move.transition
    return {
        "loan": move.loan_id,
        "on": move.on.isoformat(),
        "old_day": move.old_day,
        "new_day": move.new_day,
        "transition": {
            "installment": tr.installment,
            "period_start": tr.period_start.isoformat(),
            "old_due": tr.old_due.isoformat(),
            "new_due": tr.new_due.isoformat(),
            "old_days": tr.old_days,
            "new_days": tr.new_days,
            "old_interest": money_str(tr.old_interest),
            "new_interest": money_str(tr.new_interest),
            "difference": money_str(tr.difference),
        },
        "old_regular": money_str(move.old_regular),
        "new_regular": money_str(move.new_regular),
        "interest_before": money_str(move.interest_before),
        "interest_after": money_str(move.interest_after),
        "cost": money_str(move.cost),
        "before": [{"date": p.on.isoformat(), "amount": money_str(p.amount), "interest": money_str(p.interest),
                    "installment": p.installment} for p in move.before],
        "after": [{"date": p.on.isoformat(), "amount": money_str(p.amount), "interest": money_str(p.interest),
                   "installment": p.installment} for p in move.after],
    }


def day_move_text(move: DayMove, names: dict[str, str], lang: str) -> str:
    tr = move.transition
    out = [
        t("plan.day.head", lang, loan=move.loan_id, name=loan_name(names, move.loan_id), old=move.old_day,
          new=move.new_day, on=move.on),
        t("plan.day.transition", lang, no=tr.installment, start=tr.period_start, old_due=tr.old_due, old_days=tr.old_days,
          old_interest=tr.old_interest, new_due=tr.new_due, new_days=tr.new_days, new_interest=tr.new_interest),
        t("plan.day.regular", lang, old=move.old_regular, new=move.new_regular),
        day_move_cost(move, lang),
        "",
    ]
    head = [t(f"plan.col.{c}", lang) for c in ("no", "old_date", "old_amount", "new_date", "new_amount")]
    rows = []
    for k in range(max(len(move.before), len(move.after))):
        b = move.before[k] if k < len(move.before) else None
        a = move.after[k] if k < len(move.after) else None
        no = (b or a).installment
        rows.append([str(no) if no else "", b.on.isoformat() if b else "", yuan(b.amount) if b else "",
                     a.on.isoformat() if a else "", yuan(a.amount) if a else ""])
    out += [table(head, rows, right={0, 2, 4}), "", t("plan.day.lender", lang)]
    return "\n".join(out)


# --- the months ahead ---


def months_json(view: MonthsView) -> dict:
    return {
        "payday": view.payday,
        "saved_payday": view.saved_payday,
        "months": [
            {
                "month": m.month.strftime("%Y-%m"),
                "total": money_str(m.total),
                "payday": _date(m.payday),
                "before_payday": money_str(m.before_payday),
                "items": [
                    {
                        "loan": i.loan_id,
                        "name": i.name,
                        "due_date": i.due_date.isoformat(),
                        "amount": money_str(i.amount),
                        "installment": i.installment,
                        "overdue": i.overdue,
                        "before_payday": i.before_payday,
                    }
                    for i in m.items
                ],
            }
            for m in view.months
        ],
    }


def months_text(view: MonthsView, lang: str) -> str:
    out = [t("plan.months.payday", lang, day=view.payday) if view.payday else t("plan.months.no_payday", lang), ""]
    head = [t("plan.col.month", lang), t("col.date", lang), t("col.loan", lang), t("plan.col.what", lang),
            t("col.amount", lang), ""]
    rows = []
    for m in view.months:
        rows.append([m.month.strftime("%Y-%m"), "", "", t("plan.col.total", lang), yuan(m.total),
                     t("plan.months.before", lang, amount=m.before_payday, date=m.payday) if m.payday and m.before_payday else ""])
        for i in m.items:
            what = t("plan.months.overdue", lang) if i.overdue else t("plan.months.installment", lang, no=i.installment)
            rows.append(["", i.due_date.isoformat(), f"{i.loan_id} {visible(i.name)}", what, yuan(i.amount),
                         "⚑ " + t("plan.months.flag", lang) if i.before_payday else ""])
    out.append(table(head, rows, right={4}))
    return "\n".join(out)


# --- scenarios ---


def change_json(c: ScenarioChange) -> dict:
    return {
        "kind": c.kind,
        "on": c.on.isoformat(),
        "loan": c.loan_id,
        "amount": _money(c.amount),
        "strategy": c.strategy.value if c.strategy else None,
        "day": c.day,
        "order": c.order,
    }


def scenario_json(s: Scenario) -> dict:
    return {"id": s.id, "name": s.name, "changes": [change_json(c) for c in s.changes]}


def scenarios_text(found: tuple[Scenario, ...], lang: str) -> str:
    if not found:
        return t("plan.scenario.none", lang)
    head = [t("col.id", lang), t("col.name", lang), t("plan.col.changes", lang)]
    return table(head, [[s.id, visible(s.name), "; ".join(change_text(c, lang) for c in s.changes)] for s in found])


def result_json(r: ScenarioResult, names: dict[str, str], lang: str) -> dict:
    data = {
        "id": r.label,
        "name": r.scenario.name if r.scenario else None,
        **_totals_json(r.totals, r.saving if r.scenario else None),
        "steps": [payment_json(p, names) for p in r.steps],
        "months": [month_outgo_json(m) for m in r.months],
        "notes": [note_text(n, lang) for n in r.notes],
    }
    return data


def series_json(series) -> dict:
    return {"label": series.label, "points": [[d.isoformat(), money_str(v)] for d, v in series.points]}


def compared_json(found: Compared, lang: str) -> dict:
    c = found.comparison
    return {
        "today": c.today.isoformat(),
        "current": result_json(c.current, found.names, lang),
        "scenarios": [result_json(r, found.names, lang) for r in c.scenarios],
        "principal_over_time": [series_json(s) for s in c.series],
    }


def compared_text(found: Compared, lang: str) -> str:
    c = found.comparison
    results = [c.current, *c.scenarios]
    columns = scenario_columns(c, lang)
    labels = row_labels(SCENARIO_ROWS, lang)
    out = [t("label.today", lang) + " " + c.today.isoformat(), "", _side_by_side(columns, labels)]
    for r in c.scenarios:
        if r.notes:
            out += ["", t("plan.scenario.notes", lang, id=r.label)]
            out += ["  " + note_text(n, lang) for n in r.notes]
    out += ["", t("plan.months_title", lang), _months_table([(result_name(r, lang), r.months) for r in results], lang)]
    out += ["", t("plan.scenario.principal_title", lang), _principal_table(found, lang)]
    return "\n".join(out)


def _principal_table(found: Compared, lang: str) -> str:
    c = found.comparison
    results = [c.current, *c.scenarios]
    months = [m.month for m in c.current.months]
    head = [t("plan.col.month", lang), t("plan.series.scheduled", lang)] + [result_name(r, lang) for r in results]
    rows = []
    for month in months:
        end = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1) - dt.timedelta(days=1)
        rows.append([month.strftime("%Y-%m"), yuan(c.scheduled.at(end))] + [yuan(r.series.at(end)) for r in results])
    return table(head, rows, right=set(range(1, len(results) + 2)))


def shown_json(shown: Shown, lang: str) -> dict:
    data = compared_json(shown.compared, lang)
    scenario = shown.compared.comparison.scenarios[0]
    data["scenario"] = scenario_json(scenario.scenario)
    today = shown.today
    data["apply_today"] = [payment_json(p, shown.compared.names) for p in today.payments] if today else []
    data["apply_refused"] = _why(shown, lang) if today is None else None
    return data


def _why(shown: Shown, lang: str) -> str:
    key, params = shown.why
    return t(key, lang, **params)


def shown_text(shown: Shown, lang: str) -> str:
    scenario = shown.compared.comparison.scenarios[0].scenario
    out = [f"{scenario.id} {visible(scenario.name)}"]
    out += ["  " + change_text(c, lang) for c in scenario.changes]
    out += ["", compared_text(shown.compared, lang), ""]
    if shown.today is not None:
        out.append(t("plan.scenario.today", lang))
        out += ["  " + step_line(p, shown.compared.names, lang, with_effect=True) for p in shown.today.payments]
    else:
        out.append(t("plan.scenario.not_today", lang, why=_why(shown, lang)))
    return "\n".join(out)
