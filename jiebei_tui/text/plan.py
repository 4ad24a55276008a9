"""The Plan section's figures in words, shared by the command line and the app: an order's name, what a payment
does (the effect a confirmation names), a goal's answer, a scenario's change, a note on one. Names from the
ledger go through visible()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO, yuan
from jiebei_tui.text.i18n import STRINGS, _Gaps, _show, _text, t
from jiebei_tui.text.safe import visible

if TYPE_CHECKING:
    from jiebei_tui.domain.forecast import Payment
    from jiebei_tui.domain.goal import Answer, GoalSeek
    from jiebei_tui.domain.scenario_compare import Note
    from jiebei_tui.domain.scenarios import ScenarioChange


def order_name(order: str, lang: str) -> str:
    return t(f"plan.order.{order}", lang)


def loan_name(names: dict[str, str], loan_id: str) -> str:
    return visible(names.get(loan_id, ""))


def waiting_lines(comparison, names: dict[str, str], lang: str) -> list[str]:
    """What doing nothing extra leaves overdue past today (why it pays nothing this month), one line a loan."""
    return [t("plan.waiting", lang, loan=w.loan_id, name=loan_name(names, w.loan_id), amount=w.owed, date=w.paid_on)
            for w in comparison.waiting]


def unused_line(option, lang: str) -> str:
    """The money an order could not place ("" when it placed it all): the app's table has no "Not placed" row."""
    return t("plan.unused", lang, order=order_name(option.order, lang), amount=option.unused) if option.unused > 0 else ""


def kind_word(kind: str, lang: str) -> str:
    return t(f"kind.{kind}", lang)


def effect(step: Payment, lang: str, outstanding_after: object = None) -> str:
    """What a payment does, in the order the rules apply it: clears what is overdue, pays interest, the running
    instalment's principal, prepays (and its fee), closes the loan or leaves so much principal."""
    a = step.allocation
    parts = []
    if a.overdue_cleared:
        parts.append(t("plan.effect.overdue", lang, amount=a.overdue_cleared))
    if a.interest:
        parts.append(t("plan.effect.interest", lang, amount=a.interest))
    if a.principal:
        parts.append(t("plan.effect.principal", lang, amount=a.principal))
    if a.prepaid:
        parts.append(t("plan.effect.prepaid", lang, amount=a.prepaid))
    if a.fee:
        parts.append(t("plan.effect.fee", lang, amount=a.fee))
    if a.closed:
        parts.append(t("plan.effect.closes", lang))
    elif outstanding_after is not None:
        parts.append(t("plan.effect.left", lang, amount=outstanding_after))
    return ("，" if lang == "zh" else ", ").join(parts)


def step_line(step: Payment, names: dict[str, str], lang: str, with_effect: bool = False) -> str:
    """"2025-01-20  L1 A  ¥5,000.00 (prepayment)", and with `with_effect` what it does."""
    line = t("plan.step", lang, date=step.on, loan=step.loan_id, name=loan_name(names, step.loan_id), amount=step.amount,
             kind=kind_word(step.kind, lang))
    return line + ("：" if lang == "zh" else ": ") + effect(step, lang) if with_effect else line


def strategy_word(strategy, lang: str) -> str:
    return t(f"strategy.{strategy.value}", lang)


def goal_head(seek: GoalSeek, lang: str) -> str:
    goal = seek.goal
    if goal.kind == "finish_by":
        return t("plan.goal.finish_by", lang, date=goal.date)
    return t(f"plan.goal.{goal.kind}", lang, amount=goal.amount)


def answer_text(answer: Answer, lang: str) -> str:
    """One strategy's answer in a sentence: the smallest extra and what it does, already met, or why not."""
    word = strategy_word(answer.strategy, lang)
    name = word[:1].upper() + word[1:]
    if answer.status == "already":
        return t("plan.goal.already", lang, strategy=name)
    if answer.status == "cannot":
        return t("plan.goal.cannot", lang, strategy=name, reason=t(answer.reason.key, lang, **answer.reason.params))
    o = answer.outcome
    return t("plan.goal.met", lang, strategy=name, extra=o.extra, payment=o.payment.amount, date=o.debt_free or "—",
             largest=o.max_installment, saving=o.saving)


def one_fen_less_text(answer: Answer, lang: str) -> str | None:
    less = answer.one_fen_less
    if answer.status != "met" or less is None:
        return None
    return t("plan.goal.one_fen_less", lang, extra=less.extra, date=less.debt_free or "—", largest=less.max_installment,
             saving=less.saving)


