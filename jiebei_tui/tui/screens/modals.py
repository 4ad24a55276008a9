"""Small typed forms on the one modal base (widgets/dialog.py FormDialog): recording a repayment and renaming a
loan. Each checks as you type (with the actions layer's own check: what recording it would refuse), saves on
Enter only when valid, and answers through dismiss."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from jiebei_tui.actions import payments, repay
from jiebei_tui.actions.facts import due_on
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.replay import LoanState
from jiebei_tui.domain.terms import parse_amount, parse_date
from jiebei_tui.text import early as paying_early
from jiebei_tui.text.i18n import joined, t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from textual.widget import Widget

    from jiebei_tui.actions.facts import DueNow
    from jiebei_tui.actions.repay import Early
    from jiebei_tui.domain.replay import Allocation

ConfirmModal = ConfirmDialog  # the name the screens have used


class PayModal(FormDialog[bool]):
    """Record a repayment: the amount prefilled with what is due on the date (today unless changed: what to pay
    now, as `jiebei-tui status` says it), checked as you type as recording it would check it; Record (or Enter
    when everything is valid) asks for a confirmation naming where the money goes."""

    CANCEL = False

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state
        from jiebei_tui.actions.facts import due_now

        today = due_now(state)  # what to pay today: the amount shown first (the date starts as today)
        self._prefilled = "" if today.nothing else str(today.amount)  # replaced when the date changes
        self._due: DueNow | None = None  # what was due on the date typed
        self._allocation: Allocation | None = None  # where the payment typed would go (None: refused, or not known)

    def compose_dialog(self) -> ComposeResult:
        lang, s = self.lang, self.state
        yield Static(Content(t("pay.title", lang, loan=visible(s.record.name))), classes="title")
        yield Label(t("pay.amount", lang))
        yield FigureInput(self._prefilled, id="amount")
        yield Label(t("pay.date", lang))
        yield FigureInput(self.app.today.isoformat(), id="date")
        yield Prose("", id="due-note", classes="hint")
        yield Prose("", id="goes", classes="hint")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("pay.record", lang), variant="primary", id="record")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.follow_date()
        super().after_compose()

    def changed(self, field: Widget) -> None:
        if field.id == "date":
            self.follow_date()
        super().changed(field)

    def _date(self) -> dt.date | None:
        try:
            return parse_date(self.query_one("#date", Input).value, "on")
        except InputError:
            return None

    def follow_date(self) -> None:
        """The note says what is due on the date typed (actions/facts.py due_on); an amount still as prefilled
        follows it."""
        on = self._date()
        self._due = None
        if on is None or on < self.state.record.start or on > self.app.today:
            self.query_one("#due-note", Prose).update("")
            return
        ask(self, "due", due_on, self.state.record.id, on, done=lambda due: self.due(due, on),
            refused=lambda _err: self.query_one("#due-note", Prose).update(""))

    def due(self, due: DueNow, on: dt.date) -> None:
        note, amount = self.query_one("#due-note", Prose), self.query_one("#amount", Input)
        self._due = due
        if due.nothing:
            note.update(t("repay.nothing_due", self.lang))
            return
        note.update(t("pay.prefill_note", self.lang, date=on, amount=due.amount))
        if amount.value in ("", self._prefilled):
            self._prefilled = str(due.amount)
            amount.value = self._prefilled  # its Changed event checks it

    def _typed(self) -> tuple[str, str]:
        return self.query_one("#amount", Input).value, self.query_one("#date", Input).value

    def check(self) -> None:
        """The repayment as typed, checked against the loan's whole history as recording it would check it
        (actions/payments.py preview_payment): Record works only once it passes."""
        record = self.query_one("#record", Button)
        record.disabled = True
        record.tooltip = t("dialog.fix_first", self.lang)
        self._allocation = None
        self.checking()
        amount, on = self._typed()
        ask(self, "check", payments.preview_payment, self.state.record.id, amount, on, done=self.checked,
            refused=self.refused)

    def checked(self, allocation: Allocation) -> None:
        self._allocation = allocation
        self.query_one("#error", Problem).update("")
        self.query_one("#goes", Prose).update(goes(allocation, self.lang))
        record = self.query_one("#record", Button)
        record.disabled = False
        record.tooltip = None
        self.check_answered(True)

    def refused(self, err: Exception) -> None:
        self._allocation = None
        self.check_answered(False)
        self.query_one("#goes", Prose).update("")
        field = getattr(err, "field", "")
        self.query_one("#error", Problem).update(err.sentence(self.lang, _label(field, self.lang)) if field
                                                 else err.sentence(self.lang))
        record = self.query_one("#record", Button)
        record.disabled = True
        record.tooltip = t("dialog.fix_first", self.lang)

    def save(self) -> None:
        """Only a repayment checked as it now stands goes on, and only through a confirmation (pressed while the
        check is being worked out, it goes on once it passes)."""
        allocation = self._allocation
        if self.waits_for_check():
            return
        if allocation is None or self.query_one("#record", Button).disabled:
            return
        amount, on = parse_amount(self._typed()[0]), parse_date(self._typed()[1], "on")
        name = visible(self.state.record.name)

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(amount, on)

        def confirm(early: Early | None) -> None:  # completing an instalment early: what the next one asks
            def message(lang: str) -> str:
                return t("repay.confirm_pay", lang, amount=amount, date=on, loan=name,
                         effect=paying_early.and_next(goes(allocation, lang), early, lang))

            self.app.push_screen(ConfirmDialog(message), callback=answered)

        ask(self, "early", repay.early_payment, self.state.record.id, amount, on, done=confirm, refused=self.refused)

    def record(self, amount: Decimal, on: dt.date) -> None:
        app, name = self.app, visible(self.state.record.name)
        self.query_one("#record", Button).disabled = True

        def done(_paid) -> None:
            app.notify(t("pay.recorded", app.lang, amount=amount, loan=name))
            self.dismiss(True)

        # refused: the file changed underneath and the payment no longer fits
        ask(self, "record", payments.pay, self.state.record.id, amount, on, done=done, refused=self.refused)


def goes(a: Allocation, lang: str) -> str:
    """Where a payment goes, in the order the account applies it: penalty, overdue interest and principal, the
    running instalment's interest and principal, the principal it prepays (and its fee)."""
    parts = [(key, value) for key, value in (
        ("pay.goes_penalty", a.penalty),
        ("pay.goes_overdue", a.overdue_interest + a.overdue_principal),
        ("pay.goes_interest", a.interest),
        ("pay.goes_principal", a.principal),
        ("pay.goes_prepaid", a.prepaid),
        ("pay.goes_fee", a.fee),
    ) if value]
    said = joined((t(key, lang, amount=value) for key, value in parts), lang)
    return t("pay.goes", lang, parts=said or "—")


