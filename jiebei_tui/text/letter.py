"""The request letter (协商还款申请书) in the borrower's language, with the loan's figures filled in from the
domain's `LenderRequest` (domain/request.py). Plain text: the borrower saves it, copies it or prints it.

Text from the ledger or typed by the borrower (the loan's name, their name, the lender, the reason) is made
visible first: a letter is read in editors and mail clients that may act on control characters.
"""

from __future__ import annotations

from jiebei_tui.domain.money import percent
from jiebei_tui.domain.request import INSTALLMENT, LenderRequest, RequestOption
from jiebei_tui.domain.restructure import MAX_RESTRUCTURE_TERM
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible


def _joined(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return t("letter.list", lang).join(parts[:-1]) + t("letter.and", lang) + parts[-1]


def request_letter(
    request: LenderRequest,
    lang: str = "en",
    option: RequestOption | None = None,
    *,
    name: str = "",
    lender: str = "",
    reason: str = "",
) -> str:
    """The letter asking for `option` (default the request's best; when nothing fits, the least fixed instalment
    that repays within 60 months, and the shortfall). `name`, `lender`, `reason`: the borrower's name, the
    lender's, their circumstances (a blank line, "the lender", or left out when empty)."""
    chosen = option or request.best or next(o for o in request.options if o.kind == INSTALLMENT)
    record = request.record
    rate = percent(request.daily_rate, 2)
    lines = [t("letter.title", lang), ""]
    lines.append(t("letter.to", lang, lender=visible(lender) if lender else t("letter.to_default", lang)))
    lines += [t("letter.greeting", lang), ""]
    lines.append(
        t("letter.loan", lang, principal=record.principal, start=record.start, loan=record.id, name=visible(record.name),
          rate=percent(record.daily_rate, 2), apr=percent(record.daily_rate * 365, 2), term=record.term)
    )
    payoff = request.principal_outstanding + request.unpaid_interest + request.penalty
    if request.overdue_installments:
        lines.append(
            t("letter.overdue" if len(request.overdue_installments) == 1 else "letter.overdue.many", lang, on=request.on, installments=_joined([str(n) for n in request.overdue_installments], lang),
              days=request.days_overdue, overdue_principal=request.overdue_principal, interest=request.overdue_interest,
              penalty=request.penalty, payoff=payoff, outstanding=request.principal_outstanding)
            # the sum a lender checks is the figures above and the principal: what is beyond them, said
            + (t("letter.accrued", lang, amount=accrued) if (accrued := request.unpaid_interest - request.overdue_interest) > 0 else "")
        )
    else:
        lines.append(
            t("letter.current", lang, on=request.on, next=request.current_installment,
              next_date=request.next_due_date,
              payoff=payoff, outstanding=request.principal_outstanding, interest=request.unpaid_interest)
        )
    if reason:
        lines.append(t("letter.reason", lang, reason=visible(reason)))
    lines += ["", t("letter.budget", lang, budget=request.budget)]
    carried = [t("letter.carried_principal", lang, amount=request.principal_outstanding)]
    if not request.waive_interest and request.unpaid_interest:
        carried.append(t("letter.carried_interest", lang, amount=request.unpaid_interest))
    if not request.waive_penalty and request.penalty:
        carried.append(t("letter.carried_penalty", lang, amount=request.penalty))
    last = t("letter.last", lang, amount=chosen.last_installment) if chosen.last_installment != chosen.installment else ""
    number = 1
    lines.append(
        t("letter.plan", lang, n=number, carried=_joined(carried, lang), principal=chosen.principal, term=chosen.term,
          installment=chosen.installment, last=last, day=chosen.first_due.day, first_due=chosen.first_due,
          last_due=chosen.last_due, rate=rate, total_interest=chosen.total_interest, total=chosen.total_to_repay)
    )
    if request.waive_penalty and request.penalty:
        number += 1
        lines.append(t("letter.waive_penalty", lang, n=number, amount=request.penalty))
    if request.waive_interest and request.unpaid_interest:
        number += 1
        lines.append(t("letter.waive_interest", lang, n=number, amount=request.unpaid_interest))
    number += 1
    lines.append(t("letter.pause", lang, n=number))
    other = next((o for o in request.options if o is not chosen and o.fits and o.term != chosen.term), None)
    if other is None:
        other = next((o for o in request.options if o is not chosen and o.fits and o.installment != chosen.installment), None)
    if not chosen.fits:
        lines.append(t("letter.short", lang, max=MAX_RESTRUCTURE_TERM, least=request.least_installment, shortfall=request.shortfall))
    elif other is not None:
        lines.append(t("letter.alternative", lang, installment=other.installment, term=other.term, last_due=other.last_due))
    lines += ["", t("letter.promise", lang), t("letter.illustrative", lang), "", t("letter.closing", lang)]
    lines.append(t("letter.signature", lang, name=visible(name) if name else t("letter.blank_name", lang), on=request.on))
    return "\n".join(lines) + "\n"

