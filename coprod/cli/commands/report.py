"""``coprod report``: answers files as a report to share (markdown, HTML or JSON)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from coprod.cli.anonymity import anonymous_for
from coprod.cli.context import content_for
from coprod.cli.options import (
    AnonymousOption,
    ChartOption,
    ForceOption,
    FormatOption,
    NamedOption,
    OutputOption,
    answers_files,
)
from coprod.cli.output import chart_extra, choose_format, emit, stdout_is_terminal
from coprod.errors import CoprodError
from coprod.storage.inputs import load_all
from coprod.terminal.console import warn


def report_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        answers_files(
            "One or more answers files (from coprod assess, or written by hand).", metavar="FILE"
        ),
    ],
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    anonymous: AnonymousOption = False,
    named: NamedOption = False,
    chart: ChartOption = "none",
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Only what fits on a screen or a page: the verdict, the profile, where to "
            "start and the actions.",
        ),
    ] = False,
) -> None:
    """Turn answers files into a report to share: markdown, HTML, Word or JSON.

    The report has what [bold]coprod assess[/bold] shows, and more: the "when to
    co-produce" verdict with your answers, the practice profile with a chart
    (scores are prompts for reflection and conversation, not grades), strengths,
    where to focus next, evidence gaps, every statement's rating, your notes
    and reflections, and the caveats. HTML is one self-contained file (no
    scripts, nothing fetched) that reads on a phone and prints on A4. Several
    files give one document with a report for each.

    Examples:

    [bold]coprod report answers.yaml[/bold] (the report on screen; markdown when piped)

    [bold]coprod report answers.yaml -o report.html[/bold] (format from the suffix)

    [bold]coprod report answers.yaml -o report.docx[/bold] (a Word document)

    [bold]coprod report answers.yaml --summary -o summary.html[/bold] (one screen on a phone)

    [bold]coprod report sam.yaml alex.yaml --format html -o group.html[/bold]

    [bold]coprod report answers.yaml --format json[/bold]
    """
    from coprod.core.assessment import assess
    from coprod.render.formats import render

    fmt = choose_format(format, output, default=None)
    if summary and fmt == "json":
        from coprod.i18n import _

        raise CoprodError(
            _("--summary is for people to read: markdown, HTML or Word, not JSON"),
            hint=_("Leave out --summary: the JSON has everything."),
        )
    content = content_for(ctx)
    loaded_files = load_all(files, content, warn)
    hidden = anonymous_for(files, anonymous, named)
    if hidden:
        for loaded in loaded_files:
            respondent = loaded.answers.respondent
            if respondent is not None:  # who they are goes; what they bring stays
                loaded.answers.respondent = dataclasses.replace(respondent, name=None, role=None)
    assessments = [assess(loaded.answers, content, loaded.notices) for loaded in loaded_files]
    if fmt is None and output is None and stdout_is_terminal():
        from coprod.render import terminal
        from coprod.terminal.console import out

        console = out()
        for i, assessment in enumerate(assessments):
            if i:
                console.rule()
            if summary:
                terminal.print_summary(assessment, console)
            else:
                terminal.render(assessment, console)
        return
    fmt = fmt or "md"
    extra: dict[str, bool] = chart_extra(chart, fmt)
    if summary:
        extra["summary"] = True
    if len(assessments) == 1:
        text = render("assessment", assessments[0], fmt, **extra)
    else:
        text = render("assessments", assessments, fmt, **extra)
    emit(text, output, force=force, private=not hidden)
