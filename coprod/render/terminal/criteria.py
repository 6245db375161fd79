"""The "when to co-produce" criteria in the terminal (``coprod criteria``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.core.scoring import VERDICT_RULES
from coprod.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Criteria


def render_criteria(crit: Criteria, console: Console) -> None:
    """When co-production helps, when it is unlikely to deliver, and the caveats."""
    from rich.panel import Panel

    from coprod.render.terminal.items import item_group, print_item

    console.print("[bold]" + escape(_("When to co-produce?")) + "[/bold]\n")
    helpful = _("Co-production is especially helpful when…")
    console.print(f"[bold green]{escape(helpful)}[/bold green]")
    for c in crit.favourable:
        print_item(console, "[green]+[/green]", escape(c.text))
    unlikely = _("Its promises are unlikely to be realised when…")
    console.print(f"\n[bold yellow]{escape(unlikely)}[/bold yellow]")
    for c in crit.warning:
        print_item(console, "[yellow]![/yellow]", escape(c.text))
    console.print("\n[dim]" + escape(_(VERDICT_RULES)) + "[/dim]\n")
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
