"""Where a shareable report goes: a format, then stdout or a file written atomically."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.terminal.console import err, warn, write_document

if TYPE_CHECKING:
    from coprod.core.answers import LoadedAnswers
    from coprod.core.models import Content

Format = Literal["md", "html", "json"]

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="md, html or json (default: from the -o file's suffix).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="OUT",
        help="Write to OUT instead of printing (.md, .html or .json).",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")]


def answers_files(help: str, metavar: str = "FILE...") -> Any:
    """The answers files a command reads (``files: Annotated[list[Path], answers_files(...)]``)."""
    return typer.Argument(metavar=metavar, help=help, show_default=False)


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


def stdout_is_terminal() -> bool:
    """Whether normal output goes to a person at a terminal (not a pipe or a file)."""
    return sys.stdout.isatty()


def emit(text: str, output: Path | None, *, force: bool) -> None:
    """Print ``text``, or write it atomically to ``output`` (refusing to overwrite without force)."""
    if output is None:
        write_document(text)
        return
    from rich.markup import escape

    from coprod.storage.files import write_atomic

    write_atomic(output, text, overwrite=force)
    from coprod.i18n import _

    said = escape(_("Written to %(file)s"))  # the catalogue's words, then the file in bold
    err().print(said % {"file": f"[bold]{escape(str(output))}[/bold]"})


def distinct_files(paths: list[Path]) -> list[Path]:
    """``paths`` with a file given twice (by any name: ``a.yaml ./a.yaml``, a link) kept once.

    Each repeat is named in a warning, so that one person is never counted twice.
    """
    import os

    seen: dict[object, Path] = {}
    kept: list[Path] = []
    for path in paths:
        try:
            status = os.stat(path)
            identity: object = (status.st_dev, status.st_ino)
        except OSError:
            identity = os.path.abspath(path)  # reading it will report the problem
        if identity in seen:
            warn(
                _("%(path)s: the same file as %(first)s, given again; counted once")
                % {"path": path, "first": seen[identity]}
            )
            continue
        seen[identity] = path
        kept.append(path)
    return kept


def load_all(paths: list[Path], content: Content) -> list[LoadedAnswers]:
    """Load every answers file; notices are shown with the file they come from."""
    from coprod.storage.answers_file import load_answers

    loaded = []
    for path in paths:
        item = load_answers(path, content)
        for notice in item.notices:
            warn(f"{path}: {notice.text()}")
        loaded.append(item)
    return loaded
