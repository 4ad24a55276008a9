"""Save the collection contact record for a complaint (`jiebei-tui contacts report`): the contacts of one loan
or every loan, the rules each breaks with their sources, and the payments, dated today, as Markdown or CSV, in a
file readable by you only (written by the actions layer in a worker)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select

from jiebei_tui.delivery.files import expand_home
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from textual.widget import Widget

EVERY = "every"
SUFFIX = {"markdown": ".md", "csv": ".csv"}


def default_path(fmt: str) -> str:
    """In the home folder, written as ~ (the same on every machine, and short enough to read)."""
    return f"~/contact-record{SUFFIX[fmt]}"


class RecordDialog(FormDialog[bool]):
    CANCEL = False
    DEFAULT_CSS = """
    RecordDialog .choices { height: auto; }
    RecordDialog .choices > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._path_put = ""  # the path last suggested: it follows the format until the borrower types one

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        loans = [(t("record.all", lang), EVERY)] + [(Content(f"{r.id} · {visible(r.name)}"), r.id) for r in self.app.ledger.loans]
        yield Label(t("record.title", lang), classes="title")
        yield Prose(t("record.explain", lang), classes="hint")
        with Horizontal(classes="choices"):
            with Vertical():
                yield Label(t("record.loan", lang))
                yield Select(loans, id="record-loan", allow_blank=False, value=EVERY)
            with Vertical():
                yield Label(t("record.format", lang))
                yield Select([(t(f"contacts.format.{f}", lang), f) for f in SUFFIX], id="format", allow_blank=False,
                             value="markdown")
        yield Label(t("letter.path", lang))
        yield TextInput("", id="path")
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("letter.save", lang), variant="primary", id="save")
            yield Button(t("key.cancel", lang), id="cancel")

    def after_compose(self) -> None:
        self.follow_format()
        super().after_compose()

    def fmt(self) -> str:
        value = self.query_one("#format", Select).value
        return value if value in SUFFIX else "markdown"

    def follow_format(self) -> None:
        field = self.query_one("#path", Input)
        if field.value in ("", self._path_put):
            self._path_put = default_path(self.fmt())
            with self.prevent(Input.Changed):
                field.value = self._path_put

    def path(self) -> Path:
        return expand_home(self.query_one("#path", Input).value.strip())

    def check(self) -> bool:
        typed = self.query_one("#path", Input).value.strip()
        folder = not typed or self.path().is_dir() or typed.endswith("/")  # a trailing / names a folder
        problem = t("letter.not_a_file", self.lang, path=typed) if folder else None
        self.query_one("#error", Problem).update(problem or "")
        self.query_one("#save", Button).disabled = problem is not None
        return problem is None

    def changed(self, field: Widget) -> None:
        if field.id == "format":
            self.follow_format()
        super().changed(field)

    def save(self) -> None:
        from jiebei_tui.actions import contacts

        if not self.check():
            return
        loan = self.query_one("#record-loan", Select).value
        fmt, path, lang = self.fmt(), self.path(), self.lang
        self.query_one("#save", Button).disabled = True

        def saved(done) -> None:
            report = done.report
            self.dismiss(True)
            self.app.notify(t("contacts.report_saved", self.app.lang, path=done.path, n=len(report.contacts),
                              format=t(f"contacts.format.{fmt}", self.app.lang), flagged=report.flagged,
                              payments=len(report.payments)))

        def refused(err: Exception) -> None:
            if self.is_attached:
                self.query_one("#error", Problem).update(refusal(err, self.app.lang, {"out": "letter.path"}))
                self.query_one("#save", Button).disabled = False

        self.app.act(contacts.report, None if loan == EVERY else loan, lang, fmt, path, done=saved, refused=refused)
