"""Small pieces reused by several screens."""
