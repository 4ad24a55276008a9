"""The terminal app: app.py and its stylesheet, screens/ (one file per screen), widgets/ (shared pieces)."""
