"""typer: coprod builds each command on first use (coprod/cli/group.py, ``LazyCommands``).

It calls ``typer.main.get_command_from_info`` and ``get_group_from_info`` itself, with a
``CommandInfo`` / ``TyperInfo``, as ``Typer.__call__`` does for registered commands; and
the group's help lists its commands through ``format_help`` → ``get_command``, which
coprod answers with each command's help text alone. Should typer change any of these,
commands would go missing or come out different: these tests name the break.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo


def hello(name: str = typer.Option("world", help="Who to greet.")) -> None:
    """Say hello."""


def test_typer_builds_a_command_from_its_info_as_registering_does() -> None:
    app = typer.Typer()
    app.command("hello")(hello)
    app.command("other")(hello)
    registered = typer.main.get_command(app).commands["hello"]  # type: ignore[attr-defined]
    built = typer.main.get_command_from_info(
        CommandInfo(name="hello", callback=hello),
        pretty_exceptions_short=True,
        rich_markup_mode="rich",
    )
    assert built.name == registered.name == "hello"
    assert built.help == registered.help == "Say hello."
    assert [p.opts for p in built.params] == [p.opts for p in registered.params]


def test_typer_builds_a_group_from_a_typer_info() -> None:
    sub = typer.Typer(help="Things.")
    sub.command("one")(hello)
    sub.command("two")(hello)
    group = typer.main.get_group_from_info(
        TyperInfo(sub, name="things"),
        pretty_exceptions_short=True,
        rich_markup_mode="rich",
        suggest_commands=True,
    )
    assert group.name == "things"
    assert sorted(group.commands) == ["one", "two"]


def test_typer_rich_help_lists_commands_through_format_help_and_get_command() -> None:
    asked: list[tuple[bool, str]] = []

    class Recording(TyperGroup):
        listing = False

        def format_help(self, ctx: Any, formatter: Any) -> None:
            self.listing = True
            try:
                super().format_help(ctx, formatter)
            finally:
                self.listing = False

        def get_command(self, ctx: Any, cmd_name: str) -> Any:
            asked.append((self.listing, cmd_name))
            return super().get_command(ctx, cmd_name)

    app = typer.Typer(cls=Recording, rich_markup_mode="rich")
    app.command("hello")(hello)
    app.command("other")(hello)
    group = typer.main.get_command(app)
    group.get_help(typer.Context(group, info_name="app"))
    assert asked == [(True, "hello"), (True, "other")]
