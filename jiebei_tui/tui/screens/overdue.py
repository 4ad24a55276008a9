"""4 · Overdue: what paying late would cost, explained before it happens — penalty per day with the formula,
the amount to clear after N days, a chart, the stages, the borrower's rights and what to do now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Switch

from jiebei_tui.actions import registry
from jiebei_tui.text import explain
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.overdue import STAGES, cost_curve, overdue_cost, penalty_rate
from jiebei_tui.domain.replay import LoanState
from jiebei_tui.domain.product_terms import updated_terms
from jiebei_tui.domain.terms import parse_in_range
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.chart import CostChart
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.prose import Prose
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.section import SectionScreen

MAX_DAYS = 120
CHART_DAYS = 90


class DaysInput(Input):
    """Days late: type a number, or ←/→ to step (the value is short, so the arrows need not move a cursor)."""

    BINDINGS = registry.bindings(registry.DAYS)

    def action_step(self, delta: int) -> None:
        try:
            days = int(self.value)
        except ValueError:
            days = 0
        self.value = str(max(0, min(MAX_DAYS, days + delta)))


class OverdueScreen(SectionScreen):
    BINDINGS = registry.bindings("overdue")
    DEFAULT_CSS = """
    OverdueScreen .pick-row { height: auto; padding: 0 1; }
    OverdueScreen .pick-row Label { padding: 1 1 0 0; }
    OverdueScreen #loan { width: 1fr; max-width: 44; }
    OverdueScreen #installment { width: 1fr; max-width: 40; }
    OverdueScreen #days { width: 10; }
    OverdueScreen .stage-row { height: auto; }
    OverdueScreen .stage { width: 5; }
    OverdueScreen .stage-row Prose { width: 1fr; }
    OverdueScreen .terms-row { height: auto; }
    OverdueScreen .terms-row Label { padding: 1 1 0 0; width: 1fr; max-width: 44; }
    OverdueScreen .terms-row Input { width: 12; }
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with Body(id="body"):
            with Horizontal(classes="pick-row"):
                yield Select([], id="loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
                yield Select([], id="installment", allow_blank=True, prompt=t("overdue.pick_installment", lang))
            with Horizontal(classes="pick-row"):
                yield Label(t("overdue.days", lang))
                yield DaysInput("6", id="days")
            with Vertical(classes="panel"):
                yield Label("", id="figures-title", classes="panel-title")
                yield Prose("", id="figures", classes="figures")
                yield Prose("", id="formula", classes="hint")
            with Vertical(classes="panel"):
                yield Label(t("overdue.chart", lang), classes="panel-title")
                yield CostChart(id="chart")
            with Vertical(classes="panel", id="timeline"):
                yield Label(t("overdue.timeline", lang), classes="panel-title")
                for n, stage in enumerate(STAGES):
                    with Horizontal(classes="stage-row"):
                        yield Label(stage, classes="stage")
                        yield Prose("", id=f"stage-{n}")
            with Vertical(classes="panel"):
                yield Label(t("overdue.six_days", lang), classes="panel-title")
                yield Prose(t("overdue.six_days_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.todo", lang), classes="panel-title")
                yield Prose(t("overdue.todo_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.rights", lang), classes="panel-title")
                yield Prose(t("overdue.rights_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.terms", lang), classes="panel-title")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.penalty_multiplier", lang))
                    yield Input("", id="multiplier")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.grace_days", lang))
                    yield Input("", id="grace")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.compounding", lang))
                    yield Switch(id="compounding")
                yield Prose("", id="terms-error", classes="error-text")
                yield Prose(t("help.disclaimer_text", lang), classes="hint")
                yield Button(t("overdue.save_terms", lang), id="save-terms")

    def on_mount(self) -> None:
        self._installment: int | None = None  # the instalment looked at: kept across a language switch
        super().on_mount()

    def action_step(self, delta: int) -> None:
        self.query_one(DaysInput).action_step(delta)

    @property
    def state(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def render_view(self) -> None:
        super().render_view()
        terms = self.app.ledger.terms
        with self.prevent(Input.Changed, Select.Changed, Switch.Changed):
            self.query_one("#multiplier", Input).value = str(terms.penalty_multiplier)
            self.query_one("#grace", Input).value = str(terms.grace_days)
            self.query_one("#compounding", Switch).value = terms.compounding
            loans = self.query_one("#loan", Select)
            loans.set_options([(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in self.app.states])
            if self.app.selected_loan:
                loans.value = self.app.selected_loan
            self.fill_installments()
        self.show()

    def fill_installments(self) -> None:
        s = self.state
        select = self.query_one("#installment", Select)
        if s is None:
            select.set_options([])
            return
        unpaid = [i for i in s.installments if i.status != "paid"] or list(s.installments)
        select.set_options([(f"{t('overdue.installment', self.lang)} {i.no} · {i.due_date}", i.no) for i in unpaid])
        numbers = [i.no for i in unpaid]
        if self._installment not in numbers:
            self._installment = s.current.no if s.current else numbers[0]  # the most urgent by default
            if s.days_overdue:
                self.query_one(DaysInput).value = str(s.days_overdue)
        select.value = self._installment

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is Select.NULL:
            return
        if event.select.id == "loan" and event.value != self.app.selected_loan:
            self.app.selected_loan = event.value
            self._installment = None
            with self.prevent(Input.Changed, Select.Changed):
                self.fill_installments()
        elif event.select.id == "installment":
            self._installment = event.value
        self.show()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "days":
            self.show()

    def days(self) -> int:
        return parse_in_range(self.query_one(DaysInput).value, "days", "days", 0, MAX_DAYS, max=MAX_DAYS)

    def show(self) -> None:
        lang, s = self.lang, self.state
        title, figures, formula = self.query_one("#figures-title", Label), self.query_one("#figures", Prose), self.query_one("#formula", Prose)
        terms = self.app.ledger.terms
        self.show_timeline(None)
        if s is None or self._installment is None:
            title.update(t("overdue.no_loan", lang))
            figures.update("")
            formula.update("")
            return
        inst = next(i for i in s.installments if i.no == self._installment)
        unpaid_p, unpaid_i = (inst.unpaid_principal, inst.unpaid_interest) if inst.status != "paid" else (inst.principal, inst.interest)
        try:
            days = self.days()
        except InputError as err:
            figures.update(err.sentence(lang, t("overdue.days", lang)))
            formula.update("")
            return
        rate = s.record.daily_rate
        cost = overdue_cost(inst.no, inst.due_date, unpaid_p, unpaid_i, rate, days, terms)
        title.update(t("overdue.figures", lang, no=inst.no, date=inst.due_date, days=days))
        figures.update(
            f"{t('label.overdue_principal', lang)}  {yuan(cost.overdue_principal)}   "
            f"{t('label.overdue_interest', lang)}  {yuan(cost.overdue_interest)}\n"
            f"{t('label.penalty_rate', lang)}  {percent(cost.penalty_daily_rate)}   "
            f"{t('label.penalty_total', lang)}  {yuan(cost.penalty_total)}\n"
            f"{t('label.amount_to_clear', lang)}  {yuan(cost.amount_to_clear)}   "
            f"{t('label.daily_cost', lang)}  {yuan(cost.daily_cost)}   {t('label.stage', lang)}  {cost.stage}"
        )
        lines = [explain.penalty_rate(rate, terms.penalty_multiplier, penalty_rate(rate, terms), lang)]
        lines += explain.penalty_lines(cost, lang)
        if days <= terms.grace_days:
            lines.append(f"{t('label.grace_days', lang)}: {terms.grace_days}")
        formula.update("\n".join(lines))
        curve = cost_curve(inst.due_date, unpaid_p, unpaid_i, rate, terms, CHART_DAYS)
        self.query_one(CostChart).plot(curve, days, style(self.app, "due"), style(self.app, "penalty"))
        self.show_timeline(cost.stage)

    def show_timeline(self, current: str | None) -> None:
        """Each stage on its own row, its text wrapping under itself; where the borrower is, marked."""
        terms, lang = self.app.ledger.terms, self.lang
        for n, stage in enumerate(STAGES):
            here = f"  {t('overdue.you_are_here', lang)}" if stage == current else ""
            self.query_one(f"#stage-{n}", Prose).update(f"{terms.stage_text(stage, lang)}{here}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-terms":
            self.save_terms()

    def save_terms(self) -> None:
        lang = self.lang
        error = self.query_one("#terms-error", Prose)
        values = {
            "penalty_multiplier": self.query_one("#multiplier", Input).value,
            "grace_days": self.query_one("#grace", Input).value,
            "compounding": self.query_one("#compounding", Switch).value,
        }
        try:
            updated_terms(self.app.ledger.terms, **values)  # check before writing
        except InputError as err:
            labels = {"penalty_multiplier": "label.penalty_multiplier", "grace_days": "label.grace_days"}
            error.update(err.sentence(lang, t(labels.get(err.field, "overdue.terms"), lang)))
            return
        error.update("")
        self.app.commit(
            lambda ledger: (ledger.model_copy(update={"terms": updated_terms(ledger.terms, **values)}), None),
            lambda _: self.app.notify(t("overdue.terms_saved", self.app.lang)),
        )
