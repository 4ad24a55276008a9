"""The Plan section's dialogs, on the one modal base: a new scenario (a what-if kept apart from the record, each
field checked as you type by the actions layer, nothing written until Add), and exports of a table (CSV) or a
journal (hledger, beancount), as `jiebei-tui export` writes them: files readable by the owner only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Select

from jiebei_tui.actions import export as exporting
from jiebei_tui.actions import scenarios as what_ifs
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.scenarios import clean_scenario_name
from jiebei_tui.domain.terms import Strategy
from jiebei_tui.text import plan as words
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.screens.export import ExportDialog
from jiebei_tui.tui.screens.plan import LABELS as PLAN_LABELS
from jiebei_tui.tui.widgets.asking import Asking
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from textual.widget import Widget

    from jiebei_tui.domain.scenarios import Scenario

KINDS = ("prepay", "monthly", "repayment_day", "settle")
ORDERS = ("highest_cost", "smallest_balance", "lowest_outgo")
# the fields each kind of change takes (the others are hidden and not sent)
FIELDS = {
    "prepay": ("loan", "amount", "on", "strategy"),
    "monthly": ("loan", "order", "amount", "on", "strategy"),
    "repayment_day": ("loan", "day", "on"),
    "settle": ("loan", "on"),
}
LABELS = {"name": "plan.new.name", "loan": "plan.field.loan", "order": "plan.field.order", "amount": "plan.new.amount",
          "day": "plan.new.day", "on": "plan.new.on", "strategy": "plan.new.strategy", "kind": "plan.new.kind"}


class NewScenarioDialog(Asking, FormDialog[str | None]):
    """Name and one change (a one-off prepayment, a monthly extra to a loan or by an order, a different repayment
    day, a settle date); answers the new scenario's id, or None. With `to` (a scenario), no name: the change is
    added to that scenario, whose id it answers."""

    DEFAULT_CSS = """
    NewScenarioDialog #dialog .row { height: auto; }
    NewScenarioDialog #dialog .row Label { width: 26; margin: 0; padding: 1 1 0 0; }
    NewScenarioDialog #dialog .row Input, NewScenarioDialog #dialog .row Select { width: 1fr; }
    """
    CANCEL = None
    FIRST = "#name"

    def __init__(self, loan_id: str | None, to: Scenario | None = None) -> None:
        super().__init__()
        self.loan_id = loan_id
        self.to = to
        if to is not None:  # no name to give: the kind of change comes first
            self.FIRST = "#kind"
        self._change = None  # the change as the actions layer made it from the fields (None: not valid yet)

    def compose_dialog(self) -> ComposeResult:
        lang, today = self.lang, self.app.today.isoformat()
        loans = [(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in self.app.states
                 if not s.paid_off]
        loan = self.loan_id if self.loan_id in {value for _, value in loans} else (loans[0][1] if loans else Select.NULL)
        to = self.to
        yield Label(t("plan.new.title_to", lang, id=to.id, name=visible(to.name)) if to else t("plan.new.title", lang),
                    classes="title")
        yield from self.row("name", TextInput("", id="name"))
        yield from self.row("kind", Select([(t(f"plan.kind.{k}", lang), k) for k in KINDS], id="kind",
                                           allow_blank=False, value="prepay"))
        yield from self.row("loan", Select(loans, id="loan", allow_blank=True, value=loan,
                                           prompt=t("plan.new.loan_default", lang)))
        yield from self.row("order", Select([(words.order_name(o, lang), o) for o in ORDERS], id="order",
                                            allow_blank=False, value=ORDERS[0]))
        yield from self.row("amount", FigureInput("", id="amount"))
        yield from self.row("day", FigureInput("", id="day"))
        yield from self.row("on", FigureInput(today, id="on"))
        yield from self.row("strategy", Select([(t(f"strategy.{s.value}", lang), s.value) for s in Strategy],
                                               id="strategy", allow_blank=True, prompt=t("plan.new.strategy_default", lang)))
        yield Prose("", id="said", classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("plan.new.add_change" if self.to else "plan.new.add", lang), variant="primary", id="add")
            yield Button(t("key.cancel", lang), id="cancel")

    def row(self, field: str, widget) -> ComposeResult:
        with Horizontal(classes="row", id=f"{field}-row"):
            yield Label(t(LABELS[field], self.lang))
            yield widget
        yield Problem(id=f"{field}-error")

    # --- checked as typed ---

    def kind(self) -> str:
        value = self.query_one("#kind", Select).value
        return value if value in KINDS else "prepay"

    def picked(self, select_id: str) -> str | None:
        value = self.query_one(f"#{select_id}", Select).value
        return None if value is Select.NULL else str(value)

    def check(self) -> None:
        """Show the fields the kind takes, check the name here and the change through the actions layer."""
        kind = self.kind()
        shown = FIELDS[kind]
        self.query_one("#name-row").display = self.to is None
        # a monthly amount runs from a day on; the other changes happen on one day
        self.query_one("#on-row Label", Label).update(t(self.label_key("on"), self.lang))
        by_order = kind == "monthly" and self.picked("loan") is None
        for field in ("loan", "order", "amount", "day", "on", "strategy"):
            visible_now = field in shown and (field != "order" or by_order)
            self.query_one(f"#{field}-row").display = visible_now
            if not visible_now:
                self.query_one(f"#{field}-error", Problem).update("")
        self._change = None
        self.query_one("#add", Button).disabled = True
        name_error = self.query_one("#name-error", Problem)
        typed_name = self.query_one("#name", Input).value
        try:
            clean_scenario_name(typed_name)
            name_error.update("")
        except InputError as err:
            name_error.update(refusal(err, self.lang, {err.field: LABELS["name"]}) if typed_name else "")
        values = {
            "on": self.query_one("#on", Input).value.strip() or None,
            "loan": self.picked("loan"),
            "amount": self.query_one("#amount", Input).value.strip() if "amount" in shown else None,
            "strategy": self.picked("strategy") if "strategy" in shown else None,
            "day": self.query_one("#day", Input).value.strip() if "day" in shown else None,
            "order": self.picked("order") if by_order else None,
        }
        self.ask("change", what_ifs.make_change, kind, **values, done=self.made)

    def made(self, result) -> None:
        for field in ("loan", "order", "amount", "day", "on", "strategy"):
            self.query_one(f"#{field}-error", Problem).update("")
        if isinstance(result, Exception):
            field = getattr(result, "field", "")
            target = field if field in LABELS and field != "name" and field != "kind" else "on"
            typed = self.query_one(f"#{target}", Input).value if target in ("amount", "day", "on") else "x"
            if typed:  # an empty field is not an error until Add: the button waits for it
                self.query_one(f"#{target}-error", Problem).update(self.sentence(result))
            return
        self._change = result
        self.query_one("#add", Button).disabled = not self.name_ok()

    def label_key(self, field: str) -> str:
        """A field's words: the date is "From" for a monthly amount (it runs from that day on), else "On"."""
        return "plan.new.from" if field == "on" and self.kind() == "monthly" else LABELS[field]

    def sentence(self, err: Exception) -> str:
        field = getattr(err, "field", "")
        return refusal(err, self.lang, PLAN_LABELS | ({field: self.label_key(field)} if field in LABELS else {}))

    def name_ok(self) -> bool:
        if self.to is not None:  # a change to a scenario that has its name
            return True
        try:
            clean_scenario_name(self.query_one("#name", Input).value)
        except InputError:
            return False
        return True

    # --- adding ---

    def save(self) -> None:
        if self._change is None or not self.name_ok():
            return
        name, change = self.query_one("#name", Input).value, self._change
        self.query_one("#add", Button).disabled = True

        def added(scenario) -> None:
            self.app.notify(t("plan.scenario.added", self.app.lang, id=scenario.id, name=visible(scenario.name)))
            self.dismiss(scenario.id)

        def refused(err: Exception) -> None:  # the name is taken, the ledger is full, the loan is gone
            field = getattr(err, "field", "name")
            target = field if field in LABELS and field != "kind" else "name"
            self.query_one(f"#{target}-error", Problem).update(self.sentence(err))
            self.query_one("#add", Button).disabled = False

        if self.to is None:
            self.app.act(what_ifs.add, name, change, done=added, refused=refused)
            return

        def extended(scenario) -> None:
            self.app.notify(t("plan.scenario.extended", self.app.lang, id=scenario.id, name=visible(scenario.name),
                              n=len(scenario.changes)))
            self.dismiss(scenario.id)

        self.app.act(what_ifs.extend, self.to.id, change, done=extended, refused=refused)


