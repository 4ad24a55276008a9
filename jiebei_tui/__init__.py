"""jiebei-tui: a borrower's own terminal self-service for a Jiebei-style (借呗) credit line."""

__version__ = "0.1.0"
