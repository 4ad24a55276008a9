"""One file per screen: thin, they read state, render it, and turn key presses into domain calls."""
