"""A reminder rule's form: day, time, loans, repeat — each checked as you type with the domain's sentence (a rule
that repeats another is refused the same way), and a time that quiet hours would move says so before saving."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Switch

from jiebei_tui.actions import reminders
from jiebei_tui.text.i18n import sentences, t
from jiebei_tui.text.reminders import shift_said as shifted
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.text_input import TextInput

FIELD_LABELS = {"offset": "reminders.offset", "time": "reminders.time", "loans": "reminders.loans", "repeat": "reminders.repeat"}


class RuleForm(FormDialog[bool]):
    CANCEL = False

    def __init__(self, rule) -> None:
        super().__init__()
        self.rule = rule
        self._checked: tuple | None = None  # the rule as typed when it last passed the check

    def compose_dialog(self) -> ComposeResult:
        lang, r = self.app.lang, self.rule
        title = t("reminders.rule_title_edit", lang, id=r.id) if r else t("reminders.rule_title_new", lang)
        yield Label(title, classes="title")
        yield Label(t("reminders.offset", lang))
        yield FigureInput(str(r.offset_days) if r else "-2", id="offset")
        yield Label(t("reminders.time", lang))
        yield FigureInput(r.time if r else "09:00", id="time")
        yield Label(t("reminders.loans", lang))
        yield TextInput(",".join(r.loans) if r and r.loans else t("word.all", lang), id="loans")  # 全部 in 中文
        with Horizontal():
            yield Switch(r.repeat_daily if r else False, id="repeat")
            yield Label(t("reminders.repeat", lang))
        yield Problem(id="error")
        yield Prose("", id="note", classes="hint foot")  # in view with the problem and the buttons
        with Horizontal(classes="buttons"):
            yield Button(t("edit.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def typed(self) -> tuple:
        """The rule as typed now (read here, on the event loop: the action runs later, in a worker, when the
        form may be gone)."""
        values = tuple(self.query_one(f"#{f}", Input).value for f in ("offset", "time", "loans"))
        return (*values, self.query_one("#repeat", Switch).value)

    def check(self) -> None:
        """Checked as saving it would check it (actions/reminders.py check_rule: a dry run, nothing stored), with
        what the quiet hours would do to its time."""
        typed = self.typed()
        self._checked = None
        self.checking()
        self.query_one("#save", Button).disabled = True
        ask(self, "check", reminders.check_rule, *typed, rule_id=self.rule.id if self.rule else None,
            done=lambda saved: self.checked(typed, saved), refused=self.refused)

    def checked(self, typed: tuple, saved: reminders.Saved) -> None:
        self._checked = typed
        self.query_one("#error", Problem).update("")
        self.query_one("#note", Prose).update(shifted(saved.settings, saved.rule_id, self.app.lang))
        self.query_one("#save", Button).disabled = False
        self.check_answered(True)

    def refused(self, err: Exception) -> None:
        self.check_answered(False)
        lang = self.app.lang
        field = getattr(err, "field", "")
        self.query_one("#error", Problem).update(err.sentence(lang, t(FIELD_LABELS.get(field, "reminders.title"), lang))
                                                 if field else err.sentence(lang))
        self.query_one("#note", Prose).update("")
        self.query_one("#save", Button).disabled = True

    def save(self) -> None:
        """`jiebei-tui remind add|…` for the rule as typed, once it has passed the check; the form closes once it
        is written."""
        typed = self.typed()
        if self.waits_for_check():  # still being checked: saved once it passes
            return
        if self._checked != typed or self.query_one("#save", Button).disabled:
            return
        app, lang, is_new = self.app, self.app.lang, self.rule is None
        self.query_one("#save", Button).disabled = True

        def saved(done: reminders.Saved) -> None:
            said = t("remind.rule_added" if is_new else "remind.rule_saved", lang, id=done.rule_id)
            note = shifted(done.settings, done.rule_id, lang)
            self.dismiss(True)
            app.notify(sentences([said, note], lang), timeout=6 if note else 3, markup=False)

        if is_new:
            ask(self, "save", reminders.add_rule, *typed, done=saved, refused=self.refused)
        else:
            ask(self, "save", reminders.edit_rule, self.rule.id, *typed, done=saved, refused=self.refused)
