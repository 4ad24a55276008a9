"""2 · Repay: pay the current instalment, settle on a chosen date, or prepay part — simulated side by side
before anything is recorded. Every option is applied only after a confirmation that names amount, date, loan
and effect; a payment is recorded on the day it is made, so a future date is a preview and its Record button
says so.

Every figure is the one `jiebei-tui settle|prepay|status` prints: asked of actions/repay.py and actions/facts.py
(in the app's worker), and recorded through the same actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Switch

from jiebei_tui.actions import payments, registry, repay
from jiebei_tui.actions.facts import due_now, first_day
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.replay import LoanState
from jiebei_tui.domain.simulate import PrepayResult, SettleResult
from jiebei_tui.domain.terms import Strategy, parse_date
from jiebei_tui.text import early as paying_early
from jiebei_tui.text import explain
from jiebei_tui.text import prepay as prepaying
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.way_back import numbers
from jiebei_tui.tui.widgets.asking import after, ask, forget
from jiebei_tui.tui.widgets.dialog import ConfirmDialog
from jiebei_tui.tui.widgets.prose import Prose, Said
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.section import SectionScreen, while_on_top
from jiebei_tui.tui.widgets.tables import fill
from jiebei_tui.tui.widgets.text_input import TextInput

NARROW = 100  # below this width pay and settle stack instead of standing side by side
RECORD_PREPAY = {Strategy.REDUCE_TERM: "#apply-term", Strategy.REDUCE_INSTALLMENT: "#apply-installment"}


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
    RepayScreen.-no-loan .loan-only { display: none; }  /* no loan yet: nothing to pay, only #need-loans */
    RepayScreen.-paid-off .open-only { display: none; }  /* the loan picked is paid off: only #paid-off */
    """

    def compose_body(self) -> ComposeResult:
        lang, today = self.lang, self.app.today.isoformat()
        with Body(id="body"):
            yield Said("", id="need-loans", classes="hint")
            with Horizontal(id="loan-row", classes="loan-only"):
                yield Label(t("repay.loan", lang))
                yield Select([], id="loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
            yield Said("", id="paid-off", classes="hint")
            with Grid(id="options", classes="loan-only open-only"):
                with Vertical(classes="panel", id="pay-panel"):
                    yield Label("", id="pay-title", classes="panel-title")
                    yield Prose("", id="pay-figures", classes="figures")
                    yield Button(t("repay.apply", lang), id="pay-apply", variant="primary")
                with Vertical(classes="panel", id="settle-panel"):
                    yield Label(t("repay.settle", lang), classes="panel-title")
                    with Horizontal(classes="form-row"):
                        yield Label(t("repay.on", lang))
                        yield FigureInput(today, id="settle-on", classes="date")
                    yield Prose("", id="settle-figures", classes="figures")
                    yield Prose("", id="settle-formula", classes="formula")
                    yield Button(t("repay.apply", lang), id="settle-apply", variant="primary")
                    yield Prose("", id="settle-why", classes="hint")
            with Vertical(classes="panel loan-only open-only", id="prepay-panel"):
                yield Label(t("repay.prepay", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("repay.amount", lang))
                    yield FigureInput("", id="prepay-amount")
                    yield Label(t("repay.on", lang))
                    yield FigureInput(today, id="prepay-on", classes="date")
                yield Prose("", id="prepay-error", classes="error-text")
                yield Prose("", id="prepay-split")
                yield DataTable(id="compare", cursor_type="none", show_cursor=False)
                yield Prose("", id="prepay-note", classes="hint")
                yield Prose("", id="prepay-formula", classes="formula")
                with Horizontal(classes="buttons"):
                    yield Button(t("repay.strategy_term", lang), id="apply-term", variant="primary")
                    yield Button(t("repay.strategy_installment", lang), id="apply-installment", variant="primary")
                yield Prose("", id="prepay-why", classes="hint")
            with Vertical(classes="panel loan-only open-only"):
                yield Label(t("repay.wait", lang), classes="panel-title")
                yield Prose("", id="wait")
            with Vertical(classes="panel loan-only open-only"):
                yield Label(t("repay.auto_debit", lang), classes="panel-title")
                with Horizontal(id="auto-row", classes="form-row"):
                    yield Label(t("repay.auto_debit_on", lang))  # (a bare switch did not say what it switches)
                    yield Switch(id="auto")
                    yield TextInput("", id="account", placeholder=t("repay.account", lang))
                yield Prose(t("repay.auto_debit_note", lang), classes="hint")

    def after_compose(self) -> None:
        compare = self.query_one("#compare", DataTable)
        compare.can_focus = False  # figures to read, not a Tab stop
        self.set_class(self.size.width < NARROW, "-narrow")
        self._settle: SettleResult | None = None
        self._settle_pending = False  # a settle preview has been asked for and not yet answered
        self._settle_wanted = False  # s was pressed meanwhile
        self._prepay: dict[Strategy, PrepayResult] = {}
        self._prepay_next: dict[Strategy, repay.NextInstalment | None] = {}
        self._prepay_default: Strategy | None = None  # the loan's own strategy: what Enter in the panel records
        self._started = self.app.today.isoformat()  # the date the date fields were last started on
        self._suggested = ""  # the prepay amount last suggested (it follows the loan until one is typed)
        super().after_compose()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")  # (then SectionScreen's own, as Textual calls both)

    # --- actions (keys and palette) ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pay", "settle", "prepay", "formulas") and (self.state is None or self.state.paid_off):
            return None  # no loan yet, or it is paid off: dimmed on the key bar (pressed, they did nothing useful)
        return super().check_action(action, parameters)

    def action_formulas(self) -> None:
        self.toggle_class("show-formulas")

    def action_pay(self) -> None:
        self.press("#pay-apply")

    def action_settle(self) -> None:
        if self._settle_pending:  # the figures for the date shown are being worked out: press once they are in
            self._settle_wanted = True
            return
        self.press("#settle-apply", fallback="#settle-on")

    def action_prepay(self) -> None:
        self.go_to_field("#prepay-amount")

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

    def render_view(self) -> None:
        super().render_view()
        self.show_need_loans()
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
                if amount_input.value in ("", self._suggested):  # not a figure the borrower typed
                    self._suggested = amount_input.value = suggested_prepayment(s)
        if s is not None:
            self.start_dates(first_day(s, self.app.today).isoformat())
        self.show_options()

    def show_need_loans(self) -> None:
        """No loan yet: one line saying so and which key adds one, in place of the options (which would have
        nothing to work on); the option keys dim. A loan added brings them back, filled. The loan picked is paid
        off: the picker stays (another loan brings the options back), and one line says there is nothing to do."""
        s = self.state
        none, paid = s is None, s is not None and s.paid_off
        self.query_one("#need-loans", Said).update(
            t("repay.need_loans", self.lang, press=self.app.key_shown("add")) if none else "")
        self.query_one("#paid-off", Said).update(t("repay.paid_off", self.lang, loan=s.record.id) if paid else "")
        hidden = "loan-only" if none else "open-only" if paid else None
        if hidden and self.focused is not None and any(w.has_class(hidden) for w in self.focused.ancestors_with_self):
            self.set_focus(None)  # its field is hidden now (the last loan undone, or settled, while in it)
        self.set_class(none, "-no-loan")
        self.set_class(paid, "-paid-off")
        self.refresh_bindings()

    def start_dates(self, day: str) -> None:
        """The settle and prepay dates start on a day their previews accept (today, or the drawdown day of a loan
        drawn later); a date the borrower typed is left as it is."""
        with self.prevent(Input.Changed):
            for field_id in ("#settle-on", "#prepay-on"):
                field = self.query_one(field_id, Input)
                if field.value in ("", self._started):
                    field.value = day
        self._started = day

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
        """What to pay today (actions/facts.py due_now: what `jiebei-tui status` calls pay_now)."""
        lang, s = self.lang, self.state
        title, figures, button = self.query_one("#pay-title", Label), self.query_one("#pay-figures", Prose), self.query_one("#pay-apply", Button)
        due = due_now(s) if s is not None else None
        if due is None or due.nothing:
            title.update(t("repay.pay_now", lang))
            figures.update(t("repay.nothing_due", lang))
            button.disabled = True
            button.tooltip = t("repay.nothing_due", lang)
            return
        button.disabled = False
        button.tooltip = None
        covers = numbers(due.covers, lang)  # "instalments 2, 3" / "第 2、3 期"
        if s.days_overdue:
            title.update(t("repay.pay_overdue", lang))
            figures.update(
                f"{t('label.amount_to_clear', lang)}  {yuan(s.amount_to_clear)}\n"
                f"{t('label.stage', lang)}  {s.stage} · {t('when.overdue', lang, days=s.days_overdue)}\n"
                f"{t('label.daily_cost', lang)}  {yuan(s.daily_cost)}\n"
                f"{t('repay.pay_today', lang, amount=due.amount, covers=covers)}"
            )
        else:
            title.update(t("repay.pay_now", lang))
            figures.update(
                t("repay.pay_due", lang, no=s.current.no, date=s.next_due_date, amount=s.next_due_amount) + "\n"
                + t("repay.pay_today", lang, amount=due.amount, covers=covers)
            )

    def _date(self, field_id: str) -> dt.date:
        on = parse_date(self.query_one(field_id, Input).value, "on")
        if on < self.app.today:
            raise InputError("on", on.isoformat(), "not_past", today=self.app.today)
        return on

    def show_settle(self) -> None:
        """Settling on the date typed: `jiebei-tui settle --on D` (actions/repay.py settle_preview)."""
        lang, s = self.lang, self.state
        figures, formula = self.query_one("#settle-figures", Prose), self.query_one("#settle-formula", Prose)
        button, why = self.query_one("#settle-apply", Button), self.query_one("#settle-why", Prose)
        self._settle = None
        self._settle_pending = False
        button.disabled = True
        why.update("")
        if s is None or s.paid_off:  # nothing to settle (the panel is hidden)
            figures.update("")
            formula.update("")
            return
        try:
            on = self._date("#settle-on")
        except InputError as err:
            forget(self, "settle")  # the figures of the date before, still coming, stand no more
            self.settle_refused(err)
            return
        self._settle_pending = True
        ask(self, "settle", repay.settle_preview, s.record.id, on, done=self.show_settled, refused=self.settle_refused)

    def settle_refused(self, err: Exception) -> None:
        self._settle_pending = self._settle_wanted = False
        self._settle = None
        self.query_one("#settle-figures", Prose).update(err.sentence(self.lang, t("repay.on", self.lang)))
        self.query_one("#settle-formula", Prose).update("")

    def show_settled(self, result: SettleResult) -> None:
        lang = self.lang
        self._settle = result
        lines = [
            f"{t('label.principal_owed', lang)}  {yuan(result.principal)}",
            f"{t('label.accrued', lang)}  {yuan(result.accrued_interest)}",
        ]
        if result.overdue_to_clear:
            lines.append(f"{t('label.overdue_first', lang)}  {yuan(result.overdue_to_clear)}")
        lines += [f"{t('label.payoff', lang)}  {yuan(result.payoff)}", f"{t('label.interest_saved', lang)}  {yuan(result.interest_saved)}"]
        self.query_one("#settle-figures", Prose).update("\n".join(lines))
        self.query_one("#settle-formula", Prose).update(explain.accrued(result.position, lang) + "\n" + explain.payoff(result, lang))
        self.recordable(self.query_one("#settle-apply", Button), self.query_one("#settle-why", Prose), result.on)
        self._settle_pending = False
        if self._settle_wanted:
            self._settle_wanted = False
            self.action_settle()

    def recordable(self, button: Button | tuple[Button, ...], why: Prose, on: dt.date) -> None:
        """A payment is recorded on the day it is made: a later date is a preview, and the button says so."""
        buttons = button if isinstance(button, tuple) else (button,)
        reason = "" if on == self.app.today else t("repay.future_only_preview", self.lang, date=on)
        for b in buttons:
            b.disabled = bool(reason)
            b.tooltip = reason or None
        why.update(reason)

    def show_prepay(self) -> None:
        """Both strategies for the amount and date typed, side by side (actions/repay.py prepay_options: the
        figures `jiebei-tui prepay --strategy ...` prints for each)."""
        error, note, formula = self.query_one("#prepay-error", Prose), self.query_one("#prepay-note", Prose), self.query_one("#prepay-formula", Prose)
        self.clear_prepay()
        s = self.state
        if s is None or s.paid_off:  # nothing to prepay (the panel is hidden)
            error.update("")
            return
        amount = self.query_one("#prepay-amount", Input).value
        try:
            on = self._date("#prepay-on")
        except InputError as err:
            forget(self, "prepay")  # the figures of the date before, still coming, stand no more
            self.prepay_refused(err)
            return
        ask(self, "prepay", repay.prepay_options, s.record.id, amount, on, not_past=True, done=self.show_prepaid,
            refused=self.prepay_refused)

    def clear_prepay(self) -> None:
        lang = self.lang
        fill(self.query_one("#compare", DataTable), self.compare_columns(), [])
        self._prepay, self._prepay_next, self._prepay_default = {}, {}, None
        for button in (self.query_one("#apply-term", Button), self.query_one("#apply-installment", Button)):
            button.disabled = True
            button.tooltip = None
        for widget in ("#prepay-split", "#prepay-note", "#prepay-why"):
            self.query_one(widget, Prose).update("")
        self.query_one("#prepay-formula", Prose).update("")

    def compare_columns(self) -> list[tuple[str, str]]:
        lang = self.lang
        return [("label", ""), ("term", t("strategy.head.reduce-term", lang)),
                ("installment", t("strategy.head.reduce-installment", lang))]

    def prepay_refused(self, err: Exception) -> None:
        self.clear_prepay()
        field = getattr(err, "field", "")
        self.query_one("#prepay-error", Prose).update(err.sentence(self.lang, t("repay.amount" if field == "amount" else "repay.on", self.lang)))

    def show_prepaid(self, options: repay.PrepayOptions) -> None:
        lang = self.lang
        self.clear_prepay()
        self.query_one("#prepay-error", Prose).update("")
        term, smaller = options.reduce_term, options.reduce_installment
        self._prepay = {Strategy.REDUCE_TERM: term, Strategy.REDUCE_INSTALLMENT: smaller}
        self._prepay_next = {k: options.next_of(k) for k in self._prepay}
        self._prepay_default = options.default
        # where the amount goes (the same under both strategies): the overdue, the running instalment, the rest
        self.query_one("#prepay-split", Prose).update(prepaying.split(term, lang))
        rows = [
            ("installment", [t("repay.next_asks", lang, no=term.installments[0].no),
                             yuan(term.installments[0].total), yuan(smaller.installments[0].total)]),
            ("last", [t("repay.new_last", lang), term.payoff_date_after.isoformat(), smaller.payoff_date_after.isoformat()]),
            ("left", [t("repay.left", lang), str(term.installments_left), str(smaller.installments_left)]),
            ("saved", [t("label.interest_saved", lang), yuan(term.interest_saved), yuan(smaller.interest_saved)]),
        ]
        better = options.better
        notes = [prepaying.as_planned(term, options.next_term, lang)]
        if better is not None:
            marks = [Text(t("repay.saves_more", lang), style="bold") if better is k else ""
                     for k in (Strategy.REDUCE_TERM, Strategy.REDUCE_INSTALLMENT)]
            rows.append(("better", ["", *marks]))
        else:
            notes.append(t("repay.same" if not term.strategy_matters else "prepay.nothing_prepaid_same", lang))
        self.query_one("#prepay-note", Prose).update("\n".join(n for n in notes if n))
        fill(self.query_one("#compare", DataTable), self.compare_columns(), rows)
        accrued = explain.accrued(options.position, lang) + "\n" if options.position is not None else ""
        self.query_one("#prepay-formula", Prose).update(
            accrued + explain.reduction(term, lang) + "\n"
            + explain.saved(term.interest_before, term.interest_after, lang) + " / "
            + explain.saved(smaller.interest_before, smaller.interest_after, lang)
        )
        buttons = (self.query_one("#apply-term", Button), self.query_one("#apply-installment", Button))
        self.recordable(buttons, self.query_one("#prepay-why", Prose), term.on)

    def show_wait(self) -> None:
        """Pay today or on the due date (actions/repay.py pay_today_or_later)."""
        s = self.state
        if s is None or s.paid_off:
            self.query_one("#wait", Prose).update("")
            return
        ask(self, "wait", repay.pay_today_or_later, s.record.id, done=self.show_waited)

    def show_waited(self, timing: repay.Timing | None) -> None:
        lang, wait = self.lang, self.query_one("#wait", Prose)
        if timing is None:
            wait.update("")
            return
        if timing.overdue:
            wait.update(t("repay.wait_overdue", lang, daily=timing.daily_cost, today=timing.clear_today,
                          week=timing.clear_in_a_week))
            return
        early = timing.early
        lines = [paying_early.today_or_due_date(early, lang)] if early is not None else []
        last = early is not None and early.next is None  # paying the last instalment is settling
        if timing.settle_on_due_date is not None and timing.settle_today is not None and not last:
            extra = timing.settle_on_due_date - timing.settle_today
            if extra:  # nothing more when the due date is today
                lines.append(t("repay.wait_settle", lang, date=timing.due_date, extra=extra))
        wait.update("\n".join(lines))

    # --- applying an option: confirm, then record ---

    @while_on_top
    def on_button_pressed(self, event: Button.Pressed) -> None:
        s, today = self.state, self.app.today
        if s is None:
            return
        name = visible(s.record.name)
        if event.button.id == "pay-apply":
            due = due_now(s)  # what to pay today, and the instalments it pays in full
            if due.nothing:
                return
            overdue, covers = bool(s.days_overdue), ", ".join(str(n) for n in due.covers)

            def confirm(early: repay.Early | None) -> None:  # completing an instalment early: what the next asks
                def message(lang: str) -> str:
                    effect = (t("repay.effect_overdue", lang) if overdue and s.days_until_due != 0
                              else t("repay.effect_pay", lang, no=covers))
                    return t("repay.confirm_pay", lang, amount=due.amount, date=today, loan=name,
                             effect=paying_early.and_next(effect, early, lang))

                self.confirm_and_record(message, payments.pay, due.amount, "kind.repayment")

            self.dialog_after(ask(self, "pay-early", repay.early_payment, s.record.id, due.amount, today, done=confirm))
        elif event.button.id == "settle-apply" and self._settle is not None:
            r = self._settle
            message = lambda lang: t("repay.confirm_settle", lang, loan=name, date=r.on, amount=r.payoff, saved=r.interest_saved)  # noqa: E731
            self.confirm_and_record(message, repay.settle, r.payoff, "kind.settlement", r.on)
        elif event.button.id in ("apply-term", "apply-installment"):
            strategy = Strategy.REDUCE_TERM if event.button.id == "apply-term" else Strategy.REDUCE_INSTALLMENT
            r, nxt = self._prepay.get(strategy), self._prepay_next.get(strategy)
            if r is None:
                return

            def message(lang: str) -> str:
                return t("repay.confirm_prepay", lang, amount=r.amount, date=r.on, loan=name,
                         strategy=t(f"strategy.short.{strategy.value}", lang), effect=prepaying.effect(r, nxt, lang),
                         balance=r.new_balance, saved=r.interest_saved)

            self.confirm_and_record(message, repay.prepay, r.amount, "kind.prepayment", r.on, strategy)

    def confirm_and_record(self, message, action, amount: Decimal, what: str, *more) -> None:
        """Ask, naming amount, date, loan and effect; yes records it through `action(account, loan, amount,
        *more)` (actions/repay.py: what `jiebei-tui pay|settle|prepay --apply` records)."""
        app, loan_id = self.app, self.app.selected_loan

        def recorded(_result) -> None:
            if self.is_attached:
                self.show_recorded()
            app.notify(t("repay.done", app.lang, what=f"{t(what, app.lang)} {yuan(amount)}"))

        def answered(yes: bool | None) -> None:
            if yes:
                if action is repay.settle:  # the payoff itself: settle re-reads it, refusing if it moved
                    app.act(action, loan_id, *more, done=recorded)
                else:
                    app.act(action, loan_id, amount, *more, done=recorded)

        self.open_dialog(ConfirmDialog(message), callback=answered, worked_out=True)

    def show_recorded(self) -> None:
        """After a recording, the section shows from its top, where what changed is (the banner, what to pay now,
        the payoff; the loan paid off: the line saying so), with the focus on the body as on a first visit (the
        arrows scroll, the section's keys work, Tab goes to the loan): left where it was, the borrower looked at
        the foot of a panel whose figures above had changed. The prepay amount starts again from the suggestion
        for the loan as it now stands (as on a first visit: the amount recorded is not offered a second time)."""
        s = self.state
        self._suggested = self.query_one("#prepay-amount", Input).value = (
            suggested_prepayment(s) if s is not None else "")
        body = self.query_one("#body", Body)
        self.set_focus(body, scroll_visible=False)
        body.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._to_top)  # once laid out with the new figures

    def _to_top(self) -> None:
        if self.is_attached:
            self.query_one("#body", Body).scroll_home(animate=False, immediate=True)

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
            self.entered("settle")
        elif event.input.id in ("prepay-amount", "prepay-on"):
            self.entered("prepay")

    def entered(self, option: str) -> None:
        """Enter in an option's amount or date field does what its Record button does, through the same
        confirmation, once the figures for what is typed are in; in the prepay panel, the button of the loan's
        own strategy (what `jiebei-tui prepay` records when none is named; the confirmation names it, and the
        other button is a Tab away). A value refused, or a date still to come (a preview), records nothing: its
        sentence, said as it was typed, is brought into view."""
        if not self.is_current:  # left (another section, a dialog) while its figures were worked out
            return
        if after(self, option, lambda: self.entered(option)):
            return  # the figures for what is typed are still being worked out: once they are in
        if option == "settle":
            button_id, said = "#settle-apply", ("#settle-why", "#settle-figures")
        else:
            button_id, said = RECORD_PREPAY.get(self._prepay_default, "#apply-term"), ("#prepay-error", "#prepay-why")
        button = self.query_one(button_id, Button)
        if not button.disabled:
            button.press()
            return
        sentence = next((w for w in map(self.query_one, said) if str(w.content).strip()), None)
        if sentence is not None:
            sentence.scroll_visible(animate=False)

    def save_auto_debit(self) -> None:
        """`jiebei-tui loans auto-debit ID on|off --account NAME` (written only when it changes)."""
        from jiebei_tui.actions.loans import set_auto_debit

        s = self.state
        if s is None:
            return
        loan_id = s.record.id
        on = self.query_one("#auto", Switch).value
        account = self.query_one("#account", Input).value
        if on == s.record.auto_debit and account == visible(s.record.funding_account):
            return  # nothing changed: nothing is written
        app = self.app

        def saved(done) -> None:
            if done.changed:
                app.notify(t("repay.saved_settings", app.lang))

        app.act(set_auto_debit, loan_id, on, account, done=saved)


def suggested_prepayment(s: LoanState) -> str:
    """A round starting figure for the prepay input: about a third of the principal owed."""
    if s.paid_off or s.principal_outstanding < 300:
        return ""
    return str(int(s.principal_outstanding / 3 // 100 * 100))
