"""The application layer (see style.md): one function per borrower action and per shown fact. The command line
and the app's screens only parse what was typed, call one of these and render what it returns.

- `account.py`: the `Account` every action takes: the store, today, a clock, where changes come from ("app",
  "cli"), and the ledger with its derived states as last read (read once, replaced by what a change returns).
- `facts.py`: what is shown: status, the amount to pay now and what it covers, the badge, the date a loan fell
  behind, the schedule, the auto-debits waiting to be confirmed.
- `payments.py` (pay, pay --debited, void, edit, list), `loans.py` (add, rename, remove, edit, auto-debit),
  `repay.py` (settle and prepay, previewed and applied; pay today or on the due date), `overdue.py` (overdue
  across instalments), `terms.py` (contract terms, for all loans or one), `reminders.py` (rules, settings,
  the run, what is coming, the test), `export.py` (the calendar), `history.py` (undo, backups, recovery),
  `preferences.py` (language, theme, keys); after a missed payment: `hardship.py` (the budget plan and the
  requests, the letter, a restructure previewed and recorded), `contacts.py` (the collection contact log, the
  record for a complaint), `credit.py` (the credit-record timeline, the reporting day).
- `registry.py`: the app's one action registry (ids, keys, words).

Each change is one store transaction whose change is a pure domain function; it writes only when the ledger
really changed and returns the new state. Actions are synchronous and thread-safe (the app calls them from
Textual thread workers); they raise InputError (the domain's) and LedgerFileError (the store's).
"""
