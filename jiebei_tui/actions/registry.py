"""Every action of the terminal app, declared once: its id, its default key, where it applies, and the words
that name it (in text/strings/app.py under `key.<name>`, `action.<name>` and `action.<name>.help`).

The key bar, the help screen's key list, the command palette and the keymap are all built from this list:
- each screen's `BINDINGS` come from `bindings(place)`, so every binding has the id `jiebei.<name>` that
  `settings.keymap` remaps (`{"jiebei.pay": "r"}`);
- the key bar (tui/widgets/footer.py) labels the active bindings with `key.<name>`;
- the help screen lists `action.<name>` under each place, with the key in force (keymap applied);
- the command palette offers every action with `palette=True`, running it where it applies.

Adding an action: one `Action(...)` line below, its three strings in text/strings/app.py (a test names any
missing), and the `action_<run>` method on the screen (or app) that performs it.

No Textual import here: the registry is data (a test imports it without Textual); `bindings()` imports
Textual's Binding only when a screen asks for its bindings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from textual.binding import Binding

APP = "app"  # everywhere a section is shown (and the palette and quit keys over dialogs too)
SECTIONS = ("status", "repay", "reminders", "overdue", "plan", "way_back")
DIALOG = "dialog"  # every dialog
CONFIRM = "confirm"  # yes/no confirmations
DAYS = "days"  # the Overdue section's days-late field (the same keys as the section, reaching the field too)
PAYMENTS = "payments"  # a loan's payments (Status, h): void or correct the selected one
PLACES = (APP, *SECTIONS, PAYMENTS, DIALOG, CONFIRM)  # the help screen's order


@value
class Action(Value):
    name: str  # id "jiebei.<name>"; words key.<name>, action.<name>, action.<name>.help
    run: str  # the Textual action performed, on the app (place "app") or on the screen of its place
    where: tuple[str, ...]  # places it applies: "app", section names, "dialog", "confirm", "days"
    key: str | None = None  # default key (Textual key names); None: the palette only
    bar: bool = True  # shown in the key bar
    palette: bool = True  # offered in the command palette
    group: str | None = None  # actions of one group show as one key-bar entry, worded group.<group>
    priority: bool = False  # checked before the focused widget; over a dialog only if check_action allows (quit)
    # a key that leads into a field: a priority binding (so the keys typed after it reach the field), and a plain
    # letter again while the focus is in a text field (SectionScreen.check_action)
    to_field: bool = False

    def __post_init__(self) -> None:
        if self.to_field:
            object.__setattr__(self, "priority", True)

    @property
    def id(self) -> str:
        return f"jiebei.{self.name}"

    @property
    def app_wide(self) -> bool:
        return APP in self.where

    def sections(self) -> tuple[str, ...]:
        return tuple(w for w in self.where if w in SECTIONS)


def _a(name: str, run: str, where: str | tuple[str, ...], key: str | None = None, **options) -> Action:
    return Action(name, run, (where,) if isinstance(where, str) else where, key, **options)


# In key-bar order: the section's own keys are listed before the app's (see tui/widgets/footer.py).
ACTIONS: tuple[Action, ...] = (
    # --- everywhere ---
    # The sections are priority keys, so the keys typed after one in the same breath reach the section it shows
    # ("2r2500": 2, 5 went to Status, then switched to Plan); in a text field a digit is the field's (app.py).
    _a("status", "section('status')", APP, "1", priority=True),
    _a("repay", "section('repay')", APP, "2", priority=True),
    _a("reminders", "section('reminders')", APP, "3", priority=True),
    _a("overdue", "section('overdue')", APP, "4", priority=True),
    _a("plan", "section('plan')", APP, "5", priority=True),
    _a("way_back", "section('way_back')", APP, "6", priority=True),
    _a("add", "add_loan", APP, "a"),
    _a("help", "help", APP, "question_mark"),
    _a("undo", "undo", APP, "u"),  # the last change of any kind, after a confirmation naming it
    _a("lang", "switch_language", APP),
    _a("theme", "change_theme", APP),
    _a("export", "export_calendar", APP),
    _a("palette", "command_palette", APP, "ctrl+p", palette=False, priority=True),  # over dialogs too
    _a("quit", "quit", APP, "ctrl+q", priority=True),
    _a("leave", "leave_field", SECTIONS, "escape", palette=False),  # on the bar in a text field only
    # Tab moves the focus before the next key is handed on: as the screen's own (non-priority) binding, keys
    # typed fast ("Car", Tab, "5000") all reached the first field, the focus moving only after them.
    _a("next_field", "focus_next", APP, "tab", bar=False, palette=False, priority=True),
    _a("previous_field", "focus_previous", APP, "shift+tab", bar=False, palette=False, priority=True),
    # --- Status (pay also on Repay) ---
    _a("pay", "pay", ("status", "repay"), "p"),
    _a("rename", "rename", "status", "e"),
    _a("delete", "delete", "status", "d"),
    # --- correcting the record: a loan's payments (void, correct), its contract terms, the auto-debit question ---
    _a("payments", "payments", "status", "h"),
    _a("edit_loan", "edit_loan", "status", "c"),
    _a("debited", "debited", "status", "b"),
    _a("void", "void", PAYMENTS, "v", palette=False),  # the payment selected in the table: no palette entry
    _a("edit_payment", "edit_payment", PAYMENTS, "e", palette=False),
    # --- Repay ---
    _a("settle", "settle", "repay", "s"),
    # r and b lead into a field: "r2500" typed in one breath went to the section (2, 5 switched sections)
    _a("prepay", "prepay", "repay", "r", to_field=True),
    _a("formulas", "formulas", "repay", "f"),
    # --- Reminders ---
    _a("new_rule", "new_rule", "reminders", "n"),
    _a("edit_rule", "edit_rule", "reminders", "e"),
    _a("delete_rule", "remove_rule", "reminders", "x"),
    _a("toggle_rule", "toggle_rule", "reminders", "space"),
    _a("test_reminder", "send_test", "reminders", "t"),  # through every channel that is on (remind test)
    # --- Overdue: the section and its days field both step (the field would otherwise move its cursor) ---
    _a("less", "step(-1)", ("overdue", DAYS), "left", group="days"),
    _a("more", "step(1)", ("overdue", DAYS), "right", group="days"),
    # --- Plan ---
    _a("apply_first", "apply_first", "plan", "f"),
    _a("new_scenario", "new_scenario", "plan", "n"),
    _a("add_change", "add_change", "plan", "c"),  # to the selected scenario
    _a("apply_scenario", "apply_scenario", "plan", "t"),
    _a("delete_scenario", "delete_scenario", "plan", "x"),
    _a("export_data", "export_data", "plan", "e"),
    # --- Way back: after a missed payment ---
    _a("budget", "budget", "way_back", "b", to_field=True),
    _a("letter", "letter", "way_back", "l"),
    _a("agreement", "agreement", "way_back", "r"),
    _a("new_contact", "new_contact", "way_back", "n"),
    _a("remove_contact", "remove_contact", "way_back", "x"),
    _a("contact_record", "contact_record", "way_back", "e"),
    # --- dialogs ---
    _a("yes", "answer(True)", CONFIRM, "y", palette=False),
    _a("no", "answer(False)", CONFIRM, "n", palette=False),
    _a("previous", "move(-1)", CONFIRM, "left", group="choose", palette=False),
    _a("next", "move(1)", CONFIRM, "right", group="choose", palette=False),
    _a("cancel", "cancel", DIALOG, "escape", palette=False),
)

BY_NAME: dict[str, Action] = {a.name: a for a in ACTIONS}
BY_ID: dict[str, Action] = {a.id: a for a in ACTIONS}


def actions(place: str) -> list[Action]:
    """The actions that apply in `place`, in declaration order."""
    return [a for a in ACTIONS if place in a.where]


def bindings(place: str) -> list[Binding]:
    """Textual bindings for `place` (a screen's BINDINGS). The description is English for Textual's own
    uses; what the user reads comes from the words, in the language in force."""
    from textual.binding import Binding

    from jiebei_tui.text.i18n import t

    return [
        Binding(a.key, a.run, t(f"key.{a.name}", "en"), show=a.bar, id=a.id, priority=a.priority)
        for a in actions(place)
        if a.key
    ]


def key_of(action: Action, keymap: dict[str, str] | None = None) -> str | None:
    """The key in force: the user's keymap (by binding id) over the default."""
    return (keymap or {}).get(action.id, action.key)


def label(action: Action, lang: str) -> str:
    """The short words of the key bar."""
    from jiebei_tui.text.i18n import t

    return t(f"key.{action.name}", lang)


def title(action: Action, lang: str) -> str:
    """The words of the palette and the help screen."""
    from jiebei_tui.text.i18n import t

    return t(f"action.{action.name}", lang)


def description(action: Action, lang: str) -> str:
    from jiebei_tui.text.i18n import t

    return t(f"action.{action.name}.help", lang)
