"""The request letter in 中文 and English: every figure of the request appears in both, and text from the file is
made visible."""

from __future__ import annotations

import datetime as dt

import pytest

from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.request import lender_request
from jiebei_tui.domain.terms import make_loan
from jiebei_tui.text.letter import request_letter

TODAY = dt.date(2025, 2, 16)
WORKED = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")


def figures(request, option) -> list[str]:
    """Every figure the lender would check, as the letter writes it."""
    amounts = [
        request.record.principal, request.overdue_principal, request.unpaid_interest, request.penalty,
        request.principal_outstanding, request.principal_outstanding + request.unpaid_interest + request.penalty,
        request.budget, option.principal, option.installment, option.total_interest, option.total_to_repay,
    ]
    if option.last_installment != option.installment:
        amounts.append(option.last_installment)
    return [yuan(a) for a in amounts] + [
        request.record.start.isoformat(), request.on.isoformat(), option.first_due.isoformat(),
        option.last_due.isoformat(), percent(request.daily_rate, 2), percent(request.record.daily_rate * 365, 2),
        f" {option.term} ", f" {request.days_overdue} ", f" {option.first_due.day} ",
    ]


@pytest.mark.parametrize("budget", ["500", "1000", "200"])
@pytest.mark.parametrize("waive_penalty", [True, False])
def test_every_figure_appears_in_both_languages(budget: str, waive_penalty: bool) -> None:
    book, lid = add_loan(Ledger(), "Rent gap", WORKED)
    request = lender_request(book, lid, TODAY, budget, waive_penalty=waive_penalty)
    en, zh = request_letter(request, "en"), request_letter(request, "zh")
    option = request.best or next(o for o in request.options if o.kind == "installment")
    for figure in figures(request, option):
        assert figure in en, figure
        assert figure in zh, figure
    assert ("waive the ¥3.25 of penalty" in en) is waive_penalty and ("减免罚息 ¥3.25" in zh) is waive_penalty
    if not option.fits:  # the shortfall is said, in both
        for figure in (yuan(request.least_installment), yuan(request.shortfall)):
            assert figure in en and figure in zh
    assert en.startswith("Request for a repayment arrangement") and zh.startswith("协商还款申请书")
    assert "illustrative" in en and "示例" in zh


def test_the_seed_letter_in_english_reads_as_worked() -> None:
    book, lid = add_loan(Ledger(), "Rent gap", WORKED)
    letter = request_letter(lender_request(book, lid, TODAY, "500"), "en", name="Li Lei", reason="I lost my job.")
    assert "As of 2025-02-16, instalment 1 is 6 days overdue: ¥776.41 of principal, ¥124.00 of interest and " \
           "¥3.25 of penalty interest unpaid. In all I owe ¥10,149.39" in letter
    # 10,000 + 124.00 + 3.25 + the running instalment's 6 days on the 9,223.59 not yet due: 22.14 (22.136…)
    assert "That includes ¥22.14 of interest on the current instalment, accrued to date." in letter
    assert "in 24 monthly instalments of ¥500.00 (the last ¥184.12)" in letter
    assert "My circumstances: I lost my job." in letter and "Li Lei    Date: 2025-02-16" in letter


def test_text_from_the_file_is_made_visible() -> None:
    book, lid = add_loan(Ledger(), "Rent gap", WORKED)
    book = book.model_copy(update={"loans": [book.loans[0].model_copy(update={"name": "x\x1b[2Jy"})]})
    letter = request_letter(lender_request(book, lid, TODAY, "500"), "zh", lender="\u202eevil")
    assert "\x1b" not in letter and "\\x1b[2J" in letter and "\u202e" not in letter
