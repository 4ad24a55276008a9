"""Record what the lender agreed (`jiebei-tui loans restructure`): the new plan from a date, previewed as you
type (the actions layer's `preview_restructure`, in a worker: what ends, what is waived or carried, the new
plan, its interest), then recorded after a confirmation showing that plan. Reminders, the status and the credit
outlook follow it; undo (or voiding the entry) takes it back.

When a request was worked out for the loan, the form starts from what it asked for (its best option, the
penalty and interest as asked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Switch

from jiebei_tui.domain.errors import InputError
from jiebei_tui.text import way_back as words
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.pairs import Pairs
from jiebei_tui.tui.widgets.prose import Problem
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from jiebei_tui.actions.hardship import Restructure
    from jiebei_tui.domain.request import LenderRequest

LABELS = {"on": "agreement.on", "term": "agreement.term", "installment": "agreement.installment",
          "daily_rate": "agreement.rate", "first_due": "agreement.first_due", "reference": "agreement.reference",
          "loan": "way.request_loan"}
TEXT_FIELDS = ("on", "term", "installment", "daily-rate", "first-due", "reference")


class AgreementDialog(FormDialog[bool]):
    CANCEL = False
    DEFAULT_CSS = """
    AgreementDialog > #dialog { width: 90; }
    AgreementDialog .pair { height: auto; }
    AgreementDialog .pair > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    AgreementDialog .switch-row { height: auto; margin: 1 0 0 0; }
    AgreementDialog .switch-row Label { margin: 1 2 0 1; }
    """

    def __init__(self, loan_id: str, request: LenderRequest | None = None) -> None:
        super().__init__()
        self.loan_id = loan_id
        self.request = request
        self._asked = 0

    def prefill(self) -> dict[str, object]:
        """From the request worked out for the loan: its best option (a term or the budget's instalment), the
        penalty and the interest as it asked."""
        from jiebei_tui.actions import hardship

        values: dict[str, object] = {"term": "", "installment": "", "waive_penalty": True, "waive_interest": False}
        request = self.request
        if request is not None:
            option = hardship.option_for(request, None)
            if option.kind == "term":
                values["term"] = str(option.term)
            else:
                values["installment"] = str(option.installment)
            values.update(waive_penalty=request.waive_penalty, waive_interest=request.waive_interest)
        return values

    def compose_dialog(self) -> ComposeResult:
        lang, given = self.lang, self.prefill()
        yield Label(t("agreement.title", lang, loan=self.loan_id), classes="title")
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("agreement.on", lang))
                yield FigureInput(self.app.today.isoformat(), id="on")
            with Vertical():
                yield Label(t("agreement.first_due", lang))
                yield FigureInput("", id="first-due")
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("agreement.term", lang))
                yield FigureInput(str(given["term"]), id="term")
            with Vertical():
                yield Label(t("agreement.installment", lang))
                yield FigureInput(str(given["installment"]), id="installment")
        yield Label(t("agreement.rate", lang))
        yield FigureInput("", id="daily-rate")
        with Horizontal(classes="switch-row"):
            yield Switch(bool(given["waive_penalty"]), id="waive-penalty")
            yield Label(t("agreement.waive_penalty", lang))
            yield Switch(bool(given["waive_interest"]), id="waive-interest")
            yield Label(t("agreement.waive_interest", lang))
        yield Label(t("agreement.reference", lang))
        yield TextInput("", id="reference")
        yield Problem(id="error")
        yield Label(t("agreement.preview", lang))
        yield Pairs(id="preview")
        with Horizontal(classes="buttons"):
            yield Button(t("agreement.record", lang), variant="primary", id="record")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self._preview: Restructure | None = None
        self._error: InputError | None = None
        super().after_compose()

    def given(self) -> dict[str, object]:
        """The agreement as typed, read here on the event loop (the action runs later, in a worker)."""

        def typed(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Input).value
            return value if value.strip() else None

        return {"term": typed("term"), "installment": typed("installment"), "daily_rate": typed("daily-rate"),
                "first_due": typed("first-due"), "reference": typed("reference"),
                "waive_penalty": self.query_one("#waive-penalty", Switch).value,
                "waive_interest": self.query_one("#waive-interest", Switch).value}

    def on_date(self) -> str:
        return self.query_one("#on", Input).value

    def check(self) -> None:
        from jiebei_tui.actions import hardship

        self._asked += 1
        serial = self._asked
        self.query_one("#record", Button).disabled = True

        def answer(result) -> None:
            if serial != self._asked or not self.is_attached:
                return
            if isinstance(result, Exception):
                self._preview, self._error = None, result if isinstance(result, InputError) else None
                if self._error is None:
                    self.app.notify(result.sentence(self.app.lang), severity="error")
            else:
                self._preview, self._error = result, None
            self.show()

        self.app.act(hardship.preview_restructure, self.loan_id, self.on_date(), done=answer, refused=answer,
                     **self.given())

    def show(self) -> None:
        if self.rebuilding:  # a language switch: after_compose checks it again
            return
        lang = self.lang
        error, preview, record = self.query_one("#error", Problem), self.query_one("#preview", Pairs), self.query_one("#record", Button)
        if self._preview is None:
            err = self._error
            if err is not None and err.rule == "restructure_needs":  # the command line's words name its options
                error.update(t("agreement.needs", lang))
            elif err is not None:
                error.update(refusal(err, lang, LABELS))
            else:
                error.update("")
            preview.show([])
            record.disabled = True
            record.tooltip = t("dialog.fix_first", lang)
            return
        error.update("")
        preview.show(words.restructure_pairs(self._preview.preview, lang))
        record.disabled = False
        record.tooltip = None

    def save(self) -> None:
        """Ask, showing the new plan; record only on yes, with the values the preview was worked out from."""
        previewed = self._preview
        if previewed is None:
            return
        loan, on, given = self.loan_id, self.on_date(), self.given()
        preview = previewed.preview

        def message(lang: str) -> str:
            plan = dict(words.restructure_pairs(preview, lang))[t("way.label.new_plan", lang)]
            return t("agreement.confirm", lang, loan=loan, on=preview.on, plan=plan, principal=preview.done.amount)

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(loan, on, given)

        self.app.push_screen(ConfirmDialog(message), callback=answered)

    def record(self, loan: str, on: str, given: dict[str, object]) -> None:
        from jiebei_tui.actions import hardship

        self.query_one("#record", Button).disabled = True

        def done(result: Restructure) -> None:
            self.dismiss(True)
            self.app.notify(t("agreement.recorded", self.app.lang, event=result.event.id, loan=loan))

        def refused(err: Exception) -> None:
            if self.is_attached:
                self._preview, self._error = None, err if isinstance(err, InputError) else None
                if self._error is None:
                    self.app.notify(err.sentence(self.app.lang), severity="error")
                self.show()

        self.app.act(hardship.restructure, loan, on, done=done, refused=refused, **given)
