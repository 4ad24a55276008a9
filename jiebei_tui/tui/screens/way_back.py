"""6 · Way back: after a missed payment. What a monthly budget does across the loans, month by month with a
stage strip; what to ask the lender, with the figures it would see (illustrative), the request letter and
recording what the lender agreed; the collection contact log checked against the rules, and its record for a
complaint; the credit record (征信) timeline with the lender's reporting day.

Every figure comes from the actions layer (actions/hardship.py, contacts.py, credit.py), run in a thread worker
through `app.act`; what it returns is kept and drawn in the language in force, so a language switch or a resize
redraws without asking again. A result that arrives after a newer question was asked is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Select, Switch

from jiebei_tui.actions import registry
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.restructure import MAX_RESTRUCTURE_TERM
from jiebei_tui.text import way_back as words
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import shorten, width
from jiebei_tui.tui.widgets.body import Body
from jiebei_tui.tui.widgets.figure import FigureInput
from jiebei_tui.tui.widgets.pairs import Pairs
from jiebei_tui.tui.widgets.prose import Problem, Prose, Said
from jiebei_tui.tui.widgets.refusal import refusal
from jiebei_tui.tui.widgets.section import SectionScreen, while_on_top
from jiebei_tui.tui.widgets.stage_strip import StageStrip, stage_style
from jiebei_tui.tui.widgets.tables import fill

if TYPE_CHECKING:
    from jiebei_tui.actions.credit import Timeline
    from jiebei_tui.actions.hardship import Way
    from jiebei_tui.domain.contacts import CheckedContact
    from jiebei_tui.domain.request import LenderRequest

NARROW = 100  # below this width the tables keep their essential columns
PADDING = 2  # a table cell's padding, both sides together
FRAME = 4  # a panel's border and padding, both sides together
MIN_CELL = 6
LABELS = {"budget": "way.budget", "from": "way.from", "order": "way.order", "report_day": "way.report_day"}
PLAN_WIDE = words.PLAN_COLUMNS
PLAN_NARROW = ("on", "paid", "penalty", "owed_after", "stage", "still_overdue")  # the month's number: in the strip
CONTACT_WIDE = ("id", "loan", "at", "channel", "from", "promise", "flags")
CONTACT_NARROW = ("id", "at", "channel", "from", "flags")
FLEXIBLE_PLAN = ("still_overdue", "cleared")  # the columns that give way, in this order, on a narrow terminal
FLEXIBLE_CONTACT = ("from", "channel", "promise", "flags")


def fitted(columns: list[tuple[str, str]], rows: list[list[str]], room: int, flexible: tuple[str, ...]) -> dict[str, int]:
    """Column widths that fit `room`: each as wide as what it shows, the `flexible` ones (in that order) giving
    way, down to MIN_CELL, when the table would be wider."""
    sizes = {key: max([width(heading)] + [width(row[n]) for row in rows]) for n, (key, heading) in enumerate(columns)}
    over = sum(size + PADDING for size in sizes.values()) - room
    for key in flexible:
        if over <= 0:
            break
        if key in sizes:
            cut = min(over, sizes[key] - MIN_CELL)
            if cut > 0:
                sizes[key] -= cut
                over -= cut
    return sizes


class WayBackScreen(SectionScreen):
    BINDINGS = registry.bindings("way_back")
    DEFAULT_CSS = """
    WayBackScreen .form-row { height: auto; }
    WayBackScreen .form-row Label { padding: 1 1 0 0; }
    WayBackScreen .switch-row { height: auto; }
    WayBackScreen .switch-row Label { padding: 1 0 0 1; }
    WayBackScreen #budget { width: 16; }
    WayBackScreen .date { width: 17; }
    WayBackScreen #order { width: 1fr; max-width: 44; }
    WayBackScreen #request-loan { width: 1fr; max-width: 60; }
    WayBackScreen #report-day { width: 8; }
    WayBackScreen #months { max-height: 14; overflow-x: hidden; }
    WayBackScreen #contacts { max-height: 10; overflow-x: hidden; }
    WayBackScreen .subtitle { text-style: bold; margin: 1 0 0 0; }
    WayBackScreen .gap { margin: 1 0 0 0; }
    WayBackScreen .buttons { height: auto; margin: 1 0 0 0; }
    WayBackScreen.-no-open .open-only { display: none; }  /* no loan open: nothing to plan or ask, only #need-loans */
    WayBackScreen.-no-loan .loan-only { display: none; }  /* no loan at all: no contact to record either */
    """

    def compose_body(self) -> ComposeResult:
        lang, today = self.lang, self.app.today.isoformat()
        with Body(id="body"):
            yield Label(t("way.title", lang), classes="section-title")
            yield Said("", id="need-loans", classes="hint")
            yield Prose(t("way.intro", lang), classes="hint open-only")
            # --- what I can afford ---
            with Vertical(classes="panel open-only", id="plan-panel"):
                with Horizontal(classes="form-row"):
                    yield Label(t("way.budget", lang))
                    yield FigureInput("", id="budget", placeholder=t("way.budget_placeholder", lang))
                    yield Label(t("way.from", lang))
                    yield FigureInput(today, id="from", classes="date")
                with Horizontal(classes="form-row"):
                    yield Label(t("way.order", lang))
                    yield Select([(t(f"afford.order.{o}", lang), o) for o in ("oldest", "costliest")], id="order",
                                 allow_blank=False, value="oldest")
                yield Problem(id="budget-error")
                yield Prose("", id="normal-month", classes="hint")
                yield Prose("", id="plan-heading", classes="subtitle")
                yield Prose("", id="plan-summary")
                yield Label(t("way.strip", lang), id="strip-title", classes="subtitle")
                yield StageStrip(id="strip")
                yield DataTable(id="months", cursor_type="row", zebra_stripes=True, classes="gap")
                yield Prose("", id="outcomes", classes="gap")
                yield Prose("", id="plan-rules", classes="hint gap")
            # --- what to ask the lender ---
            with Vertical(classes="panel open-only", id="request-panel"):
                yield Label(t("way.request_title", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("way.request_loan", lang))
                    yield Select([], id="request-loan", allow_blank=True, prompt=t("repay.pick_loan", lang))
                with Horizontal(classes="switch-row"):
                    yield Switch(True, id="ask-penalty")
                    yield Label(t("way.ask_penalty", lang))
                with Horizontal(classes="switch-row"):
                    yield Switch(False, id="ask-interest")
                    yield Label(t("way.ask_interest", lang))
                yield Prose("", id="request-heading", classes="subtitle")
                yield Pairs(id="request-standing")
                yield Prose("", id="request-options", classes="gap")
                yield Pairs(id="request-asked", classes="gap")
                yield Prose("", id="request-rules", classes="hint gap")
                with Horizontal(classes="buttons"):
                    yield Button(t("way.letter_button", lang), id="letter", variant="primary")
                    yield Button(t("way.agreement_button", lang), id="agreement")
            # --- the collection contact log ---
            with Vertical(classes="panel", id="contacts-panel"):
                yield Label(t("way.contacts_title", lang), classes="panel-title")
                yield Prose("", id="contacts-count")
                yield DataTable(id="contacts", cursor_type="row", zebra_stripes=True)
                yield Prose("", id="contact-flags", classes="gap")
                with Horizontal(classes="buttons loan-only"):
                    yield Button(t("way.add_contact_button", lang), id="add-contact", variant="primary")
                    yield Button(t("way.remove_contact_button", lang), id="remove-contact")
                    yield Button(t("way.record_button", lang), id="save-record")
                yield Label(t("report.rules", lang), classes="subtitle")
                yield Prose(self.rules_text(), id="contact-rules", classes="hint")
            # --- the credit record ---
            with Vertical(classes="panel", id="credit-panel"):
                yield Label(t("way.credit_title", lang), classes="panel-title")
                with Horizontal(classes="form-row"):
                    yield Label(t("way.report_day", lang))
                    yield FigureInput("", id="report-day")
                    yield Button(t("way.save_day", lang), id="save-day")
                yield Problem(id="day-error")
                yield Pairs(id="credit", classes="gap")
                yield Prose("", id="credit-notes", classes="hint gap")

    def rules_text(self) -> str:
        from jiebei_tui.domain.contacts import RULES
        from jiebei_tui.text.complaint import rule_text

        lang = self.lang
        return "\n".join([*(f"· {rule_text(rule, lang)}" for rule in RULES), t("rules.illustrative", lang)])

    def after_compose(self) -> None:
        for table_id in ("#months", "#contacts"):
            self.query_one(table_id, DataTable).can_focus = True
        if not hasattr(self, "_asked"):
            self._asked = {"way": 0, "contacts": 0, "credit": 0}  # the latest question of each kind
            self._way: Way | None = None
            self._way_error: InputError | None = None
            self._contacts: list[CheckedContact] | None = None
            self._timeline: Timeline | None = None
            self._day_put: str | None = None  # what the reporting-day field was last given from the ledger
            self._day_error: InputError | None = None
            self._picked: str | None = None  # the loan picked here for a request (None: not yet)
        super().after_compose()

    # --- the keys ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("budget", "letter", "agreement") and not self.open_loans():
            return None  # no loan open: dimmed on the key bar (pressed, they went to a field with nothing to plan)
        if action in ("new_contact", "remove_contact", "contact_record") and not self.app.states:
            return None  # no loan at all: no contact can be recorded for one
        return super().check_action(action, parameters)

    def open_loans(self) -> list:
        return [s for s in self.app.states if not s.paid_off]

    def action_budget(self) -> None:
        self.go_to_field("#budget")

    def action_letter(self) -> None:
        self.press("#letter")

    def action_agreement(self) -> None:
        self.press("#agreement")

    def action_new_contact(self) -> None:
        self.press("#add-contact")

    def action_remove_contact(self) -> None:
        self.press("#remove-contact")

    def action_contact_record(self) -> None:
        self.press("#save-record")

    def press(self, button_id: str) -> None:
        """Press a button; when it cannot act, say why and go where it can be made to (the budget, a contact)."""
        button = self.query_one(button_id, Button)
        button.scroll_visible(animate=False)
        if not button.disabled:
            button.press()
        elif button_id in ("#letter", "#agreement"):
            # why nothing opens, in a sentence (the panel's line), then the budget, where it can be changed
            self.app.notify(self.no_request_reason() if button_id == "#letter" else t("way.no_loans", self.lang))
            self.action_budget()
        elif button_id == "#remove-contact":
            self.app.notify(t("way.select_contact", self.lang))

    # --- asking the actions layer, in a worker ---

    @property
    def drawable(self) -> bool:
        """Not while a language switch rebuilds the screen: what arrives meanwhile is kept, and drawn once it is
        built again (after_compose redraws everything)."""
        return not self.rebuilding and self.is_attached

    def ask(self, kind: str, action, *args, shown, **kwargs) -> None:
        """Run `action` through the app's worker; `shown(result or error)` only if no newer question of the same
        kind was asked meanwhile."""
        self._asked[kind] += 1
        serial = self._asked[kind]

        def answer(result) -> None:
            if serial == self._asked[kind]:
                shown(result)  # kept, and drawn when the screen can be (see drawable)

        self.app.act(action, *args, done=answer, refused=answer, **kwargs)

    def render_view(self) -> None:
        super().render_view()
        from jiebei_tui.actions import contacts, credit

        self.show_need_loans()
        self.fill_loans()
        self.show_normal_month()
        self.ask_way()
        self.ask("contacts", contacts.contacts, shown=self.got_contacts)
        self.ask("credit", credit.timeline, shown=self.got_timeline)
        self.show_way()  # what was found before, drawn again at once (a new width or language)
        self.show_contacts()
        self.show_credit()

    def show_need_loans(self) -> None:
        """No loan open: one line saying so (and, with no loan at all, which key adds one) in place of the budget
        plan and the request (which would have nothing to work on); their keys dim. With no loan at all the
        contact buttons go too. The rules and the credit record stay. A loan added brings everything back."""
        no_loan, no_open = not self.app.states, not self.open_loans()
        lang = self.lang
        line = (t("way.need_loans", lang, press=self.app.key_shown("add")) if no_loan
                else t("way.all_paid_off", lang) if no_open else "")
        self.query_one("#need-loans", Said).update(line)
        hidden = {"open-only"} if no_open else set()
        if no_loan:
            hidden.add("loan-only")
        if self.focused is not None and any(w.has_class(h) for w in self.focused.ancestors_with_self for h in hidden):
            self.set_focus(None)  # its field is hidden now (the last loan undone, or settled, while in it)
        self.set_class(no_open, "-no-open")
        self.set_class(no_loan, "-no-loan")
        self.refresh_bindings()

    def fill_loans(self) -> None:
        """The loans a request can be about: those still open, the longest overdue first (a borrower may ask
        before missing a payment, so the others follow). Picked at first: the longest overdue, else the loan
        selected elsewhere; then what was picked here."""
        select = self.query_one("#request-loan", Select)
        open_loans = sorted((s for s in self.app.states if not s.paid_off), key=lambda s: -s.days_overdue)
        with self.prevent(Select.Changed):
            select.set_options([(Content(f"{s.record.id} · {visible(s.record.name)}"), s.record.id) for s in open_loans])
            ids = [s.record.id for s in open_loans]
            if ids:
                overdue = open_loans[0].record.id if open_loans[0].days_overdue > 0 else None
                chosen = self.app.selected_loan if self.app.selected_loan in ids else ids[0]
                select.value = self._picked if self._picked in ids else overdue or chosen

    def show_normal_month(self) -> None:
        """What the loans ask in a month as contracted: the yardstick for a budget."""
        from jiebei_tui.actions.facts import normal_month

        total = normal_month(self.app.states)
        note = self.query_one("#normal-month", Prose)
        note.update(t("way.normal_month", self.lang, amount=total) if total else t("way.no_loans", self.lang))

    # --- the budget plan and the requests ---

    def ask_way(self) -> None:
        from jiebei_tui.actions import hardship

        budget = self.query_one("#budget", Input).value.strip()
        if not budget:
            self._asked["way"] += 1  # an answer still on its way is no longer wanted
            self._way, self._way_error = None, None
            self.show_way()
            return
        start = self.query_one("#from", Input).value.strip() or None
        order = self.query_one("#order", Select).value
        self.ask("way", hardship.way_back, budget, start, order, shown=self.got_way,
                 waive_penalty=self.query_one("#ask-penalty", Switch).value,
                 waive_interest=self.query_one("#ask-interest", Switch).value)

    def got_way(self, found) -> None:
        if isinstance(found, InputError):
            self._way, self._way_error = None, found
        elif isinstance(found, Exception):
            self._way, self._way_error = None, None
            self.app.notify(found.sentence(self.lang), severity="error")
        else:
            self._way, self._way_error = found, None
        self.show_way()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("budget", "from"):
            self.ask_way()
        elif event.input.id == "report-day":
            self._day_error = None
            self.query_one("#day-error", Problem).update("")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "order":
            self.ask_way()
        elif event.select.id == "request-loan" and event.value is not Select.NULL:
            self.app.selected_loan = self._picked = event.value
            self.show_request()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id in ("ask-penalty", "ask-interest"):
            self.ask_way()

    def room(self, table_id: str, rows: int) -> int:
        """The columns a table may take: the section's width less the body's scrollbar, the panel's frame and,
        when its rows are more than it shows at once, the table's own scrollbar."""
        table = self.query_one(table_id, DataTable)
        shown = int(table.styles.max_height.value) - 1 if table.styles.max_height else rows  # less the heading
        room = self.size.width - self.query_one("#body").styles.scrollbar_size_vertical - FRAME
        return room - (table.styles.scrollbar_size_vertical if rows > shown else 0)

    def show_way(self) -> None:
        if not self.drawable:
            return
        lang, way, err = self.lang, self._way, self._way_error
        error = self.query_one("#budget-error", Problem)
        error.update(refusal(err, lang, LABELS) if err else "")
        plan_parts = ("#plan-heading", "#plan-summary", "#strip-title", "#strip", "#months", "#outcomes", "#plan-rules")
        if way is None:
            for part in plan_parts:
                self.query_one(part).display = False
            if err is None:
                self.query_one("#plan-summary", Prose).update(t("way.no_budget", lang))
                self.query_one("#plan-summary").display = True
            self.show_request()
            return
        for part in plan_parts:
            self.query_one(part).display = True
        plan = way.plan
        self.query_one("#plan-heading", Prose).update(words.plan_heading(plan, lang))
        self.query_one("#plan-summary", Prose).update(words.plan_summary(plan, way.owed_if_nothing_paid, lang))
        self.query_one(StageStrip).show(words.stage_strip(plan))
        self.fill_months(way)
        self.query_one("#outcomes", Prose).update("\n".join(words.outcome_line(o, way.names, lang) for o in plan.loans))
        self.query_one("#plan-rules", Prose).update(t("afford.rules", lang, order=words.order_words(plan.order, lang)))
        for part in ("#strip-title", "#strip", "#months", "#outcomes"):
            self.query_one(part).display = bool(plan.months)
        self.show_request()

    def fill_months(self, way: Way) -> None:
        lang, table = self.lang, self.query_one("#months", DataTable)
        keys = PLAN_WIDE if self.size.width >= NARROW else PLAN_NARROW
        index = [PLAN_WIDE.index(k) for k in keys]
        rows = [[row[i] for i in index] for row in words.plan_rows(way.plan, lang)]
        columns = [(k, t(f"way.col.{k}", lang)) for k in keys]
        sizes = fitted(columns, rows, self.room("#months", len(rows)), FLEXIBLE_PLAN)
        right = {keys.index(PLAN_WIDE[i]) for i in words.PLAN_RIGHT if PLAN_WIDE[i] in keys}
        stage = keys.index("stage")
        cells = []
        for no, row in enumerate(rows):
            line: list[str | Text] = []
            for n, cell in enumerate(row):
                cell = shorten(cell, sizes[keys[n]])
                if n == stage:
                    line.append(Text(cell, style=stage_style(self.app, cell)))
                elif n in right:
                    line.append(Text(cell, justify="right"))
                else:
                    line.append(cell)
            cells.append((str(no + 1), line))
        row = table.cursor_row
        fill(table, columns, cells, widths={k: sizes[k] for k in FLEXIBLE_PLAN if k in sizes})
        if cells:
            table.move_cursor(row=min(row, len(cells) - 1), scroll=False)

    def request(self) -> LenderRequest | None:
        if self._way is None:
            return None
        loan = self.query_one("#request-loan", Select).value
        return self._way.hardship.request(loan) if isinstance(loan, str) else None

    def no_request_reason(self) -> str:
        """Why there is no request to show (nor a letter to write): no budget yet, no loan, or a budget that leaves
        nothing for this loan."""
        lang = self.lang
        if self._way is None:
            loan = self.query_one("#request-loan", Select).value
            return t("way.request_needs_budget", lang) if isinstance(loan, str) else t("way.no_loans", lang)
        return t("way.no_request", lang)

    def show_request(self) -> None:
        if not self.drawable:
            return
        lang = self.lang
        loan = self.query_one("#request-loan", Select).value
        request = self.request()
        heading, standing = self.query_one("#request-heading", Prose), self.query_one("#request-standing", Pairs)
        options, asked = self.query_one("#request-options", Prose), self.query_one("#request-asked", Pairs)
        rules = self.query_one("#request-rules", Prose)
        self.query_one("#letter", Button).disabled = request is None
        self.query_one("#agreement", Button).disabled = not isinstance(loan, str)
        if request is None:
            heading.update("")
            heading.display = False
            standing.show([])
            asked.show([])
            rules.update("")
            rules.display = False
            options.update(self.no_request_reason())
            return
        heading.display = True
        heading.update(words.request_heading(request, lang))
        standing.show(words.standing_pairs(request, lang))
        options.update("\n".join(f"· {line}" for line in words.option_lines(request, lang)))
        asked.show(words.asked_pairs(request, lang))
        rules.display = True
        rules.update(t("request.rules", lang, max=MAX_RESTRUCTURE_TERM, source=t("source.credit_card_art70", lang)))

    # --- contacts ---

    def got_contacts(self, found) -> None:
        if isinstance(found, Exception):
            self.app.notify(found.sentence(self.lang), severity="error")
            return
        self._contacts = list(found)
        self.show_contacts()

    def show_contacts(self) -> None:
        if not self.drawable:
            return
        lang, found = self.lang, self._contacts
        table = self.query_one("#contacts", DataTable)
        count = self.query_one("#contacts-count", Prose)
        if found is None:
            return
        flagged = sum(1 for c in found if c.flagged)
        count.update(t("way.contacts_count", lang, n=len(found), flagged=flagged) if found else t("contacts.none", lang))
        table.display = bool(found)
        keys = CONTACT_WIDE if self.size.width >= NARROW else CONTACT_NARROW
        index = [CONTACT_WIDE.index(k) for k in keys]
        rows = [[row[i] for i in index] for row in (words.contact_row(c, lang, long_flags=False) for c in found)]
        columns = [(k, t(f"way.col.{k}", lang)) for k in keys]
        sizes = fitted(columns, rows, self.room("#contacts", len(rows)), FLEXIBLE_CONTACT)
        cells = []
        for c, row in zip(found, rows):
            line: list[str | Text] = [shorten(cell, sizes[keys[n]]) for n, cell in enumerate(row)]
            if c.flagged:
                flags = keys.index("flags")
                line[flags] = Text(str(line[flags]), style=stage_style(self.app, "M2"))
            cells.append((c.contact.id, line))
        row = table.cursor_row
        fill(table, columns, cells, widths={k: sizes[k] for k in FLEXIBLE_CONTACT if k in sizes})
        if cells:
            table.move_cursor(row=min(row, len(cells) - 1), scroll=False)
        self.query_one("#remove-contact", Button).disabled = not found
        self.show_selected_contact()

    def selected_contact(self) -> CheckedContact | None:
        table = self.query_one("#contacts", DataTable)
        if not self._contacts or table.row_count == 0:
            return None
        return self._contacts[min(table.cursor_row, len(self._contacts) - 1)]

    def show_selected_contact(self) -> None:
        """The selected contact's flags in full, each with its rule and its sources."""
        if not self.drawable:
            return
        from jiebei_tui.text.complaint import flag_text, rule_text

        lang, c = self.lang, self.selected_contact()
        flags = self.query_one("#contact-flags", Prose)
        if c is None:
            flags.update("")
            flags.display = False
            return
        contact = c.contact
        lines = [t("way.contact_selected", lang, id=contact.id, at=f"{contact.at:%Y-%m-%d %H:%M}", who=visible(contact.who))]
        if contact.note:
            lines.append(visible(contact.note))
        for flag in c.flags:
            lines.append(t("contacts.breaks", lang, flag=flag_text(flag, lang)))
            lines.append("  " + rule_text(flag.rule, lang))
        if not c.flags:
            lines.append(t("contacts.no_flags", lang))
        flags.display = True
        flags.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "contacts":
            self.show_selected_contact()

    # --- the credit record ---

    def got_timeline(self, found) -> None:
        if isinstance(found, Exception):
            self.app.notify(found.sentence(self.lang), severity="error")
            return
        self._timeline = found
        self.show_credit()

    def show_credit(self) -> None:
        if not self.drawable:
            return
        lang, timeline = self.lang, self._timeline
        if timeline is None:
            return
        field = self.query_one("#report-day", Input)
        stored = "" if timeline.report_day is None else str(timeline.report_day)
        if self._day_put is None or field.value == self._day_put:  # a value being typed is kept
            with self.prevent(Input.Changed):
                field.value = stored
            self._day_put = stored
        entries: list[tuple[str | None, str]] = []
        for record, outlook in timeline.loans:
            entries.append((None, t("way.loan_line", lang, loan=record.id, name=visible(record.name))))
            entries += words.credit_pairs(record, outlook, lang)
        self.query_one("#credit", Pairs).show(entries)
        self.query_one("#credit-notes", Prose).update("\n".join(words.credit_notes(timeline.report_day, lang)))
        err = self._day_error
        self.query_one("#day-error", Problem).update(refusal(err, lang, LABELS) if err else "")

    def save_day(self) -> None:
        from jiebei_tui.actions import credit

        typed = self.query_one("#report-day", Input).value.strip()

        def saved(result) -> None:
            if isinstance(result, InputError):
                self._day_error = result
                self.show_credit()
                return
            if isinstance(result, Exception):
                self.app.notify(result.sentence(self.app.lang), severity="error")
                return
            self._day_error = None
            self._day_put = None  # show the day as saved
            lang = self.app.lang
            day = words.report_day_words(result.day, lang) if result.day is not None else t("credit.unknown", lang)
            self.app.notify(t("credit.day_saved" if result.changed else "credit.day_unchanged", lang, day=day))
            self.show_credit()

        self.app.act(credit.set_report_day, typed or "unknown", done=saved, refused=saved)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "report-day":
            event.stop()
            self.save_day()

    # --- the buttons ---

    @while_on_top
    def on_button_pressed(self, event: Button.Pressed) -> None:
        handlers = {
            "save-day": self.save_day,
            "letter": self.open_letter,
            "agreement": self.open_agreement,
            "add-contact": self.open_contact_form,
            "remove-contact": self.confirm_remove,
            "save-record": self.open_record,
        }
        handler = handlers.get(event.button.id or "")
        if handler is not None:
            event.stop()
            handler()

    def open_letter(self) -> None:
        from jiebei_tui.tui.screens.letter import LetterDialog

        request = self.request()
        if request is not None:
            self.open_dialog(LetterDialog(request))

    def open_agreement(self) -> None:
        from jiebei_tui.tui.screens.agreement import AgreementDialog

        loan = self.query_one("#request-loan", Select).value
        if isinstance(loan, str):
            self.open_dialog(AgreementDialog(loan, self.request()))

    def open_contact_form(self) -> None:
        from jiebei_tui.tui.screens.contact_form import ContactForm

        loan = self.query_one("#request-loan", Select).value
        self.open_dialog(ContactForm(loan if isinstance(loan, str) else self.app.selected_loan))

    def open_record(self) -> None:
        from jiebei_tui.tui.screens.contact_record import RecordDialog

        self.open_dialog(RecordDialog())

    def confirm_remove(self) -> None:
        from jiebei_tui.actions import contacts
        from jiebei_tui.tui.widgets.dialog import ConfirmDialog

        c = self.selected_contact()
        if c is None:
            self.app.notify(t("way.select_contact", self.lang))
            return
        contact = c.contact
        at, who = f"{contact.at:%Y-%m-%d %H:%M}", visible(contact.who)

        def removed(gone) -> None:
            self.app.notify(t("contacts.removed", self.app.lang, id=gone.id, loan=gone.loan_id, at=at))

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.act(contacts.remove_contact, contact.id, done=removed)

        self.open_dialog(ConfirmDialog(lambda lang: t("contact.confirm_remove", lang, id=contact.id, at=at, who=who)),
                             callback=answered)
