"""``coprod criteria``: when co-production helps, and when it is unlikely to deliver."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.terminal.console import out, print_json

if TYPE_CHECKING:
    pass


def criteria_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show the "when to co-produce" criteria and their caveats.

    To answer them for your project, run [bold]coprod check[/bold].
    """
    content = content_for(ctx)
    if as_json:
        from coprod.render.json import criteria_document

        print_json(criteria_document(content))
        return
    from rich.markup import escape
    from rich.panel import Panel

    from coprod.render.terminal.items import item_group, print_item

    crit = content.criteria
    console = out()
    from coprod.i18n import _

    console.print("[bold]" + escape(_("When to co-produce?")) + "[/bold]\n")
    helpful = _("Co-production is especially helpful when…")
    console.print(f"[bold green]{escape(helpful)}[/bold green]")
    for c in crit.favourable:
        print_item(console, "[green]+[/green]", f"{escape(c.text)}  [dim]({c.id})[/dim]")
    unlikely = _("Its promises are unlikely to be realised when…")
    console.print(f"\n[bold yellow]{escape(unlikely)}[/bold yellow]")
    for c in crit.warning:
        print_item(console, "[yellow]![/yellow]", f"{escape(c.text)}  [dim]({c.id})[/dim]")
    console.print()
    print_item(
        console,
        "[bold]" + escape(_("A fertile place to start")) + ":[/bold]",
        escape(crit.starting_point.text),
        indent=0,
    )
    console.print()
    console.print(
        Panel(
            item_group([("•", escape(n.text)) for n in crit.caveats]),
            title=escape(_("Before you decide")),
            title_align="left",
        )
    )
    answer = _("Answer these for your project: %(command)s")
    console.print(escape(answer) % {"command": "[bold]coprod check[/bold]"})
