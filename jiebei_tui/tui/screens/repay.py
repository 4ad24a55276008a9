"""2 · Repay: pay the current instalment, settle on a chosen date, or prepay part — simulated side by side
before anything is recorded. Every option is applied only after a confirmation that names amount, date, loan
and effect; a payment is recorded on the day it is made, so a future date is a preview and its Record button
says so."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Static, Switch

from jiebei_tui.actions import registry
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import set_auto_debit
from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.replay import LoanReplay, LoanState, loan_state, record_event
from jiebei_tui.domain.simulate import PrepayResult, SettleResult
from jiebei_tui.domain.terms import Strategy, parse_amount, parse_date
from jiebei_tui.text import explain
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from jiebei_tui.tui.widgets.prose import Prose
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.section import SectionScreen
from jiebei_tui.tui.widgets.tables import fill

NARROW = 100  # below this width pay and settle stack instead of standing side by side


class RepayScreen(SectionScreen):
    BINDINGS = registry.bindings("repay")
    DEFAULT_CSS = """
    RepayScreen #options { grid-size: 2; grid-gutter: 0 1; height: auto; }
    RepayScreen.-narrow #options { grid-size: 1; }
    RepayScreen .form-row { height: auto; }
    RepayScreen .form-row Label { padding: 1 1 0 0; }
    RepayScreen .date { width: 17; }  /* a whole date and the cursor after it */
    RepayScreen #prepay-amount { width: 16; }
    RepayScreen #loan-row { height: auto; padding: 0 1; }
    RepayScreen #loan-row Label { padding: 1 1 0 0; }
    RepayScreen #loan { width: 1fr; max-width: 60; }
    RepayScreen #auto-row { height: auto; }
    RepayScreen #account { width: 1fr; max-width: 40; }
    RepayScreen #compare { max-height: 8; }
    RepayScreen .buttons { height: auto; }
    RepayScreen .buttons Button { margin: 0 1 0 0; }
    """

    def compose_body(self) -> ComposeResult:
        lang, today = self.lang, self.app.today.isoformat()
        with Body(id="body"):
            with Horizontal(id="loan-row"):
                yield Label(t("repay.loan", lang))
                yield Select([], id="loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
            with Grid(id="options"):
                with Vertical(classes="panel", id="pay-panel"):
                    yield Label("", id="pay-title", classes="panel-title")
                    yield Static("", id="pay-figures", classes="figures")
                    yield Button(t("repay.apply", lang), id="pay-apply", variant="primary")
                with Vertical(classes="panel", id="settle-panel"):
                    yield Label(t("repay.settle", lang), classes="panel-title")
                    with Horizontal(classes="form-row"):
                        yield Label(t("repay.on", lang))
                        yield Input(today, id="settle-on", classes="date")
                    yield Static("", id="settle-figures", classes="figures")
                    yield Static("", id="settle-formula", classes="formula")
                    yield Button(t("repay.apply", lang), id="settle-apply", variant="primary")
                    yield Prose("", id="settle-why", classes="hint")
            with Vertical(classes="panel", id="prepay-panel"):
                yield Label(t("repay.prepay", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("repay.amount", lang))
                    yield Input("", id="prepay-amount")
                    yield Label(t("repay.on", lang))
                    yield Input(today, id="prepay-on", classes="date")
                yield Prose("", id="prepay-error", classes="error-text")
                yield DataTable(id="compare", cursor_type="none", show_cursor=False)
                yield Prose("", id="prepay-note", classes="hint")
                yield Static("", id="prepay-formula", classes="formula")
                with Horizontal(classes="buttons"):
                    yield Button(t("repay.strategy_term", lang), id="apply-term", variant="primary")
                    yield Button(t("repay.strategy_installment", lang), id="apply-installment", variant="primary")
                yield Prose("", id="prepay-why", classes="hint")
            with Vertical(classes="panel"):
                yield Label(t("repay.wait", lang), classes="panel-title")
                yield Prose("", id="wait")
            with Vertical(classes="panel"):
                yield Label(t("repay.auto_debit", lang), classes="panel-title")
                with Horizontal(id="auto-row"):
                    yield Switch(id="auto")
                    yield Input("", id="account", placeholder=t("repay.account", lang))
                yield Prose(t("repay.auto_debit_note", lang), classes="hint")

    def after_compose(self) -> None:
        compare = self.query_one("#compare", DataTable)
        compare.can_focus = False  # figures to read, not a Tab stop
        self.set_class(self.size.width < NARROW, "-narrow")
        self._settle: SettleResult | None = None
        self._prepay: dict[Strategy, PrepayResult] = {}
        super().after_compose()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        super().on_resize()

    # --- actions (keys and palette) ---

    def action_formulas(self) -> None:
        self.toggle_class("show-formulas")

    def action_pay(self) -> None:
        self.press("#pay-apply")

    def action_settle(self) -> None:
        self.press("#settle-apply", fallback="#settle-on")

    def action_prepay(self) -> None:
        field = self.query_one("#prepay-amount", Input)
        field.focus()
        field.scroll_visible(animate=False)

    def press(self, button_id: str, fallback: str | None = None) -> None:
        """Press an option's Record button, or, when it cannot record, show why (and go to its field)."""
        button = self.query_one(button_id, Button)
        button.scroll_visible(animate=False)
        if not button.disabled:
            button.press()
        elif fallback:
            self.query_one(fallback).focus()

    # --- reading the ledger ---

    @property
    def state(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def replay(self, on: dt.date) -> LoanReplay:
        return LoanReplay.of(self.app.ledger, self.app.selected_loan, on)

    def render_view(self) -> None:
        super().render_view()
        select = self.query_one("#loan", Select)
        with self.prevent(Select.Changed, Switch.Changed):
            select.set_options([(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in self.app.states])
            if self.app.selected_loan:
                select.value = self.app.selected_loan
            s = self.state
            if s is not None:
                self.query_one("#auto", Switch).value = s.record.auto_debit
                self.query_one("#account", Input).value = visible(s.record.funding_account)
                amount_input = self.query_one("#prepay-amount", Input)
                if not amount_input.value:
                    amount_input.value = suggested_prepayment(s)
        self.show_options()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is Select.NULL or event.value == self.app.selected_loan:
            return
        self.app.selected_loan = event.value
        self.query_one("#prepay-amount", Input).value = ""
        self.refresh_view()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("prepay-amount", "prepay-on"):
            self.show_prepay()
        elif event.input.id == "settle-on":
            self.show_settle()
            self.show_wait()

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
            button.tooltip = t("repay.nothing_due", lang)
            return
        button.disabled = False
        button.tooltip = None
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

    def _date(self, field_id: str) -> dt.date:
        on = parse_date(self.query_one(field_id, Input).value, "on")
        if on < self.app.today:
            raise InputError("on", on.isoformat(), "not_past", today=self.app.today)
        return on

    def show_settle(self) -> None:
        lang, s = self.lang, self.state
        figures, formula = self.query_one("#settle-figures", Static), self.query_one("#settle-formula", Static)
        button, why = self.query_one("#settle-apply", Button), self.query_one("#settle-why", Prose)
        self._settle = None
        button.disabled = True
        why.update("")
        if s is None:
            figures.update("")
            formula.update("")
            return
        try:
            on = self._date("#settle-on")
            result = self.replay(on).preview_settle(on)
        except InputError as err:
            figures.update(Content(err.sentence(lang, t("repay.on", lang))))
            formula.update("")
            return
        self._settle = result
        lines = [
            f"{t('label.principal_owed', lang)}  {yuan(result.principal)}",
            f"{t('label.accrued', lang)}  {yuan(result.accrued_interest)}",
        ]
        if result.overdue_to_clear:
            lines.append(f"{t('label.overdue_first', lang)}  {yuan(result.overdue_to_clear)}")
        lines += [f"{t('label.payoff', lang)}  {yuan(result.payoff)}", f"{t('label.interest_saved', lang)}  {yuan(result.interest_saved)}"]
        figures.update("\n".join(lines))
        formula.update(explain.accrued(result.position, lang) + "\n" + explain.payoff(result, lang))
        self.recordable(button, why, on)

    def recordable(self, button: Button | tuple[Button, ...], why: Prose, on: dt.date) -> None:
        """A payment is recorded on the day it is made: a later date is a preview, and the button says so."""
        buttons = button if isinstance(button, tuple) else (button,)
        reason = "" if on == self.app.today else t("repay.future_only_preview", self.lang, date=on)
        for b in buttons:
            b.disabled = bool(reason)
            b.tooltip = reason or None
        why.update(reason)

    def _prepay_inputs(self) -> tuple[Decimal, dt.date]:
        amount = parse_amount(self.query_one("#prepay-amount", Input).value)
        return amount, self._date("#prepay-on")

    def show_prepay(self) -> None:
        lang = self.lang
        error, note, formula = self.query_one("#prepay-error", Prose), self.query_one("#prepay-note", Prose), self.query_one("#prepay-formula", Static)
        compare = self.query_one("#compare", DataTable)
        columns = [("label", ""), ("term", t("strategy.head.reduce-term", lang)),
                   ("installment", t("strategy.head.reduce-installment", lang))]
        fill(compare, columns, [])
        self._prepay = {}
        buttons = (self.query_one("#apply-term", Button), self.query_one("#apply-installment", Button))
        why = self.query_one("#prepay-why", Prose)
        for button in buttons:
            button.disabled = True
            button.tooltip = None
        note.update("")
        formula.update("")
        why.update("")
        if self.state is None:
            error.update("")
            return
        try:
            amount, on = self._prepay_inputs()
            replay = self.replay(on)
            for strategy in Strategy:
                self._prepay[strategy] = replay.preview_prepay(amount, on, strategy)
        except InputError as err:
            self._prepay = {}
            error.update(err.sentence(lang, t("repay.amount" if err.field == "amount" else "repay.on", lang)))
            return
        error.update("")
        term, smaller = self._prepay[Strategy.REDUCE_TERM], self._prepay[Strategy.REDUCE_INSTALLMENT]
        rows = [
            ("installment", [t("repay.new_installment", lang), yuan(term.installments[0].total), yuan(smaller.installments[0].total)]),
            ("last", [t("repay.new_last", lang), term.payoff_date_after.isoformat(), smaller.payoff_date_after.isoformat()]),
            ("left", [t("repay.left", lang), str(term.installments_left), str(smaller.installments_left)]),
            ("saved", [t("label.interest_saved", lang), yuan(term.interest_saved), yuan(smaller.interest_saved)]),
        ]
        if term.strategy_matters:
            better = "term" if term.interest_saved >= smaller.interest_saved else "installment"
            marks = [Text(t("repay.saves_more", lang), style="bold") if better == k else "" for k in ("term", "installment")]
            rows.append(("better", ["", *marks]))
        else:
            note.update(t("repay.same", lang))
        fill(compare, columns, rows)
        formula.update(
            explain.accrued(replay.position(on), lang) + "\n" + explain.reduction(term, lang) + "\n"
            + explain.saved(term.interest_before, term.interest_after, lang) + " / "
            + explain.saved(smaller.interest_before, smaller.interest_after, lang)
        )
        self.recordable(buttons, why, on)

    def show_wait(self) -> None:
        lang, s = self.lang, self.state
        wait = self.query_one("#wait", Prose)
        if s is None or s.paid_off:
            wait.update("")
            return
        if s.days_overdue:
            later = loan_state(self.app.ledger, s.record.id, self.app.today + dt.timedelta(days=7))
            wait.update(t("repay.wait_overdue", lang, daily=s.daily_cost, today=s.amount_to_clear, week=later.amount_to_clear))
            return
        lines = [t("repay.wait_same", lang, date=s.next_due_date, amount=s.next_due_amount)]
        if s.next_due_date is not None:
            try:
                now = self.replay(self.app.today).preview_settle(self.app.today)
                on_due = self.replay(s.next_due_date).preview_settle(s.next_due_date)
                lines.append(t("repay.wait_settle", lang, date=s.next_due_date, extra=on_due.payoff - now.payoff))
            except InputError:
                pass  # the next due date is the last one: nothing to settle early then
        wait.update("\n".join(lines))

    # --- applying an option: confirm, then record ---

    def on_button_pressed(self, event: Button.Pressed) -> None:
        s, today = self.state, self.app.today
        if s is None:
            return
        name = visible(s.record.name)
        if event.button.id == "pay-apply":
            amount = s.amount_to_clear if s.days_overdue else s.next_due_amount
            overdue, no = bool(s.days_overdue), s.current.no

            def message(lang: str) -> str:
                effect = t("repay.effect_overdue", lang) if overdue else t("repay.effect_pay", lang, no=no)
                return t("repay.confirm_pay", lang, amount=amount, date=today, loan=name, effect=effect)

            self.confirm_and_record(message, "repayment", amount, None, "kind.repayment")
        elif event.button.id == "settle-apply" and self._settle is not None:
            r = self._settle
            message = lambda lang: t("repay.confirm_settle", lang, loan=name, date=r.on, amount=r.payoff, saved=r.interest_saved)  # noqa: E731
            self.confirm_and_record(message, "settlement", r.payoff, None, "kind.settlement")
        elif event.button.id in ("apply-term", "apply-installment"):
            strategy = Strategy.REDUCE_TERM if event.button.id == "apply-term" else Strategy.REDUCE_INSTALLMENT
            r = self._prepay.get(strategy)
            if r is None:
                return

            def message(lang: str) -> str:
                return t("repay.confirm_prepay", lang, amount=r.amount, date=r.on, loan=name,
                         strategy=t(f"strategy.short.{strategy.value}", lang), balance=r.new_balance, saved=r.interest_saved)

            self.confirm_and_record(message, "prepayment", r.amount, strategy, "kind.prepayment")

    def confirm_and_record(self, message, kind: str, amount: Decimal, strategy: Strategy | None, what: str) -> None:
        loan_id, today = self.app.selected_loan, self.app.today

        def recorded(_result) -> None:
            self.query_one("#prepay-amount", Input).value = ""
            self.app.notify(t("repay.done", self.app.lang, what=f"{t(what, self.app.lang)} {yuan(amount)}"))

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.commit(lambda ledger: record_event(ledger, loan_id, kind, today, amount, today, strategy), recorded)

        self.app.push_screen(ConfirmDialog(message), callback=answered)

    # --- auto-debit: saved when it changes ---

    def on_switch_changed(self, event: Switch.Changed) -> None:
        s = self.state
        if s is not None and event.value != s.record.auto_debit:
            self.save_auto_debit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "account":
            self.save_auto_debit()
        elif event.input.id == "settle-on":
            self.action_settle()

    def save_auto_debit(self) -> None:
        s = self.state
        if s is None:
            return
        loan_id = s.record.id
        on = self.query_one("#auto", Switch).value
        account = self.query_one("#account", Input).value
        if on == s.record.auto_debit and account == visible(s.record.funding_account):
            return  # nothing changed: nothing is written

        self.app.commit(
            lambda ledger: (set_auto_debit(ledger, loan_id, on, account), None),
            lambda _: self.app.notify(t("repay.saved_settings", self.app.lang)),
        )


def suggested_prepayment(s: LoanState) -> str:
    """A round starting figure for the prepay input: about a third of the principal owed."""
    if s.paid_off or s.principal_outstanding < 300:
        return ""
    return str(int(s.principal_outstanding / 3 // 100 * 100))