def change_text(change: ScenarioChange, lang: str) -> str:
    """A scenario's change in words, e.g. "prepay ¥5,000.00 on L1 on 2025-01-20"."""
    values = {"amount": change.amount, "loan": change.loan_id, "on": change.on, "day": change.day}
    if change.kind == "monthly":
        if change.loan_id is not None:
            text = t("plan.change.monthly_loan", lang, **values)
        else:
            text = t("plan.change.monthly_order", lang, **values, order=order_name(change.order or "highest_cost", lang))
    else:
        text = t(f"plan.change.{change.kind}", lang, **values)
    if change.strategy is not None:
        text = t("plan.change.strategy", lang, text=text, strategy=strategy_word(change.strategy, lang))
    return text


def note_text(note: Note, lang: str) -> str:
    """A note on a scenario's change; a refused payment says why (its rule's words)."""
    params = dict(note.params)
    rule = params.pop("rule", None)
    text = t(note.key, lang, **params)
    if rule is not None and f"rule.{rule}" in STRINGS:
        shown = _Gaps({k: _show(v) for k, v in params.items()})
        text += " " + _text(f"rule.{rule}", lang).format_map(shown) + ("。" if lang == "zh" else ".")
    return text


def counted(key: str, n: int, lang: str, **values: object) -> str:
    """`key` with the number n: the `.one` wording when n is 1."""
    return t(f"{key}.one" if n == 1 else key, lang, n=n, **values)


# --- side by side: figures in rows, one column per option (an order, a scenario), as the command line and the
# Plan section both show them ---

PLAN_ROWS = ("debt_free", "interest", "penalty", "fees", "cost", "saving", "first_step", "unused")
SCENARIO_ROWS = ("debt_free", "interest", "penalty", "fees", "cost", "saving", "outgo")


def _date(day) -> str:
    return day.isoformat() if day is not None else "—"


def first_step_short(step: Payment | None, lang: str) -> str:
    if step is None:
        return t("plan.none", lang)
    return t("plan.first_step", lang, loan=step.loan_id, amount=step.amount, date=step.on.strftime("%m-%d"))


def plan_columns(comparison, lang: str) -> list[tuple[str, list[str]]]:
    """(order's name, its figures in PLAN_ROWS' order) for doing nothing extra and each order."""
    none = t("plan.none", lang)
    out = []
    for o in (comparison.baseline, *comparison.options):
        baseline = o is comparison.baseline
        out.append((order_name(o.order, lang), [
            _date(o.debt_free), yuan(o.totals.interest), yuan(o.totals.penalty), yuan(o.totals.fees), yuan(o.cost),
            none if baseline else yuan(o.saving),
            none if baseline else first_step_short(o.first_step, lang),
            none if baseline else yuan(o.unused),
        ]))
    return out


def result_name(result, lang: str) -> str:
    """A scenario's id and name, or "As things stand"."""
    return f"{result.label} {visible(result.scenario.name)}" if result.scenario else t("plan.scenario.current", lang)


def scenario_columns(comparison, lang: str, months: int = 3) -> list[tuple[str, list[str]]]:
    """(scenario's name, its figures in SCENARIO_ROWS' order) for things as they stand and each scenario; the
    outgo of the first `months` months."""
    out = []
    for r in (comparison.current, *comparison.scenarios):
        outgo = " / ".join(yuan(m.total) for m in r.months[:months])
        out.append((result_name(r, lang), [
            _date(r.debt_free), yuan(r.totals.interest), yuan(r.totals.penalty), yuan(r.totals.fees), yuan(r.cost),
            yuan(r.saving) if r.scenario else t("plan.none", lang), outgo,
        ]))
    return out


def row_labels(keys: tuple[str, ...], lang: str) -> list[str]:
    return [t(f"plan.row.{k}", lang) for k in keys]


def month_rows(options: list[tuple[str, tuple]], lang: str) -> list[list[str]]:
    """Month rows (YYYY-MM, then each option's total that month); every option has the same months."""
    count = max((len(m) for _, m in options), default=0)
    rows = []
    for k in range(count):
        label = next(m[k].month.strftime("%Y-%m") for _, m in options if k < len(m))
        rows.append([label] + [yuan(m[k].total) if k < len(m) else yuan(ZERO) for _, m in options])
    return rows


def day_move_cost(move, lang: str) -> str:
    """What moving the repayment day costs or saves over the rest of the loan."""
    before, after = move.interest_before, move.interest_after
    if move.cost > 0:
        return t("plan.day.costs", lang, before=before, after=after, amount=move.cost)
    if move.cost < 0:
        return t("plan.day.saves", lang, before=before, after=after, amount=-move.cost)
    return t("plan.day.same", lang, before=before)
