"""A reminder rule's form: day, time, loans, repeat — each checked as you type with the domain's sentence (a rule
that repeats another is refused the same way), and a time that quiet hours would move says so before saving."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Static, Switch

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.reminder_settings import add_rule, edit_rule
from jiebei_tui.text.i18n import t
from jiebei_tui.text.reminders import shift_said as shifted
from jiebei_tui.tui.widgets.dialog import Dialog
from jiebei_tui.tui.widgets.prose import Problem

FIELD_LABELS = {"offset": "reminders.offset", "time": "reminders.time", "loans": "reminders.loans", "repeat": "reminders.repeat"}


class RuleForm(Dialog[bool]):
    CANCEL = False

    def __init__(self, rule) -> None:
        super().__init__()
        self.rule = rule

    def compose_dialog(self) -> ComposeResult:
        lang, r = self.app.lang, self.rule
        title = t("reminders.rule_title_edit", lang, id=r.id) if r else t("reminders.rule_title_new", lang)
        yield Label(title, classes="title")
        yield Label(t("reminders.offset", lang))
        yield Input(str(r.offset_days) if r else "-2", id="offset")
        yield Label(t("reminders.time", lang))
        yield Input(r.time if r else "09:00", id="time")
        yield Label(t("reminders.loans", lang))
        yield Input(",".join(r.loans) if r and r.loans else "all", id="loans")
        with Horizontal():
            yield Switch(r.repeat_daily if r else False, id="repeat")
            yield Label(t("reminders.repeat", lang))
        yield Problem(id="error")
        yield Static("", id="note", classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("edit.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def _apply(self):
        """The change the form describes, as typed now (read here, on the event loop: the store applies it
        later, in a worker, when the form may be gone)."""
        values = [self.query_one(f"#{f}", Input).value for f in ("offset", "time", "loans")]
        repeat, rule = self.query_one("#repeat", Switch).value, self.rule

        def apply(settings, known):
            if rule is None:
                return add_rule(settings, *values, repeat, known)
            return edit_rule(settings, rule.id, *values, repeat, known), rule.id

        return apply

    def check(self) -> bool:
        from jiebei_tui.domain.ledger import change_reminders

        lang = self.app.lang
        try:
            ledger, rule_id = change_reminders(self.app.ledger, self._apply())  # a dry run: nothing is stored
        except InputError as err:
            self.query_one("#error", Problem).update(err.sentence(lang, t(FIELD_LABELS.get(err.field, "reminders.title"), lang)))
            self.query_one("#note", Static).update("")
            self.query_one("#save", Button).disabled = True
            return False
        self.query_one("#error", Problem).update("")
        self.query_one("#note", Static).update(Content(shifted(ledger.settings.reminders, rule_id, lang)))
        self.query_one("#save", Button).disabled = False
        return True

    def after_compose(self) -> None:
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

        lang, apply, is_new = self.app.lang, self._apply(), self.rule is None
        self.query_one("#save", Button).disabled = True

        def saved(rule_id: str) -> None:
            said = t("remind.rule_added" if is_new else "remind.rule_saved", lang, id=rule_id)
            note = shifted(self.app.ledger.settings.reminders, rule_id, lang)
            self.dismiss(True)
            self.app.notify(f"{said} {note}".strip(), timeout=6 if note else 3, markup=False)

        self.app.commit(lambda ledger: change_reminders(ledger, apply), saved)
