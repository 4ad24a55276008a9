"""After a missed payment, in words, the same on the command line and in the app: the budget plan's rows, a
request's figures, a restructure's summary, a contact's line and the credit-record timeline. Text from the file
(names, who called, notes) is made visible here.

Each function returns rows or (label, value) pairs; the caller lays them out (text/width.py `table` and `pairs`
on the command line, tables and static text in the app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.text.i18n import joined, t
from jiebei_tui.text.safe import visible

if TYPE_CHECKING:
    from jiebei_tui.domain.afford import BudgetMonth, BudgetPlan, LoanOutcome
    from jiebei_tui.domain.contacts import CheckedContact
    from jiebei_tui.domain.credit_record import CreditOutlook, ReportPoint
    from jiebei_tui.domain.ledger import LoanRecord
    from jiebei_tui.domain.request import LenderRequest, RequestOption
    from jiebei_tui.domain.restructure import RestructurePreview

NONE = "—"


def span(nos, lang: str) -> str:
    """Instalment numbers, a run of three or more as a range: "instalments 4–12", "instalment 3", "第 1、2 期"."""
    nos = list(nos)
    if len(nos) >= 3 and nos == list(range(nos[0], nos[-1] + 1)):
        return t("way.nos", lang, nos=f"{nos[0]}–{nos[-1]}")
    return numbers(nos, lang)


def closed_words(preview: RestructurePreview, lang: str) -> str:
    """The old plan's instalments an agreement closes: "instalment 2 (overdue); instalment 3 (the current one)"."""
    parts = []
    if preview.closed_overdue:
        parts.append(t("way.closed_overdue", lang, nos=numbers(preview.closed_overdue, lang)))
    if preview.closed_current is not None:
        parts.append(t("way.closed_current", lang, no=preview.closed_current))
    return joined(parts, lang, strong=True) if parts else t("word.none", lang)


def numbers(nos, lang: str) -> str:
    """Instalment numbers in words: "instalment 1", "instalments 1, 2" / "第 1、2 期"."""
    listed = t("letter.list", lang).join(str(n) for n in nos)
    return t("way.nos.one" if len(nos) == 1 else "way.nos", lang, nos=listed)


# --- the budget plan ---


def order_words(order: str, lang: str) -> str:
    return t(f"afford.order.{order}", lang)


def plan_heading(plan: BudgetPlan, lang: str) -> str:
    return t("way.plan_heading", lang, budget=plan.budget, start=plan.start, order=order_words(plan.order, lang))


PLAN_COLUMNS = ("month", "on", "paid", "penalty", "left", "owed_after", "stage", "still_overdue", "cleared")
PLAN_RIGHT = {0, 2, 3, 4, 5}


def plan_headers(lang: str) -> list[str]:
    return [t(f"way.col.{c}", lang) for c in PLAN_COLUMNS]


def overdue_cells(month: BudgetMonth, after: bool = True) -> str:
    """The instalments still overdue after paying that day (`after`), or at the month's end: "L1 #2, L2 #1"."""
    parts = [f"{m.loan_id} #{n}" for m in month.loans for n in (m.overdue_after if after else m.overdue_end)]
    return ", ".join(parts) or NONE


def plan_rows(plan: BudgetPlan, lang: str) -> list[list[str]]:
    """One row a month: budget day, paid, penalty paid, left for next month, owed after paying, the worst stage
    reached in the month, instalments still overdue after paying, loans cleared that day."""
    rows = []
    for month in plan.months:
        cleared = ", ".join(m.loan_id for m in month.loans if m.paid_off) or ""
        rows.append([str(month.no), month.on.isoformat(), yuan(month.paid), yuan(month.penalty_paid), yuan(month.left),
                     yuan(month.owed_after), month.stage_end, overdue_cells(month), cleared])
    return rows


OUTCOME_COLUMNS = ("loan", "name", "owed_now", "cleared_in", "paid", "penalty", "interest", "months_overdue", "worst")
OUTCOME_RIGHT = {2, 4, 5, 6, 7}


def outcome_headers(lang: str) -> list[str]:
    return [t(f"way.col.{c}", lang) for c in OUTCOME_COLUMNS]


def cleared_words(o: LoanOutcome, lang: str) -> str:
    if o.cleared_month is None:
        return t("way.not_cleared", lang, owed=o.owed_at_end)
    return t("way.cleared_in", lang, n=o.cleared_month, on=o.cleared_on)


