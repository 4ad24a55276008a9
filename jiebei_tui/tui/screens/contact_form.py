"""Record a collection contact: the loan, when, the channel, who, what was said, whether you answered, which of
your numbers, a promise to pay. Checked as you type by the same rules as `jiebei-tui contacts add` (the actions
layer's `preview_contact`, in a worker): a bad value is one sentence naming its label; a good contact shows the
rules it breaks, each with its source, before it is recorded. A promise becomes one reminder on its date."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Switch

from jiebei_tui.domain.contacts import CHANNELS
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.text_input import TextInput

LABELS = {"loan": "contact.loan", "at": "contact.at", "channel": "contact.channel", "from": "contact.from",
          "note": "contact.note", "number": "contact.number", "promise": "contact.promise",
          "promise_date": "contact.promise_date"}


def flag_lines(checked, lang: str, rules: bool = True) -> str:
    """The rules a contact breaks, each with the rule and its sources (unless `rules` is false: the toast after
    recording, as the form showed them and the section shows them beside the contact); or that it breaks none."""
    from jiebei_tui.text.complaint import flag_text, rule_text

    if not checked.flags:
        return t("contacts.no_flags", lang)
    lines = []
    for flag in checked.flags:
        lines.append(t("contacts.breaks", lang, flag=flag_text(flag, lang)))
        if rules:
            lines.append("  " + rule_text(flag.rule, lang))
    return "\n".join(lines)


class ContactForm(FormDialog[bool]):
    CANCEL = False
    FIRST = "#at"
    DEFAULT_CSS = """
    ContactForm > #dialog { width: 90; }
    ContactForm .pair { height: auto; }
    ContactForm .pair > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    ContactForm .switch-row { height: auto; margin: 2 0 0 0; }
    ContactForm .switch-row Label { margin: 1 0 0 1; }
    """

    def __init__(self, loan_id: str | None) -> None:
        super().__init__()
        self.loan_id = loan_id
        self._asked = 0

    def compose_dialog(self) -> ComposeResult:
        lang, app = self.lang, self.app
        loans = [(Content(f"{r.id} · {visible(r.name)}"), r.id) for r in app.ledger.loans]
        ids = [r.id for r in app.ledger.loans]
        yield Label(t("contact.title", lang), classes="title")
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("contact.loan", lang))
                yield Select(loans, id="loan", allow_blank=not ids,
                             value=self.loan_id if self.loan_id in ids else (ids[0] if ids else Select.NULL))
            with Vertical():
                yield Label(t("contact.channel", lang))
                yield Select([(t(f"contacts.channel.{c}", lang), c) for c in CHANNELS], id="channel",
                             allow_blank=False, value=CHANNELS[0])
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("contact.at", lang))
                yield FigureInput(f"{app.now():%Y-%m-%d %H:%M}", id="at")
            with Vertical():
                yield Label(t("contact.from", lang))
                yield TextInput("", id="from")
        yield Label(t("contact.note", lang))
        yield TextInput("", id="note")
        with Horizontal(classes="pair"):
            with Vertical():
                with Horizontal(classes="switch-row"):
                    yield Switch(False, id="answered")
                    yield Label(t("contact.answered", lang))
            with Vertical():
                yield Label(t("contact.number", lang))
                yield TextInput("", id="number")
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("contact.promise", lang))
                yield FigureInput("", id="promise")
            with Vertical():
                yield Label(t("contact.promise_date", lang))
                yield FigureInput("", id="promise-date")
        yield Problem(id="error")
        yield Prose("", id="flags", classes="message")
        with Horizontal(classes="buttons"):
            yield Button(t("contact.record", lang), variant="primary", id="record")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self._checked = None  # the contact as last checked (None: not valid)
        self._error: InputError | None = None
        super().after_compose()

    def values(self) -> tuple[tuple, dict]:
        """What the form says, read here on the event loop (the action runs later, in a worker)."""

        def typed(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Input).value
            return value if value.strip() else None

        loan = self.query_one("#loan", Select).value
        channel = self.query_one("#channel", Select).value
        args = (loan if isinstance(loan, str) else None, self.query_one("#at", Input).value,
                channel if isinstance(channel, str) else None, self.query_one("#from", Input).value)
        kwargs = {"note": typed("note"), "answered": self.query_one("#answered", Switch).value,
                  "number": typed("number"), "promise_amount": typed("promise"),
                  "promise_date": typed("promise-date")}
        return args, kwargs

    def check(self) -> None:
        """Check the contact as typed, in a worker; the answer shows if nothing was typed since."""
        from jiebei_tui.actions import contacts

        self._asked += 1
        serial = self._asked
        args, kwargs = self.values()
        self.query_one("#record", Button).disabled = True

        def answer(result) -> None:
            if serial != self._asked or not self.is_attached:
                return
            if isinstance(result, Exception):
                self._checked, self._error = None, result if isinstance(result, InputError) else None
                if self._error is None:
                    self.app.notify(result.sentence(self.app.lang), severity="error")
            else:
                self._checked, self._error = result, None
            self.show()

        self.app.act(contacts.preview_contact, *args, done=answer, refused=answer, **kwargs)

    def show(self) -> None:
        if self.rebuilding:  # a language switch: after_compose checks it again
            return
        lang = self.lang
        flags = self.query_one("#flags", Prose)
        record = self.query_one("#record", Button)
        if self._checked is None:
            err = self._error
            key = LABELS.get(err.field) if err else None
            # said once its field was reached (typed in or left) or Record asked; until then Record's reason
            fields = ("promise", "promise_date") if err and err.rule == "promise_both" else err.field if err else None
            self.tell(err.sentence(lang, t(key, lang) if key else None) if err else "", fields)
            flags.update("")
            record.disabled = True
            if err is None:
                record.tooltip = t("dialog.fix_first", lang)
            return
        self.tell("")
        text = flag_lines(self._checked, lang)
        contact = self._checked.contact
        if contact.promise_amount is not None:
            text += "\n" + t("contacts.promise_reminder", lang, amount=contact.promise_amount, date=contact.promise_date)
        flags.update(text)
        record.disabled = False
        record.tooltip = None

    def save(self) -> None:
        """Record the contact as typed now, once a check passed (checked again by the action, against the ledger as
        it is)."""
        from jiebei_tui.actions import contacts

        if self._checked is None:
            return
        args, kwargs = self.values()
        self.query_one("#record", Button).disabled = True
        self._asked += 1  # a check still running is no longer wanted

        def done(added) -> None:
            lang = self.app.lang
            contact = added.contact
            lines = [t("contact.recorded", lang, id=contact.id), flag_lines(added.checked, lang, rules=False)]
            if contact.promise_amount is not None:
                lines.append(t("contacts.promise_reminder", lang, amount=contact.promise_amount, date=contact.promise_date))
            self.dismiss(True)
            self.app.notify("\n".join(lines), timeout=10)

        def refused(err: Exception) -> None:
            if not self.is_attached:
                return
            self._checked, self._error = None, err if isinstance(err, InputError) else None
            if self._error is None:
                self.app.notify(err.sentence(self.app.lang), severity="error")
            self.show()

        self.app.act(contacts.add_contact, *args, done=done, refused=refused, **kwargs)
