"""The seven practices in the terminal (``coprod practices``): a table, or one in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.i18n import _, ngettext
from coprod.render.terminal.common import NARROW

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content, Practice


def render_practices(content: Content, console: Console) -> None:
    """A table of the practices, with how many key points, statements and cases each has."""
    title = _("The seven practices of co-production")
    if console.width < NARROW:
        _practices_list(content, console, title)
    else:
        _practices_table(content, console, title)
    total = sum(len(p.statements) for p in content.practices)
    line = ngettext(
        "%(n)d self-assessment statement in all. Show one practice in full: %(command)s",
        "%(n)d self-assessment statements in all. Show one practice in full: %(command)s",
        total,
    )
    console.print(escape(line) % {"n": total, "command": "[bold]coprod practices ID[/bold]"})


def _counts(practice: Practice) -> str:
    key_points, statements, cases = (
        len(practice.key_points),
        len(practice.statements),
        len(practice.cases),
    )
    return ", ".join(
        [
            ngettext("%(n)d key point", "%(n)d key points", key_points) % {"n": key_points},
            ngettext("%(n)d statement", "%(n)d statements", statements) % {"n": statements},
            ngettext("%(n)d case", "%(n)d cases", cases) % {"n": cases},
        ]
    )


def _practices_list(content: Content, console: Console, title: str) -> None:
    """The table for a narrow terminal: each practice, then its id and counts, stacked."""
    console.print(f"[bold]{escape(title)}[/bold]")
    for p in content.practices:
        console.print(f"{p.number}. {escape(p.name)}")
        console.print(f"   [cyan]{p.id}[/cyan] · {escape(_counts(p))}")


def _practices_table(content: Content, console: Console, title: str) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Practice"), min_width=16)
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column(_("Key points"), justify="right", no_wrap=True)
    table.add_column(_("Statements"), justify="right", no_wrap=True)
    table.add_column(_("Cases"), justify="right", no_wrap=True)
    for p in content.practices:
        table.add_row(
            str(p.number),
            escape(p.name),
            p.id,
            str(len(p.key_points)),
            str(len(p.statements)),
            str(len(p.cases)),
        )
    console.print(table)


def render_practice(practice: Practice, content: Content, console: Console) -> None:
    """One practice in full: key points with their statements, cases, source."""
    from coprod.render.terminal.common import titled_panel
    from coprod.render.terminal.items import print_item
    from coprod.render.text import source_lines
    from coprod.terminal.lines import print_command

    titled_panel(console, escape(practice.summary), f"{practice.number}. {escape(practice.name)}")
    from coprod.render.text import REPORTS_WORDS, means_line

    if practice.name_means:
        console.print(
            f"[dim]{escape(practice.name)} ({escape(_(REPORTS_WORDS))})[/dim]: "
            + escape(means_line(practice.name_means))
        )
    for kp in practice.key_points:
        console.print()
        label = _("Key point")
        if kp.means:
            label += f" ({_(REPORTS_WORDS)})"
        print_item(console, "[bold]" + escape(label) + ":[/bold]", escape(kp.text), indent=0)
        if kp.means:
            print_item(console, "", escape(means_line(kp.means)), indent=2)
        for s in (s for s in practice.statements if s.key_point == kp.id):
            print_item(console, "•", escape(s.text))  # the statement's id is for files only
    if practice.cases:
        console.print("\n[bold]" + escape(_("Case studies that show this practice")) + "[/bold]")
        for link in practice.cases:
            case = content.case(link.case)
            role = escape(_("example")) if link.role == "example" else ""
            if link.role != "example":
                role = "[yellow]" + escape(_("caution")) + "[/yellow]"
            print_item(console, "•", f"{escape(case.name)} ({role}): {escape(link.why)}")
            more = _("More: %(command)s") % {"command": f"coprod cases show {case.id}"}
            if len(more) + 4 < console.width:
                console.print(f"    [dim]{escape(more)}[/dim]", soft_wrap=True)
            else:  # the command on a line of its own, typeable as printed
                label = _("More: %(command)s") % {"command": ""}
                console.print(f"    [dim]{escape(label.rstrip())}[/dim]")
                print_command(console, "coprod", "cases", "show", case.id)
    console.print()
    print_item(
        console,
        "[dim]" + escape(_("Source")) + ":[/dim]",
        "[dim]" + escape("; ".join(source_lines(practice.source, content))) + "[/dim]",
        indent=0,
    )
