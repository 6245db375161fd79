"""Rich consoles for stdout and stderr, created on first use, and the one way out to a terminal.

Rich honours ``TERM=dumb`` and the terminal's width (``COLUMNS`` when set); coprod
adds:

* ``NO_COLOR`` gives plain text (no bold or dim either);
* a closed pipe ends the command quietly with exit code 0;
* messages on stderr are wrapped between words in a terminal, never inside a word
  (``SafeConsole.print``), and left on one line in a pipe or a file;
* everything printed is passed through :func:`coprod.render.safe.terminal_safe`
  (control characters and escape sequences made visible), both when rich builds
  text from a string and again on the way out, so untrusted text (names, notes,
  paths, adapted content) cannot drive the terminal, with colour or without;
* hyperlinks are never emitted (coprod prints none of its own), so a ``[link=…]``
  that slipped past escaping still cannot open one;
* documents written to stdout (:func:`write_document`, :func:`print_json`) are
  made safe too; JSON goes out as ASCII escapes where the output encoding could
  not carry a character, so it stays valid, and other text degrades to ``?``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coprod.render.safe import json_safe, terminal_safe
from coprod.terminal import streams

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text


@lru_cache(maxsize=1)
def _console(stderr: bool) -> Console:
    import os

    from rich.console import Console
    from rich.segment import Segment

    # NO_COLOR (no-color.org): rich alone only drops colours and keeps bold and dim;
    # a person asking for no colour wants plain text.
    plain = bool(os.environ.get("NO_COLOR"))

    class SafeConsole(Console):
        def on_broken_pipe(self) -> None:
            """The reader went away (`coprod cases | head -1`): stop quietly, as JSON output does.

            On stderr only the messages are lost: the command's exit code (2 for bad
            input) still tells the caller what happened.
            """
            self.quiet = True
            streams.reader_went_away(stderr=self.stderr)

        def print(self, *objects: Any, soft_wrap: bool | None = None, **kwargs: Any) -> None:
            """On a terminal, messages on stderr are wrapped between words, never inside one.

            rich would fold a word longer than the line anywhere; :func:`lines.flow`
            breaks it only after a hyphen, and leaves a path whole. Lines printed with
            ``soft_wrap=True`` (a path, a command to type) are left as they are, and so
            is everything when stderr is a pipe or a file: a log keeps each message on
            one line.
            """
            if soft_wrap is None and self.stderr:
                soft_wrap = True
                if not self.is_terminal:
                    return super().print(*objects, soft_wrap=True, **kwargs)
                from rich.text import Text

                from coprod.terminal.lines import flow

                options = {k: kwargs[k] for k in ("markup", "emoji", "highlight") if k in kwargs}
                objects = tuple(
                    flow(self.render_str(o, **options) if isinstance(o, str) else o, self.width)
                    if isinstance(o, str | Text)
                    else o
                    for o in objects
                )
            super().print(*objects, soft_wrap=soft_wrap, **kwargs)

        def render_str(self, text: str, *args: Any, **kwargs: Any) -> Text:
            # Before markup and layout, so widths are measured on what will be shown.
            return super().render_str(terminal_safe(text), *args, **kwargs)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            # The last step before the stream: Text objects built elsewhere get the same
            # treatment, and no style may carry a hyperlink.
            cleaned = []
            for text, style, control in buffer:
                if control:
                    cleaned.append(Segment(text, style, control))
                    continue
                if style is not None and style.link:
                    style = style.update_link(None)
                cleaned.append(Segment(terminal_safe(text), style, control))
            return super()._render_buffer(cleaned)

    return SafeConsole(
        stderr=stderr,
        highlight=False,
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


def write_document(text: str) -> None:
    """A whole document (markdown, HTML or JSON) on stdout, made safe for a terminal."""
    stream = sys.stdout
    if stream is None:
        return  # no stdout at all (closed by the caller): nothing can be shown
    encoding = getattr(stream, "encoding", None)
    # coprod's JSON documents are objects or arrays; its other documents never start so.
    text = json_safe(text, encoding) if text[:1] in ("{", "[") else terminal_safe(text)
    stream.write(text)
    stream.flush()


def print_json(data: Any) -> None:
    """Machine-readable output: JSON on stdout, one document, ASCII-safe where it must be."""
    write_document(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def warn(message: str) -> None:
    """A warning on stderr that never stops the command."""
    from rich.markup import escape

    from coprod.i18n import _

    label = escape(_("warning"))
    err().print(f"[yellow]{label}:[/yellow] {escape(message)}")
