"""The terminal: rich consoles, the one way out to a terminal, and the standard streams."""
