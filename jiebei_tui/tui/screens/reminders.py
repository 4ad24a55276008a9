"""3 · Reminders: the borrower's own rules (add, edit, delete, switch on or off), quiet hours, time zone and
channels, a test through the real channels, and a preview of the next ten reminders under the current rules.

Settings save as they change, each change one transaction with a short confirmation: a switch at once, a text
field when Enter is pressed or the field is left (a half-typed value is not saved; a wrong one says why). A time
that quiet hours move says so, in the rules table and in the preview ("08:00*", and under it "* R5: 07:45 →
08:00, quiet hours."). The page
itself takes no focus: arrow keys move in the rules table, Tab goes from control to control.

Each change and the preview are `jiebei-tui remind rules|add|remove|enable|disable|set|list|test` (actions/
reminders.py), run in the app's worker."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Switch

from jiebei_tui.actions import registry, reminders
from jiebei_tui.text.i18n import t
from jiebei_tui.text.reminders import fires_on, message, moved_marks, offset_label, quiet_by_day, rule_time_marked
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.prose import Prose
from jiebei_tui.tui.widgets.short_table import ShortTable
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.section import SectionScreen, while_on_top
from jiebei_tui.tui.widgets.tables import fill
from jiebei_tui.tui.widgets.text_input import TextInput

PREVIEW = 10
PREVIEW_DAYS = 60
FIELDS = ("quiet", "timezone", "catch-up", "command")  # the text fields, saved on Enter or on leaving them
LABELS = {"quiet": "reminders.quiet", "timezone": "reminders.timezone", "catch-up": "reminders.catch_up",
          "command": "reminders.command", "desktop": "reminders.desktop", "command-on": "reminders.command"}
SAID_UNDER = {"command-on": "command"}  # the field whose row's message line a setting uses (else its own)
SETTING = {"quiet": "quiet", "timezone": "timezone", "catch-up": "catch_up_days", "command": "command",
           "desktop": "desktop", "command-on": "command_enabled"}  # each field → its `remind set` option
RULE_COLUMNS = ("rule", "offset", "time", "loans", "repeat", "enabled")


class RemindersScreen(SectionScreen):
    BINDINGS = registry.bindings("reminders")
    DEFAULT_CSS = """
    RemindersScreen .form-row { height: auto; }
    RemindersScreen .form-row Label { padding: 1 1 0 0; width: 42; }
    RemindersScreen #quiet, RemindersScreen #timezone, RemindersScreen #catch-up { width: 24; }
    RemindersScreen #command { width: 1fr; }
    RemindersScreen #rules { max-height: 12; }
    /* a field's message (press Enter to save, or why a value was refused) right under it: no line when empty */
    RemindersScreen .field-error { padding: 0 1; }
    RemindersScreen .field-error.-empty { display: none; }
    /* the control with the focus, told apart at a glance (a switch's own cue, a border a shade lighter, was
       missed: Enter toggled a switch when the button seemed to have the focus): its border and its label */
    RemindersScreen Switch:focus, RemindersScreen Button:focus { border: tall $accent; }
    RemindersScreen .form-row:focus-within Label { color: $accent; text-style: bold; }
    """

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        # the page does not take the focus itself (the rules table does): arrows move in the table, not the page
        with Body(id="body", can_focus=False):
            with Vertical(classes="panel"):
                yield Label(t("reminders.title", lang), classes="panel-title")
                yield ShortTable(id="rules", cursor_type="row")
                yield Prose("", id="rules-moved", classes="hint")  # times quiet hours move ("08:00*"), said here
                # the keys as the key bar shows them (the keymap applied): `space`, not 空格, in both languages
                keys = {word: self.app.key_shown(name) for word, name in (
                    ("new", "new_rule"), ("edit", "edit_rule"), ("delete", "delete_rule"), ("toggle", "toggle_rule"))}
                yield Prose(t("reminders.hint", lang, **keys), id="rules-hint", classes="hint")
            with Vertical(classes="panel"):
                yield Label(t("reminders.preview", lang), classes="panel-title")
                yield Prose("", id="preview")
            with Vertical(classes="panel"):
                yield Label(t("reminders.settings", lang), classes="panel-title")
                yield Prose(t("reminders.autosave_hint", lang), classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.quiet", lang))
                    yield FigureInput("", id="quiet")
                yield Prose("", id="quiet-error", classes="error-text field-error -empty")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.timezone", lang))
                    yield TextInput("", id="timezone")
                yield Prose("", id="timezone-error", classes="error-text field-error -empty")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.catch_up", lang))
                    yield FigureInput("", id="catch-up")
                yield Prose("", id="catch-up-error", classes="error-text field-error -empty")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.desktop", lang))
                    yield Switch(id="desktop")
                yield Prose("", id="desktop-error", classes="error-text field-error -empty")
                with Horizontal(classes="form-row"):
                    yield Label(t("reminders.command", lang))
                    yield Switch(id="command-on")
                    yield TextInput("", id="command")
                yield Prose("", id="command-error", classes="error-text field-error -empty")
                yield Prose(self._command_hint(), classes="hint")
                with Horizontal(classes="form-row"):
                    yield Button(t("reminders.test", lang), id="test")
            yield Prose(t("reminders.closed_note", lang), classes="hint")

    def _command_hint(self) -> str:
        from jiebei_tui.domain.reminder_settings import PLACEHOLDERS

        names = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        return t("reminders.command_hint", self.lang, placeholders=names)

    def after_compose(self) -> None:
        self._put: dict[str, str] = {}  # what each text field was last given from the settings (fresh fields)
        super().after_compose()
        self.query_one("#rules", DataTable).focus()

    @property
    def settings(self):
        return self.app.ledger.settings.reminders

    def _stored(self, settings=None) -> dict[str, str | bool]:
        """Each field's value as the saved settings give it."""
        s = settings or self.settings
        return {
            "quiet": f"{s.quiet_start}-{s.quiet_end}" if s.quiet_hours else "off",
            "timezone": s.timezone or "local",
            "catch-up": str(s.catch_up_days),
            "command": s.command,
            "desktop": s.desktop,
            "command-on": s.command_enabled,
        }

    def render_view(self) -> None:
        super().render_view()
        lang, settings = self.lang, self.settings
        table = self.query_one("#rules", DataTable)
        row = table.cursor_row
        times = {r.id: rule_time_marked(r, settings, lang) for r in settings.rules}  # the column stays narrow
        rows = [
            (r.id, [r.id, offset_label(r.offset_days, lang), times[r.id][0], ",".join(r.loans) if r.loans else t("word.all", lang),
                    t("word.daily", lang) if r.repeat_daily else "", t("word.on" if r.enabled else "word.off", lang)])
            for r in settings.rules
        ]
        fill(table, [(key, t(f"col.{key}", lang)) for key in RULE_COLUMNS], rows)  # widths known at once
        notes = [note for _, note in times.values() if note]
        moved = self.query_one("#rules-moved", Prose)
        moved.update("\n".join(map(visible, notes)))
        moved.display = bool(notes)
        if settings.rules:
            table.move_cursor(row=min(row, len(settings.rules) - 1))
        stored = self._stored(settings)
        for name in FIELDS:
            field = self.query_one(f"#{name}", Input)
            if name not in self._put or field.value == self._put[name]:  # a field being edited keeps its text
                field.value = self._put[name] = str(stored[name])
        with self.prevent(Switch.Changed):  # showing the saved value is not the borrower switching it
            for name in ("desktop", "command-on"):
                self.query_one(f"#{name}", Switch).value = bool(stored[name])
        self.show_preview()

    def show_preview(self) -> None:
        """The next reminders under the rules: `jiebei-tui remind list` (actions/reminders.py coming)."""
        ask(self, "preview", reminders.coming, PREVIEW_DAYS, self.app.now(), PREVIEW, done=self.show_coming,
            refused=lambda err: self.query_one("#preview", Prose).update(err.sentence(self.lang)))

    def show_coming(self, found: list) -> None:
        lang = self.lang
        marks, notes = moved_marks(found, lang)  # "08:00*", and how quiet hours moved it under the list
        lines = [f"{fires_on(o.fire_at, self.app.today)}{mark}  {o.rule_id}  {message(o, lang)}"
                 for o, mark in zip(found, marks)]
        if notes:
            lines += ["", *notes]
        # plain text with control characters escaped: a loan name from the file never acts or reads as markup
        self.query_one("#preview", Prose).update("\n".join(map(visible, lines)) or t("reminders.none", lang))

    # --- rules ---

    def _selected(self):
        table = self.query_one("#rules", DataTable)
        if not self.settings.rules or table.row_count == 0:
            return None
        return self.settings.rules[min(table.cursor_row, len(self.settings.rules) - 1)]


    def action_new_rule(self) -> None:
        from jiebei_tui.tui.screens.rule_form import RuleForm

        self.open_dialog(RuleForm(None))

    def action_edit_rule(self) -> None:
        from jiebei_tui.tui.screens.rule_form import RuleForm

        rule = self._selected()
        if rule is not None:
            self.open_dialog(RuleForm(rule))

    def action_remove_rule(self) -> None:
        from jiebei_tui.tui.screens.modals import ConfirmModal

        rule = self._selected()
        if rule is None:
            return
        text = t("reminders.delete_confirm", self.lang, id=rule.id, day=offset_label(rule.offset_days, self.lang), time=rule.time)

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.act(reminders.remove_rule, rule.id)

        self.open_dialog(ConfirmModal(text), callback=answered)

    def action_toggle_rule(self) -> None:
        rule = self._selected()
        if rule is not None:
            self.app.act(reminders.set_rule_enabled, rule.id, not rule.enabled)

    # --- settings, saved as they change ---

    def on_switch_changed(self, event: Switch.Changed) -> None:
        name = event.switch.id
        if name in ("desktop", "command-on"):
            self.save_field(name, event.value)

    def say(self, name: str, words: str = "", show: bool = False) -> None:
        """A field's message, on the line right under it (none when empty); `show`: scroll it into view."""
        line = self.query_one(f"#{SAID_UNDER.get(name, name)}-error", Prose)
        line.update(words)
        line.set_class(not words, "-empty")
        if show and words:
            self.call_after_refresh(line.scroll_visible, animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        name = event.input.id
        if name in FIELDS:
            unsaved = event.value.strip() != str(self._stored()[name]).strip()
            if unsaved:
                self.say(name, t("reminders.enter_to_save", self.lang))
            else:
                self.say_saved(name)

    def say_saved(self, name: str) -> None:
        """Under a field showing what is saved: nothing, or for quiet hours over midday, that they are."""
        self.say(name, quiet_by_day(self.settings, self.lang) if name == "quiet" else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in FIELDS:
            self.save_field(event.input.id, event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id in FIELDS and self.is_attached and self.app.ledger is not None:
            self.save_field(event.input.id, event.input.value)

    def save_field(self, name: str, value) -> None:
        """Check one setting and save it when it changed (`jiebei-tui remind set --<option>`): one transaction,
        a short confirmation. A wrong value says why right under its field (scrolled into view), and that the
        saved value is kept; nothing is written (the field keeps the text typed, to be put right)."""
        lang, app = self.lang, self.app
        label = t(LABELS[name], lang)
        kept = self._stored()[name]
        kept = t("word.on" if kept else "word.off", lang) if isinstance(kept, bool) else kept

        def saved(done) -> None:
            if name in FIELDS:
                self._put.pop(name, None)  # show the saved form of it (e.g. "23:00-07:00")
                self.refresh_view(force=True)
            if done.changed:
                app.notify(t("reminders.saved_field", app.lang, field=t(LABELS[name], app.lang)), timeout=3)
            self.say_saved(name)

        def refused(err: Exception) -> None:
            why = err.sentence(lang, label) if getattr(err, "field", "") else err.sentence(lang)
            still = t("reminders.kept", lang, value=visible(str(kept))) if str(kept) else t("reminders.kept_empty", lang)
            self.say(name, f"{why} {still}" if lang == "en" else f"{why}{still}", show=True)

        self.say(name)
        ask(self, f"save-{name}", reminders.change_settings, done=saved, refused=refused, **{SETTING[name]: value})

    # --- the test ---

    @while_on_top
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "test":
            self.send_test()

    def action_send_test(self) -> None:
        if not self.query_one("#test", Button).disabled:  # one test at a time (the last may still be running)
            self.send_test()

    def send_test(self) -> None:
        """A test reminder through every channel that is on (`jiebei-tui remind test`). A command may take up to
        ten seconds: it runs in a worker, without holding up the ledger's changes; the result is said when it
        has run."""
        self.query_one("#test", Button).disabled = True
        lang = self.lang

        def failed(err: Exception) -> None:
            self.query_one("#test", Button).disabled = False
            self.app.notify(err.sentence(self.app.lang), severity="error")

        ask(self, "test", reminders.send_test, lang, stdout=False, write_lock=False,
            done=lambda report: self._tested(report, lang), refused=failed)

    def _tested(self, report, lang: str) -> None:
        self.query_one("#test", Button).disabled = False
        for line in report.failures:
            self.app.notify(line, severity="error", markup=False)
        for line in report.unavailable:
            self.app.notify(line, severity="warning", markup=False)
        self.app.notify(t("remind.test", lang), title=t("remind.title", lang), markup=False)
        channels = [t("remind.channel_app", lang), *report.ran]  # only the channels that really delivered it
        self.app.notify(t("reminders.test_sent", lang, channels=", ".join(channels)), markup=False)
