"""Rich consoles for stdout and stderr, created on first use.

Rich honours ``TERM=dumb`` and the terminal's width (``COLUMNS`` when set); coprod
adds two things: ``NO_COLOR`` gives plain text (no bold or dim either), and a closed
pipe ends the command quietly with exit code 0.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@lru_cache(maxsize=1)
def _console(stderr: bool) -> Console:
    import os

    from rich.console import Console

    # NO_COLOR (no-color.org): rich alone only drops colours and keeps bold and dim;
    # a person asking for no colour wants plain text.
    plain = bool(os.environ.get("NO_COLOR"))

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            """The reader went away (`coprod cases | head -1`): stop quietly, as JSON output does."""
            self.quiet = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0)

    return QuietConsole(
        stderr=stderr,
        highlight=False,
        soft_wrap=stderr,
        no_color=plain or None,
        color_system=None if plain else "auto",
    )


def out() -> Console:
    """The console for normal output (stdout)."""
    return _console(False)


def err() -> Console:
    """The console for messages (stderr)."""
    return _console(True)


def reset() -> None:
    """Forget the consoles (tests change the environment between runs)."""
    _console.cache_clear()


def print_json(data: Any) -> None:
    """Machine-readable output: JSON on stdout, UTF-8, one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def warn(message: str) -> None:
    """A warning on stderr that never stops the command."""
    from rich.markup import escape

    err().print(f"[yellow]warning:[/yellow] {escape(message)}")
