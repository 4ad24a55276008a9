"""`undo` and `recover --list | --from-backup [N] | --start-empty [--force]`: going back."""

from __future__ import annotations

from jiebei_tui.cli import output
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.domain.terms import parse_in_range
from jiebei_tui.text.i18n import STRINGS, t
from jiebei_tui.text.safe import visible


def add_parsers(sub) -> None:
    p = command(sub, "recover", cmd_recover, "list the backups, restore one, or start empty (the file there is kept)")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--list", action="store_true", help="the backups, newest first: when, loans, payments, revision")
    how.add_argument(
        "--from-backup", nargs="?", const="newest", metavar="N",
        help="restore backup N (default: the newest that can be used); the file there is kept",
    )
    how.add_argument("--start-empty", action="store_true", help="start an empty ledger (the file there is kept)")
    p.add_argument("--force", action="store_true", help="replace a ledger that is readable (it is kept as backup 1)")
    command(sub, "undo", cmd_undo, "undo the last change (again: the one before), from the backups")


def cmd_recover(ctx: Context) -> int:
    from jiebei_tui.actions import history
    from jiebei_tui.text.backups import when

    account, args, lang = ctx.account, ctx.args, ctx.lang
    if args.list:
        gens = history.generations(account)
        ctx.out({"backups": [output.generation_json(g) for g in gens]}, lambda: output.generations_text(account.path, gens, lang))
        return EXIT_OK
    if args.from_backup is not None:
        number = None if args.from_backup == "newest" else parse_in_range(args.from_backup, "from_backup", "backup_number", 1, 9999)
        done = history.recover_from_backup(account, number, force=args.force)
        g = done.restored
        text = t("recover.from", lang, path=visible(str(done.path)), number=g.number, backup=g.path.name, saved=when(g.saved),
                 loans=g.loans, payments=g.payments, revision=g.revision)
    else:
        done = history.start_empty(account, force=args.force)
        text = t("recover.started_empty", lang, path=visible(str(done.path)), aside="")
    if done.kept:
        text += t("recover.kept", lang, kept=visible(done.kept.name))
    if done.aside:
        text += t("recover.aside", lang, aside=visible(str(done.aside)))
    ctx.out(output.recovered_json(done), text)
    return EXIT_OK


def cmd_undo(ctx: Context) -> int:
    from jiebei_tui.actions import history
    from jiebei_tui.text.backups import when

    try:
        done = history.undo(ctx.account)
    except history.UndoRefused as refused:
        ctx.out({"undone": None, "reason": refused.sentence("en")}, refused.sentence(ctx.lang))
        return refused.exit_code
    change = done.change
    source = t(f"source.{change.source}", ctx.lang) if f"source.{change.source}" in STRINGS else change.source
    text = t("undo.done", ctx.lang, what=history.ChangeWords(change).render(ctx.lang), at=when(change.at),
             source=source, revision=done.revision)
    ctx.out({"undone": output.change_json(change), "restored_revision": done.restored, "revision": done.revision}, text)
    return EXIT_OK
