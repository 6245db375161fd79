"""The ideas behind the practices in the terminal (``coprod about``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.core.models import SourceRef
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
    "vision": N_("The report's vision: governing differently"),
    "calls_framing": N_("How the report frames what it asks"),
    "calls_to_action": N_("What the report asks of each reader"),
    "what_changed": N_("What changed, in the report's headlines"),
    "challenges": N_("Three urban challenges"),
    "strategies": N_("Social innovation strategies (coprod cases --strategy ID)"),
    "arc_characteristics": N_("What the Action Research Collective brought together"),
    "tyrannies": N_("Tyrannies of participation to watch for"),
    "leadership_viewpoints": N_("Four views of good leadership in co-production"),
}


def render_about(content: Content, console: Console) -> None:
    """Each section of the report's ideas: its items, each with its numbered sources (and
    the report's own words where an item carries them), then the sources listed."""
    from coprod.render.terminal.items import print_item
    from coprod.render.text import reference_line

    for key, items in about_sections(content).items():
        console.print(f"\n[bold]{escape(_(TITLES[key]))}[/bold]")
        used: list[tuple[str, str]] = []
        for item in items:
            name = item.get("name") or _("Viewpoint %(n)d") % {"n": item["number"]}
            refs = [(s["ref"], s["section"]) for s in item["source"]]
            used += [r for r in refs if r not in used]
            marks = ", ".join(str(used.index(r) + 1) for r in refs)
            bullet(
                console,
                f"[bold]{escape(name)}[/bold]: "  # ids: --json only
                f"{escape(item['text'])} [dim]\\[{marks}][/dim]",
            )
            if item.get("quote"):
                words = _("In the report's words: “%(quote)s”") % {"quote": item["quote"]}
                print_item(console, "", f"[italic]{escape(words)}[/italic]", indent=3)
        for number, (ref, section) in enumerate(used, start=1):
            line = reference_line(SourceRef(ref=ref, section=section), content)
            print_item(console, f"[dim]\\[{number}][/dim]", f"[dim]{escape(line)}[/dim]")
    credit = _("From Perry, Durose and Richardson with the Action Research Collective (2019).")
    console.print(f"\n[dim]{escape(credit)}[/dim]")
    from coprod.pictures import ATTRIBUTION

    console.print(f"[dim]{escape(_(ATTRIBUTION))}[/dim]")  # easy read's pictures (CC BY-SA)
