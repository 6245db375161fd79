"""``coprod about``: the ideas behind the practices, from the Jam and Justice report."""

from __future__ import annotations

from typing import Any

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.i18n import N_, _
from coprod.terminal.console import out, print_json

JSON_VERSION = 1


def _sourced(item: Any) -> dict[str, Any]:
    return {"source": [s.model_dump(exclude_none=True) for s in item.source]}


def about_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The ideas behind the practices, from the Jam and Justice report.

    What co-production is, what it contributes, its limits and what the report asks
    of each reader; then the three challenges, the social innovation strategies, the
    Action Research Collective's characteristics, the tyrannies of participation and
    the four viewpoints on leadership, with their sources.
    """
    content = content_for(ctx)
    bg = content.background
    sections: list[tuple[str, str, list[dict[str, Any]]]] = [
        (
            "what_it_is",
            N_("What co-production is"),
            [{"id": f.id, "name": f.name, "text": f.text, **_sourced(f)} for f in bg.what_it_is],
        ),
        (
            "contributions",
            N_("What it can contribute"),
            [{"id": f.id, "name": f.name, "text": f.text, **_sourced(f)} for f in bg.contributions],
        ),
        (
            "limits",
            N_("Limits the report names"),
            [{"id": f.id, "name": f.name, "text": f.text, **_sourced(f)} for f in bg.limits],
        ),
        (
            "calls_to_action",
            N_("What the report asks of each reader"),
            [
                {
                    "id": c.id,
                    "name": c.reader,
                    "text": c.text,
                    "roles": list(c.roles),
                    **_sourced(c),
                }
                for c in bg.calls_to_action
            ],
        ),
        (
            "challenges",
            N_("Three urban challenges"),
            [
                {"id": c.id, "name": c.name, "text": f"{c.question} {c.description}"}
                for c in bg.challenges
            ],
        ),
        (
            "strategies",
            N_("Social innovation strategies (coprod cases --strategy ID)"),
            [{"id": s.id, "name": s.name, "text": s.description} for s in content.strategies],
        ),
        (
            "arc_characteristics",
            N_("What the Action Research Collective brought together"),
            [{"id": c.id, "name": c.name, "text": c.description} for c in bg.arc_characteristics],
        ),
        (
            "tyrannies",
            N_("Tyrannies of participation to watch for"),
            [{"id": t.id, "name": t.name, "text": t.description} for t in bg.tyrannies],
        ),
        (
            "leadership_viewpoints",
            N_("Four views of good leadership in co-production"),
            [
                {
                    "id": v.id,
                    "name": _("Viewpoint %(n)d") % {"n": v.number},
                    "text": v.description,
                }
                for v in bg.leadership_viewpoints
            ],
        ),
    ]
    if as_json:
        print_json({"version": JSON_VERSION, **{key: items for key, _title, items in sections}})
        return
    from rich.markup import escape

    from coprod.render.terminal import bullet

    console = out()
    for _key, title, items in sections:
        console.print(f"\n[bold]{escape(_(title))}[/bold]")
        for item in items:
            bullet(
                console,
                f"[bold]{escape(item['name'])}[/bold] [dim]({item['id']})[/dim]: {escape(item['text'])}",
            )
        cited = list(
            dict.fromkeys(
                s["section"] for i in items for s in i.get("source", []) if s["ref"] == "report"
            )
        )
        if cited:
            sections_text = "; ".join(f"“{c}”" for c in cited)
            line = _("Report, %(sections)s") % {"sections": sections_text}
            console.print(f"  [dim]{escape(line)}[/dim]")
    credit = _("From Perry, Durose and Richardson with the Action Research Collective (2019).")
    console.print(f"\n[dim]{escape(credit)}[/dim]")
