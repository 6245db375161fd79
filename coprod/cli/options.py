"""The options several commands share, declared once, each with one help text.

A command declares ``force: ForceOption = False`` and so on; the help text (and its
Welsh translation, looked up by its English text) is the same wherever the option
appears.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from coprod.render.formats import Format

if TYPE_CHECKING:
    from coprod.core.models import Content
    from coprod.core.own import OwnStatement

ListFormat = Literal["md", "csv", "json"]
Chart = Literal["none", "mermaid"]

FORMAT_HELP = "The file format: md, html, docx (Word) or json (default: from the -o file's suffix)."
LIST_FORMAT_HELP = "The file format: md, csv or json (default: from the -o file's suffix)."
OUTPUT_HELP = "Write to OUT instead of printing."


def _format_option(help: str) -> Any:
    return typer.Option("--format", "-f", metavar="FORMAT", help=help, show_default=False)


def _output_option() -> Any:
    return typer.Option("--output", "-o", metavar="OUT", help=OUTPUT_HELP)


FormatOption = Annotated[Format | None, _format_option(FORMAT_HELP)]
ListFormatOption = Annotated[ListFormat | None, _format_option(LIST_FORMAT_HELP)]
OutputOption = Annotated[Path | None, _output_option()]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite a file that exists.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
SaveOption = Annotated[
    Path | None,
    typer.Option(
        "--save",
        metavar="PATH",
        help="Where to save the answers; by default coprod-PROJECT-DATE.yaml in this folder.",
    ),
]
ResumeOption = Annotated[
    Path | None,
    typer.Option("--resume", metavar="FILE", help="Carry on where a draft answers file stopped."),
]
StatementsOption = Annotated[
    Path | None,
    typer.Option(
        "--statements",
        metavar="FILE",
        help="The group's own statements too (a statements file), after the practices.",
    ),
]


def own_statements(path: Path | None, content: Content) -> list[OwnStatement]:
    """``--statements FILE`` read and checked, before any question or folder (none: [])."""
    if path is None:
        return []
    from coprod.storage.inputs import load_statements

    return load_statements(path, content)


AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="No prompts: read the answers from FILE.",
    ),
]


def answers_files(help: str, metavar: str = "FILE...") -> Any:
    """The answers files a command reads (``files: Annotated[list[Path], answers_files(...)]``)."""
    return typer.Argument(metavar=metavar, help=help, show_default=False)


AnonymousOption = Annotated[
    bool,
    typer.Option(
        "--anonymous",
        help="Show no names or roles (the default for an --anonymous workshop's files).",
    ),
]
NamedOption = Annotated[
    bool,
    typer.Option("--named", help="Show names and roles, even for an --anonymous workshop's files."),
]
LatestOption = Annotated[
    bool,
    typer.Option("--latest", help="Read only each named person's newest file."),
]
ChartOption = Annotated[
    Chart,
    typer.Option(
        "--chart",
        help="A chart in markdown: mermaid (drawn by GitHub and GitLab) or none.",
    ),
]
