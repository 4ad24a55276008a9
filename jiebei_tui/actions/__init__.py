"""The application layer (see style.md): for now the one action registry of the terminal app (registry.py)."""
