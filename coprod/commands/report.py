"""``coprod report``: answers files as a report to share (markdown, HTML or JSON)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from coprod.commands._common import content_for
from coprod.console import err, warn
from coprod.core.answers import load_answers
from coprod.core.assessment import assess
from coprod.errors import CoprodError, Problem
from coprod.render.formats import Format, format_from_suffix


def _choose_format(given: Format | None, output: Path | None) -> Format:
    """``--format`` if given (checked against -o's suffix), else -o's suffix, else md."""
    if output is None or not output.suffix:
        return given or "md"
    if given is None:
        return format_from_suffix(output)
    try:
        implied = format_from_suffix(output)
    except CoprodError:
        return given  # an unusual suffix (report.txt) with an explicit --format is fine
    if implied != given:
        raise CoprodError(
            Problem(
                f"the suffix {output.suffix!r} means {implied}, but --format is {given}", output
            ),
            hint=f"Leave out --format to write {implied}, or name the file for {given}.",
        )
    return given


def report_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="One or more answers files (from coprod assess, or written by hand).",
            show_default=False,
        ),
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or json (default: from the -o file's suffix, else md).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            help="Write the report to OUT instead of printing it (.md, .html or .json).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
) -> None:
    """Turn answers files into a report to share: markdown, HTML or JSON.

    The report has what [bold]coprod assess[/bold] shows, and more: the "when to
    co-produce" verdict with your answers, the practice profile with a chart
    (scores are prompts for reflection and conversation, not grades), strengths,
    where to focus next, evidence gaps, every statement's rating, your notes
    and reflections, and the caveats. HTML is one self-contained file (no
    scripts, nothing fetched) that reads on a phone and prints on A4. Several
    files give one document with a report for each.

    Examples:

    [bold]coprod report answers.yaml[/bold] (markdown on screen)

    [bold]coprod report answers.yaml -o report.html[/bold] (format from the suffix)

    [bold]coprod report sam.yaml alex.yaml --format html -o group.html[/bold]

    [bold]coprod report answers.yaml --format json[/bold]
    """
    fmt = _choose_format(format, output)
    content = content_for(ctx)
    assessments = []
    for path in files:
        loaded = load_answers(path, content)
        for message in loaded.warnings:
            warn(f"{path}: {message}")
        assessments.append(assess(loaded.answers, content, loaded.warnings))

    from coprod.render.formats import render_assessment, render_assessments

    if len(assessments) == 1:
        text = render_assessment(assessments[0], fmt)
    else:
        text = render_assessments(assessments, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    from rich.markup import escape

    from coprod.files import write_atomic

    write_atomic(output, text, overwrite=force)
    err().print(f"Report written to [bold]{escape(str(output))}[/bold]")
