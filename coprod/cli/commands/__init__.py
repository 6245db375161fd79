"""One module per ``coprod`` command."""
