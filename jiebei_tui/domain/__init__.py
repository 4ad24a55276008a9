"""The loan rules, pure: no Textual, no files, no clock. "Today" is always passed in.

One file per idea: money (rounding), errors (what bad input says), terms (a loan and the product terms),
schedule (due dates and instalments), apr, simulate (settle, prepay), overdue (penalty and stages),
ledger (the borrower's file, as data), replay (what is owed on a date), demo, consequences, reminders.
"""
