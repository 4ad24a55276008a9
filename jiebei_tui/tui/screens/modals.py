"""Small typed modals: a confirmation (bool), recording a repayment, renaming a loan. Each answers via dismiss."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.replay import LoanState, record_event
from jiebei_tui.domain.terms import parse_amount, parse_date
from jiebei_tui.text.i18n import t

MODAL_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; max-width: 95%; height: auto; padding: 1 2;
    border: thick $primary; background: $surface;
}}
{name} Input {{ margin-bottom: 0; }}
{name} Horizontal {{ height: auto; margin-top: 1; }}
"""


class ConfirmModal(ModalScreen[bool]):
    """Names what will happen; nothing is recorded unless the borrower says yes."""

    DEFAULT_CSS = MODAL_CSS.format(name="ConfirmModal")
    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel", id="jiebei.cancel")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical():
            yield Static(self.message, id="message")
            with Horizontal():
                yield Button(t("confirm.yes", lang), variant="primary", id="yes")
                yield Button(t("confirm.no", lang), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer has the focus

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class PayModal(ModalScreen[bool]):
    """Record a repayment: the amount prefilled with what is due, the date today. Checked as you type."""

    DEFAULT_CSS = MODAL_CSS.format(name="PayModal")
    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel", id="jiebei.cancel")]

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        lang, s = self.app.lang, self.state
        due = s.amount_to_clear if s.days_overdue else s.next_due_amount
        with Vertical():
            yield Label(t("pay.title", lang, loan=s.record.name), classes="panel-title")
            yield Label(t("pay.amount", lang))
            yield Input(str(due), id="amount")
            yield Label(t("pay.date", lang))
            yield Input(self.app.today.isoformat(), id="date")
            yield Static(t("pay.prefill_note", lang, amount=due), classes="hint")
            yield Static("", id="error", classes="error-text")
            with Horizontal():
                yield Button(t("pay.record", lang), variant="primary", id="record")
                yield Button(t("key.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        self.check()

    def on_input_changed(self) -> None:
        self.check()

    def _event(self):
        """The repayment as typed, checked against the ledger without writing (InputError if refused)."""
        amount = parse_amount(self.query_one("#amount", Input).value)
        on = parse_date(self.query_one("#date", Input).value, "on")
        record_event(self.app.ledger, self.state.record.id, "repayment", on, amount, self.app.today)
        return amount, on

    def check(self) -> bool:
        error = self.query_one("#error", Static)
        try:
            self._event()
        except InputError as err:
            error.update(err.sentence(self.app.lang, _label(err.field, self.app.lang)))
            self.query_one("#record", Button).disabled = True
            return False
        error.update("")
        self.query_one("#record", Button).disabled = False
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        elif self.check():
            self.record()

    def on_input_submitted(self) -> None:
        if self.check():
            self.record()

    def record(self) -> None:
        amount, on = self._event()
        loan_id = self.state.record.id
        try:
            self.app.commit(lambda ledger: record_event(ledger, loan_id, "repayment", on, amount, self.app.today))
        except InputError as err:  # the file changed underneath and the payment no longer fits
            self.query_one("#error", Static).update(err.sentence(self.app.lang))
            return
        self.app.notify(t("pay.recorded", self.app.lang, amount=amount, loan=self.state.record.name))
        self.dismiss(True)


class RenameModal(ModalScreen[bool]):
    DEFAULT_CSS = MODAL_CSS.format(name="RenameModal")
    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel", id="jiebei.cancel")]

    def __init__(self, state: LoanState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical():
            yield Label(t("edit.title", lang, loan=self.state.record.name), classes="panel-title")
            yield Label(t("edit.name", lang))
            yield Input(self.state.record.name, id="name")
            yield Static("", id="error", classes="error-text")
            with Horizontal():
                yield Button(t("edit.save", lang), variant="primary", id="save")
                yield Button(t("key.cancel", lang), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        else:
            self.save()

    def on_input_submitted(self) -> None:
        self.save()

    def save(self) -> None:
        from jiebei_tui.domain.ledger import rename_loan

        name = self.query_one("#name", Input).value
        loan_id = self.state.record.id
        try:
            self.app.commit(lambda ledger: (rename_loan(ledger, loan_id, name), None))
        except InputError as err:
            self.query_one("#error", Static).update(err.sentence(self.app.lang, _label(err.field, self.app.lang)))
            return
        self.dismiss(True)


def _label(field: str, lang: str) -> str:
    """The form label a field's error names (the command line names the option instead)."""
    labels = {"amount": "pay.amount", "on": "pay.date", "name": "edit.name", "loan": "repay.loan"}
    key = labels.get(field)
    return t(key, lang) if key else field

