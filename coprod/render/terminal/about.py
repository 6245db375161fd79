"""The ideas behind the practices in the terminal (``coprod about``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.i18n import N_, _
from coprod.render.json import about_sections
from coprod.render.terminal.common import bullet

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content

TITLES = {
    "what_it_is": N_("What co-production is"),
    "contributions": N_("What it can contribute"),
    "limits": N_("Limits the report names"),
    "calls_to_action": N_("What the report asks of each reader"),
    "challenges": N_("Three urban challenges"),
    "strategies": N_("Social innovation strategies (coprod cases --strategy ID)"),
    "arc_characteristics": N_("What the Action Research Collective brought together"),
    "tyrannies": N_("Tyrannies of participation to watch for"),
    "leadership_viewpoints": N_("Four views of good leadership in co-production"),
}


def render_about(content: Content, console: Console) -> None:
    """Each section of the report's ideas, its items and the report sections they cite."""
    for key, items in about_sections(content).items():
        console.print(f"\n[bold]{escape(_(TITLES[key]))}[/bold]")
        for item in items:
            name = item.get("name") or _("Viewpoint %(n)d") % {"n": item["number"]}
            bullet(
                console,
                f"[bold]{escape(name)}[/bold]: {escape(item['text'])}",  # ids: --json only
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
    from coprod.pictures import ATTRIBUTION

    console.print(f"[dim]{escape(_(ATTRIBUTION))}[/dim]")  # easy read's pictures (CC BY-SA)
