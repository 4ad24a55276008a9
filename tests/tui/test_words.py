"""Words: a number and its noun agree in English ("in 1 day", "1 recorded payment"); Chinese needs no plural;
the sentences the issue quoted read right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jiebei_tui.text.i18n import t


@pytest.mark.parametrize(("key", "values", "one", "many"), [
    ("banner.due_soon", {"loan": "L", "amount": Decimal(1), "date": "d"}, "DUE IN 1 DAY ", "DUE IN 2 DAYS "),
    ("banner.next", {"loan": "L", "amount": Decimal(1), "date": "d"}, "(in 1 day)", "(in 2 days)"),
    ("banner.overdue", {"loan": "L", "stage": "M1", "amount": Decimal(1), "daily": Decimal(1)}, ": 1 day late", ": 2 days late"),
    ("overdue.figures", {"no": 1, "date": "d"}, ", 1 day late", ", 2 days late"),
    ("formula.interest", {"balance": 1, "rate": 1, "result": 1}, "× 1 day =", "× 2 days ="),
    ("remind.before", {"loan": "L", "amount": 1, "due_date": "d"}, "in 1 day.", "in 2 days."),
    ("remind.missed", {"since": "d"}, ": 1 loan had reminders due", ": 2 loans had reminders due"),
    ("delete.confirm", {"id": "L1", "loan": "L", "undo": "u"}, "its 1 recorded payment?", "its 2 recorded payments?"),
    ("add.preview_more", {"interest": 1, "apr": "1%"}, "… 1 instalment,", "… 2 instalments,"),
])
def test_a_count_and_its_noun_agree(key: str, values: dict, one: str, many: str) -> None:
    count = {"banner.due_soon": "days", "banner.next": "days", "banner.overdue": "days", "overdue.figures": "days",
             "formula.interest": "days", "remind.before": "days", "remind.missed": "n", "delete.confirm": "events",
             "add.preview_more": "n"}[key]
    assert one in t(key, "en", **{count: 1}, **values)
    assert many in t(key, "en", **{count: 2}, **values)
    assert "1" in t(key, "zh", **{count: 1}, **values)


def test_the_quoted_sentences_read_right() -> None:
    assert t("repay.wait_settle", "en", date="d", extra=Decimal(1)).startswith("Settling later costs interest")
    prepay = t("repay.confirm_prepay", "en", amount=1, date="d", loan="L", balance=1, saved=1, effect="",
               strategy=t("strategy.short.reduce-installment", "en"))
    assert "((" not in prepay and "))" not in prepay and "with a smaller instalment (same term)?" in prepay
