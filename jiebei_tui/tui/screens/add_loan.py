"""a · Add a loan: every field of the loan rules, each checked as you type with the domain's own sentence, and a
live preview of the first instalments before saving. A loan drawn months ago that is already part-repaid says
how many instalments are paid ("already repaid: K", as `jiebei-tui loans add --paid-through K`): they are
recorded as repaid on their due dates, so it opens on track. Answers the new loan's id, or None."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, Select

from jiebei_tui.actions.facts import contract_plan
from jiebei_tui.actions.loans import add_loan, preview_add_loan
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import clean_name
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.terms import (
    Method,
    make_loan,
    parse_daily_rate,
    parse_date,
    parse_principal,
    parse_repayment_day,
    parse_term,
)
from jiebei_tui.text.i18n import joined, sentences, t
from jiebei_tui.text.loans import paid_through_text
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.tables import fill
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from textual.widget import Widget

FIELDS = ("name", "principal", "daily_rate", "term", "start", "repayment_day", "paid_through")
CHECKS = {
    "name": clean_name,
    "principal": parse_principal,
    "daily_rate": parse_daily_rate,
    "term": parse_term,
    "start": lambda v: parse_date(v, "start"),
    "repayment_day": parse_repayment_day,
    "paid_through": lambda v: None,  # checked with the loan and today (preview_add_loan): 0 to the instalments due
}
PREVIEW_ROWS = 3


class AddLoanScreen(FormDialog[str | None]):
    FIRST = "#name"
    DEFAULT_CSS = """
    AddLoanScreen > #dialog { width: 96; }
    AddLoanScreen #preview { max-height: 6; }
    AddLoanScreen Label { width: 1fr; }  /* a long label (the repayment day's) wraps at 80 columns, not cut */
    """

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Label(t("add.title", lang), classes="title")
        for field in FIELDS:
            yield Label(t(f"add.{field}", lang))
            value = self.app.today.isoformat() if field == "start" else "0" if field == "paid_through" else ""
            yield TextInput(value, id=field) if field == "name" else FigureInput(value, id=field)  # a name: free text
            yield Problem(id=f"{field}-error")
        yield Label(t("add.method", lang))
        yield Select(
            [(t(f'method.{m.value}', lang), m.value) for m in Method],  # the borrower's words, as the loan edit shows them
            value=Method.EQUAL_INSTALLMENT.value,
            allow_blank=False,
            id="method",
        )
        yield Label(t("add.preview", lang), classes="title")
        yield DataTable(id="preview", cursor_type="none")
        yield Prose("", id="preview-summary", classes="hint")
        yield Prose("", id="opens", classes="hint")
        yield Problem(id="form-error")
        yield Prose("", id="save-why", classes="hint foot")  # in the foot, beside Save, always in view
        with Horizontal(classes="buttons"):
            yield Button(t("add.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        table = self.query_one("#preview", DataTable)
        table.can_focus = False  # a preview to read, not a Tab stop
        super().after_compose()

    def columns(self) -> list[tuple[str, str]]:
        return [(key, t(f"col.{key}", self.lang)) for key in ("no", "due_date", "days", "principal", "interest", "total")]

    def values(self) -> dict[str, str]:
        return {field: self.query_one(f"#{field}", Input).value for field in FIELDS}

    def check(self, touched: str | None = None) -> bool:
        """Show each field's own sentence (for fields the user has typed into) and the preview when all pass."""
        ok = self.fields_ok(touched)
        self.query_one("#save", Button).disabled = True  # until the loan as a whole passes (preview_add_loan)
        self.checking(ok)  # with the ledger, once every field passes
        self.preview() if ok else self.clear_preview()
        return ok

    def fields_ok(self, touched: str | None = None, reveal_all: bool = False) -> bool:
        lang, failing = self.lang, []
        for field, value in self.values().items():
            error = self.query_one(f"#{field}-error", Problem)
            try:
                CHECKS[field](value)
                error.update("")
            except InputError as err:
                failing.append(t(f"add.{field}", lang))
                shown = value != "" or field == touched or reveal_all
                error.update(err.sentence(lang, t(f"add.{field}", lang)) if shown else "")
        # the dimmed Save says why: a field never typed into has no sentence of its own until Save is tried
        why = t("add.needs", lang, fields=joined(failing, lang)) if failing else ""
        self.query_one("#save-why", Prose).update(why)
        self.query_one("#save", Button).tooltip = why or None
        return not failing

    def contract(self) -> dict[str, object]:
        """The loan's contract as typed, as `loans add` takes it."""
        v = self.values()
        return {"principal": v["principal"], "daily_rate": v["daily_rate"], "term": v["term"],
                "method": self.query_one("#method", Select).value, "start": v["start"],
                "repayment_day": v["repayment_day"]}

    def loan(self):
        return make_loan(**self.contract())

    def preview(self) -> None:
        """The contract schedule's first instalments (`jiebei-tui schedule`), then the loan as adding it would
        record it: checked with the ledger (already-repaid instalments due by today), and how it opens."""
        plan = contract_plan(self.loan())
        rows = [(str(i.no), [str(i.no), i.due_date.isoformat(), str(i.days), yuan(i.principal), yuan(i.interest), yuan(i.total)])
                for i in plan.installments[:PREVIEW_ROWS]]
        fill(self.query_one("#preview", DataTable), self.columns(), rows)
        self.query_one("#preview-summary", Prose).update(
            t("add.preview_more", self.app.lang, n=len(plan.installments), interest=plan.total_interest,
              apr=percent(plan.apr_irr))
        )
        v = self.values()
        ask(self, "check", preview_add_loan, v["name"], paid_through=v["paid_through"] or "0", **self.contract(),
            done=self.checked, refused=self.refused)

    def checked(self, added) -> None:
        """The loan as it would open today: its state, and the instalments recorded as already repaid."""
        from jiebei_tui.text.loans import badge_text

        lang, s = self.lang, added.state
        self.query_one("#paid_through-error", Problem).update("")
        opens = t("add.opens", lang, state=badge_text(s, lang), date=s.next_due_date or "—", amount=s.next_due_amount)
        if added.paid_through:
            opens = sentences([paid_through_text(added.paid_through, lang), opens], lang)
        # a loan drawn a while ago, its past instalments not marked repaid: it would open overdue, penalty running
        unpaid = [i.no for i in s.installments if i.status == "overdue"]
        if unpaid:
            opens = sentences([opens, t("add.opens_unpaid", lang, n=len(unpaid), last=max(unpaid))], lang)
        self.query_one("#opens", Prose).update(opens)
        self.query_one("#save", Button).disabled = False
        self.check_answered(True)

    def refused(self, err: Exception) -> None:
        self.check_answered(False)
        field = getattr(err, "field", "")
        where = f"#{field}-error" if field in FIELDS else "#form-error"
        label = t(f"add.{field}", self.lang) if field in FIELDS else None
        self.query_one(where, Problem).update(err.sentence(self.lang, label) if label else err.sentence(self.lang))
        self.query_one("#opens", Prose).update("")
        self.query_one("#save", Button).disabled = True

    def clear_preview(self) -> None:
        fill(self.query_one("#preview", DataTable), self.columns(), [])
        self.query_one("#preview-summary", Prose).update("")
        self.query_one("#opens", Prose).update("")

    def changed(self, field: Widget) -> None:
        self.check(field.id)  # (the method is no field with a sentence of its own)

    def save(self) -> None:
        """Saved only when every field is valid; otherwise every field says what is wrong."""
        if not self.fields_ok(reveal_all=True):  # show every field's problem, typed into or not
            self.query_one("#form-error", Problem).update(t("add.fix", self.lang))
            return
        if self.waits_for_check():  # still being checked with the ledger: saved once it passes
            return
        if self.query_one("#save", Button).disabled:  # refused
            return
        self.query_one("#form-error", Problem).update("")
        v, app = self.values(), self.app
        self.query_one("#save", Button).disabled = True

        def done(added) -> None:
            if added.replaced_demo:  # the demo's notice and reminders would outlive the demo loans
                app.forget_notifications()
            app.notify(t("add.saved", app.lang, loan=visible(added.record.name)))
            if added.paid_through:
                app.notify(paid_through_text(added.paid_through, app.lang))
            if added.replaced_demo:  # the first own loan replaces the demo: say so, as the command line does
                app.notify(t("cli.demo_replaced", app.lang))
            self.dismiss(added.record.id)

        ask(self, "record", add_loan, v["name"], paid_through=v["paid_through"] or "0", **self.contract(), done=done,
            refused=self.refused)