# --- exports ---

WHAT = ("schedule", "payments", "plan", "months", "hledger", "beancount")
SUFFIX = {"hledger": ".journal", "beancount": ".beancount"}


def default_path(what: str) -> str:
    """In the home folder, written as ~, as the letter's and the contact record's."""
    return f"~/jiebei-tui-{what}{SUFFIX.get(what, '.csv')}"


class PlanExportDialog(ExportDialog):
    """A CSV table (the schedule, the payments split, the plan with the amounts in the Plan section, the months
    ahead) or a journal, written 0600 by the actions layer in a worker. The path is checked as you type."""

    FIRST = "#what"
    NOT_A_FILE = "plan.export.not_a_file"

    def __init__(self, plan=None, months=None) -> None:
        super().__init__()
        self.plan = plan  # actions.plan.PlanView shown in the Plan section (None: none shown)
        self.months = months  # actions.plan.MonthsView

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Label(t("plan.export.title", lang), classes="title")
        yield Prose(t("plan.export.explain", lang), classes="hint")
        yield Label(t("plan.export.what", lang))
        yield Select([(t(f"plan.export.what.{w}", lang), w) for w in WHAT], id="what", allow_blank=False, value=WHAT[0])
        yield Label(t("plan.export.path", lang))
        yield TextInput(default_path(WHAT[0]), id="path")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("export.write", lang), variant="primary", id="write")
            yield Button(t("key.cancel", lang), id="cancel")

    def what(self) -> str:
        value = self.query_one("#what", Select).value
        return value if value in WHAT else WHAT[0]

    def changed(self, field: Widget) -> None:
        if isinstance(field, Select):
            path = self.query_one("#path", Input)
            if path.value in {default_path(w) for w in WHAT}:  # a name still as given follows the choice
                path.value = default_path(self.what())
        super().changed(field)

    def problem(self) -> str | None:
        if self.what() == "plan" and self.plan is None and not super().problem():
            return t("plan.export.no_plan", self.lang)
        return super().problem()

    def save(self) -> None:
        if not self.check():
            return
        what, path = self.what(), self.path()
        self.query_one("#write", Button).disabled = True

        def written(done) -> None:
            lang = self.app.lang
            key = "plan.export.journal_written" if what in SUFFIX else "plan.export.written"
            self.app.notify(words.counted(key, done.rows, lang, path=done.path))
            self.dismiss(True)

        def refused(err: Exception) -> None:
            lang = self.app.lang
            self.failed(refusal(err, lang, PLAN_LABELS | {"out": "export.path"}))

        if what in SUFFIX:
            self.app.act(exporting.export_journal, what, path, done=written, refused=refused)
        else:
            self.app.act(exporting.export_csv, what, path, plan=self.plan, months=self.months, done=written,
                         refused=refused)
