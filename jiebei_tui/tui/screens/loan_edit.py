"""Change a loan's contract terms (Status, c): principal, daily rate, term, method, drawdown date, repayment day.
What changes is shown as you type, as `jiebei-tui loans edit ID ...` without --apply prints it (every payment
replayed under the new terms: the loan before and after, the contract schedule after); a change after which a
recorded payment no longer fits is refused with the sentence naming it. Saving asks first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from jiebei_tui.actions import loans
from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.terms import Method
from jiebei_tui.text.i18n import joined, t
from jiebei_tui.text.loans import compared, edit_changes
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.dialog import ConfirmDialog, FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.tables import fill

if TYPE_CHECKING:
    from jiebei_tui.domain.corrections import LoanEdit
    from jiebei_tui.domain.ledger import LoanRecord

TEXT_FIELDS = ("principal", "daily_rate", "term", "start", "repayment_day")
LABELS = {"principal": "add.principal", "daily_rate": "add.daily_rate", "term": "add.term", "start": "add.start",
          "repayment_day": "loanedit.repayment_day", "method": "add.method"}
SCHEDULE = ("no", "due_date", "days", "principal", "interest", "total", "remaining")


class LoanEditDialog(FormDialog[bool]):
    CANCEL = False
    FIRST = "#principal"
    DEFAULT_CSS = """
    LoanEditDialog > #dialog { width: 96; }
    LoanEditDialog .pair { height: auto; }
    LoanEditDialog .pair > Vertical { height: auto; width: 1fr; }
    LoanEditDialog .pair Label { width: 1fr; }  /* a long label wraps within its half */
    LoanEditDialog #compare { max-height: 8; }
    LoanEditDialog #schedule { max-height: 8; }
    """

    def __init__(self, record: LoanRecord) -> None:
        super().__init__()
        self.record = record
        self.edit: LoanEdit | None = None
        self.given: dict[str, str | None] = {}

    def prefilled(self) -> dict[str, str]:
        r = self.record
        return {
            "principal": str(r.principal),
            "daily_rate": str(r.daily_rate),
            "term": str(r.term),
            "start": r.start.isoformat(),
            "repayment_day": str(r.repayment_day) if r.repayment_day is not None else "",
            "method": r.method.value,
        }

    def compose_dialog(self) -> ComposeResult:
        lang, values = self.lang, self.prefilled()
        yield Static(Content(t("loanedit.title", lang, id=self.record.id, loan=visible(self.record.name))), classes="title")
        for left, right in (("principal", "daily_rate"), ("term", "method"), ("start", "repayment_day")):
            with Horizontal(classes="pair"):
                for field in (left, right):
                    with Vertical():
                        yield Label(t(LABELS[field], lang))
                        if field == "method":
                            yield Select([(t(f"method.{m.value}", lang), m.value) for m in Method],
                                         value=values["method"], allow_blank=False, id="method")
                        else:
                            yield FigureInput(values[field], id=field)  # every field here is a figure
        yield Problem(id="error")
        yield Prose("", id="changes")
        yield DataTable(id="compare", cursor_type="none")
        yield Label(t("loanedit.schedule_after", lang), id="schedule-title")
        yield DataTable(id="schedule", cursor_type="none")
        yield Prose(t("loanedit.replayed", lang), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("loanedit.save", lang), variant="primary", id="save", disabled=True)
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        for table in self.query(DataTable):
            table.can_focus = False  # figures to read, not Tab stops
        super().after_compose()

    def changed_fields(self) -> dict[str, str | None]:
        """What the borrower changed, as typed (None: kept as it is); a repayment day emptied comes from the
        drawdown again ("auto", as `loans edit --repayment-day auto`)."""
        before = self.prefilled()
        typed = {field: self.query_one(f"#{field}", Input).value.strip() for field in TEXT_FIELDS}
        typed["method"] = str(self.query_one("#method", Select).value)
        given: dict[str, str | None] = {}
        for field, value in typed.items():
            if value == before[field]:
                given[field] = None
            elif field == "repayment_day" and value == "":
                given[field] = loans.AUTO_DAY
            else:
                given[field] = value
        return given

    def check(self) -> None:
        """Preview the change as typed: `loans edit` without --apply."""
        self.given = self.changed_fields()
        self.query_one("#save", Button).disabled = True
        self.edit = None
        if all(value is None for value in self.given.values()):
            self.check_answered(False)
            self.show(None)
            return
        self.checking()
        ask(self, "preview", loans.preview_loan_edit, self.record.id, **self.given, done=self.show,
            refused=self.refused)

    def show(self, edit: LoanEdit | None) -> None:
        lang = self.lang
        self.edit = edit
        self.query_one("#error", Problem).update("")
        changes, compare, schedule = (self.query_one("#changes", Prose), self.query_one("#compare", DataTable),
                                      self.query_one("#schedule", DataTable))
        title = self.query_one("#schedule-title", Label)
        if edit is None or not edit.changes:
            changes.update(t("loanedit.nothing", lang, loan=self.record.id))
            for table in (compare, schedule):
                fill(table, [], [])
            compare.display = schedule.display = title.display = False
            self.check_answered(False)
            return
        compare.display = schedule.display = title.display = True
        changes.update("\n".join(f"{label}  {value}" for label, value in edit_changes(edit, lang)))
        columns = [("label", ""), ("before", t("loanedit.before", lang)), ("after", t("loanedit.after", lang))]
        fill(compare, columns, [(str(n), [label, right(before), right(after)])
                                for n, (label, before, after) in enumerate(compared(edit.state_before, edit.state_after, lang))])
        rows = [(str(i.no), [right(str(i.no)), i.due_date.isoformat(), right(str(i.days)), right(yuan(i.principal)),
                             right(yuan(i.interest)), right(yuan(i.total)), right(yuan(i.remaining))])
                for i in edit.schedule_after]
        fill(schedule, [(key, t(f"col.{key}", lang)) for key in SCHEDULE], rows)
        self.query_one("#save", Button).disabled = False
        self.check_answered(True)

    def refused(self, err: Exception) -> None:
        self.edit = None
        self.check_answered(False)
        field = getattr(err, "field", "")
        label = t(LABELS[field], self.lang) if field in LABELS else None
        self.query_one("#error", Problem).update(err.sentence(self.lang, label) if label else err.sentence(self.lang))
        self.query_one("#changes", Prose).update("")
        for table in self.query(DataTable):
            fill(table, [], [])
        self.query_one("#save", Button).disabled = True

    def save(self) -> None:
        """Only a change previewed as it stands goes on, and only through a confirmation naming it."""
        edit, given = self.edit, dict(self.given)
        if self.waits_for_check():
            return
        if edit is None or not edit.changes or self.query_one("#save", Button).disabled:
            return
        loan_id = self.record.id

        def message(lang: str) -> str:
            from jiebei_tui.actions.facts import due_now
            from jiebei_tui.text.loans import badge_text

            after = edit.state_after
            due = due_now(after)
            what = joined((f"{label} {value}" for label, value in edit_changes(edit, lang)), lang, strong=True)
            return t("loanedit.confirm", lang, loan=loan_id, changes=what, state=badge_text(after, lang),
                     amount=due.amount, payoff=due.payoff)

        def answered(yes: bool | None) -> None:
            if yes:
                self.record_it(given)

        self.app.push_screen(ConfirmDialog(message), callback=answered)

    def record_it(self, given: dict) -> None:
        app, loan_id = self.app, self.record.id
        self.query_one("#save", Button).disabled = True

        def done(edit: LoanEdit) -> None:
            key = "loanedit.applied" if edit.changes else "loanedit.nothing"
            app.notify(t(key, app.lang, loan=loan_id))
            self.dismiss(True)

        ask(self, "record", loans.edit_loan, loan_id, **given, done=done, refused=self.refused)


def right(cell: str) -> Text:
    return Text(cell, justify="right")
