"""What the missed-payment commands print: JSON shapes (the scripting contract; amounts as strings with 2
decimals, rates 6, dates ISO) and readable text, laid out from text/way_back.py's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.cli.output import loan_state_json, rate_str
from jiebei_tui.domain.money import money_str
from jiebei_tui.text import way_back as words
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import pairs, table

if TYPE_CHECKING:
    from jiebei_tui.actions.credit import Timeline
    from jiebei_tui.actions.hardship import Letter, Restructure, Way
    from jiebei_tui.domain.contacts import CheckedContact
    from jiebei_tui.domain.credit_record import CreditOutlook, ReportPoint
    from jiebei_tui.domain.request import LenderRequest, RequestOption


def _d(value) -> str | None:
    return value.isoformat() if value is not None else None


# --- hardship ---


def way_json(way: Way, letter: Letter | None = None) -> dict:
    plan = way.plan
    data = {
        "today": plan.today.isoformat(),
        "budget": money_str(plan.budget),
        "from": plan.start.isoformat(),
        "order": plan.order,
        "illustrative": True,
        "cleared": plan.cleared,
        "months_to_clear": plan.months_to_clear,
        "total_paid": money_str(plan.total_paid),
        "penalty_paid": money_str(plan.penalty_paid),
        "owed_at_end": money_str(plan.owed_at_end),
        "owed_if_nothing_paid": money_str(way.owed_if_nothing_paid),
        "months": [
            {
                "no": m.no,
                "on": m.on.isoformat(),
                "available": money_str(m.available),
                "paid": money_str(m.paid),
                "left": money_str(m.left),
                "penalty_paid": money_str(m.penalty_paid),
                "owed_after": money_str(m.owed_after),
                "stage": m.stage_end,
                "loans": [
                    {
                        "loan": x.loan_id,
                        "paid": money_str(x.paid),
                        "penalty_paid": money_str(x.penalty_paid),
                        "interest_paid": money_str(x.interest_paid),
                        "principal_paid": money_str(x.principal_paid),
                        "days_overdue_before": x.days_before,
                        "days_overdue_after": x.days_after,
                        "days_overdue_end": x.days_end,
                        "stage_before": x.stage_before,
                        "stage_after": x.stage_after,
                        "stage_end": x.stage_end,
                        "overdue_after": list(x.overdue_after),
                        "overdue_end": list(x.overdue_end),
                        "owed_after": money_str(x.owed_after),
                        "owed_end": money_str(x.owed_end),
                        "paid_off": x.paid_off,
                    }
                    for x in m.loans
                ],
            }
            for m in plan.months
        ],
        "loans": [
            {
                "loan": o.loan_id,
                "name": way.names.get(o.loan_id, ""),
                "owed_now": money_str(o.owed_now),
                "cleared_month": o.cleared_month,
                "cleared_on": _d(o.cleared_on),
                "paid": money_str(o.paid),
                "penalty_paid": money_str(o.penalty_paid),
                "interest_paid": money_str(o.interest_paid),
                "months_overdue": o.months_overdue,
                "worst_stage": o.worst_stage,
                "owed_at_end": money_str(o.owed_at_end),
            }
            for o in plan.loans
        ],
        "requests": [request_json(r) for r in way.requests],
    }
    if letter is not None:
        data["letter"] = {"loan": letter.loan_id, "lang": letter.lang,
                          "path": str(letter.path) if letter.path else None, "text": letter.text}
    return data


def option_json(o: RequestOption, best: RequestOption | None) -> dict:
    return {
        "kind": o.kind,
        "fits": o.fits,
        "best": o is best,
        "term": o.term,
        "installment": money_str(o.installment),
        "last_installment": money_str(o.last_installment),
        "first_due": o.first_due.isoformat(),
        "last_due": o.last_due.isoformat(),
        "principal": money_str(o.principal),
        "total_interest": money_str(o.total_interest),
        "total_to_repay": money_str(o.total_to_repay),
    }


def request_json(r: LenderRequest) -> dict:
    best = r.best
    return {
        "loan": r.record.id,
        "name": r.record.name,
        "on": r.on.isoformat(),
        "budget": money_str(r.budget),
        "principal_outstanding": money_str(r.principal_outstanding),
        "overdue_principal": money_str(r.overdue_principal),
        "unpaid_interest": money_str(r.unpaid_interest),
        "overdue_interest": money_str(r.overdue_interest),
        "penalty": money_str(r.penalty),
        "amount_to_clear": money_str(r.amount_to_clear),
        "days_overdue": r.days_overdue,
        "stage": r.stage,
        "overdue_installments": list(r.overdue_installments),
        "current_installment": money_str(r.current_installment),
        "next_due_date": _d(r.next_due_date),
        "installments_left": r.installments_left,
        "interest_left": money_str(r.interest_left),
        "last_due_now": _d(r.last_due_now),
        "daily_rate": rate_str(r.daily_rate),
        "waive_penalty": r.waive_penalty,
        "waive_interest": r.waive_interest,
        "penalty_waived": money_str(r.penalty_waived),
        "interest_waived": money_str(r.interest_waived),
        "least_installment": money_str(r.least_installment),
        "shortfall": money_str(r.shortfall),
        "options": [option_json(o, best) for o in r.options],
        "installments_unpaid": r.installments_unpaid,
        "installment_now": money_str(r.installment_now),
        "no_longer_term": r.no_term,  # why no longer term is offered ("longest", "smaller"), else null
        "illustrative": r.illustrative,
    }


def way_text(way: Way, lang: str) -> str:
    from jiebei_tui.domain.restructure import MAX_RESTRUCTURE_TERM

    plan = way.plan
    out = [words.plan_heading(plan, lang)]
    if plan.months:
        out += ["", table(words.plan_headers(lang), words.plan_rows(plan, lang), right=words.PLAN_RIGHT), "",
                table(words.outcome_headers(lang), words.outcome_rows(plan, way.names, lang),
                      right=words.OUTCOME_RIGHT)]
    out += ["", words.plan_summary(plan, way.owed_if_nothing_paid, lang)]
    for request in way.requests:
        out += ["", words.request_heading(request, lang), pairs(words.standing_pairs(request, lang)), "",
                table(words.option_headers(lang), words.option_rows(request, lang), right={2, 3})]
        asked = words.asked_pairs(request, lang)
        if asked:
            out += ["", pairs(asked)]
    out += ["", t("afford.rules", lang, order=words.order_words(plan.order, lang))]
    if way.requests:
        out.append(t("request.rules", lang, max=MAX_RESTRUCTURE_TERM, source=t("source.credit_card_art70", lang)))
    return "\n".join(out)


# --- loans restructure ---


def restructure_json(done: Restructure) -> dict:
    p = done.preview
    plan, d = p.plan, p.done
    return {
        "id": d_loan(done),
        "applied": done.applied,
        "event": done.event.id if done.event else None,
        "on": p.on.isoformat(),
        "plan": {
            "term": plan.term,
            "installment": money_str(plan.installment) if plan.installment is not None else None,
            "daily_rate": rate_str(plan.daily_rate),
            "method": plan.method.value,
            "first_due": plan.first_due.isoformat(),
            "waive_penalty": plan.waive_penalty,
            "waive_interest": plan.waive_interest,
            "reference": plan.reference,
        },
        "closed_installments": list(d.ended),
        "closed_overdue": list(p.closed_overdue),
        "closed_current": p.closed_current,
        "replaced_installments": list(p.replaced),
        "principal": money_str(d.principal),
        "overdue_principal": money_str(d.overdue_principal),
        "unpaid_interest": money_str(d.interest),
        "penalty": money_str(d.penalty),
        "waived": money_str(d.waived),
        "carried": money_str(d.carried),
        "new_principal": money_str(d.amount),
        "regular_amount": money_str(p.regular_amount),
        "last_installment": money_str(p.last_installment),
        "last_due": p.last_due.isoformat(),
        "total_interest": money_str(p.total_interest),
        "total_to_repay": money_str(p.total_to_repay),
        "installments": [
            {"no": i.no, "due_date": i.due_date.isoformat(), "principal": money_str(i.principal),
             "interest": money_str(i.interest), "total": money_str(i.principal + i.interest)}
            for i in p.new_installments
        ],
        "state_after": loan_state_json(done.state),
    }


def d_loan(done: Restructure) -> str:
    return done.state.record.id


def restructure_text(done: Restructure, lang: str) -> str:
    p = done.preview
    loan = d_loan(done)
    head = [t(f"col.{c}", lang) for c in words.NEW_COLUMNS]
    out = [t("way.restructure_heading", lang, loan=loan), pairs(words.restructure_pairs(p, lang)), "",
           table(head, words.new_plan_rows(p), right={0, 2, 3, 4}), ""]
    if done.event is not None:
        out.append(t("way.restructure_applied", lang, loan=loan, event=done.event.id))
    else:
        out.append(t("loanedit.preview_only", lang))
    return "\n".join(out)


# --- contacts ---


def contact_json(c: CheckedContact, lang: str) -> dict:
    from jiebei_tui.text.complaint import flag_text

    contact = c.contact
    return {
        "id": contact.id,
        "loan": contact.loan_id,
        "at": f"{contact.at:%Y-%m-%d %H:%M}",
        "channel": contact.channel,
        "from": contact.who,
        "note": contact.note,
        "answered": contact.answered,
        "number": contact.number,
        "promise_amount": money_str(contact.promise_amount) if contact.promise_amount is not None else None,
        "promise_date": _d(contact.promise_date),
        "days_overdue": c.days_overdue,
        "call_number": c.call_number,
        "flags": [{"rule": f.rule, "text": flag_text(f, lang), "sources": list(f.sources)} for f in c.flags],
        "recorded_at": contact.recorded_at.isoformat() if contact.recorded_at else None,
        "source": contact.source or None,
    }


def contacts_text(found: list[CheckedContact], lang: str, flagged: bool) -> str:
    if not found:
        return t("contacts.none_flagged" if flagged else "contacts.none", lang)
    rows = [words.contact_row(c, lang) for c in found]
    notes = [f"{c.contact.id}: {visible(c.contact.note)}" for c in found if c.contact.note]
    text = table(words.contact_headers(lang), rows)
    if notes:
        text += "\n\n" + "\n".join(notes)
    return text + "\n\n" + t("rules.illustrative", lang)


# --- credit ---


def point_json(p: ReportPoint | None) -> dict | None:
    if p is None:
        return None
    return {"on": p.on.isoformat(), "days_overdue": p.days_overdue, "stage": p.stage, "code": p.code,
            "amount_overdue": money_str(p.amount_overdue), "paid_off": p.paid_off}


def outlook_json(record, o: CreditOutlook) -> dict:
    return {
        "loan": record.id,
        "name": record.name,
        "overdue_now": o.overdue_now,
        "days_overdue": o.days_overdue,
        "next_report": _d(o.next_report),
        "next_shows": point_json(o.next_shows),
        "pay_by": _d(o.pay_by),
        "pay_amount": money_str(o.pay_amount),
        "due_by": _d(o.due_by),
        "due_amount": money_str(o.due_amount),
        "kept_until_if_paid_by": _d(o.kept_until_if_paid_by),
        "reported": o.reported,
        "past": [point_json(p) for p in o.past],
        "episodes": [
            {"start": e.start.isoformat(), "end": _d(e.end), "days": e.days, "installments": list(e.installments),
             "reported_on": [d.isoformat() for d in e.reported_on], "kept_until": _d(e.kept_until)}
            for e in o.episodes
        ],
    }


def credit_json(found: Timeline) -> dict:
    from jiebei_tui.domain.credit_record import RETENTION_YEARS, STATUS_CODES

    return {"report_day": found.report_day, "retention_years": RETENTION_YEARS, "illustrative": True,
            "status_codes": [{"code": code, "means": {"N": "normal", "C": "closed"}.get(code, "overdue"),
                              "days_overdue_from": first, "days_overdue_to": last}
                             for code, first, last in STATUS_CODES],
            "loans": [outlook_json(r, o) for r, o in found.loans]}


def credit_text(found: Timeline, lang: str) -> str:
    out = [t("credit.heading", lang, day=words.report_day_words(found.report_day, lang))]
    if not found.loans:
        out.append(t("cli.no_loans", lang))
    for record, o in found.loans:
        out += ["", f"{record.id}  {visible(record.name)}", pairs(words.credit_pairs(record, o, lang))]
    out += [""] + words.credit_notes(found.report_day, lang)
    return "\n".join(out)
