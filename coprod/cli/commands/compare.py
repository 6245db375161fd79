"""``coprod compare``: the same project assessed twice, and what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod.cli.commands.actions import TodayOption, today_from
from coprod.cli.context import content_for
from coprod.cli.options import ChartOption, ForceOption, FormatOption, OutputOption
from coprod.cli.output import chart_extra, choose_format, emit
from coprod.storage.inputs import load_all
from coprod.terminal.console import out, warn


def compare_command(
    ctx: typer.Context,
    old: Annotated[
        Path, typer.Argument(metavar="OLD", help="The earlier answers file.", show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NEW", help="The later answers file.", show_default=False)
    ],
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    today: TodayOption = None,
    chart: ChartOption = "none",
) -> None:
    """Compare two assessments of the same project: what moved, up (↑), down (↓) or not (→).

    Shows each practice's score then and now, the statements that moved by two or
    more points, notes that appeared or disappeared, and the when-to-co-produce verdict then and now;
    and each action of OLD with its status in NEW (matched by id), overdue ones
    marked, those missing from NEW listed as not reviewed.

    Example: [bold]coprod compare coprod-x-2026-03-01.yaml coprod-x-2026-09-01.yaml[/bold]
    """
    from coprod.core.compare import compare

    content = content_for(ctx)
    before, after = load_all([old, new], content, warn)
    comparison = compare(before, after, content, today=today_from(today))
    fmt = choose_format(format, output, default=None)
    if fmt is None:
        from coprod.render import terminal
        from coprod.web.statefile import folder_is_anonymous

        anonymous = any(folder_is_anonymous(Path(p).parent) for p in comparison.paths)
        terminal.render_comparison(comparison, out(), anonymous=anonymous)
        return
    from coprod.render.formats import render

    text = render("comparison", comparison, fmt, **chart_extra(chart, fmt))
    emit(text, output, force=force, private=True)  # one person's answers, then and now
