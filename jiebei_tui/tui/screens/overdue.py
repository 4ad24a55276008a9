"""4 · Overdue: what paying late would cost, explained before it happens — penalty per day with the formula,
the amount to clear after N days, a chart, the stages, the borrower's rights and what to do now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, Switch

from jiebei_tui.text import explain
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.overdue import STAGES, cost_curve, overdue_cost, penalty_rate
from jiebei_tui.domain.replay import LoanState
from jiebei_tui.domain.product_terms import updated_terms
from jiebei_tui.domain.terms import parse_in_range
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.chart import CostChart
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.section import SectionScreen

MAX_DAYS = 120
CHART_DAYS = 90


class DaysInput(Input):
    """Days late: type a number, or ←/→ to step (the value is short, so the arrows need not move a cursor)."""

    BINDINGS = [
        Binding("left", "step(-1)", "1 day fewer", id="jiebei.less", show=False),
        Binding("right", "step(1)", "1 day more", id="jiebei.more", show=False),
    ]

    def action_step(self, delta: int) -> None:
        try:
            days = int(self.value)
        except ValueError:
            days = 0
        self.value = str(max(0, min(MAX_DAYS, days + delta)))


class OverdueScreen(SectionScreen):
    BINDINGS = [
        Binding("left", "step(-1)", "1 day fewer", id="jiebei.less"),
        Binding("right", "step(1)", "1 day more", id="jiebei.more"),
    ]
    DEFAULT_CSS = """
    OverdueScreen #pick-row { height: auto; padding: 0 1; }
    OverdueScreen #pick-row Label { padding: 1 1 0 0; }
    OverdueScreen #loan { width: 1fr; max-width: 44; }
    OverdueScreen #installment { width: 1fr; max-width: 36; }
    OverdueScreen #days { width: 10; }
    OverdueScreen #terms-row { height: auto; }
    OverdueScreen #terms-row Input { width: 12; }
    OverdueScreen #terms-row Label { padding: 1 1 0 1; }
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="body"):
            with Horizontal(id="pick-row"):
                yield Select([], id="loan", allow_blank=True)
                yield Select([], id="installment", allow_blank=True)
                yield Label(t("overdue.days", lang))
                yield DaysInput("6", id="days")
            with Vertical(classes="panel"):
                yield Label("", id="figures-title", classes="panel-title")
                yield Static("", id="figures", classes="figures")
                yield Static("", id="formula", classes="hint")
            with Vertical(classes="panel"):
                yield Label(t("overdue.chart", lang), classes="panel-title")
                yield CostChart(id="chart")
            with Vertical(classes="panel"):
                yield Label(t("overdue.timeline", lang), classes="panel-title")
                yield Static("", id="timeline")
            with Vertical(classes="panel"):
                yield Label(t("overdue.six_days", lang), classes="panel-title")
                yield Static(t("overdue.six_days_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.todo", lang), classes="panel-title")
                yield Static(t("overdue.todo_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.rights", lang), classes="panel-title")
                yield Static(t("overdue.rights_text", lang))
            with Vertical(classes="panel"):
                yield Label(t("overdue.terms", lang), classes="panel-title")
                with Horizontal(id="terms-row"):
                    yield Label(t("label.penalty_multiplier", lang))
                    yield Input("", id="multiplier")
                    yield Label(t("label.grace_days", lang))
                    yield Input("", id="grace")
                    yield Label(t("label.compounding", lang))
                    yield Switch(id="compounding")
                yield Static("", id="terms-error", classes="error-text")
                yield Static(t("help.disclaimer_text", lang), classes="hint")
                yield Button(t("overdue.save_terms", lang), id="save-terms")

    def on_mount(self) -> None:
        self._filling = False
        self._installment: int | None = None
        super().on_mount()

    def action_step(self, delta: int) -> None:
        self.query_one(DaysInput).action_step(delta)

    @property
    def state(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def render_view(self) -> None:
        super().render_view()
        if not self.query("#days"):
            return
        self._filling = True
        terms = self.app.ledger.terms
        self.query_one("#multiplier", Input).value = str(terms.penalty_multiplier)
        self.query_one("#grace", Input).value = str(terms.grace_days)
        self.query_one("#compounding", Switch).value = terms.compounding
        loans = self.query_one("#loan", Select)
        loans.set_options([(f"{s.record.id} · {s.record.name}", s.record.id) for s in self.app.states])
        if self.app.selected_loan:
            loans.value = self.app.selected_loan
        self.fill_installments()
        self._filling = False
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
        if self._filling or event.value is Select.NULL:
            return
        if event.select.id == "loan" and event.value != self.app.selected_loan:
            self.app.selected_loan = event.value
            self._installment = None
            self._filling = True
            self.fill_installments()
            self._filling = False
        elif event.select.id == "installment":
            self._installment = event.value
        self.show()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "days" and not self._filling:
            self.show()

    def days(self) -> int:
        return parse_in_range(self.query_one(DaysInput).value, "days", "days", 0, MAX_DAYS, max=MAX_DAYS)

    def show(self) -> None:
        lang, s = self.lang, self.state
        title, figures, formula = self.query_one("#figures-title", Label), self.query_one("#figures", Static), self.query_one("#formula", Static)
        terms = self.app.ledger.terms
        self.query_one("#timeline", Static).update(self.timeline(None))
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
        self.query_one("#timeline", Static).update(self.timeline(cost.stage))

    def timeline(self, current: str | None) -> str:
        terms, lang = self.app.ledger.terms, self.lang
        lines = []
        for stage in STAGES:
            here = f"  {t('overdue.you_are_here', lang)}" if stage == current else ""
            lines.append(f"{stage:<4} {terms.stage_text(stage, lang)}{here}")
        return "\n".join(lines)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-terms":
            self.save_terms()

    def save_terms(self) -> None:
        lang = self.lang
        error = self.query_one("#terms-error", Static)
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
        self.app.commit(lambda ledger: (ledger.model_copy(update={"terms": updated_terms(ledger.terms, **values)}), None))
        self.app.notify(t("overdue.terms_saved", lang))
