"""Contract terms (penalty multiplier, grace days, compounding, default prepayment strategy, minimum prepayment,
prepayment fee): the ledger's are every loan's default, and a loan may override any of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.product_terms import ProductTerms


@dataclass(frozen=True)
class TermsView:
    """The terms in force: for all loans (`loan_id` None: the ledger's defaults) or for one loan (its own where it
    has them, `own` naming those fields, the ledger's otherwise)."""

    terms: ProductTerms
    loan_id: str | None
    own: tuple[str, ...]

    @property
    def scope(self) -> str:
        return "all" if self.loan_id is None else "loan"


def _view(ledger: Ledger, loan_id: str | None) -> TermsView:
    from jiebei_tui.domain.ledger import effective_terms

    if loan_id is None:
        return TermsView(ledger.terms, None, ())
    record = ledger.loan(loan_id)
    own = tuple(record.terms.overrides()) if record.terms is not None else ()
    return TermsView(effective_terms(ledger, record.id), record.id, own)


def show_terms(account: Account, loan_id: str | None = None) -> TermsView:
    """The terms for all loans, or for one loan. With no ledger file yet, the illustrative defaults."""
    if loan_id is None and not account.exists():
        return TermsView(account.default_terms(), None, ())
    return _view(account.ledger, loan_id)


@dataclass(frozen=True)
class TermsSet:
    view: TermsView
    changed: bool  # False: they were already so, nothing was written


def set_terms(account: Account, loan_id: str | None = None, *, reset: tuple[str, ...] = (), **values: object) -> TermsSet:
    """Set terms for all loans (`loan_id` None) or one loan: `penalty_multiplier`, `grace_days`, `compounding`,
    `default_strategy`, `min_prepayment`, `prepayment_fee` as typed (None: not given; domain/ledger.py set_terms
    checks each, InputError naming it). `reset` names a loan's own terms to drop so it follows the ledger's
    again. Refused, naming the first payment, when a recorded payment no longer fits under the new terms."""
    from jiebei_tui.domain.ledger import set_terms as changed

    def change(ledger: Ledger):
        new = changed(ledger, loan_id, reset=tuple(reset), **values)
        return new, _view(new, loan_id)

    def params(view: TermsView) -> dict:
        given = {name: value for name, value in values.items() if value is not None}
        return {"loan": view.loan_id, **given, **({"reset": ",".join(reset)} if reset else {})}

    applied = account.change(change, action="terms.set", params=params)
    return TermsSet(applied.result, applied.written)
