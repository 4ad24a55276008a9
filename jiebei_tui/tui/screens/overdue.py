"""4 · Overdue: what paying late would cost, explained before it happens — every instalment owed after N days
late (a later one falling due within those days counts too, and the chart steps up at its due date), the
penalty with its formula, the amount to clear, the stages, the borrower's rights and what to do now, and the
contract terms they are worked out under: this loan's own, or every loan's.

The figures are `jiebei-tui overdue --loan ID --installment K --days N` (actions/overdue.py outlook) and the
terms `jiebei-tui terms show|set [--loan ID]` (actions/terms.py), asked in the app's worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Switch

from jiebei_tui.actions import registry
from jiebei_tui.actions.overdue import MAX_DAYS, outlook, parse_days
from jiebei_tui.actions.terms import TermsView, set_terms, show_terms
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.domain.overdue import STAGES
from jiebei_tui.domain.product_terms import parse_terms
from jiebei_tui.domain.replay import LoanState
from jiebei_tui.domain.terms import Strategy, parse_in_range
from jiebei_tui.text import explain
from jiebei_tui.text.i18n import joined, t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.chart import CostChart
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.prose import Problem, Prose, Said
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.section import SectionScreen, while_on_top
from jiebei_tui.tui.widgets.tables import fill

if TYPE_CHECKING:
    from jiebei_tui.actions.overdue import Outlook

ROWS = ("no", "due_date", "days_late", "principal", "interest", "penalty", "owed")
TERM_INPUTS = {"penalty_multiplier": "multiplier", "grace_days": "grace", "min_prepayment": "min-prepayment",
               "prepayment_fee": "fee"}  # term → its field's id
FIELD_TERMS = {field: name for name, field in TERM_INPUTS.items()}
TERM_LABELS = {"penalty_multiplier": "label.penalty_multiplier", "grace_days": "label.grace_days",
               "compounding": "label.compounding", "default_strategy": "label.default_strategy",
               "default_prepay_strategy": "label.default_strategy", "min_prepayment": "label.min_prepayment",
               "prepayment_fee": "label.prepayment_fee"}


class DaysInput(FigureInput):
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
    OverdueScreen #days { width: 12; }  /* 3650 and the cursor in view */
    OverdueScreen #days-note { width: 1fr; padding: 1 0 0 1; }
    OverdueScreen #rows { max-height: 8; }
    OverdueScreen .stage-row { height: auto; }
    OverdueScreen .stage { width: 5; }
    OverdueScreen .stage-row Prose { width: 1fr; }
    OverdueScreen .terms-row { height: auto; }
    OverdueScreen .terms-row Label { padding: 1 1 0 0; width: 1fr; max-width: 44; }
    OverdueScreen .terms-row Input { width: 12; }
    OverdueScreen #scope { width: 1fr; max-width: 48; }
    OverdueScreen #strategy { width: 1fr; max-width: 46; }  /* "smaller instalment (keep the term)" whole */
    OverdueScreen .buttons { height: auto; margin: 1 0 0 0; }  /* (a Horizontal takes one line: Save cut to its edge) */
    OverdueScreen .buttons Button { margin: 0 1 0 0; }
    OverdueScreen.-no-loan .loan-only { display: none; }  /* no loan yet: nothing to work out, only #need-loans */
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with Body(id="body"):
            yield Said("", id="need-loans", classes="hint")
            with Horizontal(classes="pick-row loan-only"):
                yield Select([], id="loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
                yield Select([], id="installment", allow_blank=True, prompt=t("overdue.pick_installment", lang))
            with Horizontal(classes="pick-row loan-only"):
                yield Label(t("overdue.days", lang))
                yield DaysInput("6", id="days")
                yield Prose("", id="days-note", classes="hint")  # a what-if, and how late the loan is today
            with Vertical(classes="panel loan-only"):
                yield Label("", id="figures-title", classes="panel-title")
                yield Prose("", id="figures", classes="figures")
                yield DataTable(id="rows", cursor_type="none")
                yield Prose("", id="formula", classes="hint")
            with Vertical(classes="panel loan-only"):
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
                    yield Label(t("terms.scope", lang))
                    yield Select([(t("terms.scope_all", lang), "all")], value="all", allow_blank=False, id="scope")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.penalty_multiplier", lang))
                    yield FigureInput("", id="multiplier")
                yield Problem(id="multiplier-error")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.grace_days", lang))
                    yield FigureInput("", id="grace")
                yield Problem(id="grace-error")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.compounding", lang))
                    yield Switch(id="compounding")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.default_strategy", lang))
                    yield Select([(t(f"strategy.{s.value}", lang), s.value) for s in Strategy], allow_blank=False,
                                 id="strategy")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.min_prepayment", lang))
                    yield FigureInput("", id="min-prepayment")
                yield Problem(id="min-prepayment-error")
                with Horizontal(classes="terms-row"):
                    yield Label(t("label.prepayment_fee", lang))
                    yield FigureInput("", id="fee")
                yield Problem(id="fee-error")
                yield Prose("", id="terms-own", classes="hint")
                yield Prose("", id="terms-error", classes="error-text")
                yield Prose(t("help.disclaimer_text", lang), classes="hint")
                with Horizontal(classes="buttons"):
                    yield Button(t("overdue.save_terms", lang), id="save-terms")
                    yield Button(t("terms.follow_all", lang), id="reset-terms")

    def on_mount(self) -> None:
        self._installment: int | None = None  # the instalment looked at: kept across a language switch
        self._terms: TermsView | None = None  # the terms shown in the terms panel
        # (then SectionScreen's own on_mount: Textual calls every class's handler, base classes' after; a
        # super() call here ran it, and so the first drawing, twice)

    def after_compose(self) -> None:
        rows = self.query_one("#rows", DataTable)
        rows.can_focus = False  # figures to read, not a Tab stop
        rows.display = False  # shown when more than one instalment is owed on the day looked at
        super().after_compose()

    def action_step(self, delta: int) -> None:
        self.query_one(DaysInput).action_step(delta)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step" and not self.app.states:
            return None  # no loan yet: ←/→ dimmed on the key bar (pressed, they changed a hidden field)
        return super().check_action(action, parameters)

    @property
    def state(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def render_view(self) -> None:
        super().render_view()
        self.show_need_loans()
        s = self.state
        with self.prevent(Input.Changed, Select.Changed, Switch.Changed):
            loans = self.query_one("#loan", Select)
            loans.set_options([(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in self.app.states])
            if self.app.selected_loan:
                loans.value = self.app.selected_loan
            self.fill_installments()
            self.fill_scope(s)
        self.show()
        self.load_terms()

    def show_need_loans(self) -> None:
        """No loan yet: one line saying so and which key adds one, in place of the pickers, the figures and the
        chart (which would have nothing to work on); what holds for any loan (the stages, the rules, the terms)
        stays. ←/→ dim. A loan added brings them back, filled."""
        none = not self.app.states
        self.query_one("#need-loans", Said).update(
            t("overdue.need_loans", self.lang, press=self.app.key_shown("add")) if none else "")
        if none and self.focused is not None and any(w.has_class("loan-only") for w in self.focused.ancestors_with_self):
            self.set_focus(None)  # its field is hidden now (the last loan undone while typing in it)
        self.set_class(none, "-no-loan")
        self.refresh_bindings()

    def fill_scope(self, s: LoanState | None) -> None:
        """This loan's terms, or every loan's: the loan's own scope first when it has own terms."""
        scope = self.query_one("#scope", Select)
        was = scope.value
        options = [(t("terms.scope_all", self.lang), "all")]
        if s is not None:
            options.append((Content(t("terms.scope_loan", self.lang, id=s.record.id, loan=visible(s.record.name))), "loan"))
        scope.set_options(options)
        if was == "loan" and s is not None:
            scope.value = "loan"
        elif s is not None and s.record.terms is not None:
            scope.value = "loan"
        else:
            scope.value = "all"

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
                self.fill_scope(self.state)
            self.load_terms()
        elif event.select.id == "installment":
            self._installment = event.value
        elif event.select.id == "scope":
            self.load_terms()
            return
        elif event.select.id == "strategy":
            return
        self.show()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "days":
            self.show()
        elif event.input.id in FIELD_TERMS:
            self.check_term(FIELD_TERMS[event.input.id])

    def days(self) -> int:
        return parse_days(self.query_one(DaysInput).value)

    # --- the outlook ---

    def show(self) -> None:
        lang, s = self.lang, self.state
        self.show_timeline(None)
        if s is None or self._installment is None:
            self.clear(t("overdue.no_loan", lang))
            return
        try:
            days = self.days()
        except InputError as err:
            self.clear("", err.sentence(lang, t("overdue.days_field", lang)))
            return
        self.query_one("#days-note", Prose).update(self.days_note(s, days))
        ask(self, "outlook", outlook, s.record.id, days, self._installment, done=self.show_outlook,
            refused=lambda err: self.clear("", err.sentence(self.lang)))

    def days_note(self, s: LoanState, days: int) -> str:
        """Whether the days shown are the loan's own today or a what-if: the section opens at the loan's real
        days late, marked "◀ you" below, and nothing said that other days are only tried out."""
        installment = next((i for i in s.installments if i.no == self._installment), None)
        today = (self.app.today - installment.due_date).days if installment is not None else 0
        if today > 0 and days == today:
            return t("overdue.days_today", self.lang, days=days)
        if today > 0 or installment is None:
            return t("overdue.days_what_if", self.lang, days=days, today=max(today, 0))
        return t("overdue.days_what_if_due", self.lang, days=days, date=installment.due_date)  # not due yet

    def clear(self, title: str, figures: str = "") -> None:
        self.query_one("#figures-title", Label).update(title)
        self.query_one("#figures", Prose).update(figures)
        self.query_one("#formula", Prose).update("")
        rows = self.query_one("#rows", DataTable)
        fill(rows, [], [])
        rows.display = False

    def show_outlook(self, found: Outlook) -> None:
        """The totals over every instalment owed on that day, one row each, the formulas, the chart."""
        lang, o, terms = self.lang, found.outlook, found.terms
        self.query_one("#figures-title", Label).update(
            t("overdue.figures", lang, no=o.installment, date=o.due_date, days=o.days))
        lines = []
        if o.as_if_unpaid:
            lines.append(t("overdue.as_if_unpaid", lang, no=o.installment))
        lines += [
            f"{t('label.overdue_principal', lang)}  {yuan(o.principal)}   "
            f"{t('label.overdue_interest', lang)}  {yuan(o.interest)}",
            f"{t('label.penalty_rate', lang)}  {percent(o.penalty_daily_rate)}   "
            f"{t('label.penalty_total', lang)}  {yuan(o.penalty_total)}",
            f"{t('label.amount_to_clear', lang)}  {yuan(o.amount_to_clear)}   "
            f"{t('label.daily_cost', lang)}  {yuan(o.daily_cost)}   {t('label.stage', lang)}  {o.stage}",
        ]
        scope = t("terms.this_loan" if found.own else "terms.all_loans", lang)
        lines.append(t("overdue.terms_of", lang, scope=scope))
        self.query_one("#figures", Prose).update("\n".join(lines))
        table = self.query_one("#rows", DataTable)
        table.display = len(o.rows) > 1  # one instalment: the totals above are its figures
        fill(table, [(key, t(f"col.{key}", lang)) for key in ROWS],
             [(str(r.installment), [str(r.installment), r.due_date.isoformat(), right(str(r.days)), right(yuan(r.principal)),
                                    right(yuan(r.interest)), right(yuan(r.penalty)), right(yuan(r.owed))]) for r in o.rows])
        rate = self.state.record.daily_rate if self.state is not None else o.penalty_daily_rate
        formula = [explain.penalty_rate(rate, terms.penalty_multiplier, o.penalty_daily_rate, lang)]
        shown = percent(o.penalty_daily_rate)
        for r in o.rows:
            if not r.days:
                continue
            formula.append(t("formula.penalty", lang, amount=yuan(r.principal), rate=shown, days=r.days,
                             result=yuan(r.penalty_principal)))
            if r.penalty_interest:
                formula.append(t("formula.penalty", lang, amount=yuan(r.interest), rate=shown, days=r.days,
                                 result=yuan(r.penalty_interest)))
        if o.daily.exact:
            formula += explain.daily_penalty(o.daily, lang, o.days, terms.grace_days)
        if o.days <= terms.grace_days:
            formula.append(f"{t('label.grace_days', lang)}: {terms.grace_days}")
        self.query_one("#formula", Prose).update("\n".join(formula))
        self.query_one(CostChart).plot(list(o.curve), o.days, style(self.app, "due"), style(self.app, "penalty"))
        self.show_timeline(o.stage, terms)

    def show_timeline(self, current: str | None, terms=None) -> None:
        """Each stage on its own row, its text wrapping under itself; where the borrower is, marked."""
        terms = terms or (self._terms.terms if self._terms is not None else None)
        lang = self.lang
        for n, stage in enumerate(STAGES):
            here = f"  {t('overdue.you_are_here', lang)}" if stage == current else ""
            text = terms.stage_text(stage, lang) if terms is not None else ""
            self.query_one(f"#stage-{n}", Prose).update(f"{text}{here}")

    # --- the contract terms: this loan's, or every loan's ---

    def scope_loan(self) -> str | None:
        s = self.state
        return s.record.id if s is not None and self.query_one("#scope", Select).value == "loan" else None

    def load_terms(self) -> None:
        """`jiebei-tui terms show [--loan ID]`."""
        ask(self, "terms", show_terms, self.scope_loan(), done=self.show_terms)

    def show_terms(self, view: TermsView) -> None:
        lang, terms = self.lang, view.terms
        self._terms = view
        with self.prevent(Input.Changed, Select.Changed, Switch.Changed):
            for name, field in TERM_INPUTS.items():
                self.query_one(f"#{field}", Input).value = self.term_text(name, terms)
            self.query_one("#compounding", Switch).value = terms.compounding
            self.query_one("#strategy", Select).value = terms.default_prepay_strategy.value
        for name in TERM_INPUTS:  # the values in force: nothing wrong with them
            self.term_problem(name, "")
        own = self.query_one("#terms-own", Prose)
        if view.loan_id is None:
            own.update(t("terms.all_loans_note", lang))  # under the fields: a sentence, not the command's heading
        elif view.own:
            own.update(t("terms.own_list", lang, loan=view.loan_id,
                         terms=joined((t(TERM_LABELS[name], lang) for name in view.own), lang)))
        else:
            own.update(t("terms.none_own", lang, loan=view.loan_id))
        self.query_one("#reset-terms", Button).display = bool(view.loan_id is not None and view.own)
        if not self.app.states:  # no outlook to draw the stages with: drawn here, under every loan's terms
            self.show_timeline(None)

    @staticmethod
    def term_text(name: str, terms) -> str:
        if name == "prepayment_fee":
            return percent(terms.prepayment_fee)
        return str(getattr(terms, name))

    def check_term(self, name: str) -> None:
        """A term field says what is wrong with it as it is typed: the check `terms set` makes (domain/
        product_terms.py parse_terms), one field at a time."""
        try:
            parse_terms(**{name: self.query_one(f"#{TERM_INPUTS[name]}", Input).value.strip()})
        except InputError as err:
            self.term_problem(name, err.sentence(self.lang, t(TERM_LABELS[name], self.lang)))
        else:
            self.term_problem(name, "")

    def term_problem(self, name: str, sentence: str) -> None:
        self.query_one(f"#{TERM_INPUTS[name]}-error", Problem).update(sentence)

    def typed_terms(self) -> dict[str, object]:
        """The terms as typed, by `terms set` option name."""
        typed: dict[str, object] = {name: self.query_one(f"#{field}", Input).value.strip()
                                    for name, field in TERM_INPUTS.items()}
        typed["compounding"] = self.query_one("#compounding", Switch).value
        typed["default_strategy"] = self.query_one("#strategy", Select).value
        return typed

    @while_on_top
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-terms":
            self.save_terms()
        elif event.button.id == "reset-terms":
            self.reset_terms()

    def save_terms(self) -> None:
        """`jiebei-tui terms set [--loan ID] ...`: for every loan, all the values as typed (they become your
        contract's, no longer illustrative); for this loan, only what differs from what it follows now (the
        rest keeps following every loan's). Refused with a sentence naming the field; nothing is written."""
        view = self._terms
        if view is None:
            return
        typed = self.typed_terms()
        if view.loan_id is not None:
            shown = {name: self.term_text(name, view.terms) for name in TERM_INPUTS}
            shown["compounding"] = view.terms.compounding
            shown["default_strategy"] = view.terms.default_prepay_strategy.value
            typed = {name: value for name, value in typed.items() if value != shown[name]}
        self.query_one("#terms-error", Prose).update("")
        self.write_terms(view.loan_id, typed, ())

    def reset_terms(self) -> None:
        """`terms set --loan ID --reset ...`: this loan follows every loan's terms again."""
        view = self._terms
        if view is not None and view.loan_id is not None and view.own:
            self.write_terms(view.loan_id, {}, view.own)

    def write_terms(self, loan_id: str | None, values: dict, reset: tuple[str, ...]) -> None:
        app = self.app

        def saved(done) -> None:
            scope = t("terms.this_loan" if loan_id is not None else "terms.all_loans", app.lang)
            key = "overdue.terms_saved" if done.changed else "cli.terms_unchanged"
            app.notify(t(key, app.lang, scope=scope))
            self.show_terms(done.view)
            self.show()

        def refused(err: Exception) -> None:
            field = getattr(err, "field", "")
            label = t(TERM_LABELS.get(field, "overdue.terms"), self.lang)
            sentence = err.sentence(self.lang, label) if field else err.sentence(self.lang)
            if field in TERM_INPUTS:  # said under its field, where it was said as it was typed
                self.term_problem(field, sentence)
            else:  # a recorded payment the new terms would not fit, …
                self.query_one("#terms-error", Prose).update(sentence)

        ask(self, "save-terms", set_terms, loan_id, reset=reset, done=saved, refused=refused, **values)


def right(cell: str) -> Text:
    return Text(cell, justify="right")
