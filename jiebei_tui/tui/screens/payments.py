"""A loan's payments (Status, h): the table `jiebei-tui payments list LOAN` prints, where the selected one went,
and its corrections: void it (v) or correct its amount or date (e), each previewed (the loan before and after)
and recorded only after a confirmation naming the payment and what it changes. Also the auto-debit question
("did the ¥X debit go through?", Status, b), recorded as `jiebei-tui pay ID --debited` records it.

Every figure comes from jiebei_tui/actions/payments.py, the functions the command line calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Static

from jiebei_tui.actions import payments, registry
from jiebei_tui.domain.money import yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.loans import compared, payment_words
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import width, wrap
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, Dialog, FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.tables import fill
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from jiebei_tui.actions.payments import Correction, PaymentRow
    from jiebei_tui.domain.debits import DebitQuestion

COLUMNS = ("id", "date", "kind", "amount", "status")
SPLIT = ("penalty", "interest", "principal", "prepaid", "fee")
PADDING = 2  # a DataTable cell's padding, one column either side
STATUS_MIN = 12  # the status column never narrower than this, whatever the others take


class PaymentsDialog(Dialog[None]):
    """The selected loan's payments; v voids the selected one, e corrects it."""

    BINDINGS = registry.bindings(registry.PAYMENTS)
    FIRST = "#payments"
    KEY_WORDS = {"cancel": "key.close"}  # a dialog to read: Escape closes it, there is nothing to cancel
    DEFAULT_CSS = """
    PaymentsDialog #payments { max-height: 10; overflow-x: hidden; }
    """

    def __init__(self, loan_id: str) -> None:
        super().__init__()
        self.loan_id = loan_id
        self.rows: list[PaymentRow] = []

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        record = next((s.record for s in self.app.states if s.record.id == self.loan_id), None)
        name = visible(record.name) if record is not None else ""
        yield Static(Content(t("payments.title", lang, id=self.loan_id, loan=name)), classes="title")
        yield DataTable(id="payments", cursor_type="row", zebra_stripes=True)
        yield Prose("", id="split")
        yield Prose(t("payments.hint", lang), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("payments.close", lang), id="close", variant="primary")

    def after_compose(self) -> None:
        self.load()

    def load(self) -> None:
        """Ask for the loan's payments as `payments list` gives them."""
        ask(self, "list", payments.payments, self.loan_id, done=self.show)

    def show(self, rows: list[PaymentRow]) -> None:
        lang = self.lang
        self.rows = rows
        table = self.query_one("#payments", DataTable)
        at = table.cursor_row
        headings = [t(f"col.{key}", lang) for key in COLUMNS]
        cells = []
        for row in rows:
            kind, status, _ = payment_words(row, lang)
            cells.append([row.event.id, row.event.date.isoformat(), kind, yuan(row.event.amount), status])
        # The status (with the reason a payment was voided or corrected) takes the room the other columns leave
        # and wraps onto more lines rather than running off the dialog: every word of it stays readable.
        widths = [max([width(h)] + [width(c[n]) for c in cells]) for n, h in enumerate(headings)]
        room = self.table_room(table) - sum(w + PADDING for w in widths[:-1]) - PADDING
        status_width = max(STATUS_MIN, min(room, widths[-1]))
        fill(table, list(zip(COLUMNS, headings)),
             [(c[0], [*c[:3], Text(c[3], justify="right"), "\n".join(wrap(c[4], status_width))]) for c in cells],
             widths={"status": status_width})
        if rows:
            table.move_cursor(row=min(at, len(rows) - 1))
        self.show_split()
        self.refresh_bindings()

    def table_room(self, table: DataTable) -> int:
        """The columns the payments table has inside the dialog, its scrollbar gutter kept: the dialog's width
        (its own, or the terminal's when that is narrower) less its border and its body's padding. Known before
        the dialog is laid out, so the table is filled once at its final size."""
        box, body = self.query_one("#dialog"), self.query_one("#dialog-body")
        size = box.styles.width
        outer = min(int(size.value) if size is not None and size.is_cells else self.app.size.width,
                    self.app.size.width)
        return outer - box.styles.gutter.width - body.styles.gutter.width - table.styles.scrollbar_size_vertical

    def on_resize(self) -> None:
        if self.rows:
            self.show(self.rows)  # a narrower terminal narrows the dialog: the status wraps to what is left

    def selected(self) -> PaymentRow | None:
        table = self.query_one("#payments", DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def on_data_table_row_highlighted(self) -> None:
        self.show_split()
        self.refresh_bindings()  # v and e follow the row: dimmed on a payment that no longer counts

    def show_split(self) -> None:
        """Where the selected payment went, and when and from where it was recorded."""
        lang, row = self.lang, self.selected()
        split = self.query_one("#split", Prose)
        if row is None:
            split.update(t("cli.no_payments", lang))
            return
        _, _, recorded = payment_words(row, lang)
        parts = []
        if row.split is not None:
            parts = [f"{t(f'col.{name}', lang)} {yuan(getattr(row.split, name))}" for name in SPLIT]
        if recorded:
            parts.append(f"{t('col.recorded', lang)} {recorded}")
        split.update(f"{row.event.id}: " + " · ".join(parts) if parts else "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("void", "edit_payment"):
            row = self.selected() if self.is_mounted and self.query("#payments") else None
            if row is None:
                return False
            return True if row.status == "active" else None  # only a payment that counts can be corrected
        return True

    def action_void(self) -> None:
        row = self.selected()
        if row is not None and row.status == "active":
            self.app.push_screen(VoidDialog(row), callback=self.changed)

    def action_edit_payment(self) -> None:
        row = self.selected()
        if row is not None and row.status == "active":
            self.app.push_screen(EditPaymentDialog(row), callback=self.changed)

    def changed(self, done: bool | None) -> None:
        if done:
            self.load()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


def payment_named(row_event, lang: str) -> str:
    """"E6 (¥896.97 on 2026-10-22, loan L3)"."""
    return t("payments.named", lang, id=row_event.id, amount=row_event.amount, date=row_event.date, loan=row_event.loan_id)


def show_compared(table: DataTable, correction: Correction, lang: str) -> None:
    """The loan at today before and after, as `loans edit` prints a change (text/loans.py compared)."""
    columns = [("label", ""), ("before", t("loanedit.before", lang)), ("after", t("loanedit.after", lang))]
    fill(table, columns, [(str(n), [label, Text(before, justify="right"), Text(after, justify="right")])
                          for n, (label, before, after) in enumerate(compared(correction.before, correction.after, lang))])


def effect(correction: Correction, lang: str) -> str:
    """What the loan asks for afterwards, in a sentence (actions/facts.py due_now of the state after)."""
    from jiebei_tui.actions.facts import due_now
    from jiebei_tui.text.loans import badge_text

    after = correction.after
    due = due_now(after)
    return t("payments.effect", lang, loan=after.record.id, state=badge_text(after, lang), amount=due.amount,
             payoff=due.payoff)


class VoidDialog(FormDialog[bool]):
    """A confirmation that names the payment and shows what voiding it changes; y (or Void) records the void."""

    BINDINGS = registry.bindings(registry.CONFIRM)
    CANCEL = False
    FIRST = "#no"
    DEFAULT_CSS = "VoidDialog #compare { max-height: 8; }"

    def __init__(self, row: PaymentRow) -> None:
        super().__init__()
        self.row = row
        self.preview: Correction | None = None

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Prose(t("payments.void_confirm", lang, payment=payment_named(self.row.event, lang)), id="message",
                    classes="message")
        yield DataTable(id="compare", cursor_type="none")
        yield Prose("", id="effect")
        yield Problem(id="error")
        yield Label(t("payments.reason", lang))
        yield TextInput("", id="reason")
        with Horizontal(classes="buttons"):
            yield Button(t("confirm.no", lang), variant="primary", id="no")
            yield Button(t("payments.void", lang), id="yes", disabled=True)

    def after_compose(self) -> None:
        self.query_one("#compare", DataTable).can_focus = False
        super().after_compose()

    def check(self) -> None:
        """Preview the void as typed (the reason is checked too): refused as recording it would be."""
        self.query_one("#yes", Button).disabled = True
        reason = self.query_one("#reason", Input).value or None
        ask(self, "preview", payments.preview_void, self.row.event.id, reason, done=self.previewed, refused=self.refused)

    def previewed(self, correction: Correction) -> None:
        self.preview = correction
        show_compared(self.query_one("#compare", DataTable), correction, self.lang)
        self.query_one("#effect", Prose).update(effect(correction, self.lang))
        self.query_one("#error", Problem).update("")
        self.query_one("#yes", Button).disabled = False

    def refused(self, err: Exception) -> None:
        self.preview = None
        labels = {"reason": "payments.reason"}
        field = getattr(err, "field", "")
        self.query_one("#error", Problem).update(err.sentence(self.lang, t(labels[field], self.lang)) if field in labels
                                                 else err.sentence(self.lang))
        self.query_one("#yes", Button).disabled = True

    def action_answer(self, yes: bool) -> None:
        if yes:
            self.save()
        else:
            self.dismiss(False)

    def pressed(self, button: Button) -> None:
        self.action_answer(button.id == "yes")

    def entered(self) -> None:
        """Enter in the reason answers nothing: only y or a button does."""

    def save(self) -> None:
        """Record the void previewed (y, or the Void button)."""
        if self.preview is None or self.query_one("#yes", Button).disabled:
            return
        app, reason = self.app, self.query_one("#reason", Input).value or None
        self.query_one("#yes", Button).disabled = True

        def done(voided) -> None:
            p = voided.payment
            app.notify(t("cli.voided", app.lang, event=p.id, amount=p.amount, date=p.date, loan=p.loan_id,
                         void=voided.void.id))
            self.dismiss(True)

        ask(self, "record", payments.void, self.row.event.id, reason, done=done, refused=self.refused)


class EditPaymentDialog(FormDialog[bool]):
    """Correct a payment's amount or date (the reason is optional): previewed as typed, then confirmed."""

    CANCEL = False
    FIRST = "#amount"
    DEFAULT_CSS = "EditPaymentDialog #compare { max-height: 8; }"

    def __init__(self, row: PaymentRow) -> None:
        super().__init__()
        self.row = row
        self.preview: Correction | None = None

    def compose_dialog(self) -> ComposeResult:
        lang, e = self.lang, self.row.event
        yield Static(Content(t("payments.edit_title", lang, payment=payment_named(e, lang))), classes="title")
        yield Label(t("pay.amount", lang))
        yield FigureInput(str(e.amount), id="amount")
        yield Label(t("pay.date", lang))
        yield FigureInput(e.date.isoformat(), id="date")
        yield Label(t("payments.reason", lang))
        yield TextInput("", id="reason")
        yield Problem(id="error")
        yield DataTable(id="compare", cursor_type="none")
        yield Prose("", id="effect")
        with Horizontal(classes="buttons"):
            yield Button(t("edit.save", lang), variant="primary", id="save", disabled=True)
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.query_one("#compare", DataTable).can_focus = False
        super().after_compose()

    def typed(self) -> dict[str, str | None]:
        return {
            "amount": self.query_one("#amount", Input).value,
            "on": self.query_one("#date", Input).value,
            "reason": self.query_one("#reason", Input).value or None,
        }

    def check(self) -> None:
        self.query_one("#save", Button).disabled = True
        self.preview = None
        self.checking()
        ask(self, "preview", payments.preview_edit, self.row.event.id, **self.typed(), done=self.previewed,
            refused=self.refused)

    def previewed(self, correction: Correction) -> None:
        self.preview = correction
        error, effect_text = self.query_one("#error", Problem), self.query_one("#effect", Prose)
        if correction.entry is None:  # the same amount and date: nothing to correct
            self.check_answered(False)
            fill(self.query_one("#compare", DataTable), [], [])
            effect_text.update(t("payments.edit_as_is", self.lang, event=correction.payment.id))  # nothing tried yet
            error.update("")
            return
        show_compared(self.query_one("#compare", DataTable), correction, self.lang)
        effect_text.update(effect(correction, self.lang))
        error.update("")
        self.query_one("#save", Button).disabled = False
        self.check_answered(True)

    def refused(self, err: Exception) -> None:
        self.preview = None
        self.check_answered(False)
        labels = {"amount": "pay.amount", "on": "pay.date", "reason": "payments.reason"}
        field = getattr(err, "field", "")
        self.query_one("#error", Problem).update(err.sentence(self.lang, t(labels[field], self.lang)) if field in labels
                                                 else err.sentence(self.lang))
        self.query_one("#save", Button).disabled = True

    def save(self) -> None:
        """Only a correction previewed as it stands now goes on, and only through a confirmation."""
        correction = self.preview
        if self.waits_for_check():
            return
        if correction is None or correction.entry is None or self.query_one("#save", Button).disabled:
            return
        typed, new, old = self.typed(), correction.entry, correction.payment

        def message(lang: str) -> str:
            return t("payments.edit_confirm", lang, payment=payment_named(old, lang), amount=new.amount, date=new.date,
                     effect=effect(correction, lang))

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(typed)

        self.app.push_screen(ConfirmDialog(message), callback=answered)

    def record(self, typed: dict) -> None:
        app = self.app
        self.query_one("#save", Button).disabled = True

        def done(edited) -> None:
            p, new = edited.payment, edited.replacement
            if new is None:
                app.notify(t("cli.edit_nothing", app.lang, event=p.id))
            else:
                app.notify(t("cli.edited", app.lang, event=p.id, amount=p.amount, date=p.date, new=new.id,
                             new_amount=new.amount, new_date=new.date, loan=p.loan_id))
            self.dismiss(True)

        ask(self, "record", payments.edit, self.row.event.id, **typed, done=done, refused=self.refused)


# --- the auto-debit question ---


def debit_question(q: DebitQuestion, lang: str, key: str | None) -> str:
    """"Auto-debit for L2 (…): did the ¥1,108.00 debit on 2026-12-01 (instalment 4) go through? Press b to record
    it." (the command line names `jiebei-tui pay L2 --debited` instead of the key)."""
    return t("debit.question_app", lang, loan=q.loan_id, name=visible(q.loan_name), amount=q.amount, date=q.due_date,
             no=q.installment, press=key or "")


def confirm_debited(app, q: DebitQuestion) -> None:
    """Ask, naming the debit; yes records it as `pay ID --debited` does (actions/payments.py pay_debited)."""

    def message(lang: str) -> str:
        account = visible(q.account) or t("repay.account", lang)
        return t("debit.confirm", lang, loan=q.loan_id, name=visible(q.loan_name), amount=q.amount, date=q.due_date,
                 no=q.installment, account=account)

    def done(paid) -> None:
        e = paid.event
        app.notify(t("cli.recorded", app.lang, kind=t("kind.auto_debit", app.lang), amount=e.amount, date=e.date,
                     loan=e.loan_id))

    def answered(yes: bool | None) -> None:
        if yes:
            app.act(payments.pay_debited, q.loan_id, q.installment, done=done)

    app.push_screen(ConfirmDialog(message), callback=answered)
