"""The request letter (协商还款申请书) for one loan, previewed as you fill it in: its language (中文 or English,
whatever the app's), what it asks for, your name, the lender, your circumstances. Saved to a file readable by you
only (the actions layer's `save_letter`, in a worker), or copied where the terminal allows (OSC 52)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select

from jiebei_tui.delivery.files import expand_home
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from textual.widget import Widget

    from jiebei_tui.domain.request import LenderRequest

LABELS = {"name": "letter.name", "lender": "letter.lender", "reason": "letter.circumstances", "ask": "letter.ask"}
BEST = "best"


def default_path(loan_id: str, lang: str) -> str:
    """In the home folder, written as ~ (the same on every machine, and short enough to read)."""
    return f"~/request-{loan_id}-{lang}.txt"


def save(account, text: str, path: Path) -> Path:
    """Save the letter shown (0600): the app runs it in a worker, with its account as every action."""
    from jiebei_tui.actions.hardship import save_letter

    return save_letter(text, path)


class LetterDialog(FormDialog[bool]):
    CANCEL = False
    DEFAULT_CSS = """
    LetterDialog > #dialog { width: 96; }
    LetterDialog .choices { height: auto; }
    LetterDialog .choices > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    LetterDialog #letter-box { height: auto; max-height: 12; border: round $primary-muted; padding: 0 1;
                               scrollbar-gutter: stable; }  /* its width, and so its lines, known at once */
    """

    def __init__(self, request: LenderRequest) -> None:
        super().__init__()
        self.request = request
        self._text = ""
        self._path_put = ""  # the path last suggested: it follows the language until the borrower types one

    def compose_dialog(self) -> ComposeResult:
        lang, loan = self.lang, self.request.record.id
        asks = [(t("letter.ask_best", lang), BEST)] + [(t(f"way.option.{o.kind}", lang), o.kind) for o in self.request.options]
        yield Label(t("letter.dialog_title", lang, loan=loan), classes="title")
        with Horizontal(classes="choices"):
            with Vertical():
                yield Label(t("letter.lang", lang))
                yield Select([(t("way.lang.zh", lang), "zh"), (t("way.lang.en", lang), "en")], id="letter-lang",
                             allow_blank=False, value=lang)
            with Vertical():
                yield Label(t("letter.ask", lang))
                yield Select(asks, id="ask", allow_blank=False, value=BEST)
        with Horizontal(classes="choices"):
            with Vertical():
                yield Label(t("letter.name", lang))
                yield TextInput("", id="name")
            with Vertical():
                yield Label(t("letter.lender", lang))
                yield TextInput("", id="lender")
        yield Label(t("letter.circumstances", lang))
        yield TextInput("", id="reason")
        yield Label(t("letter.preview", lang))
        with VerticalScroll(id="letter-box"):
            yield Prose("", id="letter")
        yield Label(t("letter.path", lang))
        yield TextInput("", id="path")
        yield Prose(t("letter.clipboard_note", lang), classes="hint")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("letter.save", lang), variant="primary", id="save")
            yield Button(t("letter.copy", lang), id="copy")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.follow_language()
        super().after_compose()

    def letter_lang(self) -> str:
        value = self.query_one("#letter-lang", Select).value
        return value if value in ("zh", "en") else self.lang

    def follow_language(self) -> None:
        """The file name suggested says the letter's language, until the borrower types a path of their own."""
        field = self.query_one("#path", Input)
        if field.value in ("", self._path_put):
            self._path_put = default_path(self.request.record.id, self.letter_lang())
            with self.prevent(Input.Changed):
                field.value = self._path_put

    def path(self) -> Path:
        return expand_home(self.query_one("#path", Input).value.strip())

    def letter_problem(self) -> str | None:
        """The letter as filled in, previewed; or what is wrong with the name, the lender or the reason."""
        from jiebei_tui.actions import hardship

        lang = self.lang
        ask = self.query_one("#ask", Select).value
        try:
            option = hardship.option_for(self.request, None if ask == BEST else ask)
            letter = hardship.letter(self.request, self.letter_lang(), option,
                                     name=self.query_one("#name", Input).value or None,
                                     lender=self.query_one("#lender", Input).value or None,
                                     reason=self.query_one("#reason", Input).value or None)
        except InputError as err:
            self._text = ""
            return refusal(err, lang, LABELS)
        self._text = letter.text
        self.query_one("#letter", Prose).update(letter.text.rstrip("\n"))
        return None

    def path_problem(self) -> str | None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed or self.path().is_dir() or typed.endswith("/"):  # a trailing / names a folder
            return t("letter.not_a_file", self.lang, path=typed)
        return None

    def check(self) -> bool:
        letter, path = self.letter_problem(), self.path_problem()
        self.query_one("#error", Problem).update(letter or path or "")
        self.query_one("#save", Button).disabled = bool(letter or path)
        self.query_one("#copy", Button).disabled = bool(letter)
        return not (letter or path)

    def changed(self, field: Widget) -> None:
        if field.id == "letter-lang":
            self.follow_language()
        super().changed(field)

    def pressed(self, button: Button) -> None:
        if button.id == "copy":
            self.copy()
        else:
            super().pressed(button)

    def copy(self) -> None:
        self.check()
        if not self._text:
            return
        self.app.copy_to_clipboard(self._text)
        self.app.notify(t("letter.copied", self.app.lang), timeout=8)

    def save(self) -> None:
        if not self.check():
            return
        self.query_one("#save", Button).disabled = True

        def saved(path: Path) -> None:
            self.dismiss(True)
            self.app.notify(t("letter.saved", self.app.lang, path=path))

        def refused(err: Exception) -> None:
            if self.is_attached:
                self.query_one("#error", Problem).update(refusal(err, self.app.lang, {"out": "letter.path"}))
                self.query_one("#save", Button).disabled = False

        self.app.act(save, self._text, self.path(), done=saved, refused=refused)
