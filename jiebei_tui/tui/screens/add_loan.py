"""a · Add a loan: every field of the loan rules, each checked as you type with the domain's own sentence, and a
live preview of the first instalments before saving. Answers the new loan's id, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, Select

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
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.dialog import Dialog
from jiebei_tui.tui.widgets.tables import fill

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


class AddLoanScreen(Dialog[str | None]):
    FIRST = "#name"
    DEFAULT_CSS = """
    AddLoanScreen > #dialog { width: 96; }
    AddLoanScreen #preview { max-height: 6; }
    """

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Label(t("add.title", lang), classes="title")
        for field in FIELDS:
            yield Label(t(f"add.{field}", lang))
            yield Input(self.app.today.isoformat() if field == "start" else "", id=field)
            yield Problem(id=f"{field}-error")
        yield Label(t("add.method", lang))
        yield Select(
            [(f"{t(f'method.{m.value}', lang)} ({m.value})", m.value) for m in Method],
            value=Method.EQUAL_INSTALLMENT.value,
            allow_blank=False,
            id="method",
        )
        yield Label(t("add.preview", lang), classes="title")
        yield DataTable(id="preview", cursor_type="none")
        yield Prose("", id="preview-summary", classes="hint")
        yield Problem(id="form-error")
        with Horizontal(classes="buttons"):
            yield Button(t("add.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        table = self.query_one("#preview", DataTable)
        table.can_focus = False  # a preview to read, not a Tab stop
        self.check()

    def columns(self) -> list[tuple[str, str]]:
        return [(key, t(f"col.{key}", self.lang)) for key in ("no", "due_date", "days", "principal", "interest", "total")]

    def values(self) -> dict[str, str]:
        return {field: self.query_one(f"#{field}", Input).value for field in FIELDS}

    def check(self, touched: str | None = None, reveal_all: bool = False) -> bool:
        """Show each field's own sentence (for fields the user has typed into) and the preview when all pass."""
        lang, ok = self.lang, True
        for field, value in self.values().items():
            error = self.query_one(f"#{field}-error", Problem)
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
        rows = [(str(i.no), [str(i.no), i.due_date.isoformat(), str(i.days), yuan(i.principal), yuan(i.interest), yuan(i.total)])
                for i in schedule.installments[:PREVIEW_ROWS]]
        fill(self.query_one("#preview", DataTable), self.columns(), rows)
        self.query_one("#preview-summary", Prose).update(
            t("add.preview_more", self.app.lang, n=len(schedule.installments), interest=schedule.total_interest,
              apr=percent(apr_irr(schedule)))
        )

    def clear_preview(self) -> None:
        fill(self.query_one("#preview", DataTable), self.columns(), [])
        self.query_one("#preview-summary", Prose).update("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check(event.input.id)

    def on_select_changed(self) -> None:
        self.check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.save()

    def save(self) -> None:
        """Saved only when every field is valid; otherwise every field says what is wrong."""
        if not self.check(reveal_all=True):  # show every field's problem, typed into or not
            self.query_one("#form-error", Problem).update(t("add.fix", self.lang))
            return
        self.query_one("#form-error", Problem).update("")
        loan, name = self.loan(), self.values()["name"]
        was_demo = self.app.ledger.demo
        self.query_one("#save", Button).disabled = True

        def done(new_id: str) -> None:
            self.app.notify(t("add.saved", self.app.lang, loan=visible(clean_name(name))))
            if was_demo:  # the first own loan replaces the demo: say so, as the command line does
                self.app.notify(t("cli.demo_replaced", self.app.lang))
            self.dismiss(new_id)

        def refused(err: Exception) -> None:
            self.query_one("#form-error", Problem).update(err.sentence(self.app.lang))
            self.check()

        self.app.commit(lambda ledger: add_loan(ledger, name, loan), done, refused)
