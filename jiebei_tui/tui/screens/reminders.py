"""3 · Reminders: the borrower's own rules (add, edit, delete, switch on or off), quiet hours, time zone and
channels, a test through the real channels, and a preview of the next ten reminders under the current rules."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Static, Switch

from jiebei_tui.actions import registry
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.reminders import message, offset_label
from jiebei_tui.tui.widgets.section import SectionScreen
from jiebei_tui.tui.widgets.tables import fill

PREVIEW = 10
PREVIEW_DAYS = 60
RULE_COLUMNS = ("rule", "offset", "time", "loans", "repeat", "enabled")


class RemindersScreen(SectionScreen):
    BINDINGS = registry.bindings("reminders")
    DEFAULT_CSS = """
    RemindersScreen .form-row { height: auto; }
    RemindersScreen .form-row Label { padding: 1 1 0 0; width: 42; }
    RemindersScreen #quiet, RemindersScreen #timezone, RemindersScreen #catch-up { width: 24; }
    RemindersScreen #command { width: 1fr; }
    RemindersScreen #rules { max-height: 12; }
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="body"):
            with Vertical(classes="panel"):
                yield Label(t("reminders.title", lang), classes="panel-title")
                yield DataTable(id="rules", cursor_type="row")
                yield Static(t("reminders.hint", lang), classes="hint")
            with Vertical(classes="panel"):
                yield Label(t("reminders.preview", lang), classes="panel-title")
                yield Static("", id="preview")
            with Vertical(classes="panel"):
                yield Label(t("reminders.settings", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.quiet", lang))
                    yield Input("", id="quiet")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.timezone", lang))
                    yield Input("", id="timezone")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.catch_up", lang))
                    yield Input("", id="catch-up")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.desktop", lang))
                    yield Switch(id="desktop")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.command", lang))
                    yield Switch(id="command-on")
                    yield Input("", id="command")
                yield Static(t("reminders.command_hint", lang), classes="hint")
                yield Static("", id="settings-error", classes="error-text")
                with Horizontal(classes="form-row"):
                    yield Button(t("reminders.save", lang), id="save-settings", variant="primary")
                    yield Button(t("reminders.test", lang), id="test")
            yield Static(t("reminders.closed_note", lang), classes="hint")


    @property
    def settings(self):
        return self.app.ledger.settings.reminders

    def render_view(self) -> None:
        super().render_view()
        lang, settings = self.lang, self.settings
        table = self.query_one("#rules", DataTable)
        row = table.cursor_row
        rows = [
            (r.id, [r.id, offset_label(r.offset_days, lang), r.time, ",".join(r.loans) if r.loans else t("word.all", lang),
                    t("word.daily", lang) if r.repeat_daily else "", t("word.on" if r.enabled else "word.off", lang)])
            for r in settings.rules
        ]
        fill(table, [(key, t(f"col.{key}", lang)) for key in RULE_COLUMNS], rows)  # widths known at once
        if settings.rules:
            table.move_cursor(row=min(row, len(settings.rules) - 1))
        self.query_one("#quiet", Input).value = f"{settings.quiet_start}-{settings.quiet_end}" if settings.quiet_hours else "off"
        self.query_one("#timezone", Input).value = settings.timezone or "local"
        self.query_one("#catch-up", Input).value = str(settings.catch_up_days)
        self.query_one("#desktop", Switch).value = settings.desktop
        self.query_one("#command-on", Switch).value = settings.command_enabled
        self.query_one("#command", Input).value = settings.command
        self.show_preview()

    def show_preview(self) -> None:
        from jiebei_tui.delivery.reminders import coming

        lang = self.lang
        try:
            found = coming(self.app.ledger, self.app.today, self.app.now(), PREVIEW_DAYS, self.app.states, PREVIEW)
        except InputError as err:
            self.query_one("#preview", Static).update(err.sentence(lang))
            return
        lines = [f"{o.fire_at:%m-%d %H:%M}  {o.rule_id}  {message(o, lang)}" for o in found]
        # plain text with control characters escaped: a loan name from the file never acts or reads as markup
        self.query_one("#preview", Static).update(Content("\n".join(map(visible, lines)) or t("reminders.none", lang)))

    # --- rules ---

    def _selected(self):
        table = self.query_one("#rules", DataTable)
        if not self.settings.rules or table.row_count == 0:
            return None
        return self.settings.rules[min(table.cursor_row, len(self.settings.rules) - 1)]

    def _change(self, change):
        """Apply change(reminder settings, loan ids) -> (settings, result) through the store."""
        from jiebei_tui.domain.ledger import change_reminders

        return self.app.commit(lambda ledger: change_reminders(ledger, change))

    def action_new_rule(self) -> None:
        from jiebei_tui.tui.screens.rule_form import RuleForm

        self.app.push_screen(RuleForm(None))

    def action_edit_rule(self) -> None:
        from jiebei_tui.tui.screens.rule_form import RuleForm

        rule = self._selected()
        if rule is not None:
            self.app.push_screen(RuleForm(rule))

    def action_remove_rule(self) -> None:
        from jiebei_tui.domain.reminder_settings import remove_rule
        from jiebei_tui.tui.screens.modals import ConfirmModal

        rule = self._selected()
        if rule is None:
            return
        text = t("reminders.delete_confirm", self.lang, id=rule.id, day=offset_label(rule.offset_days, self.lang), time=rule.time)

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda s, known: (remove_rule(s, rule.id), None))

        self.app.push_screen(ConfirmModal(text), callback=answered)

    def action_toggle_rule(self) -> None:
        from jiebei_tui.domain.reminder_settings import set_rule_enabled

        rule = self._selected()
        if rule is not None:
            self._change(lambda s, known: (set_rule_enabled(s, rule.id, not rule.enabled), None))

    # --- settings and the test ---

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-settings":
            self.save_settings()
        elif event.button.id == "test":
            self.send_test()

    def save_settings(self) -> None:
        from jiebei_tui.domain.reminder_settings import parse_quiet
        from jiebei_tui.domain.terms import parse_in_range
        from jiebei_tui.delivery.reminders import zone

        lang = self.lang
        error = self.query_one("#settings-error", Static)
        labels = {"quiet": "reminders.quiet", "timezone": "reminders.timezone", "catch_up_days": "reminders.catch_up"}
        try:
            on, start, end = parse_quiet(self.query_one("#quiet", Input).value)
            name = self.query_one("#timezone", Input).value.strip()
            name = None if name in ("", "local") else name
            zone(name)
            catch_up = parse_in_range(self.query_one("#catch-up", Input).value, "catch_up_days", "catch_up", 0, 30)
        except InputError as err:
            error.update(err.sentence(lang, t(labels.get(err.field, "reminders.settings"), lang)))
            return
        error.update("")
        update = {
            "quiet_hours": on, "timezone": name, "catch_up_days": catch_up,
            "desktop": self.query_one("#desktop", Switch).value,
            "command_enabled": self.query_one("#command-on", Switch).value,
            "command": self.query_one("#command", Input).value.strip(),
        }
        if on:
            update.update(quiet_start=start, quiet_end=end)
        self._change(lambda s, known: (s.model_copy(update=update), None))
        self.app.notify(t("remind.settings_saved", lang))

    def send_test(self) -> None:
        from jiebei_tui.delivery.reminders import Report, deliver_text

        lang, settings = self.lang, self.settings
        report = Report()
        values = {"loan": "test", "amount": "0.00", "due_date": self.app.today.isoformat(), "days_overdue": "0"}
        deliver_text(t("remind.test", lang), settings, lang, report, values, stdout=False)
        channels = ["app"] + (["notify-send"] if settings.desktop else []) + (["command"] if settings.command_enabled else [])
        for failure in report.failures:
            self.app.notify(failure, severity="error")
        self.app.notify(t("remind.test", lang), title=t("remind.title", lang))
        self.app.notify(t("reminders.test_sent", lang, channels=", ".join(channels)))