def outcome_rows(plan: BudgetPlan, names: dict[str, str], lang: str) -> list[list[str]]:
    return [[o.loan_id, visible(names.get(o.loan_id, "")), yuan(o.owed_now), cleared_words(o, lang), yuan(o.paid),
             yuan(o.penalty_paid), yuan(o.interest_paid), str(o.months_overdue), o.worst_stage] for o in plan.loans]


def outcome_line(o: LoanOutcome, names: dict[str, str], lang: str) -> str:
    """One loan's outcome in a sentence (the app's narrow layout)."""
    return t("way.outcome_line", lang, loan=o.loan_id, name=visible(names.get(o.loan_id, "")),
             cleared=cleared_words(o, lang), paid=o.paid, penalty=o.penalty_paid, months=o.months_overdue,
             worst=o.worst_stage)


def plan_summary(plan: BudgetPlan, owed_if_nothing_paid, lang: str) -> str:
    """One or two sentences: cleared in N months (or what is still owed at the horizon), against paying nothing."""
    if not plan.loans:
        return t("way.nothing_open", lang)
    last = plan.months[-1].on
    if plan.cleared:
        text = t("way.summary_cleared", lang, n=len(plan.months), on=last, paid=plan.total_paid,
                 penalty=plan.penalty_paid)
    else:
        text = t("way.summary_not_cleared", lang, n=len(plan.months), on=last, owed=plan.owed_at_end,
                 paid=plan.total_paid, penalty=plan.penalty_paid)
    return text + ("" if lang == "zh" else " ") + t("way.summary_nothing", lang, on=last, owed=owed_if_nothing_paid)


def stage_strip(plan: BudgetPlan) -> list[str]:
    """The worst stage reached each month, month by month (M0 … M3+): the app's stage strip."""
    return [m.stage_end for m in plan.months]


# --- the request to put to the lender ---


def request_heading(request: LenderRequest, lang: str) -> str:
    return t("way.request_heading", lang, loan=request.record.id, name=visible(request.record.name))


def standing_pairs(request: LenderRequest, lang: str) -> list[tuple[str, str]]:
    """The loan as things stand: what the lender sees first."""
    items = [(t("way.label.as_of", lang), request.on.isoformat())]
    if request.days_overdue:
        nos = numbers(request.overdue_installments, lang)
        items.append((t("way.label.overdue", lang), t("way.overdue_value", lang, days=request.days_overdue,
                                                       stage=request.stage, installments=nos)))
        items.append((t("way.label.to_clear", lang), yuan(request.amount_to_clear)))
    elif request.next_due_date is not None:
        items.append((t("way.label.next_due", lang), f"{yuan(request.current_installment)} · {request.next_due_date}"))
    items += [
        (t("way.label.principal_outstanding", lang), yuan(request.principal_outstanding)),
        (t("way.label.unpaid_interest", lang), yuan(request.unpaid_interest)),
        (t("way.label.penalty", lang), yuan(request.penalty)),
        (t("way.label.rate", lang), percent(request.daily_rate)),
        (t("way.label.budget_share", lang), yuan(request.budget)),
    ]
    return items


def option_title(option: RequestOption, lang: str) -> str:
    return t(f"way.option.{option.kind}", lang)


def option_value(option: RequestOption, lang: str) -> str:
    """"24 × ¥488.59 (last ¥488.63), 2025-03-10 → 2027-02-10"."""
    last = t("way.last", lang, amount=option.last_installment) if option.last_installment != option.installment else ""
    return t("way.option_value", lang, n=option.term, installment=option.installment, last=last,
             first=option.first_due, until=option.last_due)


OPTION_COLUMNS = ("ask", "plan", "interest", "total", "fits")


def option_headers(lang: str) -> list[str]:
    return [t(f"way.col.{c}", lang) for c in OPTION_COLUMNS]


def option_rows(request: LenderRequest, lang: str) -> list[list[str]]:
    best = request.best
    rows = []
    for o in request.options:
        fits = t("way.fits.best" if o is best else "way.fits.yes" if o.fits else "way.fits.no", lang)
        rows.append([option_title(o, lang), option_value(o, lang), yuan(o.total_interest), yuan(o.total_to_repay), fits])
    if request.no_term is not None:
        rows.insert(0, [t("way.option.term", lang), no_term(request, lang), "", "", ""])
    return rows


def no_term(request: LenderRequest, lang: str) -> str:
    """Why no longer term is offered, in a phrase."""
    from jiebei_tui.domain.restructure import MAX_RESTRUCTURE_TERM

    return t(f"way.no_term.{request.no_term}", lang, n=request.installments_unpaid, max=MAX_RESTRUCTURE_TERM,
             amount=request.installment_now)


