"""The frame every section shares: header, the urgent banner, the section's body, the key bar.
A section refreshes from the app's ledger whenever it is shown and whenever the ledger changes, and follows a
language switch (widgets/localized.py)."""

from __future__ import annotations

import functools

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input

from jiebei_tui.actions.registry import ACTIONS
from jiebei_tui.tui.widgets.banner import UrgentBanner
from jiebei_tui.tui.widgets.footer import KeyBar
from jiebei_tui.tui.widgets.localized import Localized


TO_FIELD = frozenset(a.run for a in ACTIONS if a.to_field)  # the keys that lead into a field (registry)
# The page's keys (Body's), kept for when nothing has the focus: Escape out of a text field leaves it nowhere, and
# then PageDown, End and the arrows reached nothing: what was below the fold (Repay's prepay result at 80×24)
# could be reached only by Tab. While the focus is in the page, Body (or the widget with it) takes them first.
PAGE_KEYS = (("up", "scroll_up"), ("down", "scroll_down"), ("pageup", "page_up"), ("pagedown", "page_down"),
             ("home", "scroll_home"), ("end", "scroll_end"))


def while_on_top(handler):
    """A section's button handler that acts only while the section is on top. A key pressing a section's button
    posts the press: two keys typed in one breath (e, n on Way back) queued both presses before the first one's
    dialog opened, and both dialogs opened, one over the other. The first dialog has the keyboard (or, worked out
    in a worker, will have: SectionScreen.dialog_after)."""

    @functools.wraps(handler)
    def on_top(self, event):
        if self.is_active and not self.dialog_coming:
            return handler(self, event)
        event.stop()
        return None

    return on_top


