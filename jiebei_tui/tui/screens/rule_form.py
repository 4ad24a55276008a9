"""A reminder rule's form: day, time, loans, repeat — each checked as you type with the domain's sentence (a rule
that repeats another is refused the same way), and a time that quiet hours would move says so before saving."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.content import Content
from textual.widgets import Button, Input, Label, Static, Switch

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.reminder_settings import add_rule, edit_rule
from jiebei_tui.text.i18n import t
from jiebei_tui.text.reminders import shift_said as shifted
from jiebei_tui.tui.screens.modals import MODAL_CSS

FIELD_LABELS = {"offset": "reminders.offset", "time": "reminders.time", "loans": "reminders.loans", "repeat": "reminders.repeat"}


class RuleForm(ModalScreen[bool]):
    DEFAULT_CSS = MODAL_CSS.format(name="RuleForm")
    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel", id="jiebei.cancel")]

    def __init__(self, rule) -> None:
        super().__init__()
        self.rule = rule

    def compose(self) -> ComposeResult:
        lang, r = self.app.lang, self.rule
        title = t("reminders.rule_title_edit", lang, id=r.id) if r else t("reminders.rule_title_new", lang)
        with Vertical():
            yield Label(title, classes="panel-title")
            yield Label(t("reminders.offset", lang))
            yield Input(str(r.offset_days) if r else "-2", id="offset")
            yield Label(t("reminders.time", lang))
            yield Input(r.time if r else "09:00", id="time")
            yield Label(t("reminders.loans", lang))
            yield Input(",".join(r.loans) if r and r.loans else "all", id="loans")
            with Horizontal():
                yield Switch(r.repeat_daily if r else False, id="repeat")
                yield Label(t("reminders.repeat", lang))
            yield Static("", id="error", classes="error-text")
            yield Static("", id="note", classes="hint")
            with Horizontal():
                yield Button(t("edit.save", lang), variant="primary", id="save")
                yield Button(t("key.cancel", lang), id="cancel")

    def _apply(self, settings, known):
        values = [self.query_one(f"#{f}", Input).value for f in ("offset", "time", "loans")]
        repeat = self.query_one("#repeat", Switch).value
        if self.rule is None:
            return add_rule(settings, *values, repeat, known)
        return edit_rule(settings, self.rule.id, *values, repeat, known), self.rule.id

    def check(self) -> bool:
        from jiebei_tui.domain.ledger import change_reminders

        lang = self.app.lang
        try:
            ledger, rule_id = change_reminders(self.app.ledger, self._apply)  # a dry run: nothing is stored
        except InputError as err:
            self.query_one("#error", Static).update(Content(err.sentence(lang, t(FIELD_LABELS.get(err.field, "reminders.title"), lang))))
            self.query_one("#note", Static).update("")
            self.query_one("#save", Button).disabled = True
            return False
        self.query_one("#error", Static).update("")
        self.query_one("#note", Static).update(Content(shifted(ledger.settings.reminders, rule_id, lang)))
        self.query_one("#save", Button).disabled = False
        return True

    def on_mount(self) -> None:
        self.check()

    def on_input_changed(self) -> None:
        self.check()

    def on_switch_changed(self) -> None:
        self.check()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        elif self.check():
            self.save()

    def on_input_submitted(self) -> None:
        if self.check():
            self.save()

    def save(self) -> None:
        from jiebei_tui.domain.ledger import change_reminders

        lang = self.app.lang
        rule_id = self.app.commit(lambda ledger: change_reminders(ledger, self._apply))
        said = t("remind.rule_added" if self.rule is None else "remind.rule_saved", lang, id=rule_id)
        note = shifted(self.app.ledger.settings.reminders, rule_id, lang)
        self.dismiss(True)
        self.app.notify(f"{said} {note}".strip(), timeout=6 if note else 3, markup=False)

