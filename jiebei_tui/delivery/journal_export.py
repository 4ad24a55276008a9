"""Plain-text accounting journals, as text: hledger and beancount.

What goes in, in date order:
- each drawdown: the money into the funding account, the loan's liability out;
- each payment that stands, split as the replay applied it: principal against the loan's liability, interest,
  penalty and fee each to its own expense account, the whole from the funding account;
- every upcoming instalment (from today on, each paid on its due date, what is overdue paid today: the months
  ahead's reading, domain/forecast.py) as a forecast entry: an hledger periodic rule for that one date
  (`~ 2025-03-10`, shown with `--forecast`), a beancount transaction with the forecast flag `#` and the tag
  `#forecast`.
Every entry balances to the fen. Text from the ledger (names) is shown with control characters escaped and
with the characters each format reads as syntax replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.delivery.csv_export import payment_splits, split
from jiebei_tui.domain.money import ZERO, money_str
from jiebei_tui.text.safe import visible

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

COMMODITY = "CNY"
FUNDING, LOAN, INTEREST, PENALTY, FEES = "funding", "loan", "interest", "penalty", "fees"

HLEDGER_ACCOUNTS = {
    FUNDING: "assets:bank",
    LOAN: "liabilities:jiebei:{loan}",
    INTEREST: "expenses:jiebei:interest",
    PENALTY: "expenses:jiebei:penalty",
    FEES: "expenses:jiebei:fees",
}
BEANCOUNT_ACCOUNTS = {
    FUNDING: "Assets:Bank",
    LOAN: "Liabilities:Jiebei:{loan}",
    INTEREST: "Expenses:Jiebei:Interest",
    PENALTY: "Expenses:Jiebei:Penalty",
    FEES: "Expenses:Jiebei:Fees",
}


@dataclass(frozen=True)
class Entry:
    on: dt.date
    what: str  # drawdown, repayment, prepayment, settlement, installment
    loan_id: str
    name: str
    event_id: str | None
    installment: int | None
    postings: tuple[tuple[str, Decimal], ...]  # (account key, amount); they add up to zero
    forecast: bool = False


def _payment_postings(principal: Decimal, interest: Decimal, penalty: Decimal, fee: Decimal, amount: Decimal):
    postings = [(LOAN, principal), (INTEREST, interest), (PENALTY, penalty), (FEES, fee), (FUNDING, -amount)]
    return tuple((k, v) for k, v in postings if v)


def entries(ledger: Ledger, today: dt.date, upcoming: bool = True) -> list[Entry]:
    """Every entry of the journal, in date order (drawdowns, payments, then the forecast from today on)."""
    from jiebei_tui.domain.forecast import OVERDUE_TODAY, Forecast

    out: list[Entry] = []
    for record in ledger.loans:
        out.append(Entry(record.start, "drawdown", record.id, record.name, None, None,
                         ((FUNDING, record.principal), (LOAN, -record.principal))))
    for record, event, allocation in payment_splits(ledger, today):
        if allocation is None:  # the replay cannot apply it: it is in no balance
            continue
        principal, interest, penalty, fee = split(allocation)
        out.append(Entry(event.date, event.kind, record.id, record.name, event.id, allocation.completed,
                         _payment_postings(principal, interest, penalty, fee, event.amount)))
    if upcoming:
        forecast = Forecast.of(ledger, today, OVERDUE_TODAY)
        forecast.finish()
        for p in forecast.payments:
            out.append(Entry(p.on, "installment", p.loan_id, forecast.names[p.loan_id], None, p.installment,
                             _payment_postings(p.principal, p.interest, p.penalty, p.fee, p.amount), forecast=True))
    out.sort(key=lambda e: (e.on, e.forecast))  # stable: a day's entries keep the ledger's order
    return out


def _words(entry: Entry) -> str:
    if entry.what == "drawdown":
        return "drawdown"
    if entry.forecast:
        return f"instalment {entry.installment} due" if entry.installment else "overdue, to pay today"
    return f"{entry.what} {entry.event_id}"


def _amount(value: Decimal) -> str:
    return f"{money_str(value)} {COMMODITY}"


# --- hledger ---


def _hledger_text(text: str) -> str:
    """A description: `;` would start a comment, `|` split payee and note."""
    return visible(text).replace(";", ",").replace("|", "/")


def hledger_journal(ledger: Ledger, today: dt.date, upcoming: bool = True) -> str:
    found = entries(ledger, today, upcoming)
    lines = [
        f"; jiebei-tui export on {today.isoformat()}: drawdowns, payments (principal, interest, penalty, fee) and",
        "; upcoming instalments as periodic rules (hledger ... --forecast). Amounts in fen.",
        f"commodity 1000.00 {COMMODITY}",
    ]
    accounts = sorted({_account(HLEDGER_ACCOUNTS, key, e.loan_id) for e in found for key, _ in e.postings})
    lines += [f"account {a}" for a in accounts]
    for e in found:
        lines.append("")
        head = f"~ {e.on.isoformat()}" if e.forecast else f"{e.on.isoformat()} *"
        tags = f"loan:{e.loan_id}" + (f", event:{e.event_id}" if e.event_id else "") + (", forecast:" if e.forecast else "")
        lines.append(f"{head}  {_hledger_text(e.name)}: {_words(e)}  ; {tags}")
        for key, value in e.postings:
            lines.append(f"    {_account(HLEDGER_ACCOUNTS, key, e.loan_id):<40}  {_amount(value):>18}")
    return "\n".join(lines) + "\n"


def _account(names: dict[str, str], key: str, loan_id: str) -> str:
    return names[key].format(loan=loan_id)


# --- beancount ---


def _beancount_string(text: str) -> str:
    return '"' + visible(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def beancount_journal(ledger: Ledger, today: dt.date, upcoming: bool = True) -> str:
    found = entries(ledger, today, upcoming)
    lines = [
        f"; jiebei-tui export on {today.isoformat()}: drawdowns, payments (principal, interest, penalty, fee) and",
        "; upcoming instalments flagged # and tagged #forecast. Amounts in fen.",
        f'option "operating_currency" "{COMMODITY}"',
    ]
    opened: dict[str, dt.date] = {}
    for e in found:
        for key, _ in e.postings:
            account = _account(BEANCOUNT_ACCOUNTS, key, e.loan_id)
            opened.setdefault(account, e.on)
    first = min(opened.values(), default=today)
    lines.append("")
    lines += [f"{first.isoformat()} open {account} {COMMODITY}" for account in sorted(opened)]
    for e in found:
        lines.append("")
        flag = "#" if e.forecast else "*"
        tag = " #forecast" if e.forecast else ""
        lines.append(f"{e.on.isoformat()} {flag} {_beancount_string(e.name)} {_beancount_string(_words(e))}{tag}")
        lines.append(f'  loan: "{e.loan_id}"')
        if e.event_id:
            lines.append(f'  event: "{e.event_id}"')
        for key, value in e.postings:
            lines.append(f"  {_account(BEANCOUNT_ACCOUNTS, key, e.loan_id):<40}  {_amount(value):>18}")
    return "\n".join(lines) + "\n"


def balance_of(found: list[Entry]) -> Decimal:
    """What all postings add up to (zero when every entry balances)."""
    return sum((v for e in found for _, v in e.postings), ZERO)