def option_lines(request: LenderRequest, lang: str) -> list[str]:
    """Each way to ask in a sentence (a longer term not offered: why)."""
    lines = [option_line(request, o, lang) for o in request.options]
    if request.no_term is not None:
        lines.insert(0, t("way.no_term_line", lang, title=t("way.option.term", lang), reason=no_term(request, lang)))
    return lines


def option_line(request: LenderRequest, option: RequestOption, lang: str) -> str:
    """One way to ask in a sentence: what it is, whether the budget covers it, the plan and its cost."""
    best = request.best
    fits = t("way.fits.best" if option is best else "way.fits.yes" if option.fits else "way.fits.no", lang)
    return t("way.option_line", lang, title=option_title(option, lang), fits=fits, plan=option_value(option, lang),
             interest=option.total_interest, total=option.total_to_repay)


def asked_pairs(request: LenderRequest, lang: str) -> list[tuple[str, str]]:
    """What is asked besides the plan: the penalty waived (or carried), the interest kept or waived; when nothing
    fits, the least instalment and the shortfall."""
    items = []
    if request.penalty:
        key = "way.penalty_waived" if request.waive_penalty else "way.penalty_carried"
        items.append((t("way.label.penalty_asked", lang), t(key, lang, amount=request.penalty)))
    if request.unpaid_interest:
        key = "way.interest_waived" if request.waive_interest else "way.interest_carried"
        items.append((t("way.label.interest_asked", lang), t(key, lang, amount=request.unpaid_interest)))
    if request.best is None:
        items.append((t("way.label.least", lang), t("way.least_value", lang, least=request.least_installment,
                                                     shortfall=request.shortfall)))
    return items


# --- a restructure ---


def restructure_pairs(preview: RestructurePreview, lang: str) -> list[tuple[str, str]]:
    done, plan = preview.done, preview.plan
    items = [
        (t("way.label.agreed_on", lang), preview.on.isoformat()),
        (t("way.label.closes", lang), closed_words(preview, lang)),
    ]
    if preview.replaced:
        items.append((t("way.label.replaces", lang), t("way.replaced_value", lang, nos=span(preview.replaced, lang))))
    items += [
        (t("way.label.principal_outstanding", lang), yuan(done.principal)
         + (t("way.of_it_overdue", lang, amount=done.overdue_principal) if done.overdue_principal else "")),
    ]
    if done.interest:
        key = "way.waived" if plan.waive_interest else "way.carried"
        items.append((t("way.label.unpaid_interest", lang), f"{yuan(done.interest)} — {t(key, lang)}"))
    if done.penalty:
        key = "way.waived" if plan.waive_penalty else "way.carried"
        items.append((t("way.label.penalty", lang), f"{yuan(done.penalty)} — {t(key, lang)}"))
    new = preview.new_installments
    first, last_no = preview.new_numbers
    last = preview.last_installment
    last_words = t("way.last", lang, amount=last) if last != preview.regular_amount else ""
    items += [
        (t("way.label.new_principal", lang), yuan(done.amount)),
        (t("way.label.new_plan", lang), t("way.new_plan_value", lang, nos=span(range(first, last_no + 1), lang),
                                          n=len(new), installment=preview.regular_amount, last=last_words, first=new[0].due_date, until=preview.last_due,
                                          rate=percent(plan.daily_rate), method=t(f"method.{plan.method.value}", lang))),
        (t("way.label.plan_interest", lang), yuan(preview.total_interest)),
        (t("way.label.plan_total", lang), yuan(preview.total_to_repay)),
    ]
    if plan.reference:
        items.append((t("way.label.reference", lang), visible(plan.reference)))
    return items


NEW_COLUMNS = ("no", "due_date", "principal", "interest", "total")


def new_plan_rows(preview: RestructurePreview) -> list[list[str]]:
    return [[str(i.no), i.due_date.isoformat(), yuan(i.principal), yuan(i.interest), yuan(i.principal + i.interest)]
            for i in preview.new_installments]


# --- contacts ---


def channel_words(c: CheckedContact, lang: str) -> str:
    words = t(f"contacts.channel.{c.contact.channel}", lang)
    if c.contact.answered:
        words += f" ({t('report.answered', lang)})"
    if c.contact.number:
        words += f" → {visible(c.contact.number)}"
    return words


def promise_words(c: CheckedContact, lang: str) -> str:
    contact = c.contact
    if not contact.promise:
        return ""
    return t("report.promise", lang, amount=contact.promise_amount, date=contact.promise_date)


