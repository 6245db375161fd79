"""``coprod check``: the when-to-co-produce questions alone, with the verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod.commands._common import JsonOption, content_for
from coprod.console import err, out, print_json, warn
from coprod.errors import CoprodError


def check_command(
    ctx: typer.Context,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="No prompts: read the criteria answers from an answers file.",
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save", metavar="PATH", help="Save your answers (asks the project's name too)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing file given to --save.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Ask whether the conditions favour co-production, and give the verdict.

    Any warning sign answered yes → caution; otherwise two or more favourable
    conditions → favourable; otherwise unclear. No toolkit can decide this for you:
    the verdict is a starting point for a conversation.
    """
    from coprod.commands._interactive import (
        DraftWriter,
        check_save_target,
        new_answers,
        run_safely,
    )
    from coprod.core.answers import load_answers
    from coprod.core.assessment import assess

    content = content_for(ctx)
    if answers_file is not None:
        loaded = load_answers(answers_file, content)
        answers, warnings = loaded.answers, loaded.warnings
    else:
        from coprod import interview

        if not interview.stdin_is_terminal():
            raise CoprodError(
                "coprod check asks questions, but standard input is not a terminal.",
                hint="To read answers from a file instead: coprod check --answers FILE",
            )
        check_save_target(save, force=force, resuming=None)
        answers = new_answers("full", content.version)
        writer = DraftWriter(save, overwrite_first=force)
        if save is None:
            answers.project.name = "(not named)"
            writer = DraftWriter(None, overwrite_first=False)
            writer.path = None

            def save_nothing(_: object) -> None:
                return None

            say = err().print if as_json else out().print
            runner = interview.Interview(
                content, answers, save_nothing, say, ask_project=False, ask_practices=False
            )
        else:
            runner = interview.Interview(
                content,
                answers,
                writer,
                err().print if as_json else out().print,
                ask_practices=False,
            )
        answers = run_safely(runner.run, writer)
        warnings = []
    result = assess(answers, content, warnings)
    for message in warnings:
        warn(message)
    if as_json:
        data = result.to_json()
        print_json(data)
        return
    from rich.markup import escape

    from coprod.render.terminal import print_verdict

    console = out()
    print_verdict(result, console)
    console.print("[dim]" + escape(" ".join(c.text for c in content.criteria.caveats)) + "[/dim]")
    if save is not None and answers_file is None:
        console.print(
            f"Saved to [bold]{escape(str(save))}[/bold]. Go on to the practices: "
            f"coprod assess --resume {escape(str(save))}"
        )
