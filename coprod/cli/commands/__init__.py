"""One module per ``coprod`` command, imported only when the command is used.

:data:`COMMANDS` names each command's module and function (or Typer app, for a group
of commands), in the order ``coprod --help`` lists them; :class:`coprod.cli.group.CoprodGroup`
builds the click command from it on first use, so ``coprod practices`` imports the
practices command and what it needs, not the workshop's web server or the interview.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Entry(NamedTuple):
    """Where a command is: ``coprod.cli.commands.<module>.<attr>``, and its click settings."""

    module: str
    attr: str
    context_settings: dict[str, Any] | None = None


COMMANDS: dict[str, Entry] = {
    "assess": Entry("assess", "assess_command"),
    "check": Entry("check", "check_command"),
    "practices": Entry("practices", "practices_command"),
    "criteria": Entry("criteria", "criteria_command"),
    "report": Entry("report", "report_command"),
    "team": Entry("team", "team_command"),
    "compare": Entry("compare", "compare_command"),
    "room": Entry("room", "room_command"),
    "actions": Entry("actions", "actions_command"),
    "agenda": Entry("agenda", "agenda_command"),
    "cases": Entry("cases", "cases_command", {"ignore_unknown_options": False}),
    "about": Entry("about", "about_command"),
    "glossary": Entry("glossary", "glossary_command"),
    "workshop": Entry("workshop", "workshop_command"),
    "form": Entry("form", "form_command"),
    "data": Entry("data", "app"),  # a Typer app: coprod data validate, coprod data new-pack
}