class SectionScreen(Localized, Screen):
    # Each section's BINDINGS = registry.bindings("<section>"), which include Escape: it leaves a text field,
    # so the keys of the section work again (in a field, a digit or a letter is the field's: app.check_action).
    BINDINGS = [Binding(key, action, show=False) for key, action in PAGE_KEYS]

    def _scroll_page(self, action: str) -> None:
        for body in self.query("#body"):
            getattr(body, f"action_{action}")()

    def action_scroll_up(self) -> None:
        self._scroll_page("scroll_up")

    def action_scroll_down(self) -> None:
        self._scroll_page("scroll_down")

    def action_page_up(self) -> None:
        self._scroll_page("page_up")

    def action_page_down(self) -> None:
        self._scroll_page("page_down")

    def action_scroll_home(self) -> None:
        self._scroll_page("scroll_home")

    def action_scroll_end(self) -> None:
        self._scroll_page("scroll_end")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A section made for its first visit is styled as its widgets mount, from the stylesheet as it is now. But
        # a new Screen starts with its count of CSS updates at -1, behind the app's, and Textual then re-reads
        # and re-applies every stylesheet of the app, twice (in _init_mode, which marks only the screen being
        # left as up to date, and again in switch_mode): 30-80 ms of a first visit for nothing. Marked up to
        # date here, it is still refreshed if the CSS changes while it is away (a new theme). At the app's start
        # too (Status): the stylesheet was just read with the theme's variables, and a saved theme is set in the
        # app's on_mount, which restyles everything anyway.
        self._styled_now()

    def _styled_now(self) -> None:
        self._css_update_count = self.app._css_update_count

    _coming = None  # the worker whose answer a dialog waits for (dialog_after): other keys' dialogs wait for it

    def dialog_after(self, worker) -> None:
        """A dialog opens once `worker` has its answer (a removal's confirmation names what goes with it; paying
        asks first what paying early does). Until then no other key opens one: the first key pressed wins (p, s
        typed in one breath on Repay opened Settle; d, c on Status opened nothing)."""
        self._coming = worker

    @property
    def dialog_coming(self) -> bool:
        return self._coming is not None and not self._coming.is_finished

    def open_dialog(self, dialog, callback=None, *, worked_out: bool = False) -> None:
        """Open a dialog over this section, unless one is up already or on its way (dialog_after): two keys
        typed in one breath opened two dialogs, one over the other. `worked_out`: this is the dialog on its way."""
        if worked_out:
            self._coming = None
        elif self.dialog_coming:
            return
        if self.is_active:
            self.app.push_screen(dialog, callback=callback)

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":  # "esc Leave field" on the key bar only while in a text field (the way out)
            return isinstance(self.focused, Input)
        if action in TO_FIELD and isinstance(self.focused, Input):
            return None  # a priority key, typed in a text field: the letter is the field's (dimmed on the bar)
        return True

    def go_to_field(self, selector: str) -> None:
        """Put the focus in a field now, for a key that leads into one (r, b). Textual's focus() waits a turn, so
        the keys typed after it in one breath ("r2500") went to the section: 2 and 5 switched sections."""
        field = self.query_one(selector, Input)
        self.set_focus(field, scroll_visible=False)
        field.scroll_visible(animate=False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield UrgentBanner(id="banner")
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def lang(self) -> str:
        return self.app.lang

    _shown: tuple | None = None
    _set_up = False  # on_mount has run: a section's own state (set in its on_mount) exists

    def on_mount(self) -> None:
        if not self.is_attached:  # the app is closing (a quit while this section was made ahead): nothing to set up
            return
        self._styled_now()  # its widgets were just styled (Status at the app's start: else its next showing refreshes)
        self.shown_lang = self.lang
        self._set_up = True
        self.after_compose()

    def after_compose(self) -> None:
        """The section's set-up after compose (subclasses extend it, then call this), then a full redraw."""
        self.refresh_view(force=True)

    made_ahead = False  # built out of sight at launch (app._prepare) and not shown yet

    def on_idle(self) -> None:
        # Textual lays a screen out only while it is shown: a section made ahead was laid out on its first visit,
        # four times over as its widgets, sized for the first time, asked again (Plan: 150 ms, against 12 for a
        # later visit). Until it is shown, it is laid out at the app's size whenever its widgets ask.
        if self.made_ahead and self._layout_required and not self.is_current:
            self._layout_required = False
            self._refresh_layout(self.app.size)

    @property
    def laid_out_ahead(self) -> bool:
        """Made ahead, drawn and laid out at the app's size, with nothing left to lay out (what a first visit
        finds)."""
        return (self.made_ahead and self._shown is not None and self.size == self.app.size
                and not self._layout_required)

    async def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.made_ahead = False
        # Textual restyles every widget of a screen it switches to, in case the CSS changed while it was away.
        # A section is left only for another section, and switch_mode itself re-applies CSS that did change
        # (a new theme): restyling sixty unchanged widgets again was most of a section switch's time.
        # (This handler runs before Screen's own, which reads the flag.)
        event.refresh_styles = False
        self.app.release_notifications()  # held while a dialog was up
        await self.follow_language()
        self.refresh_view()

    def on_resize(self) -> None:
        self.refresh_view()

    def refresh_view(self, force: bool = False) -> None:
        """Show the app's current ledger — only when something it shows has changed (the ledger, the selected
        loan, the language, the width), so switching sections does not rebuild every table."""
        # Not (all) composed yet, or composed but not yet mounted (a section built ahead while a write lands, whose
        # on_mount has not set up its state): drawn once it is.
        if self.rebuilding or not self._set_up or not self.query(UrgentBanner):
            return
        if self.app.ledger is None:  # still reading it: the banner says so; drawn when it arrives
            self.query_one(UrgentBanner).update_from(None, self.lang, loading=True)
            return
        shown = (self.app.version, self.app.selected_loan, self.lang, self.size.width)
        if shown == self._shown and not force:
            return
        self._shown = shown
        self.render_view()

    def render_view(self) -> None:
        """Draw the section from the app's ledger. Subclasses extend this."""
        self.query_one(UrgentBanner).update_from(self.app.urgent, self.lang, loading=self.app.ledger is None)
