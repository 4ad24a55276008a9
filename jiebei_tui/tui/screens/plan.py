"""5 · Plan: where the next yuan goes across every loan (the orders side by side with doing nothing extra, the
first step one key away), goal seek, scenarios compared side by side over a chart of the principal outstanding,
the months ahead with the payday, and what moving a repayment day would do.

Every figure comes from the actions layer (jiebei_tui/actions/plan.py, scenarios.py, export.py), run by
`app.act` in a thread worker (widgets/asking.py): the screen reads its fields, asks, and draws the answer. Typing
on asks again, and only the answer to the latest question of a panel is drawn (an older one finishing later is
dropped; one not yet started is skipped). What is drawn is kept, so a language switch or a resize redraws it in
the new words or width without asking again. Nothing is recorded without a confirmation naming loan, amount, date
and effect.

This module imports textual-plot (and numpy) through the chart: the app imports it only when Plan is built (opened,
or made ahead once the loans are on screen).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Static, Switch

from jiebei_tui.actions import plan as planning
from jiebei_tui.actions import registry
from jiebei_tui.actions import scenarios as what_ifs
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.repayment_day import DayMove
from jiebei_tui.text import plan as words
from jiebei_tui.text.i18n import joined, sentences, t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import shorten
from jiebei_tui.tui.widgets.asking import Asking
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.principal_chart import LOOKS, Line, PrincipalChart, legend
from jiebei_tui.tui.widgets.prose import Problem, Prose, Said
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.section import SectionScreen, while_on_top
from jiebei_tui.tui.widgets.tables import fill, plain

PANELS = ("where", "goal", "scenarios", "months", "day")
GOAL_KINDS = ("finish_by", "max_installment", "save")
PADDING = 2  # a table cell's padding, both sides together
FRAME = 6  # the body's scrollbar gutter (2) and a panel's border and padding (4)
MONTHS_AHEAD = 12
NAME_MIN, NAME_MAX = 10, 30
BASELINE = "nothing_extra"
CURRENT = "current"

# the form label a field's refusal names (the command line names its option instead)
LABELS = {
    "extra": "plan.field.extra", "on": "plan.field.on", "monthly": "plan.field.monthly", "from": "plan.field.from",
    "loan": "plan.field.loan", "finish_by": "plan.goal.kind.finish_by", "max_installment": "plan.goal.kind.max_installment",
    "save": "plan.goal.kind.save", "day": "plan.field.new_day", "payday": "plan.field.payday",
}


def right(value: str) -> Text:
    return Text(value, justify="right")


class PlanScreen(Asking, SectionScreen):
    BINDINGS = registry.bindings("plan")
    DEFAULT_CSS = """
    PlanScreen .form-row { height: auto; }
    PlanScreen .form-row Label { padding: 1 1 0 0; }
    PlanScreen .form-row .lead { width: 16; }
    PlanScreen .amount { width: 14; }
    PlanScreen .date { width: 17; }  /* a whole date and the cursor after it */
    PlanScreen .day { width: 10; }
    PlanScreen #goal-loan, PlanScreen #day-loan { width: 1fr; max-width: 56; }
    PlanScreen #goal-kind { width: 28; }
    PlanScreen #goal-value { width: 16; }
    PlanScreen .table-title { text-style: bold; margin: 1 0 0 0; }
    PlanScreen DataTable { max-height: 100; }
    PlanScreen #orders, PlanScreen #scenarios { margin: 1 0 0 0; }
    PlanScreen .buttons { height: auto; margin: 1 0 0 0; }
    PlanScreen .buttons Button { margin: 0 1 0 0; }
    PlanScreen #best { margin: 1 0 0 0; }
    PlanScreen #legend { margin: 1 0 0 0; }
    """

    def compose_body(self) -> ComposeResult:
        lang, today = self.lang, self.app.today.isoformat()
        with Body(id="body"):
            yield Said("", id="need-loans", classes="hint")
            with Vertical(classes="panel", id="where"):
                yield Label(t("plan.panel.where", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.extra", lang), classes="lead")
                    self._suggested = self.suggested_extra()  # (follow_suggestion)
                    yield FigureInput(self._suggested, id="extra", classes="amount")
                    yield Label(t("plan.field.on", lang))
                    yield FigureInput(today, id="on", classes="date")
                yield Problem(id="once-error")
                yield Said("", id="extra-hint", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.monthly", lang), classes="lead")
                    yield FigureInput("", id="monthly", classes="amount")
                    yield Label(t("plan.field.from", lang))
                    yield FigureInput(today, id="from", classes="date")
                yield Problem(id="monthly-error")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.roll_over", lang), classes="lead")
                    yield Switch(id="roll-over")
                yield Said("", id="roll-note", classes="hint")
                yield DataTable(id="orders", cursor_type="row")
                yield Said("", id="waiting", classes="hint")
                yield Prose("", id="best")
                yield Prose("", id="first-step", classes="hint")
                with Horizontal(classes="buttons"):
                    yield Button(t("plan.button.first", lang), id="record-first", variant="primary")
                yield Label(t("plan.months_title", lang), classes="table-title")
                yield DataTable(id="plan-months", cursor_type="none", show_cursor=False)
            with Vertical(classes="panel", id="goal"):
                yield Label(t("plan.panel.goal", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.loan", lang), classes="lead")
                    yield Select([], id="goal-loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
                with Horizontal(classes="form-row"):
                    yield Select([(t(f"plan.goal.kind.{k}", lang), k) for k in GOAL_KINDS], id="goal-kind",
                                 allow_blank=False, value="finish_by")
                    yield FigureInput("", id="goal-value")
                    yield Label(t("plan.field.goal_on", lang))
                    yield FigureInput(today, id="goal-on", classes="date")
                yield Problem(id="goal-error")
                yield Prose("", id="goal-answer")
            with Vertical(classes="panel", id="what-ifs"):
                yield Label(t("plan.panel.scenarios", lang), classes="panel-title")
                yield DataTable(id="scenarios", cursor_type="row")
                yield Prose("", id="scenarios-hint", classes="hint")
                yield Said("", id="scenario-detail")
                with Horizontal(classes="buttons"):
                    yield Button(t("plan.button.new", lang), id="new-scenario")
                    yield Button(t("plan.button.add_change", lang), id="add-change")
                    yield Button(t("plan.button.apply", lang), id="apply-scenario", variant="primary")
                    yield Button(t("plan.button.delete", lang), id="delete-scenario", variant="error")
                yield Label(t("plan.chart.title", lang), classes="table-title")
                yield Static("", id="legend")
                yield PrincipalChart(id="chart")
            with Vertical(classes="panel", id="months"):
                yield Label(t("plan.panel.months", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.payday", lang))
                    yield FigureInput(self.saved_payday(), id="payday", classes="day")
                    yield Button(t("plan.save_payday", lang), id="save-payday")
                yield Problem(id="payday-error")
                yield Prose("", id="payday-note", classes="hint")
                yield DataTable(id="months-table", cursor_type="none", show_cursor=False)
            with Vertical(classes="panel", id="day"):
                yield Label(t("plan.panel.day", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.loan", lang), classes="lead")
                    yield Select([], id="day-loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
                with Horizontal(classes="form-row"):
                    yield Label(t("plan.field.new_day", lang), classes="lead")
                    yield FigureInput("", id="day-new", classes="day")
                yield Problem(id="day-error")
                yield Prose("", id="day-answer")
                yield DataTable(id="day-table", cursor_type="none", show_cursor=False)

    def on_mount(self) -> None:
        # what survives a language switch (the screen is rebuilt, these are not): the answers, the order and
        # the scenario the cursor is on, the ledger and loan they were worked out for
        self._results: dict[str, Any] = {}
        self._version: int | None = None
        self._loan: str | None = None
        self._chosen: str | None = None  # the order under the cursor (None: the cheapest)
        self._scenario: str | None = None  # the scenario under the cursor
        # (then SectionScreen's own on_mount: Textual calls every class's handler, base classes' after; a
        # super() call here ran it, and so the first drawing, twice)

    def after_compose(self) -> None:
        for table_id in ("plan-months", "months-table", "day-table"):
            self.query_one(f"#{table_id}", DataTable).can_focus = False  # figures to read, not Tab stops
        super().after_compose()

    # --- what the fields start with ---

    def follow_suggestion(self) -> None:
        """The starting figure follows the loans (the demo's, then the borrower's own) until the borrower types
        a figure of their own."""
        field, suggested = self.query_one("#extra", Input), self.suggested_extra()
        if field.value == self._suggested and suggested != self._suggested:
            with self.prevent(Input.Changed):
                field.value = suggested
        self._suggested = suggested

    def suggested_extra(self) -> str:
        """A round figure to start from: about a third of the principal owed across the loans."""
        owed = sum((s.principal_outstanding for s in self.app.states if not s.paid_off), Decimal(0))
        return str(int(owed / 3 // 100 * 100)) if owed >= 300 else ""

    def saved_payday(self) -> str:
        ledger = self.app.ledger
        return str(ledger.settings.payday) if ledger is not None and ledger.settings.payday else ""

    def press_key(self, name: str) -> str:
        return self.app.key_shown(name)

    # --- reading the ledger: ask again when it changed, else redraw what was answered ---

    def render_view(self) -> None:
        super().render_view()
        self.fill_loans()
        open_loans = [s for s in self.app.states if not s.paid_off]
        self.query_one("#need-loans", Said).update(
            "" if open_loans else t("plan.need_loans", self.lang, press=self.press_key("add")))
        if self._version != self.app.version:
            self._version = self.app.version
            self._loan = self.app.selected_loan
            self.follow_suggestion()
            self.ask_where()
            self.ask_goal()
            self.ask_scenarios()
            self.ask_months()
            self.ask_day()
        elif self._loan != self.app.selected_loan:
            self._loan = self.app.selected_loan
            self.ask_goal()
            self.ask_day()
        for panel in PANELS:
            self.draw(panel)

    def fill_loans(self) -> None:
        options = [(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in self.app.states]
        with self.prevent(Select.Changed):
            for select_id in ("#goal-loan", "#day-loan"):
                select = self.query_one(select_id, Select)
                select.set_options(options)
                if self.app.selected_loan:
                    select.value = self.app.selected_loan

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in ("goal-loan", "day-loan"):
            if event.value is Select.NULL or event.value == self.app.selected_loan:
                return
            self.app.selected_loan = event.value  # shared with the other sections
            self.refresh_view()  # both pickers follow; goal and day asked again for the loan
        elif event.select.id == "goal-kind":
            self.ask_goal()

    def on_input_changed(self, event: Input.Changed) -> None:
        field = event.input.id
        if field in ("extra", "on", "monthly", "from"):
            self.ask_where()
        elif field in ("goal-value", "goal-on"):
            self.ask_goal()
        elif field == "payday":
            self.ask_months()
        elif field == "day-new":
            self.ask_day()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id == "roll-over":
            self.ask_where()

    def value(self, field_id: str) -> str | None:
        """What was typed, or None when the field is empty."""
        typed = self.query_one(f"#{field_id}", Input).value.strip()
        return typed or None

    def answer(self, panel: str) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            self._results[panel] = result
            if not self.rebuilding:  # a language switch half way: drawn once it is rebuilt
                self.draw(panel)

        return done

    def draw(self, panel: str) -> None:
        {"where": self.draw_where, "goal": self.draw_goal, "scenarios": self.draw_scenarios,
         "months": self.draw_months, "day": self.draw_day}[panel]()

    def room(self) -> int:
        """The columns a table in a panel has."""
        return max(40, self.size.width - FRAME)

    # --- where the next yuan goes ---

    def ask_where(self) -> None:
        if not any(not s.paid_off for s in self.app.states):  # nothing to plan: the line at the top says so
            self.forget("where")
            self._results["where"] = None
            if self.is_mounted and not self.rebuilding:
                self.draw_where()
            return
        roll_over = self.query_one("#roll-over", Switch).value
        self.ask("where", planning.plan, self.value("extra"), self.value("on"), self.value("monthly"),
                 self.value("from"), None, roll_over, done=self.answer("where"))

    def chosen_view(self) -> planning.PlanView | None:
        """The plan with the order under the cursor (the cheapest when the cursor is on doing nothing)."""
        view = self._results.get("where")
        if not isinstance(view, planning.PlanView):
            return None
        order = self._chosen if self._chosen in {o.order for o in view.comparison.options} else view.comparison.best.order
        return dataclasses.replace(view, chosen=order)

    def draw_where(self) -> None:
        lang = self.lang
        view = self._results.get("where")
        once, monthly = self.query_one("#once-error", Problem), self.query_one("#monthly-error", Problem)
        table, months = self.query_one("#orders", DataTable), self.query_one("#plan-months", DataTable)
        best, first = self.query_one("#best", Prose), self.query_one("#first-step", Prose)
        button = self.query_one("#record-first", Button)
        roll = self.query_one("#roll-over", Switch).value
        self.query_one("#roll-note", Said).update(t("plan.roll_over", lang) if roll else "")
        suggested = self.suggested_extra()  # the field's first figure is ours, not the borrower's: say so
        self.query_one("#extra-hint", Said).update(
            t("plan.extra_suggested", lang) if suggested and self.value("extra") == suggested else "")
        once.update("")
        monthly.update("")
        waiting = self.query_one("#waiting", Said)
        if not isinstance(view, planning.PlanView):
            waiting.update("")
            fill(table, [], [])
            fill(months, [], [])
            best.update("")
            first.update("")
            button.disabled = True
            if isinstance(view, Exception):
                problem = monthly if getattr(view, "field", "") in ("monthly", "from") else once
                problem.update(refusal(view, lang, LABELS))
            return
        c = view.comparison
        self.fill_orders(table, c)
        waiting.update("\n".join(words.waiting_lines(c, view.names, lang)))
        options = [c.baseline, *c.options]
        heads = [("month", t("plan.col.month", lang))] + [
            (o.order, t(f"plan.order_short.{o.order}", lang)) for o in options]
        rows = words.month_rows([(o.order, o.months) for o in options], lang)
        fill(months, heads, [(row[0], [row[0], *map(right, row[1:])]) for row in rows])
        cheapest = c.best
        best.update(t("plan.best", lang, order=words.order_name(cheapest.order, lang), saving=cheapest.saving)
                    if cheapest.saving > 0 else t("plan.no_saving", lang))
        self.show_first_step()

    def fill_orders(self, table: DataTable, c) -> None:
        """Doing nothing extra and each order, one row each, the cheapest marked; the cursor on the order chosen.
        On a narrow terminal the interest, penalty, fees and first step stand in the lines below instead."""
        lang = self.lang
        none = t("plan.none", lang)
        cheapest = c.best.order if c.best.saving > 0 else None
        wide = ("order", "debt_free", "interest", "penalty", "fees", "cost", "saving", "first_step", "mark")
        rows = []
        for o in (c.baseline, *c.options):
            base = o is c.baseline
            cells = {
                "order": t(f"plan.order_short.{o.order}", lang),
                "debt_free": o.debt_free.isoformat() if o.debt_free else none,
                "interest": right(yuan(o.totals.interest)), "penalty": right(yuan(o.totals.penalty)),
                "fees": right(yuan(o.totals.fees)), "cost": right(yuan(o.cost)),
                "saving": right(none if base else yuan(o.saving)),
                "first_step": none if base else words.first_step_short(o.first_step, lang),
                "mark": Text(t("plan.mark.best", lang), style="bold") if o.order == cheapest else "",
            }
            rows.append((o.order, cells))
        heads = {"order": t("plan.col.order", lang), "debt_free": t("plan.col.debt_free", lang),
                 "interest": t("plan.row.interest", lang), "penalty": t("plan.row.penalty", lang),
                 "fees": t("plan.row.fees", lang), "cost": t("plan.col.cost", lang), "saving": t("plan.col.saving", lang),
                 "first_step": t("plan.row.first_step", lang), "mark": ""}
        columns = wide
        if table_width(wide, heads, rows) > self.room():
            columns = ("order", "debt_free", "cost", "saving", "mark")
        with self.prevent(DataTable.RowHighlighted):
            fill(table, [(k, heads[k]) for k in columns], [(key, [cells[k] for k in columns]) for key, cells in rows])
            keys = [key for key, _ in rows]
            chosen = self.chosen_view()
            table.move_cursor(row=keys.index(self._chosen if self._chosen in keys else chosen.chosen), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if event.data_table.id == "orders":
            self._chosen = key if key != BASELINE else None
            self.show_first_step()
        elif event.data_table.id == "scenarios":
            self._scenario = key if key != CURRENT else None
            self.show_scenario_detail()

    def show_first_step(self) -> None:
        """What the chosen order's first step is and does, and whether it can be recorded now."""
        lang = self.lang
        first, button = self.query_one("#first-step", Prose), self.query_one("#record-first", Button)
        view = self.chosen_view()
        step = view.first_step if view else None
        button.disabled = step is None or step.on != self.app.today
        button.tooltip = None
        if view is None:
            first.update("")
            return
        order = words.order_name(view.chosen, lang)
        if step is None:
            said = t("plan.first_none", lang)
        elif step.on != self.app.today:
            said = t("plan.first_later", lang, order=order, step=words.first_step_short(step, lang), date=step.on)
            button.tooltip = said
        else:
            said = t("plan.first_hint", lang, order=order, step=words.first_step_short(step, lang),
                     effect=words.effect(step, lang, self.left_after(step)), press=self.press_key("apply_first"))
        unused = words.unused_line(view.option, lang)  # the table has no "Not placed" row: said here
        first.update(f"{said}\n{unused}" if unused else said)

    def left_after(self, step) -> Decimal | None:
        state = self.app.state_of(step.loan_id)
        return state.principal_outstanding - step.principal if state is not None else None

    def action_apply_first(self) -> None:
        """Record the chosen order's first step, after a confirmation naming loan, amount, date and effect."""
        if self.after("where", self.action_apply_first):
            return
        lang = self.lang
        view = self.chosen_view()
        if view is None:
            problem = self._results.get("where")
            self.app.notify(refusal(problem, lang, LABELS) if isinstance(problem, Exception) else t("plan.first_none", lang),
                            severity="warning")
            return
        step = view.first_step
        if step is None or step.on != self.app.today:
            self.show_first_step()
            self.app.notify(self.query_one("#first-step", Prose).text, severity="warning")
            return
        names, option, left = view.names, view.option, self.left_after(step)

        def message(lang: str) -> str:
            return t("plan.confirm.first", lang, kind=t(f"kind.{step.kind}", lang), amount=step.amount, loan=step.loan_id,
                     name=words.loan_name(names, step.loan_id), date=step.on, effect=words.effect(step, lang, left),
                     order=words.order_name(option.order, lang), saving=option.saving)

        def recorded(paid) -> None:
            e = paid.event
            self.app.notify(t("plan.recorded_first", self.app.lang, kind=t(f"kind.{e.kind}", self.app.lang),
                              amount=e.amount, date=e.date, loan=e.loan_id))

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.act(planning.apply_first, view, done=recorded)

        self.open_dialog(ConfirmDialog(message), callback=answered)

    # --- goal seek ---

    def ask_goal(self) -> None:
        loan = self.app.selected_loan
        kind = self.query_one("#goal-kind", Select).value
        typed = self.value("goal-value")
        if loan is None or typed is None or kind is Select.NULL:
            self.forget("goal")
            self._results["goal"] = None  # nothing asked: the panel says what to give
            if self.is_mounted and not self.rebuilding:
                self.draw_goal()
            return
        self.ask("goal", planning.goal_seek, loan, self.value("goal-on"), **{kind: typed}, done=self.answer("goal"))

    def draw_goal(self) -> None:
        lang = self.lang
        seek = self._results.get("goal")
        problem, answer = self.query_one("#goal-error", Problem), self.query_one("#goal-answer", Prose)
        problem.update("")
        kind = self.query_one("#goal-kind", Select).value
        overrides = {"on": "plan.field.goal_on"}
        if kind in GOAL_KINDS:
            overrides[kind] = f"plan.goal.kind.{kind}"
        if seek is None:
            answer.update(t("plan.goal.ask", lang))
        elif isinstance(seek, Exception):
            problem.update(refusal(seek, lang, LABELS | overrides))
            answer.update("")
        else:
            answer.update(goal_lines(seek, {s.record.id: s.record.name for s in self.app.states}, lang))

    # --- scenarios ---

    def ask_scenarios(self) -> None:
        self.ask("scenarios", what_ifs.compare, done=self.answer("scenarios"))

    def draw_scenarios(self) -> None:
        lang = self.lang
        found = self._results.get("scenarios")
        table, hint = self.query_one("#scenarios", DataTable), self.query_one("#scenarios-hint", Prose)
        ledger = self.app.ledger
        every = list(ledger.scenarios) if ledger is not None else []
        if isinstance(found, Exception):
            fill(table, [], [])
            hint.update(refusal(found, lang, LABELS))
            self.show_scenario_detail()
            return
        press = self.press_key("new_scenario")
        hint.update(t("plan.scenarios.first_four", lang, press=press) if every
                    else t("plan.scenarios.none_app", lang, press=press))
        if found is None:
            return
        c = found.comparison
        results = {r.label: r for r in (c.current, *c.scenarios)}
        none = t("plan.none", lang)
        rows = []
        for key, name in [(CURRENT, t("plan.scenario.current", lang))] + [(s.id, f"{s.id} {visible(s.name)}") for s in every]:
            r = results.get(key)
            if r is None:
                rows.append((key, [name, none, right(none), right(none), right(none)]))
                continue
            this_month = r.months[0].total if r.months else Decimal(0)
            rows.append((key, [name, r.debt_free.isoformat() if r.debt_free else none, right(yuan(r.cost)),
                               right(yuan(r.saving) if r.scenario else none), right(yuan(this_month))]))
        heads = [("name", t("plan.col.scenario", lang)), ("debt_free", t("plan.col.debt_free", lang)),
                 ("cost", t("plan.col.cost", lang)), ("saving", t("plan.col.saving", lang)),
                 ("this_month", t("plan.col.this_month", lang))]
        others = sum(column_widths(heads, rows)[1:]) + PADDING * (len(heads) - 1)
        name_width = max(NAME_MIN, min(NAME_MAX, self.room() - others - PADDING))
        for _, cells in rows:
            cells[0] = shorten(cells[0], name_width)
        with self.prevent(DataTable.RowHighlighted):
            fill(table, heads, rows)
            keys = [key for key, _ in rows]
            if self._scenario not in keys:
                self._scenario = keys[1] if len(keys) > 1 else None
            table.move_cursor(row=keys.index(self._scenario) if self._scenario else 0, animate=False)
        self.show_scenario_detail()
        self.draw_chart(found)

    def selected_scenario(self):
        ledger = self.app.ledger
        return next((s for s in (ledger.scenarios if ledger else []) if s.id == self._scenario), None)

    def show_scenario_detail(self) -> None:
        lang = self.lang
        detail = self.query_one("#scenario-detail", Said)
        scenario = self.selected_scenario()
        for button_id in ("#add-change", "#apply-scenario", "#delete-scenario"):
            self.query_one(button_id, Button).disabled = scenario is None
        if scenario is None:
            detail.update("")
            return
        lines = [t("plan.scenario.changes_of", lang, id=scenario.id, name=visible(scenario.name),
                   changes=joined((words.change_text(c, lang) for c in scenario.changes), lang, strong=True))]
        found = self._results.get("scenarios")
        compared = next((r for r in found.comparison.scenarios if r.label == scenario.id), None) if (
            found is not None and not isinstance(found, Exception)) else None
        if compared is None:
            lines.append(t("plan.scenario.not_compared", lang))
        else:
            lines += [words.note_text(n, lang) for n in compared.notes]
        detail.update("\n".join(lines))

    def draw_chart(self, found) -> None:
        """The principal outstanding: what was really owed to date, as the contracts scheduled it, things as they
        stand and each scenario compared, from the first drawdown to the last payment."""
        lang = self.lang
        c = found.comparison
        names = {"actual": t("plan.series.actual", lang), "scheduled": t("plan.series.scheduled", lang),
                 CURRENT: t("plan.scenario.current", lang)}
        for r in c.scenarios:
            names[r.label] = f"{r.label} {visible(r.scenario.name)}"
        lines = []
        for n, series in enumerate(c.series):
            if not series.points:
                continue
            until = c.today if series.label == "actual" else None
            lines.append(Line(names.get(series.label, series.label), series.points, LOOKS[n % len(LOOKS)], until))
        # what the contracts scheduled is drawn first: what was really owed to date, drawn over it, shows
        lines.sort(key=lambda line: line.label != names["scheduled"])
        chart = self.query_one(PrincipalChart)
        if not lines:
            chart.clear()
            self.query_one("#legend", Static).update("")
            return
        start = min(line.points[0][0] for line in lines)
        last = max(line.points[-1][0] for line in lines)
        # a little room after the last payment, so every line's last step lies inside the frame
        chart.draw(lines, start, last + dt.timedelta(days=max(3, (last - start).days // 40)))
        self.query_one("#legend", Static).update(legend(lines, self.app))

    def action_new_scenario(self) -> None:
        from jiebei_tui.tui.screens.plan_dialogs import NewScenarioDialog

        def added(scenario_id: str | None) -> None:
            if scenario_id:  # show it, compared: the cursor on it, its panel in view
                self._scenario = scenario_id
                table = self.query_one("#scenarios", DataTable)
                table.focus(scroll_visible=False)
                self.query_one("#what-ifs").scroll_visible(top=True, animate=False)

        if self.app.ledger is not None:
            self.open_dialog(NewScenarioDialog(self.app.selected_loan), callback=added)

    def scenario_for(self, action: Callable[[], None]):
        """The scenario a key acts on: the selected one (None, and the key runs again once the scenarios being
        worked out are in; None, saying how to add one, when there is none)."""
        if self.after("scenarios", action):
            return None
        scenario = self.selected_scenario()
        if scenario is None:
            self.app.notify(t("plan.no_scenario", self.lang, press=self.press_key("new_scenario")), severity="warning")
        return scenario

    def action_add_change(self) -> None:
        """One more change in the selected scenario (the same dialog as a new one, without a name)."""
        from jiebei_tui.tui.screens.plan_dialogs import NewScenarioDialog

        scenario = self.scenario_for(self.action_add_change)
        if scenario is None:
            return
        self.open_dialog(NewScenarioDialog(self.app.selected_loan, to=scenario))

    def action_apply_scenario(self) -> None:
        """Record the payments the selected scenario stands for today, after a confirmation naming them."""
        scenario = self.scenario_for(self.action_apply_scenario)
        if scenario is None:
            return
        found = self._results.get("scenarios")
        names = found.names if found is not None and not isinstance(found, Exception) else {}

        def cannot(err: Exception) -> None:
            lang = self.app.lang
            if isinstance(err, InputError):
                why = t(f"rule.{err.rule}", lang, **err.params)
                self.app.notify(t("plan.scenario.not_today", lang, why=why), severity="warning", timeout=10)
            else:
                self.app.notify(refusal(err, lang, LABELS), severity="error", timeout=10)

        def applied(done) -> None:
            lang = self.app.lang
            amount = sum((e.amount for e in done.events), Decimal(0))
            said = words.counted("plan.scenario.applied", len(done.events), lang, id=done.scenario.id,
                                 name=visible(done.scenario.name), amount=amount)
            self.app.notify(sentences([said, t("plan.scenario.kept" if done.kept else "plan.scenario.gone", lang)], lang))

        def confirm(application) -> None:
            def message(lang: str) -> str:
                payments = joined((words.step_line(p, names, lang, with_effect=True) for p in application.payments), lang,
                                  strong=True)
                after = t("plan.scenario.kept" if application.remaining else "plan.scenario.gone", lang)
                return t("plan.confirm.scenario", lang, id=scenario.id, name=visible(scenario.name), payments=payments,
                         after=after)

            def answered(yes: bool | None) -> None:
                if yes:
                    self.app.act(what_ifs.apply, scenario.id, done=applied)

            self.open_dialog(ConfirmDialog(message), callback=answered, worked_out=True)

        self.dialog_after(self.app.act(what_ifs.apply_preview, scenario.id, done=confirm, refused=cannot))

    def action_delete_scenario(self) -> None:
        scenario = self.scenario_for(self.action_delete_scenario)
        if scenario is None:
            return

        def message(lang: str) -> str:
            return t("plan.confirm.delete_scenario", lang, id=scenario.id, name=visible(scenario.name))

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.act(what_ifs.remove, scenario.id,
                             done=lambda _: self.app.notify(t("plan.deleted_scenario", self.app.lang, id=scenario.id)))

        self.open_dialog(ConfirmDialog(message), callback=answered)

    # --- the months ahead, and the payday ---

    def ask_months(self) -> None:
        self.ask("months", planning.months, MONTHS_AHEAD, self.value("payday"), done=self.answer("months"))

    def draw_months(self) -> None:
        lang = self.lang
        view = self._results.get("months")
        problem, note = self.query_one("#payday-error", Problem), self.query_one("#payday-note", Prose)
        table = self.query_one("#months-table", DataTable)
        problem.update("")
        if isinstance(view, Exception):
            problem.update(refusal(view, lang, LABELS))
            return  # the table keeps the months last shown
        if view is None:
            return
        note.update(t("plan.months.payday", lang, day=view.payday) if view.payday else t("plan.payday.none", lang))
        overdue = style(self.app, "due")
        rows = []
        for m in view.months:
            due = Text()
            for n, i in enumerate(m.items):
                if n:
                    due.append(" ")
                flag = "⚑" if i.before_payday else ""
                due.append(f"{flag}{i.due_date.day:02d}·{visible(i.loan_id)}", style=overdue if i.overdue else "")
            before = yuan(m.before_payday) if m.payday and m.before_payday else ""
            rows.append((m.month.isoformat(), [m.month.strftime("%Y-%m"), right(yuan(m.total)), right(before), due]))
        heads = [("month", t("plan.col.month", lang)), ("total", t("plan.col.total", lang)),
                 ("before", t("plan.col.before_payday", lang)), ("due", t("plan.col.due", lang))]
        fill(table, heads, rows)

    @while_on_top
    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button == "record-first":
            self.action_apply_first()
        elif button == "new-scenario":
            self.action_new_scenario()
        elif button == "add-change":
            self.action_add_change()
        elif button == "apply-scenario":
            self.action_apply_scenario()
        elif button == "delete-scenario":
            self.action_delete_scenario()
        elif button == "save-payday":
            self.save_payday()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "payday":
            self.save_payday()

    def save_payday(self) -> None:
        """Save the payday typed (a day, or off): one transaction, written only when it changes."""
        typed = self.query_one("#payday", Input).value.strip() or "off"

        def saved(done) -> None:
            self.app.notify(t("plan.payday_saved" if done.changed else "plan.payday.unchanged", self.app.lang))

        def refused(err: Exception) -> None:
            self.query_one("#payday-error", Problem).update(refusal(err, self.app.lang, LABELS))

        self.app.act(planning.set_payday, typed, done=saved, refused=refused)

    # --- change my repayment day ---

    def ask_day(self) -> None:
        loan, typed = self.app.selected_loan, self.value("day-new")
        if loan is None or typed is None:
            self.forget("day")
            self._results["day"] = None
            if self.is_mounted and not self.rebuilding:
                self.draw_day()
            return
        self.ask("day", planning.repayment_day, loan, typed, done=self.answer("day"))

    def draw_day(self) -> None:
        lang = self.lang
        move = self._results.get("day")
        problem, answer = self.query_one("#day-error", Problem), self.query_one("#day-answer", Prose)
        table = self.query_one("#day-table", DataTable)
        problem.update("")
        if not isinstance(move, DayMove):
            fill(table, [], [])
            if isinstance(move, Exception):
                problem.update(refusal(move, lang, LABELS))
                answer.update("")
            else:
                answer.update(t("plan.day.ask", lang))
            return
        names = {s.record.id: s.record.name for s in self.app.states}
        tr = move.transition
        answer.update("\n".join([
            t("plan.day.head", lang, loan=move.loan_id, name=words.loan_name(names, move.loan_id), old=move.old_day,
              new=move.new_day, on=move.on),
            t("plan.day.transition", lang, no=tr.installment, start=tr.period_start, old_due=tr.old_due,
              old_days=tr.old_days, old_interest=tr.old_interest, new_due=tr.new_due, new_days=tr.new_days,
              new_interest=tr.new_interest),
            t("plan.day.regular", lang, old=move.old_regular, new=move.new_regular),
            words.day_move_cost(move, lang),
            t("plan.day.lender", lang),
        ]))
        rows = []
        for k in range(max(len(move.before), len(move.after))):
            b = move.before[k] if k < len(move.before) else None
            a = move.after[k] if k < len(move.after) else None
            no = (b or a).installment
            rows.append((str(k), [right(str(no) if no else ""), b.on.isoformat() if b else "", right(yuan(b.amount) if b else ""),
                                  a.on.isoformat() if a else "", right(yuan(a.amount) if a else "")]))
        fill(table, [(c, t(f"plan.col.{c}", lang)) for c in ("no", "old_date", "old_amount", "new_date", "new_amount")], rows)

    # --- export ---

    def action_export_data(self) -> None:
        from jiebei_tui.tui.screens.plan_dialogs import PlanExportDialog

        if self.after("where", self.action_export_data) or self.after("months", self.action_export_data):
            return
        view, months = self._results.get("where"), self._results.get("months")
        self.open_dialog(PlanExportDialog(
            view if isinstance(view, planning.PlanView) else None,
            months if isinstance(months, planning.MonthsView) else None,
        ))


def column_widths(heads: list[tuple[str, str]], rows: list[tuple[str, list]]) -> list[int]:
    """Each column's width as tables.fill makes it: its widest cell or heading."""
    return [max([plain(heading).cell_len] + [plain(cells[n]).cell_len for _, cells in rows])
            for n, (_, heading) in enumerate(heads)]


def table_width(columns: tuple[str, ...], heads: dict[str, str], rows: list[tuple[str, dict]]) -> int:
    """The columns a table of these cells takes, padding included."""
    listed = [(key, [cells[k] for k in columns]) for key, cells in rows]
    return sum(column_widths([(k, heads[k]) for k in columns], listed)) + PADDING * len(columns)


def goal_lines(seek, names: dict[str, str], lang: str) -> str:
    """A goal's answer as the command line words it: the goal, the loan and day, paying nothing extra, then each
    strategy's least extra (with the check that one fen less misses) or why it cannot be met."""
    w = seek.without
    lines = [
        words.goal_head(seek, lang),
        t("plan.goal.head", lang, loan=seek.loan_id, name=words.loan_name(names, seek.loan_id), on=seek.on,
          due=seek.falls_due, payoff=seek.payoff),
        t("plan.goal.without", lang, date=w.debt_free or "—", largest=w.max_installment, cost=w.cost),
    ]
    for a in seek.answers:
        lines.append(words.answer_text(a, lang))
        less = words.one_fen_less_text(a, lang)
        if less:
            lines.append("  " + less)
    if not seek.strategy_matters:
        lines.append(t("plan.goal.same_both", lang))
    return "\n".join(lines)
