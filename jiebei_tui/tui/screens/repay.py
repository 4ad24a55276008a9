"""2 · Repay: pay the current instalment, settle today, or prepay part — simulated side by side before anything
is recorded. Every option is applied only after a confirmation that names amount, date, loan and effect."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Select, Static, Switch

from jiebei_tui.text import explain
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import set_auto_debit
from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.replay import LoanReplay, LoanState, loan_state, record_event
from jiebei_tui.domain.simulate import PrepayResult
from jiebei_tui.domain.terms import Strategy, parse_amount, parse_date
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.screens.modals import ConfirmModal
from jiebei_tui.tui.widgets.section import SectionScreen

NARROW = 100  # below this width pay and settle stack instead of standing side by side


class RepayScreen(SectionScreen):
    BINDINGS = [Binding("f", "formulas", "How is this computed?", id="jiebei.formulas")]
    DEFAULT_CSS = """
    RepayScreen #options { grid-size: 2; grid-gutter: 0 1; height: auto; }
    RepayScreen .form-row { height: auto; }
    RepayScreen .form-row Label { padding: 1 1 0 1; }
    RepayScreen #prepay-amount { width: 16; }
    RepayScreen #prepay-on { width: 16; }
    RepayScreen.-narrow #options { grid-size: 1; }
    RepayScreen #loan-row { height: auto; padding: 0 1; }
    RepayScreen #loan-row Label { padding: 1 1 0 0; }
    RepayScreen #loan { width: 60; }
    RepayScreen #auto-row { height: auto; }
    RepayScreen #account { width: 40; }
    RepayScreen #compare { max-height: 8; margin: 0 1; }
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="body"):
            with Horizontal(id="loan-row"):
                yield Label(t("repay.loan", lang))
                yield Select([], id="loan", allow_blank=True)
            with Grid(id="options"):
                with Vertical(classes="panel", id="pay-panel"):
                    yield Label("", id="pay-title", classes="panel-title")
                    yield Static("", id="pay-figures", classes="figures")
                    yield Button(t("repay.apply", lang), id="pay-apply", variant="primary")
                with Vertical(classes="panel", id="settle-panel"):
                    yield Label(t("repay.settle", lang), classes="panel-title")
                    yield Static("", id="settle-figures", classes="figures")
                    yield Static("", id="settle-formula", classes="formula")
                    yield Button(t("repay.apply", lang), id="settle-apply", variant="primary")
            with Vertical(classes="panel", id="prepay-panel"):
                yield Label(t("repay.prepay", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("repay.amount", lang))
                    yield Input("", id="prepay-amount")
                    yield Label(t("repay.on", lang))
                    yield Input(self.app.today.isoformat(), id="prepay-on")
                yield Static("", id="prepay-error", classes="error-text")
                yield DataTable(id="compare", cursor_type="none", show_cursor=False)
                yield Static("", id="prepay-note", classes="hint")
                yield Static("", id="prepay-formula", classes="formula")
                with Horizontal(classes="form-row"):
                    yield Button(t("repay.strategy_term", lang), id="apply-term", variant="primary")
                    yield Button(t("repay.strategy_installment", lang), id="apply-installment", variant="primary")
            with Vertical(classes="panel"):
                yield Label(t("repay.wait", lang), classes="panel-title")
                yield Static("", id="wait")
            with Vertical(classes="panel"):
                yield Label(t("repay.auto_debit", lang), classes="panel-title")
                with Horizontal(id="auto-row"):
                    yield Switch(id="auto")
                    yield Input("", id="account", placeholder=t("repay.account", lang))
                yield Static(t("repay.auto_debit_note", lang), classes="hint")

    def on_mount(self) -> None:
        lang = self.lang
        compare = self.query_one("#compare", DataTable)
        compare.add_column("", key="label")
        compare.add_column(t("strategy.reduce-term", lang), key="term")
        compare.add_column(t("strategy.reduce-installment", lang), key="installment")
        self._filling = False
        super().on_mount()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        super().on_resize()

    def action_formulas(self) -> None:
        self.toggle_class("show-formulas")

    # --- reading the ledger ---

    @property
    def state(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def replay(self, on: dt.date) -> LoanReplay:
        return LoanReplay.of(self.app.ledger, self.app.selected_loan, on)

    def render_view(self) -> None:
        super().render_view()
        if not self.query("#compare") or not self.query_one("#compare", DataTable).columns:
            return
        self._filling = True
        select = self.query_one("#loan", Select)
        options = [(f"{s.record.id} · {s.record.name}", s.record.id) for s in self.app.states]
        select.set_options(options)
        if self.app.selected_loan:
            select.value = self.app.selected_loan
        s = self.state
        if s is not None:
            self.query_one("#auto", Switch).value = s.record.auto_debit
            self.query_one("#account", Input).value = s.record.funding_account
            amount_input = self.query_one("#prepay-amount", Input)
            if not amount_input.value:
                amount_input.value = suggested_prepayment(s)
        self._filling = False
        self.show_options()

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._filling or event.value is Select.NULL or event.value == self.app.selected_loan:
            return
        self.app.selected_loan = event.value
        self.query_one("#prepay-amount", Input).value = ""
        self.refresh_view()

    def on_input_changed(self, event: Input.Changed) -> None:
        if not self._filling and event.input.id in ("prepay-amount", "prepay-on"):
            self.show_prepay()

    def show_options(self) -> None:
        self.show_pay()
        self.show_settle()  # before show_wait, which compares with today's settlement
        self.show_prepay()
        self.show_wait()

    def show_pay(self) -> None:
        lang, s = self.lang, self.state
        title, figures, button = self.query_one("#pay-title", Label), self.query_one("#pay-figures", Static), self.query_one("#pay-apply", Button)
        if s is None or s.paid_off:
            title.update(t("repay.pay_now", lang))
            figures.update(t("repay.nothing_due", lang))
            button.disabled = True
            return
        button.disabled = False
        if s.days_overdue:
            title.update(t("repay.pay_overdue", lang))
            figures.update(
                f"{t('label.amount_to_clear', lang)}  {yuan(s.amount_to_clear)}\n"
                f"{t('label.stage', lang)}  {s.stage} · {t('when.overdue', lang, days=s.days_overdue)}\n"
                f"{t('label.daily_cost', lang)}  {yuan(s.daily_cost)}"
            )
        else:
            title.update(t("repay.pay_now", lang))
            figures.update(t("repay.pay_due", lang, no=s.current.no, date=s.next_due_date, amount=s.next_due_amount))

    def show_settle(self) -> None:
        lang, s = self.lang, self.state
        figures, formula, button = self.query_one("#settle-figures", Static), self.query_one("#settle-formula", Static), self.query_one("#settle-apply", Button)
        self._settle = None
        if s is None:
            figures.update("")
            button.disabled = True
            return
        try:
            result = self.replay(self.app.today).preview_settle(self.app.today)
        except InputError as err:
            figures.update(err.sentence(lang))
            formula.update("")
            button.disabled = True
            return
        self._settle = result
        button.disabled = False
        lines = [
            f"{t('label.principal_owed', lang)}  {yuan(result.principal)}",
            f"{t('label.accrued', lang)}  {yuan(result.accrued_interest)}",
        ]
        if result.overdue_to_clear:
            lines.append(f"{t('label.overdue_first', lang)}  {yuan(result.overdue_to_clear)}")
        lines += [f"{t('label.payoff', lang)}  {yuan(result.payoff)}", f"{t('label.interest_saved', lang)}  {yuan(result.interest_saved)}"]
        figures.update("\n".join(lines))
        formula.update(explain.accrued(result.position, lang) + "\n" + explain.payoff(result, lang))

    def _prepay_inputs(self) -> tuple[Decimal, dt.date]:
        amount = parse_amount(self.query_one("#prepay-amount", Input).value)
        on = parse_date(self.query_one("#prepay-on", Input).value, "on")
        if on < self.app.today:
            raise InputError("on", on.isoformat(), "not_past", today=self.app.today)
        return amount, on

    def show_prepay(self) -> None:
        lang = self.lang
        error, note, formula = self.query_one("#prepay-error", Static), self.query_one("#prepay-note", Static), self.query_one("#prepay-formula", Static)
        compare = self.query_one("#compare", DataTable)
        compare.clear()
        self._prepay: dict[Strategy, PrepayResult] = {}
        buttons = (self.query_one("#apply-term", Button), self.query_one("#apply-installment", Button))
        for button in buttons:
            button.disabled = True
        note.update("")
        formula.update("")
        if self.state is None:
            error.update("")
            return
        try:
            amount, on = self._prepay_inputs()
            replay = self.replay(on)
            for strategy in Strategy:
                self._prepay[strategy] = replay.preview_prepay(amount, on, strategy)
        except InputError as err:
            error.update(err.sentence(lang, t("repay.amount" if err.field == "amount" else "repay.on", lang)))
            return
        error.update("")
        term, smaller = self._prepay[Strategy.REDUCE_TERM], self._prepay[Strategy.REDUCE_INSTALLMENT]
        compare.add_row(t("repay.new_installment", lang), yuan(term.installments[0].total), yuan(smaller.installments[0].total))
        compare.add_row(t("repay.new_last", lang), term.payoff_date_after.isoformat(), smaller.payoff_date_after.isoformat())
        compare.add_row(t("repay.left", lang), str(term.installments_left), str(smaller.installments_left))
        compare.add_row(t("label.interest_saved", lang), yuan(term.interest_saved), yuan(smaller.interest_saved))
        if term.strategy_matters:
            better = "term" if term.interest_saved >= smaller.interest_saved else "installment"
            marks = [Text(t("repay.saves_more", lang), style="bold") if better == k else "" for k in ("term", "installment")]
            compare.add_row("", *marks)
        else:
            note.update(t("repay.same", lang))
        formula.update(
            explain.accrued(replay.position(on), lang) + "\n" + explain.reduction(term, lang) + "\n"
            + explain.saved(term.interest_before, term.interest_after, lang) + " / "
            + explain.saved(smaller.interest_before, smaller.interest_after, lang)
        )
        recordable = on == self.app.today  # a payment is recorded on the day it is made
        for button in buttons:
            button.disabled = not recordable

    def show_wait(self) -> None:
        lang, s = self.lang, self.state
        wait = self.query_one("#wait", Static)
        if s is None or s.paid_off:
            wait.update("")
            return
        if s.days_overdue:
            later = loan_state(self.app.ledger, s.record.id, self.app.today + dt.timedelta(days=7))
            wait.update(t("repay.wait_overdue", lang, daily=s.daily_cost, today=s.amount_to_clear, week=later.amount_to_clear))
            return
        lines = [t("repay.wait_same", lang, date=s.next_due_date, amount=s.next_due_amount)]
        if self._settle is not None and s.next_due_date is not None:
            try:
                on_due = self.replay(s.next_due_date).preview_settle(s.next_due_date)
                lines.append(t("repay.wait_settle", lang, date=s.next_due_date, extra=on_due.payoff - self._settle.payoff))
            except InputError:
                pass  # the next due date is the last one: nothing to settle early then
        wait.update("\n".join(lines))

    # --- applying an option: confirm, then record ---

    def on_button_pressed(self, event: Button.Pressed) -> None:
        s, lang, today = self.state, self.lang, self.app.today
        if s is None:
            return
        name = s.record.name
        if event.button.id == "pay-apply":
            amount = s.amount_to_clear if s.days_overdue else s.next_due_amount
            effect = t("repay.effect_overdue", lang) if s.days_overdue else t("repay.effect_pay", lang, no=s.current.no)
            message = t("repay.confirm_pay", lang, amount=amount, date=today, loan=name, effect=effect)
            self.confirm_and_record(message, "repayment", amount, None, t("kind.repayment", lang))
        elif event.button.id == "settle-apply" and self._settle is not None:
            r = self._settle
            message = t("repay.confirm_settle", lang, loan=name, date=today, amount=r.payoff, saved=r.interest_saved)
            self.confirm_and_record(message, "settlement", r.payoff, None, t("kind.settlement", lang))
        elif event.button.id in ("apply-term", "apply-installment"):
            strategy = Strategy.REDUCE_TERM if event.button.id == "apply-term" else Strategy.REDUCE_INSTALLMENT
            r = self._prepay.get(strategy)
            if r is None:
                return
            message = t("repay.confirm_prepay", lang, amount=r.amount, date=r.on, loan=name,
                        strategy=t(f"strategy.{strategy.value}", lang), balance=r.new_balance, saved=r.interest_saved)
            self.confirm_and_record(message, "prepayment", r.amount, strategy, t("kind.prepayment", lang))

    def confirm_and_record(self, message: str, kind: str, amount: Decimal, strategy: Strategy | None, what: str) -> None:
        loan_id, today, lang = self.app.selected_loan, self.app.today, self.lang

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.commit(lambda ledger: record_event(ledger, loan_id, kind, today, amount, today, strategy))
            except InputError as err:
                self.app.notify(err.sentence(lang), severity="error")
                return
            self.query_one("#prepay-amount", Input).value = ""
            self.app.notify(t("repay.done", lang, what=f"{what} {yuan(amount)}"))
            self.refresh_view()

        self.app.push_screen(ConfirmModal(message), callback=answered)

    # --- auto-debit ---

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if not self._filling:
            self.save_auto_debit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "account":
            self.save_auto_debit()

    def save_auto_debit(self) -> None:
        loan_id = self.app.selected_loan
        if loan_id is None:
            return
        on = self.query_one("#auto", Switch).value
        account = self.query_one("#account", Input).value
        try:
            self.app.commit(lambda ledger: (set_auto_debit(ledger, loan_id, on, account), None))
        except InputError as err:
            self.app.notify(err.sentence(self.lang), severity="error")
            return
        self.app.notify(t("repay.saved_settings", self.lang))


def suggested_prepayment(s: LoanState) -> str:
    """A round starting figure for the prepay input: about a third of the principal owed."""
    if s.paid_off or s.principal_outstanding < 300:
        return ""
    return str(int(s.principal_outstanding / 3 // 100 * 100))
