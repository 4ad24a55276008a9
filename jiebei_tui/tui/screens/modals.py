"""Small typed dialogs on the one modal base (widgets/dialog.py): recording a repayment and renaming a loan.
Each checks as you type, submits on Enter only when valid, and answers through dismiss."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.replay import LoanState, loan_state, record_event
from jiebei_tui.domain.terms import parse_amount, parse_date
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, Dialog

ConfirmModal = ConfirmDialog  # the name the screens have used


def due_on(ledger, loan_id: str, on: dt.date) -> tuple[Decimal | None, LoanState]:
    """What is due on a day (the overdue amount to clear, else the next instalment), and the loan then."""
    state = loan_state(ledger, loan_id, on)
    if state.paid_off:
        return None, state
    return (state.amount_to_clear if state.days_overdue else state.next_due_amount), state


class PayModal(Dialog[bool]):
    """Record a repayment: the amount prefilled with what is due on the date (today unless changed), checked
    as you type; Record (or Enter when everything is valid) asks for a confirmation naming the effect."""

    CANCEL = False

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state
        self._prefilled = ""  # the amount last put in the field for its date: replaced when the date changes

    def compose_dialog(self) -> ComposeResult:
        lang, s = self.lang, self.state
        yield Static(Content(t("pay.title", lang, loan=visible(s.record.name))), classes="title")
        yield Label(t("pay.amount", lang))
        yield Input(self._prefilled, id="amount")
        yield Label(t("pay.date", lang))
        yield Input(self.app.today.isoformat(), id="date")
        yield Prose("", id="due-note", classes="hint")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("pay.record", lang), variant="primary", id="record")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.follow_date()
        self.check()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "date":
            self.follow_date()
        self.check()

    def _date(self) -> dt.date | None:
        try:
            return parse_date(self.query_one("#date", Input).value, "on")
        except InputError:
            return None

    def follow_date(self) -> None:
        """The note says what is due on the date typed; an amount still as prefilled follows it."""
        note, amount = self.query_one("#due-note", Prose), self.query_one("#amount", Input)
        on = self._date()
        if on is None or on < self.state.record.start or on > self.app.today:
            note.update("")
            return
        due, _ = due_on(self.app.ledger, self.state.record.id, on)
        if due is None:
            note.update(t("repay.nothing_due", self.lang))
            return
        note.update(t("pay.prefill_note", self.lang, date=on, amount=due))
        if amount.value in ("", self._prefilled):
            self._prefilled = str(due)
            amount.value = self._prefilled

    def _event(self) -> tuple[Decimal, dt.date]:
        """The repayment as typed, checked against the ledger without writing (InputError if refused)."""
        amount = parse_amount(self.query_one("#amount", Input).value)
        on = parse_date(self.query_one("#date", Input).value, "on")
        record_event(self.app.ledger, self.state.record.id, "repayment", on, amount, self.app.today)
        return amount, on

    def check(self) -> bool:
        error = self.query_one("#error", Problem)
        record = self.query_one("#record", Button)
        try:
            self._event()
        except InputError as err:
            error.update(err.sentence(self.lang, _label(err.field, self.lang)))
            record.disabled = True
            record.tooltip = t("dialog.fix_first", self.lang)
            return False
        error.update("")
        record.disabled = False
        record.tooltip = None
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        else:
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        """Only a valid repayment goes on, and only through a confirmation."""
        if not self.check():
            return
        amount, on = self._event()
        loan_id, name = self.state.record.id, visible(self.state.record.name)
        due, then = due_on(self.app.ledger, loan_id, on)

        def message(lang: str) -> str:
            if due is not None and amount == due:
                effect = (t("repay.effect_overdue", lang) if then.days_overdue
                          else t("repay.effect_pay", lang, no=then.current.no))
            else:
                effect = t("pay.effect_other", lang)
            return t("repay.confirm_pay", lang, amount=amount, date=on, loan=name, effect=effect)

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(amount, on)

        self.app.push_screen(ConfirmDialog(message), callback=answered)

    def record(self, amount: Decimal, on: dt.date) -> None:
        loan_id, name, today = self.state.record.id, visible(self.state.record.name), self.app.today
        self.query_one("#record", Button).disabled = True

        def done(_result) -> None:
            self.app.notify(t("pay.recorded", self.app.lang, amount=amount, loan=name))
            self.dismiss(True)

        def refused(err: Exception) -> None:  # the file changed underneath and the payment no longer fits
            self.query_one("#error", Problem).update(err.sentence(self.app.lang))
            self.check()

        self.app.commit(lambda ledger: record_event(ledger, loan_id, "repayment", on, amount, today), done, refused)


class RenameModal(Dialog[bool]):
    CANCEL = False

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Static(Content(t("edit.title", lang, loan=visible(self.state.record.name))), classes="title")
        yield Label(t("edit.name", lang))
        yield Input(visible(self.state.record.name), id="name")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("edit.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.check()

    def on_input_changed(self) -> None:
        self.check()

    def check(self) -> bool:
        from jiebei_tui.domain.ledger import clean_name

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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        else:
            self.save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        from jiebei_tui.domain.ledger import rename_loan

        if not self.check():
            return
        name = self.query_one("#name", Input).value
        loan_id = self.state.record.id
        self.query_one("#save", Button).disabled = True

        def refused(err: Exception) -> None:
            self.query_one("#error", Problem).update(err.sentence(self.app.lang, _label(getattr(err, "field", ""), self.app.lang)))
            self.check()

        self.app.commit(lambda ledger: (rename_loan(ledger, loan_id, name), None), lambda _: self.dismiss(True), refused)


def _label(field: str, lang: str) -> str:
    """The form label a field's error names (the command line names the option instead)."""
    labels = {"amount": "pay.amount", "on": "pay.date", "name": "edit.name", "loan": "repay.loan"}
    key = labels.get(field)
    return t(key, lang) if key else field