class RenameModal(FormDialog[bool]):
    CANCEL = False

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Static(Content(t("edit.title", lang, loan=visible(self.state.record.name))), classes="title")
        yield Label(t("edit.name", lang))
        yield TextInput(visible(self.state.record.name), id="name")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("edit.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def check(self) -> bool:
        from jiebei_tui.domain.ledger import clean_name  # the name rule, checked as the rename would check it

        save = self.query_one("#save", Button)
        try:
            clean_name(self.query_one("#name", Input).value)
        except InputError as err:
            self.query_one("#error", Problem).update(err.sentence(self.lang, _label(err.field, self.lang)))
            save.disabled = True
            return False
        self.query_one("#error", Problem).update("")
        save.disabled = False
        return True

    def save(self) -> None:
        from jiebei_tui.actions.loans import rename_loan

        if not self.check():
            return
        name = self.query_one("#name", Input).value
        loan_id = self.state.record.id
        self.query_one("#save", Button).disabled = True

        def refused(err: Exception) -> None:
            field = getattr(err, "field", "")
            self.query_one("#error", Problem).update(err.sentence(self.app.lang, _label(field, self.app.lang)) if field
                                                     else err.sentence(self.app.lang))
            self.check()

        ask(self, "record", rename_loan, loan_id, name, done=lambda _: self.dismiss(True), refused=refused)


def _label(field: str, lang: str) -> str:
    """The form label a field's error names (the command line names the option instead)."""
    labels = {"amount": "pay.amount", "on": "pay.date", "name": "edit.name", "loan": "repay.loan"}
    key = labels.get(field)
    return t(key, lang) if key else field
