"""Export a calendar: the unpaid instalments as .ics events with one alarm per reminder rule, as
`jiebei-tui export-ics --out FILE` writes them. The path is checked as you type; the file is written in a
worker."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from jiebei_tui.delivery.files import expand_home, is_ledger_file
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.asking import ask
from jiebei_tui.tui.widgets.prose import Problem, Prose
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.dialog import FormDialog
from jiebei_tui.tui.widgets.text_input import TextInput

DEFAULT_NAME = "jiebei-tui.ics"


class ExportDialog(FormDialog[bool]):
    CANCEL = False
    FIRST = "#path"

    def compose_dialog(self) -> ComposeResult:
        lang = self.lang
        yield Label(t("export.title", lang), classes="title")
        yield Prose(t("export.explain", lang), classes="hint")
        yield Label(t("export.path", lang))
        yield TextInput(f"~/{DEFAULT_NAME}", id="path")  # the home folder, as the letter's (not wherever the app started)
        yield Problem(id="error")
        with Horizontal(classes="buttons"):
            yield Button(t("export.write", lang), variant="primary", id="write")
            yield Button(t("key.cancel", lang), id="cancel")

    def path(self) -> Path:
        return expand_home(self.query_one("#path", Input).value.strip())

    NOT_A_FILE = "export.not_a_file"

    def problem(self) -> str | None:
        """What is wrong with the path as typed (the action refuses these too: this says so as it is typed)."""
        typed = self.query_one("#path", Input).value.strip()
        path = self.path()
        if not typed or path.is_dir() or typed.endswith("/"):  # a trailing / names a folder (Path drops it)
            return t(self.NOT_A_FILE, self.lang, path=typed)
        if is_ledger_file(path):
            return t("export.ledger_file", self.lang, name=path.name)
        if not path.parent.is_dir():
            return t("export.no_folder", self.lang, folder=path.parent)
        return None

    def check(self) -> bool:
        problem = self.problem()
        self.query_one("#error", Problem).update(problem or "")
        self.query_one("#write", Button).disabled = problem is not None
        return problem is None

    def save(self) -> None:
        """`jiebei-tui export-ics --out FILE` (actions/export.py export_ics): written in the app's worker; the
        ledger is not written (the events' SEQUENCE is its revision)."""
        from jiebei_tui.actions.export import export_ics

        if not self.check():
            return
        path, lang = self.path(), self.lang
        self.query_one("#write", Button).disabled = True
        ask(self, "write", export_ics, lang, out=path, done=lambda done: self.written(done.events, done.path or path),
            refused=lambda err: self.failed(refusal(err, self.app.lang, {"out": "export.path"})))

    def failed(self, problem: str) -> None:
        """The write was refused (a full disk, a folder that went away): said under the field until it is typed
        into again, and Write may be pressed again."""
        self.check()
        self.query_one("#error", Problem).update(t("export.failed", self.lang, problem=problem))

    def written(self, count: int, path: Path) -> None:
        self.app.notify(t("remind.exported", self.app.lang, n=count, path=path))
        self.dismiss(True)
