"""Auto-debit, never assumed (自动扣款): a debit the lender says it will take may fail (low balance, a frozen card),
so a loan set to auto-debit is not counted as paid until the borrower confirms the debit went through.

For each auto-debit loan whose oldest unpaid instalment is past its due date, `debits_to_confirm` gives the
question to ask ("did the ¥X debit on D go through?"); `record_debit` records the answer "yes" as a repayment on
that due date. One question per loan at a time: once the oldest is confirmed the next one (if any) is asked,
with its amount worked out from the record as it then stands.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
from jiebei_tui.domain.replay import LoanReplay, loan_state, record_event
from jiebei_tui.domain.value import Value, value


@value
class DebitQuestion(Value):
    loan_id: str
    loan_name: str
    installment: int
    due_date: dt.date
    amount: Decimal  # what the debit on the due date would have taken: everything due by then
    account: str  # the funding account the borrower named (may be empty)


def debit_amount(ledger: Ledger, loan_id: str, due_date: dt.date) -> Decimal:
    """What an auto-debit on `due_date` takes: everything due by the end of that day (overdue amounts, and the
    instalment falling due), from the payments recorded up to that day."""
    payoff = LoanReplay.of(ledger, loan_id, due_date).payoff(due_date)
    return payoff.overdue + payoff.interest + payoff.running_principal


def _question(ledger: Ledger, record: LoanRecord, today: dt.date) -> DebitQuestion | None:
    state = loan_state(ledger, record.id, today)
    overdue = [i for i in state.installments if i.status == "overdue"]
    if not overdue:
        return None
    oldest = overdue[0]
    return DebitQuestion(
        loan_id=record.id,
        loan_name=record.name,
        installment=oldest.no,
        due_date=oldest.due_date,
        amount=debit_amount(ledger, record.id, oldest.due_date),
        account=record.funding_account,
    )


def debits_to_confirm(ledger: Ledger, today: dt.date, loan_id: str | None = None) -> list[DebitQuestion]:
    """For every auto-debit loan (or the one named) whose oldest unpaid instalment is past its due date: the
    instalment, its due date and the amount the debit would have taken."""
    records = [ledger.loan(loan_id)] if loan_id is not None else ledger.loans
    out = []
    for record in records:
        if record.auto_debit:
            question = _question(ledger, record, today)
            if question is not None:
                out.append(question)
    return out


def record_debit(
    ledger: Ledger,
    loan_id: str,
    today: dt.date,
    installment: int | None = None,
    *,
    recorded_at: dt.datetime | None = None,
    source: str = "",
) -> tuple[Ledger, Event]:
    """The borrower says the debit went through: a repayment on the due date of the amount asked about,
    marked as an auto-debit. `installment`, when given, must be the one asked about (the oldest unpaid past its
    due date)."""
    record = ledger.loan(loan_id)
    if not record.auto_debit:
        raise InputError("loan", loan_id, "auto_debit_off")
    question = _question(ledger, record, today)
    if question is None:
        raise InputError("loan", loan_id, "debit_none")
    if installment is not None and installment != question.installment:
        raise InputError("installment", installment, "debit_installment", no=question.installment, date=question.due_date)
    return record_event(
        ledger, loan_id, "repayment", question.due_date, question.amount, today,
        recorded_at=recorded_at, source=source, auto_debit=True,
    )
