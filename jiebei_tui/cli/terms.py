"""`terms [show|set] [--loan ID]`: the contract terms, for all loans or one loan's own."""

from __future__ import annotations

from jiebei_tui.cli import output
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.text.i18n import t

FIELD_NAMES = {"default_strategy": "default_prepay_strategy"}  # the option's name → the term's
SETTABLE = ("penalty_multiplier", "grace_days", "compounding", "default_strategy", "min_prepayment", "prepayment_fee")


def add_parsers(sub) -> None:
    p = command(sub, "terms", cmd_terms, "show or set your contract's penalty and prepayment terms, for all loans or one")
    p.add_argument("action", nargs="?", choices=("show", "set"), default="show")
    p.add_argument("--loan", metavar="ID", help="this loan's own terms (default: every loan's)")
    p.add_argument("--penalty-multiplier", metavar="M")
    p.add_argument("--grace-days", metavar="G")
    p.add_argument("--compounding", metavar="on|off")
    p.add_argument("--default-strategy", metavar="STRATEGY")
    p.add_argument("--min-prepayment", metavar="YUAN", help="the least principal a prepayment may take off (0: none)")
    p.add_argument("--prepayment-fee", metavar="RATE", help="fee on principal prepaid: 1%% or 0.01 (0: none)")
    p.add_argument("--reset", metavar="FIELD,FIELD",
                   help="with --loan: drop this loan's own values of these terms (it follows every loan's again)")


def cmd_terms(ctx: Context) -> int:
    from jiebei_tui.actions import terms

    a = ctx.args
    if a.action == "set":
        values = {name: getattr(a, name) for name in SETTABLE}
        reset = tuple(FIELD_NAMES.get(name, name) for name in _names(a.reset)) if a.reset else ()
        done = terms.set_terms(ctx.account, a.loan, reset=reset, **values)
        key = "cli.terms_saved" if done.changed else "cli.terms_unchanged"
        view = done.view
        ctx.out(output.terms_json(view), lambda: t(key, ctx.lang) + "\n" + output.terms_text(view, ctx.lang))
    else:
        view = terms.show_terms(ctx.account, a.loan)
        ctx.out(output.terms_json(view), lambda: output.terms_text(view, ctx.lang))
    return EXIT_OK


def _names(text: str) -> list[str]:
    return [part.strip().lstrip("-").replace("-", "_") for part in text.split(",") if part.strip()]