def flags_words(c: CheckedContact, lang: str, sep: str = "; ") -> str:
    from jiebei_tui.text.complaint import flag_text

    return sep.join(flag_text(f, lang) for f in c.flags)


CONTACT_COLUMNS = ("id", "loan", "at", "channel", "from", "promise", "flags")


def contact_headers(lang: str) -> list[str]:
    return [t(f"way.col.{c}", lang) for c in CONTACT_COLUMNS]


def rule_names(c: CheckedContact, lang: str) -> str:
    """The rules a contact breaks, by name (short, for a table); "—" when none."""
    return joined((t(f"rule_name.{f.rule}", lang) for f in c.flags), lang) or NONE


def contact_row(c: CheckedContact, lang: str, long_flags: bool = True) -> list[str]:
    contact = c.contact
    flags = flags_words(c, lang) if long_flags else rule_names(c, lang)
    return [contact.id, contact.loan_id, f"{contact.at:%Y-%m-%d %H:%M}", channel_words(c, lang), visible(contact.who),
            promise_words(c, lang), flags or NONE]


# --- the credit record ---


def point_words(p: ReportPoint, lang: str) -> str:
    """"10 days overdue (M1, code 1), ¥905.81 overdue", "normal (N)", "closed (C)"."""
    if p.paid_off:
        return t("credit.shows.closed", lang)
    if not p.overdue:
        return t("credit.shows.normal", lang)
    return t("credit.shows.overdue", lang, days=p.days_overdue, stage=p.stage, code=p.code, amount=p.amount_overdue)


def report_day_words(day: int | None, lang: str) -> str:
    if day is None:
        return t("credit.day_unknown", lang)
    return t("credit.day_known", lang, day=day)


def credit_pairs(record: LoanRecord, o: CreditOutlook, lang: str) -> list[tuple[str, str]]:
    """One loan's credit-record timeline as label/value pairs."""
    from jiebei_tui.domain.credit_record import status_code

    items: list[tuple[str, str]] = []
    now = t("credit.now.overdue", lang, days=o.days_overdue, code=status_code(o.days_overdue, False)) if o.overdue_now \
        else t("credit.now.fine", lang)
    items.append((t("credit.label.now", lang), now))
    if o.next_report is not None and o.next_shows is not None:
        items.append((t("credit.label.next_report", lang), t("credit.next_value", lang, on=o.next_report,
                                                              shows=point_words(o.next_shows, lang))))
    if o.pay_by is not None:
        items.append((t("credit.label.pay_by", lang), t("credit.pay_by_value", lang, amount=o.pay_amount, on=o.pay_by)))
    if o.due_by is not None:
        behind = "_behind" if o.overdue_now else ""  # already overdue: "never overdue" no longer can be
        items.append((t(f"credit.label.due_by{behind}", lang),
                      t(f"credit.due_by{behind}_value", lang, amount=o.due_amount, on=o.due_by)))
    if o.kept_until_if_paid_by is not None:
        items.append((t("credit.label.kept", lang), t("credit.kept_value", lang, until=o.kept_until_if_paid_by,
                                                       on=o.pay_by)))
    for e in o.episodes:
        nos = numbers(e.installments, lang)
        if e.end is None:
            words = t("credit.episode_running", lang, start=e.start, days=e.days, installments=nos)
        else:
            words = t("credit.episode_ended", lang, start=e.start, end=e.end, days=e.days, installments=nos,
                      until=e.kept_until)
        if e.reported_on:
            words += " " + t("credit.episode_reported", lang, dates=", ".join(d.isoformat() for d in e.reported_on))
        items.append((t("credit.label.episode", lang), words))
    if o.past:
        codes = " ".join(f"{p.on:%Y-%m}:{p.code}" for p in o.past[-12:])
        items.append((t("credit.label.past", lang), codes))
    return items


def credit_notes(report_day: int | None, lang: str) -> list[str]:
    """The words each figure rests on: the model, the reporting day, the sources (illustrative)."""
    from jiebei_tui.domain.credit_record import RETENTION_YEARS, STATUS_CODES

    notes = [t("credit.rules", lang, years=RETENTION_YEARS, source=t("source.pboc_art16", lang)),
             t("credit.model", lang)]
    if report_day is None:
        notes.append(t("credit.unknown_day", lang))
    notes.append(t("credit.codes_source", lang) + ("" if lang == "zh" else " ") + " · ".join(
        t(f"credit.code.{code}", lang) for code, _first, _last in STATUS_CODES))
    return notes
