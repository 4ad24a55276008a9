"""The one modal base (as Harlequin's components/modal.py) and the confirmation built on it.

Every dialog: centred in a box, its inputs bordered alike, the key bar at the bottom showing its keys (Escape
closes it), following a language switch with what was typed kept, and dismissing only itself (an event that
arrives after another dialog covered it does not close that one). Subclasses yield their content from
`compose_dialog` and answer through `dismiss`; Escape answers `CANCEL`.

The box's foot holds its buttons (the last `.buttons` yielded) and what is said just above them (a `Problem`, or
a widget of class `foot`): docked at the bottom of the box, always in view. Only the form above them (the box's
body, `#dialog-body`) scrolls when the terminal is too short for it all; where it fits, the foot sits right
below the form as if nothing were docked.

A form (`FormDialog`): checked as the borrower types (`check`), saved on Enter in a field or its save button
(`save`: only what passed the check, and through a confirmation where one is due); Cancel answers `CANCEL`.
What is wrong with a field is said (`tell`) once the borrower has typed in that field or left it, or tried to
save: not over a field left empty that nobody has reached yet. Until then the save button, disabled, gives the
sentence as its reason (its tooltip).

A confirmation (`ConfirmDialog`, typed `bool`): y / n, ←/→ between its buttons, the safe "No, go back" first
and focused, and Enter presses the focused button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.compose import compose as compose_parts
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Switch

from jiebei_tui.actions import registry
from jiebei_tui.text.i18n import t
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.footer import KeyBar
from jiebei_tui.tui.widgets.localized import Localized
from jiebei_tui.tui.widgets.prose import Problem, Prose

R = TypeVar("R")


class Dialog(Localized, ModalScreen[R], Generic[R]):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > #dialog {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface;
    }
    Dialog #dialog-body { height: auto; max-height: 1fr; padding: 0 2; }
    Dialog #dialog-foot { dock: bottom; height: auto; padding: 0 2; }
    Dialog #dialog Input { width: 1fr; margin: 0; }
    Dialog #dialog Label { margin-top: 1; }
    Dialog #dialog Horizontal { height: auto; }
    Dialog #dialog .buttons { height: auto; margin: 1 0 0 0; }
    Dialog #dialog .buttons Button { margin: 0 1 0 0; }
    Dialog #dialog .error-text { padding: 0 1; }
    Dialog #dialog .title { text-style: bold; color: $accent; margin: 1 0 0 0; }
    Dialog #dialog .message { margin: 1 0 0 0; }
    """
    BINDINGS = registry.bindings(registry.DIALOG)
    CANCEL: ClassVar[object] = None  # what Escape answers
    READ: ClassVar[bool] = False  # a dialog to read (help): its box takes the focus and scrolls with the arrows
    AUTO_FOCUS = ""  # (see _focus_first)
    FIRST: ClassVar[str] = "Input, Button"  # what takes the focus when the dialog opens
    KEY_WORDS: ClassVar[dict[str, str]] = {}  # an action's words on this dialog's key bar, where not its own

    @property
    def lang(self) -> str:
        return self.app.lang

    def compose(self) -> ComposeResult:
        parts = compose_parts(self, self.compose_dialog())
        at = foot_start(parts)
        body = Body(id="dialog-body")
        body.can_focus = self.READ  # otherwise the first field or button has the focus, so Enter works at once
        with Vertical(id="dialog"):
            with body:
                yield from parts[:at]
            with Vertical(id="dialog-foot"):
                yield from parts[at:]
        yield KeyBar()

    def compose_dialog(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.shown_lang = self.lang
        self.after_compose()
        self._focus_first()
        self.call_after_refresh(self._show_top)

    def _focus_first(self) -> None:
        """The first field (or the safe button) takes the focus at once, so what is typed as soon as the dialog
        shows reaches it (Enter included), without scrolling to it: Textual's auto focus scrolled the title and
        first label out of view."""
        found = self.query(self.FIRST) if self.FIRST else []
        target = next((w for w in found if w.focusable), None)
        if target is not None and self.focused is None:
            target.focus(scroll_visible=False)

    def _show_top(self) -> None:
        """Once laid out, the dialog shows from its top (its title), whatever took the focus."""
        for body in self.query("#dialog-body"):
            body.scroll_home(animate=False)

    def action_cancel(self) -> None:
        self.dismiss(self.CANCEL)

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if not self.is_active:  # covered by another screen: not ours to pop
            return AwaitComplete()
        return super().dismiss(result)

    def action_move(self, step: int) -> None:
        """Move the focus to the next (+1) or previous (−1) button."""
        buttons = [b for b in self.query(Button) if b.focusable]
        if not buttons:
            return
        here = buttons.index(self.focused) if self.focused in buttons else -1
        buttons[(here + step) % len(buttons)].focus()


def foot_start(parts: list[Widget]) -> int:
    """Where the foot begins among a dialog's top-level widgets: at its last `.buttons`, or above it at the
    `Problem`s and `.foot` widgets that come right before it (none: no foot)."""
    buttons = [n for n, part in enumerate(parts) if part.has_class("buttons")]
    if not buttons:
        return len(parts)
    at = buttons[-1]
    while at > 0 and (isinstance(parts[at - 1], Problem) or parts[at - 1].has_class("foot")):
        at -= 1
    return at


class FormDialog(Dialog[R]):
    """A form: every change to a field checks it again (`check`); Enter in a field or any button but Cancel saves
    (`save`, which goes on only with a form as typed that passed its check); Cancel answers `CANCEL`.

    A check worked out by the actions layer answers later, in a worker: `check` says `checking()` as it asks, and
    its answer `check_answered(passed)`. A save that comes meanwhile waits (`waits_for_check()` in `save`) and
    goes on once the check passes, or not at all."""

    _checking = False  # the form as typed is being checked (in a worker)
    _wanted = False  # Save (or Enter) came meanwhile: saved once the check passes
    FIELD_IDS: ClassVar[dict[str, str]] = {}  # a rule's field name -> its widget's id, where not field with - for _
    _tried = False  # a save was asked (Enter, a button): every problem is said

    def after_compose(self) -> None:
        self.check()
        if self._as_opened is None:
            self.call_after_refresh(self._remember_fields)

    # --- Escape after typing asks first ---

    _as_opened: dict[str, str] | None = None  # each text field as the form opened (kept over a language switch)

    def _remember_fields(self) -> None:
        if self._as_opened is None and self.is_attached:
            self._as_opened = {w.id: w.value for w in self.query(Input) if w.id}

    def _would_lose_typing(self) -> bool:
        """Whether a text field holds other than what it opened with: typing that Escape would throw away."""
        return self._as_opened is not None and any(
            w.value != self._as_opened.get(w.id, "") for w in self.query(Input) if w.id)

    def action_cancel(self) -> None:
        """Escape: closes the form at once if nothing was typed; else asks first (Escape is also the key that
        leaves a text field in a section, and a form of nine fields was lost to it without a word). The Cancel
        button, a choice made on purpose, closes it at once."""
        if not self._would_lose_typing():
            self.dismiss(self.CANCEL)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.CANCEL)

        self.app.push_screen(ConfirmDialog(lambda lang: t("dialog.discard", lang)), callback=answered)

    # --- what is wrong, said once the field was reached ---

    _touched_ids: set[str] | None = None  # the fields typed in, picked, switched or left (kept over a language switch)
    _told_now: dict[str, tuple[str, str | tuple[str, ...] | None]] | None = None  # each Problem's latest sentence and its field

    @property
    def _touched(self) -> set[str]:
        if self._touched_ids is None:
            self._touched_ids = set()
        return self._touched_ids

    @property
    def _told(self) -> dict[str, tuple[str, str | tuple[str, ...] | None]]:
        if self._told_now is None:
            self._told_now = {}
        return self._told_now

    def may_tell(self, field: str | tuple[str, ...] | None) -> bool:
        """A problem with `field` (a rule's field name; several: a problem between them, e.g. a promise without
        its date) is said once one of them was typed in or left, or a save was asked; one not about a field of
        this form (None, or a field it does not have) at once."""
        if self._tried or not field:
            return True
        for name in (field,) if isinstance(field, str) else field:
            wid = self.FIELD_IDS.get(name, name.replace("_", "-"))
            if not self.query(f"#{wid}") or wid in self._touched:
                return True
        return False

    def tell(self, problem: str, field: str | tuple[str, ...] | None = None, at: str = "#error") -> None:
        """Say `problem` (empty: nothing wrong) in the Problem `at`, if `may_tell(field)`; until then the disabled
        save button gives it as its reason."""
        self._told[at] = (problem, field)
        shown = problem if self.may_tell(field) else ""
        self.query_one(at, Problem).update(shown)
        for button in self.query(".buttons Button"):
            if button.id != "cancel":
                button.tooltip = None if not problem else (t("dialog.fix_first", self.lang) if shown else problem)

    def _reached(self, widget: Widget | None) -> None:
        """A field was typed in or left (or a save asked: None): say what waited for it."""
        if widget is not None:
            if not widget.id or widget.id in self._touched:
                return
            self._touched.add(widget.id)
        else:
            self._tried = True
            self.call_after_refresh(self._show_problem)
        for at, (problem, field) in list(self._told.items()):
            self.tell(problem, field, at)

    def _show_problem(self) -> None:
        """A save was asked and refused: the first problem said in the form, where it is above or below what
        the box shows (not in its foot), is scrolled into view, so the borrower sees why nothing was saved."""
        if not self.is_attached or not self.is_active:
            return
        for body in self.query("#dialog-body"):
            problem = next((p for p in body.query(Problem) if p.display and p.text), None)
            if problem is not None:
                body.scroll_to_widget(problem, animate=False, immediate=True)

    def on_descendant_blur(self, event) -> None:
        if isinstance(event.widget, (Input, Select, Switch)) and self.is_attached:
            self._reached(event.widget)

    def check(self) -> bool | None:
        """Check the form as typed: say what is wrong, and let it be saved only when nothing is."""
        return None

    def save(self) -> None:
        """Save the form as typed, if it passed its check."""

    def changed(self, field: Widget) -> None:
        """A field was typed into, picked or switched: check the form again."""
        self.check()

    def entered(self) -> None:
        """Enter in a field: save."""
        self.save()

    def pressed(self, button: Button) -> None:
        """Cancel answers `CANCEL`; another button saves."""
        if button.id == "cancel":
            self.dismiss(self.CANCEL)
        else:
            self._reached(None)
            self.save()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._touched.add(event.input.id or "")
        self.changed(event.input)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._touched.add(event.select.id or "")
        self.changed(event.select)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        self._touched.add(event.switch.id or "")
        self.changed(event.switch)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._reached(None)
        self.entered()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.pressed(event.button)

    def checking(self, asked: bool = True) -> None:
        """A check of the form as typed was asked (`asked`; False: none could be): a save waits for its answer."""
        self._checking = asked

    def check_answered(self, passed: bool) -> None:
        """The check asked last is answered (or stands no more): a save that waited goes on if it passed."""
        self._checking = False
        wanted, self._wanted = self._wanted, False
        if wanted and passed:
            self.save()

    def waits_for_check(self) -> bool:
        """True while the check of the form as typed is being worked out: the save asked now goes on once it
        passes."""
        if self._checking:
            self._wanted = True
        return self._checking


class ConfirmDialog(Dialog[bool]):
    """Names what will happen; nothing is done unless the borrower says yes."""

    BINDINGS = registry.bindings(registry.CONFIRM)
    CANCEL = False
    FIRST = "#no"  # the safe answer has the focus

    def __init__(self, message: str | Callable[[str], str]) -> None:
        """`message`: the words, or a function of the language (so a language switch rewords it)."""
        super().__init__()
        self.message = message

    def compose_dialog(self) -> ComposeResult:
        words = self.message(self.lang) if callable(self.message) else self.message
        yield Prose(words, id="message", classes="message")
        with Horizontal(classes="buttons"):
            yield Button(t("confirm.no", self.lang), variant="primary", id="no")
            yield Button(t("confirm.yes", self.lang), id="yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


