"""1 · Status: every loan with its state badge; the selected loan's schedule, progress and totals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from jiebei_tui.domain.money import percent, yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.width import shorten
from jiebei_tui.tui.widgets.palette import style
from jiebei_tui.tui.widgets.section import SectionScreen

if TYPE_CHECKING:
    from jiebei_tui.domain.replay import LoanState


LOAN_COLUMNS = ("id", "name", "state", "outstanding", "next_due", "amount", "when")
OTHER_COLUMNS = 67  # what the columns other than the name need, with cell padding and the scrollbar
NAME_MIN, NAME_MAX = 10, 32


class StatusScreen(SectionScreen):
    BINDINGS = [
        Binding("p", "pay", "Pay", id="jiebei.pay"),
        Binding("e", "edit", "Rename", id="jiebei.edit"),
        Binding("d", "delete", "Delete", id="jiebei.delete"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Label(t("status.title", self.lang), classes="section-title")

    def build_tables(self) -> None:
        """The tables are mounted once the ledger has been read: the first frame (drawn before that) stays
        light. The state badge comes right after the name, and the name gives way on a narrow terminal, so the
        badge is never pushed off-screen."""
        from textual.widgets import DataTable, ProgressBar  # not needed for the first frame

        lang = self.lang
        loans = DataTable(id="loans", cursor_type="row", zebra_stripes=True)
        for key in LOAN_COLUMNS:
            loans.add_column(t(f"col.{key}", lang), key=key)
        schedule = DataTable(id="schedule", cursor_type="none")
        for key in ("no", "due_date", "principal", "interest", "penalty", "paid", "status"):
            schedule.add_column(t(f"col.{key}", lang), key=key)
        self.query_one("#body").mount_all(
            [
                loans,
                Label("", id="schedule-title", classes="section-title"),
                ProgressBar(total=100, show_eta=False, id="progress"),
                Static("", id="summary", classes="hint"),
                schedule,
            ]
        )
        self.call_after_refresh(loans.focus)  # once it is mounted: focusing earlier may or may not take

    def render_view(self) -> None:
        from jiebei_tui.cli.output import badge_key, badge_text, when_text  # after the first frame: see app.py

        super().render_view()
        lang = self.lang
        if not self.query("#loans"):
            self.build_tables()
            if not self.query("#loans"):  # the app is closing: nothing was mounted
                return
        loans = self.query_one("#loans")
        loans.clear()
        # A table column only ever widens by itself; names are shortened to the terminal's width, so when it
        # narrows the columns must start again from their headings.
        for column in loans.columns.values():
            column.content_width = column.label.cell_len
        for s in self.app.states:
            shown_amount = s.amount_to_clear if s.days_overdue else s.next_due_amount
            due = s.installments[[i.status for i in s.installments].index("overdue")].due_date if s.days_overdue else s.next_due_date
            loans.add_row(
                s.record.id,
                shorten(s.record.name, max(NAME_MIN, min(NAME_MAX, self.size.width - OTHER_COLUMNS))),
                Text(f" {badge_text(s, lang)} ", style=style(self.app, badge_key(s))),
                Text(yuan(s.principal_outstanding), justify="right"),
                due.isoformat() if due else "—",
                Text(yuan(shown_amount) if not s.paid_off else "—", justify="right"),
                when_text(s, lang),
                key=s.record.id,
            )
        ids = [s.record.id for s in self.app.states]
        if self.app.selected_loan in ids:
            loans.move_cursor(row=ids.index(self.app.selected_loan))
        self.show_schedule(self.app.state_of(self.app.selected_loan))

    def on_data_table_row_highlighted(self, event) -> None:
        if event.data_table.id == "loans" and event.row_key.value:
            self.app.selected_loan = event.row_key.value
            self.show_schedule(self.app.state_of(event.row_key.value))

    def show_schedule(self, s: LoanState | None) -> None:
        from jiebei_tui.domain.apr import apr_irr, apr_simple
        from jiebei_tui.domain.schedule import build_schedule
        from jiebei_tui.cli.output import installment_status

        lang = self.lang
        table = self.query_one("#schedule")
        table.clear()
        title = self.query_one("#schedule-title", Label)
        summary = self.query_one("#summary", Static)
        progress = self.query_one("#progress")
        if s is None:
            title.update(t("status.select_hint", lang))
            summary.update("")
            progress.update(total=100, progress=0)
            return
        title.update(t("status.schedule", lang, loan=s.record.name))
        current = s.current
        for i in s.installments:
            marker = t("status.current", lang) + " " if current is not None and i.no == current.no else "  "
            status = installment_status(i, lang)
            table.add_row(
                f"{marker}{i.no}",
                i.due_date.isoformat(),
                Text(yuan(i.principal), justify="right"),
                Text(yuan(i.interest), justify="right"),
                Text(yuan(i.penalty), justify="right", style=style(self.app, "penalty") if i.penalty else ""),
                Text(yuan(i.paid), justify="right"),
                Text(status, style=style(self.app, i.status)),
                key=str(i.no),
            )
        contract = build_schedule(s.record.loan)
        progress.update(total=float(s.record.principal), progress=float(s.principal_repaid))
        summary.update(
            f"{t('status.progress', lang)} {yuan(s.principal_repaid)} / {yuan(s.record.principal)} · "
            f"{t('label.total_interest', lang)} {yuan(s.total_interest)} · "
            f"{t('status.paid_so_far', lang)} {yuan(s.total_paid)}\n"
            f"{t('label.apr_simple', lang)} {percent(apr_simple(s.record.daily_rate))} · "
            f"{t('label.apr_irr', lang)} {percent(apr_irr(contract))} · "
            f"{t('col.method', lang)} {t(f'method.{s.record.method.value}', lang)}"
        )

    # --- actions ---

    def _selected(self) -> LoanState | None:
        return self.app.state_of(self.app.selected_loan)

    def action_pay(self) -> None:
        from jiebei_tui.tui.screens.modals import PayModal

        s = self._selected()
        if s is not None and not s.paid_off:
            self.app.push_screen(PayModal(s))

    def action_edit(self) -> None:
        from jiebei_tui.tui.screens.modals import RenameModal

        s = self._selected()
        if s is not None:
            self.app.push_screen(RenameModal(s))

    def action_delete(self) -> None:
        from jiebei_tui.tui.screens.modals import ConfirmModal

        s = self._selected()
        if s is None:
            return
        lang = self.lang
        events = len(self.app.ledger.events_of(s.record.id))
        message = t("delete.confirm", lang, id=s.record.id, loan=s.record.name, events=events)

        def answered(yes: bool | None) -> None:
            from jiebei_tui.domain.ledger import remove_loan

            if yes:
                self.app.commit(lambda ledger: (remove_loan(ledger, s.record.id), None))
                self.app.notify(t("delete.done", lang, loan=s.record.name))

        self.app.push_screen(ConfirmModal(message), callback=answered)
