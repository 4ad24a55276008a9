"""1 · Status: every loan with its state badge; the selected loan's schedule, progress and totals; the auto-debits
waiting to be confirmed. From here: record a repayment, the selected loan's payments (void, correct), change its
contract terms, rename or delete it.

What is shown is what `jiebei-tui status` prints (actions/facts.py: the badge, the date a loan fell behind, what
to pay now), and every change is an action of jiebei_tui/actions/ run through the app's worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Label

from jiebei_tui.actions import registry
from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import shorten, width
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.prose import Prose
from jiebei_tui.tui.widgets.repaid_bar import RepaidBar
from jiebei_tui.tui.widgets.section import SectionScreen
from jiebei_tui.tui.widgets.tables import fill

if TYPE_CHECKING:
    from jiebei_tui.domain.debits import DebitQuestion
    from jiebei_tui.domain.replay import LoanState


LOAN_COLUMNS = ("id", "name", "state", "outstanding", "next_due", "amount", "when")
SCHEDULE_COLUMNS = ("no", "due_date", "principal", "interest", "penalty", "paid", "status")
NAME_MIN, NAME_MAX = 10, 32
PADDING = 2  # a table cell's padding, both sides together


class StatusScreen(SectionScreen):
    BINDINGS = registry.bindings("status")
    _schedule_of: LoanState | None = None  # the loan (as last read) whose schedule is shown
    DEFAULT_CSS = """
    StatusScreen #debits { padding: 0 1; color: $warning; text-style: bold; }
    """

    def compose_body(self) -> ComposeResult:
        with Body(id="body"):
            yield Label(t("status.title", self.lang), classes="section-title")
            yield Prose("", id="debits", classes="debits")  # "did the ¥X auto-debit go through?" (b records it)

    def build_tables(self) -> None:
        """The tables are mounted once the ledger has been read: the first frame (drawn before that) stays
        light. The state badge comes right after the name, and the name gives way on a narrow terminal, so the
        badge is never pushed off-screen."""
        from textual.widgets import DataTable  # not needed for the first frame

        loans = DataTable(id="loans", cursor_type="row", zebra_stripes=True)
        schedule = DataTable(id="schedule", cursor_type="none")
        schedule.can_focus = False  # a table to read: the loans table is the one to move in
        self.query_one("#body").mount_all(
            [
                loans,
                Label("", id="schedule-title", classes="section-title"),
                RepaidBar(id="progress"),
                Prose("", id="summary", classes="hint"),
                schedule,
            ]
        )
        self.call_after_refresh(loans.focus)  # once it is mounted: focusing earlier may or may not take

    def render_view(self) -> None:
        super().render_view()
        self.refresh_bindings()  # the loan keys dim while there is no loan (check_action)
        lang = self.lang
        if not self.query("#loans"):
            self.build_tables()
            if not self.query("#loans"):  # the app is closing: nothing was mounted
                return
        loans = self.query_one("#loans")
        self.show_debits()
        rows = [self.loan_row(s) for s in self.app.states]
        headings = [t(f"col.{key}", lang) for key in LOAN_COLUMNS]
        widths = [max([width(h)] + [cell_width(r[n]) for r in rows]) for n, h in enumerate(headings)]
        # The name takes what the terminal leaves beside the other columns (the body and the table both keep
        # their scrollbar gutter, so that is known now), so the state badge is never pushed off-screen.
        room = self.size.width - self.query_one("#body").styles.scrollbar_size_vertical - loans.styles.scrollbar_size_vertical
        name = max(NAME_MIN, min(NAME_MAX, room - sum(w + PADDING for w in widths) + widths[1]))
        for row in rows:
            row[1] = shorten(row[1], name)
        fill(loans, list(zip(LOAN_COLUMNS, headings)), [(s.record.id, row) for s, row in zip(self.app.states, rows)],
             widths={"name": name})
        ids = [s.record.id for s in self.app.states]
        if self.app.selected_loan in ids:
            loans.move_cursor(row=ids.index(self.app.selected_loan))
        self.show_schedule(self.app.state_of(self.app.selected_loan))

    def loan_row(self, s: LoanState) -> list:
        """As `jiebei-tui status` shows the loan: the date it fell behind and what clears it, else the next due
        date and what that instalment owes (actions/facts.py due_now)."""
        from jiebei_tui.actions.facts import due_now
        from jiebei_tui.text.loans import badge_text, when_text

        lang = self.lang
        due = due_now(s)
        return [
            Text(visible(s.record.id)),
            visible(s.record.name),  # shortened to the column once its width is known
            Text(f" {badge_text(s, lang)} ", style=style(self.app, due.badge)),
            Text(yuan(s.principal_outstanding), justify="right"),
            due.date.isoformat() if due.date else "—",
            Text(yuan(due.shown) if not due.nothing else "—", justify="right"),
            when_text(s, lang),
        ]

    def show_debits(self) -> None:
        """The auto-debits past their due date that the borrower has not confirmed, each asked (b records the
        selected loan's, or the first)."""
        debits = self.query_one("#debits", Prose)
        questions = self.app.debits
        if questions:  # (the payments screen's module is not needed before a debit is to be asked about)
            from jiebei_tui.tui.screens.payments import debit_question

            shown = self.app.key_shown("debited")
            debits.update("\n".join(debit_question(q, self.lang, shown) for q in questions))
        else:
            debits.update("")
        debits.display = bool(questions)
        self.refresh_bindings()  # the debited key shows only while there is a debit to confirm

    def on_data_table_row_highlighted(self, event) -> None:
        # Filling the loans highlights the first row, then render_view moves the cursor to the selected loan and
        # draws its schedule: the first row's event, arriving after that, is stale (it drew the first loan's
        # schedule and made it the selected one, and the next event drew the selected loan's again), and the
        # selected row's is for the schedule just drawn. At launch: one schedule drawn, not three (two table
        # fills less: real work, below the noise of a whole launch's figure).
        if event.data_table.id != "loans" or not event.row_key.value or event.cursor_row != event.data_table.cursor_row:
            return
        self.app.selected_loan = event.row_key.value
        state = self.app.state_of(event.row_key.value)
        if state is None or state is not self._schedule_of:
            self.show_schedule(state)

    def show_schedule(self, s: LoanState | None) -> None:
        from jiebei_tui.actions.facts import contract_plan
        from jiebei_tui.text.loans import installment_status

        lang = self.lang
        table = self.query_one("#schedule")
        columns = [(key, t(f"col.{key}", lang)) for key in SCHEDULE_COLUMNS]
        title = self.query_one("#schedule-title", Label)
        summary = self.query_one("#summary", Prose)
        progress = self.query_one("#progress", RepaidBar)
        self._schedule_of = s
        if s is None:
            fill(table, columns, [])
            title.update(t("status.select_hint", lang))
            summary.update("")
            progress.update(0, 0)
            return
        title.update(Content(t("status.schedule", lang, loan=visible(s.record.name))))
        current = s.current
        rows = []
        for i in s.schedule:  # principal prepaid with an instalment is a line of its own (replay.schedule_lines)
            if i.apart:  # principal prepaid, the fee on it: no number, no interest or penalty
                rows.append((f"{i.no}{i.status}", [
                    "",
                    i.due_date.isoformat(),
                    Text(yuan(i.principal) if i.principal else "", justify="right"),
                    "",
                    "",
                    Text(yuan(i.paid), justify="right"),
                    Text(installment_status(i, lang), style=style(self.app, "paid")),
                ]))
                continue
            marker = t("status.current", lang) + " " if current is not None and i.no == current.no else "  "
            rows.append((str(i.no), [
                f"{marker}{i.no}",
                i.due_date.isoformat(),
                Text(yuan(i.principal), justify="right"),
                Text(yuan(i.interest), justify="right"),
                Text(yuan(i.penalty), justify="right", style=style(self.app, "penalty") if i.penalty else ""),
                Text(yuan(i.paid), justify="right"),
                Text(installment_status(i, lang), style=style(self.app, i.status)),
            ]))
        fill(table, columns, rows)
        contract = contract_plan(s.record.loan)  # its contract's annualised rates, as `schedule` shows them
        progress.update(float(s.principal_repaid), float(s.record.principal))
        summary.update(
            f"{t('status.progress', lang)} {yuan(s.principal_repaid)} / {yuan(s.record.principal)} · "
            f"{t('label.total_interest', lang)} {yuan(s.total_interest)} · "
            f"{t('status.paid_so_far', lang)} {yuan(s.total_paid)}\n"
            f"{t('label.apr_simple', lang)} {percent(contract.apr_simple)} · "
            f"{t('label.apr_irr', lang)} {percent(contract.apr_irr)} · "
            f"{t('col.method', lang)} {t(f'method.{s.record.method.value}', lang)}"
        )

    # --- actions ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "debited":
            return bool(self.app.debits)  # the key shows only while a debit waits to be confirmed
        if action in ("pay", "rename", "delete", "payments", "edit_loan") and self._selected() is None:
            return None  # no loan yet: dimmed on the key bar (pressed, it did nothing and said nothing)
        return super().check_action(action, parameters)

    def _selected(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def action_pay(self) -> None:
        from jiebei_tui.tui.screens.modals import PayModal

        s = self._selected()
        if s is None:
            return
        if s.paid_off:
            self.app.notify(t("repay.nothing_due", self.lang))
            return
        self.open_dialog(PayModal(s))

    def action_rename(self) -> None:
        from jiebei_tui.tui.screens.modals import RenameModal

        s = self._selected()
        if s is not None:
            self.open_dialog(RenameModal(s))

    def action_payments(self) -> None:
        from jiebei_tui.tui.screens.payments import PaymentsDialog

        s = self._selected()
        if s is not None:
            self.open_dialog(PaymentsDialog(s.record.id))

    def action_edit_loan(self) -> None:
        from jiebei_tui.tui.screens.loan_edit import LoanEditDialog

        s = self._selected()
        if s is not None:
            self.open_dialog(LoanEditDialog(s.record))

    def action_debited(self) -> None:
        """Confirm the auto-debit asked about (the selected loan's, else the first), as `pay ID --debited`."""
        from jiebei_tui.tui.screens.payments import confirm_debited

        questions = self.app.debits
        if not questions:
            self.app.notify(t("debit.none_waiting", self.lang))
            return
        question = next((q for q in questions if q.loan_id == self.app.selected_loan), questions[0])
        confirm_debited(self.app, question)

    def action_delete(self) -> None:
        from jiebei_tui.actions.loans import remove_loan, removing_takes
        from jiebei_tui.tui.widgets.dialog import ConfirmDialog

        s = self._selected()
        if s is None:
            return
        app, loan_id, name = self.app, s.record.id, visible(s.record.name)

        def answered(yes: bool | None) -> None:
            if yes:
                app.act(remove_loan, loan_id, done=lambda done: app.notify(
                    t("delete.done_rules" if done.rules else "delete.done", app.lang, loan=name, n=len(done.rules),
                      rules=", ".join(done.rules))))

        def ask(takes) -> None:
            def message(lang: str) -> str:
                said = t("delete.confirm", lang, id=loan_id, loan=name, events=takes.payments,
                         undo=app.key_shown("undo"))
                if takes.contacts:
                    said += " " + t("delete.contacts_go", lang, n=takes.contacts)
                if takes.rules:
                    said += " " + t("delete.rules_go", lang, n=len(takes.rules), rules=", ".join(takes.rules))
                return said

            self.open_dialog(ConfirmDialog(message), callback=answered, worked_out=True)

        self.dialog_after(app.act(removing_takes, loan_id, done=ask))  # what goes with it, for the confirmation


def cell_width(cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else width(str(cell))
