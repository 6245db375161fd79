"""``coprod about``: the ideas behind the practices, from the Jam and Justice report."""

from __future__ import annotations

from typing import Any

import typer

from coprod.commands._common import JsonOption, content_for
from coprod.console import out, print_json

JSON_VERSION = 1


def about_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The ideas behind the practices, from the Jam and Justice report.

    The three challenges, the social innovation strategies, the Action Research
    Collective's characteristics, the tyrannies of participation and the four
    viewpoints on leadership, with their sources.
    """
    content = content_for(ctx)
    bg = content.background
    sections: list[tuple[str, str, list[dict[str, Any]]]] = [
        (
            "challenges",
            "Three urban challenges",
            [
                {"id": c.id, "name": c.name, "text": f"{c.question} {c.description}"}
                for c in bg.challenges
            ],
        ),
        (
            "strategies",
            "Social innovation strategies (coprod cases --strategy ID)",
            [{"id": s.id, "name": s.name, "text": s.description} for s in content.strategies],
        ),
        (
            "arc_characteristics",
            "What the Action Research Collective brought together",
            [{"id": c.id, "name": c.name, "text": c.description} for c in bg.arc_characteristics],
        ),
        (
            "tyrannies",
            "Tyrannies of participation to watch for",
            [{"id": t.id, "name": t.name, "text": t.description} for t in bg.tyrannies],
        ),
        (
            "leadership_viewpoints",
            "Four views of good leadership in co-production",
            [
                {"id": v.id, "name": f"Viewpoint {v.number}", "text": v.description}
                for v in bg.leadership_viewpoints
            ],
        ),
    ]
    if as_json:
        print_json({"version": JSON_VERSION, **{key: items for key, _, items in sections}})
        return
    from rich.markup import escape

    from coprod.render.terminal import bullet

    console = out()
    for _, title, items in sections:
        console.print(f"\n[bold]{escape(title)}[/bold]")
        for item in items:
            bullet(
                console,
                f"[bold]{escape(item['name'])}[/bold] [dim]({item['id']})[/dim]: {escape(item['text'])}",
            )
    console.print(
        "\n[dim]From Perry, Durose and Richardson with the Action Research Collective (2019).[/dim]"
    )
