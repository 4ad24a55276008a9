"""a · Add a loan: every field of the loan rules, each checked as you type with the domain's own sentence, and a
live preview of the first instalments before saving. Answers the new loan's id, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from jiebei_tui.domain.apr import apr_irr
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import add_loan, clean_name
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.terms import (
    Method,
    make_loan,
    parse_daily_rate,
    parse_date,
    parse_principal,
    parse_repayment_day,
    parse_term,
)
from jiebei_tui.text.i18n import t

FIELDS = ("name", "principal", "daily_rate", "term", "start", "repayment_day")
CHECKS = {
    "name": clean_name,
    "principal": parse_principal,
    "daily_rate": parse_daily_rate,
    "term": parse_term,
    "start": lambda v: parse_date(v, "start"),
    "repayment_day": parse_repayment_day,
}
PREVIEW_ROWS = 3


class AddLoanScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    AddLoanScreen { align: center middle; }
    AddLoanScreen > VerticalScroll { width: 96; max-width: 98%; height: 90%; padding: 0 2;
        border: thick $primary; background: $surface; }
    AddLoanScreen Input { margin: 0 0 0 2; width: 40; }
    AddLoanScreen Label { margin-top: 1; }
    AddLoanScreen .error-text { padding: 0 1; }
    AddLoanScreen Horizontal { height: auto; margin-top: 1; }
    AddLoanScreen #preview { max-height: 6; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="jiebei.cancel")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll():
            yield Label(t("add.title", lang), classes="section-title")
            for field in FIELDS:
                yield Label(t(f"add.{field}", lang))
                yield Input("", id=field, compact=True)
                yield Static("", id=f"{field}-error", classes="error-text")
            yield Label(t("add.method", lang))
            yield Select(
                [(f"{t(f'method.{m.value}', lang)} ({m.value})", m.value) for m in Method],
                value=Method.EQUAL_INSTALLMENT.value,
                allow_blank=False,
                compact=True,
                id="method",
            )
            yield Label(t("add.preview", lang), classes="panel-title")
            yield DataTable(id="preview", cursor_type="none")
            yield Static("", id="preview-summary", classes="hint")
            yield Static("", id="form-error", classes="error-text")
            with Horizontal():
                yield Button(t("add.save", lang), variant="primary", id="save")
                yield Button(t("key.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        table = self.query_one("#preview", DataTable)
        for key in ("no", "due_date", "days", "principal", "interest", "total"):
            table.add_column(t(f"col.{key}", self.app.lang), key=key)
        self.query_one("#start", Input).value = self.app.today.isoformat()
        self.query_one("#name", Input).focus()
        self.check()

    def values(self) -> dict[str, str]:
        return {field: self.query_one(f"#{field}", Input).value for field in FIELDS}

    def check(self, touched: str | None = None, reveal_all: bool = False) -> bool:
        """Show each field's own sentence (for fields the user has typed into) and the preview when all pass."""
        lang, ok = self.app.lang, True
        for field, value in self.values().items():
            error = self.query_one(f"#{field}-error", Static)
            try:
                CHECKS[field](value)
                error.update("")
            except InputError as err:
                ok = False
                shown = value != "" or field == touched or reveal_all
                error.update(err.sentence(lang, t(f"add.{field}", lang)) if shown else "")
        self.preview() if ok else self.clear_preview()
        self.query_one("#save", Button).disabled = not ok
        return ok

    def loan(self):
        v = self.values()
        return make_loan(
            principal=v["principal"], daily_rate=v["daily_rate"], term=v["term"],
            method=self.query_one("#method", Select).value, start=v["start"], repayment_day=v["repayment_day"],
        )

    def preview(self) -> None:
        schedule = build_schedule(self.loan())
        table = self.query_one("#preview", DataTable)
        table.clear()
        for i in schedule.installments[:PREVIEW_ROWS]:
            table.add_row(str(i.no), i.due_date.isoformat(), str(i.days), yuan(i.principal), yuan(i.interest), yuan(i.total))
        self.query_one("#preview-summary", Static).update(
            t("add.preview_more", self.app.lang, n=len(schedule.installments), interest=schedule.total_interest,
              apr=percent(apr_irr(schedule)))
        )

    def clear_preview(self) -> None:
        self.query_one("#preview", DataTable).clear()
        self.query_one("#preview-summary", Static).update("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check(event.input.id)

    def on_select_changed(self) -> None:
        self.check()

    def on_input_submitted(self) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.save()

    def save(self) -> None:
        if not self.check(reveal_all=True):  # show every field's problem, typed into or not
            self.query_one("#form-error", Static).update(t("add.fix", self.app.lang))
            return
        self.query_one("#form-error", Static).update("")
        loan, name = self.loan(), self.values()["name"]
        was_demo = self.app.ledger.demo
        new_id = self.app.commit(lambda ledger: add_loan(ledger, name, loan))
        self.app.notify(t("add.saved", self.app.lang, loan=clean_name(name)))
        if was_demo:  # the first own loan replaces the demo: say so, as the command line does
            self.app.notify(t("cli.demo_replaced", self.app.lang))
        self.dismiss(new_id)
