"""Where a command's document goes: a format, then stdout or a file written atomically."""

from __future__ import annotations

import sys
from pathlib import Path

from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.render.formats import Format
from coprod.terminal.console import err, write_document


def choose_format(
    given: Format | None, output: Path | None, default: Format | None = "md"
) -> Format | None:
    """``--format`` if given (checked against -o's suffix), else -o's suffix, else ``default``."""
    from coprod.render.formats import format_from_suffix

    if output is None or not output.suffix:
        return given or default
    if given is None:
        return format_from_suffix(output)
    try:
        implied = format_from_suffix(output)
    except CoprodError:
        return given  # an unusual suffix (report.txt) with an explicit --format is fine
    if implied != given:
        raise CoprodError(
            Problem(
                _("the suffix %(suffix)s means %(implied)s, but --format is %(given)s")
                % {"suffix": repr(output.suffix), "implied": implied, "given": given},
                output,
            ),
            hint=_("Leave out --format to write %(implied)s, or name the file for %(given)s.")
            % {"implied": implied, "given": given},
        )
    return given


def chart_extra(chart: str, fmt: Format | None) -> dict[str, bool]:
    """What ``--chart`` asks of the renderer: ``{"mermaid": True}`` for markdown with a chart.

    HTML and Word draw their own chart, JSON has none: for them ``--chart`` only warns.
    """
    if chart != "mermaid":
        return {}
    if fmt == "md":
        return {"mermaid": True}
    from coprod.terminal.console import warn

    warn(_("--chart mermaid is for markdown; it makes no difference here."))
    return {}


def stdout_is_terminal() -> bool:
    """Whether normal output goes to a person at a terminal (not a pipe or a file)."""
    return sys.stdout.isatty()


def emit(text: str | bytes, output: Path | None, *, force: bool, private: bool = False) -> None:
    """Print ``text``, or write it atomically to ``output`` (refusing to overwrite without force).

    A Word document (bytes) is never printed: it needs a file. ``private``: the document
    says who answered what (names, roles, someone's own ratings or actions), so its file
    is for the user's account only (0600), as answers files are.
    """
    if output is None:
        if isinstance(text, bytes):
            raise CoprodError(
                _("a Word document cannot be printed here"),
                hint=_("Name the file to write with -o, for example -o report.docx."),
            )
        write_document(text)
        return
    from rich.markup import escape

    from coprod.storage.files import write_atomic

    write_atomic(output, text, overwrite=force, mode=0o600 if private else None)
    said = escape(_("Written to %(file)s"))  # the catalogue's words, then the file in bold
    err().print(said % {"file": f"[bold]{escape(str(output))}[/bold]"})
