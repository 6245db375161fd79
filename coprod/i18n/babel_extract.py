"""A Babel extractor for ``--help``: every help text of the command tree, as msgids.

babel.cfg points it at the marker file ``coprod/i18n/locale/HELP`` (its contents are not
read), so ``pybabel extract -F babel.cfg …`` (docs/languages.md) collects the help texts that
:func:`coprod.i18n.cli_help.translate_help` looks up, exactly as the commands show them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import IO, Any


def extract_help(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield ``(line, "_", text, [])`` for each help text, once, in the tree's order."""
    import typer.main

    from coprod import i18n
    from coprod.cli import app
    from coprod.i18n.cli_help import help_texts

    i18n.activate("en")
    seen: set[str] = set()
    for text in help_texts(typer.main.get_command(app)):
        if text not in seen:
            seen.add(text)
            yield 1, "_", text, []
