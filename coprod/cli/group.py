"""CoprodGroup: the language before parsing, coprod's errors as exit codes, a closed pipe.

Its commands are loaded on first use (:class:`LazyCommands`), so a command imports
what it needs and nothing else: start-up is part of the user experience.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from functools import lru_cache
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup

from coprod.errors import CoprodError


def flow_paragraphs(text: str | None) -> str | None:
    """Help text with each paragraph on one line, so the terminal wraps it at word boundaries.

    Typer's rich help keeps a docstring's line breaks, so source lines wrapped at 88
    columns leave single words on lines of their own at 80. Paragraphs (blank lines),
    list items and click's ``\\b`` (keep as is) paragraphs are kept.
    """
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if lines and stripped and not stripped.startswith(("•", "- ", "* ")):
                lines[-1] += " " + stripped
            else:
                lines.append(stripped)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _flow_help(command: Any) -> None:
    """Apply :func:`flow_paragraphs` to a command's help and to every subcommand's, and give
    every parameter a plain metavar (:func:`_plain_metavars`)."""
    command.help = flow_paragraphs(command.help)
    for param in getattr(command, "params", []):
        _plain_metavars(param)
    for sub in getattr(command, "commands", {}).values():
        _flow_help(sub)


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name, each built by its loader the first time it is looked up.

    Listing the names (``coprod help``, a usage error's suggestions) loads nothing; looking
    a command up (running it, ``--help`` listing its one-line help) imports its module.
    """

    def __init__(self, loaded: dict[str, Any], loaders: dict[str, Callable[[], Any]]) -> None:
        self._loaders = dict(loaders)
        self._loaded = {name: loaded[name] for name in loaded if name not in self._loaders}
        self._order = [*self._loaders, *self._loaded]

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            loader = self._loaders.pop(name)  # KeyError: no such command
            self._loaded[name] = loader()
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaders.pop(name, None)
        if name not in self._loaded:
            self._order.append(name)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if self._loaders.pop(name, None) is None:
            del self._loaded[name]
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._loaded or name in self._loaders

    def loaded(self, name: str) -> bool:
        """Whether the command ``name`` has been built (or was given built)."""
        return name in self._loaded


def _plain_metavars(param: Any) -> None:
    """``--port PORT``, ``FILE...``: no ``<int range>``, ``[0<=x<=65535]`` or ``{FILE}``.

    typer's rich help shows an option's ``make_metavar()``, an argument's type's
    ``get_metavar()`` (``<path>`` when there is none) and a number range's
    ``_describe_range()``; the usage line puts a required argument in braces. Each
    parameter's class (and its type's, on a copy) is swapped for one that says it
    plainly; tests/deps/test_typer.py checks typer still asks these methods.
    """
    import copy

    from typer.core import TyperOption

    if isinstance(param, TyperArgument) and type(param) is TyperArgument:
        param.__class__ = _PlainArgument
        kind: Any = type(param.type)
        param.type = copy.copy(param.type)
        param.type.__class__ = _no_type_metavar(kind)
    elif isinstance(param, TyperOption) and type(param) is TyperOption:
        if param.metavar is None and not param.is_flag:
            if hasattr(param.type, "choices"):  # a click Choice
                param.metavar = "|".join(str(c) for c in param.type.choices)
            else:
                param.metavar = (param.name or "value").upper().replace("_", "-")
        if hasattr(param.type, "_describe_range"):  # a click IntRange
            kind = type(param.type)
            param.type = copy.copy(param.type)
            param.type.__class__ = _range_in_words(kind)


@lru_cache
def _no_type_metavar(cls: Any) -> type:
    """``cls`` whose metavar is empty: the argument's name says what it is."""
    return type(cls.__name__, (cls,), {"get_metavar": lambda self, param, ctx: ""})


@lru_cache
def _range_in_words(cls: Any) -> type:
    """``cls`` whose range reads "1 or more", "0 to 65535" (in --help and in its errors)."""

    def describe(self: Any) -> str:
        from coprod.i18n import _

        if self.min is not None and self.max is not None:
            return _("%(low)s to %(high)s") % {"low": self.min, "high": self.max}
        if self.min is not None:
            return _("%(low)s or more") % {"low": self.min}
        return _("%(high)s or less") % {"high": self.max}

    return type(cls.__name__, (cls,), {"_describe_range": describe})


class _PlainArgument(TyperArgument):
    """An argument named plainly: ``FILE...``, ``[DIR]``, never ``{FILE...}``."""

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        name = self.metavar or (self.name or "").upper()
        if self.nargs != 1 and "..." not in name:
            name += "..."
        if usage and not self.required and not name.startswith("["):
            return f"[{name}]"
        return name


class CoprodGroup(TyperGroup):
    """Turns coprod's own errors into one message and an exit code, never a traceback.

    The commands of :data:`coprod.cli.commands.COMMANDS` are built on first use.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _flow_help(self)  # the group's own help and the commands already built (help)
        from coprod.cli.commands import COMMANDS

        loaders = {name: self._loader(name) for name in COMMANDS}
        self.commands = LazyCommands(dict(self.commands), loaders)

    def _loader(self, name: str) -> Callable[[], Any]:
        def load() -> Any:
            import importlib

            import typer.main
            from typer.models import CommandInfo, TyperInfo

            from coprod.cli.commands import COMMANDS

            entry = COMMANDS[name]
            module = importlib.import_module(f"coprod.cli.commands.{entry.module}")
            target = getattr(module, entry.attr)
            command: Any
            if isinstance(target, typer.Typer):  # a group of commands (coprod data ...)
                command = typer.main.get_group_from_info(
                    TyperInfo(target, name=name),
                    pretty_exceptions_short=True,
                    rich_markup_mode=self.rich_markup_mode,
                    suggest_commands=self.suggest_commands,
                )
            else:
                info = CommandInfo(name=name, callback=target)
                if entry.context_settings is not None:
                    info.context_settings = entry.context_settings
                command = typer.main.get_command_from_info(
                    info, pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
                )
            _flow_help(command)
            if self.translate is not None:
                self.translate(command)
            return command

        return load

    #: Set by :meth:`main` in a language other than English: translates a command's help
    #: when it is loaded.
    translate: Callable[[Any], None] | None = None

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return list(self.commands)  # the names only: nothing is loaded

    _listing = False  # while the group's own help lists its commands

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The group's help: its commands listed from their help texts, not built."""
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        commands = self.commands
        if self._listing and isinstance(commands, LazyCommands) and not commands.loaded(cmd_name):
            return self._summary(cmd_name)
        return super().get_command(ctx, cmd_name)

    def _summary(self, name: str) -> Any:
        """A command as the group's help lists it: its name and help, without its options
        (building those takes most of the time that listing sixteen commands would)."""
        import importlib
        import inspect

        from typer.core import TyperCommand

        from coprod.cli.commands import COMMANDS

        entry = COMMANDS[name]
        target = getattr(importlib.import_module(f"coprod.cli.commands.{entry.module}"), entry.attr)
        if isinstance(target, typer.Typer):
            text = target.info.help if isinstance(target.info.help, str) else None
        else:
            text = inspect.getdoc(target)
        return TyperCommand(
            name=name, help=flow_paragraphs(text), rich_markup_mode=self.rich_markup_mode
        )

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Choose the interface language before click parses anything, then run.

        ``--lang`` (before the command name) or ``$COPROD_LANG`` is activated first,
        so usage errors and ``--help`` are in that language too; in a language other
        than English every help text is replaced by its translation.
        """
        from coprod.i18n import cli_help as helptext

        argv = helptext.hoist_global_options(sys.argv[1:] if args is None else list(args))
        language = helptext.choose_language(argv, os.environ)
        helptext.translate_typer_words(language)
        if language != "en":
            helptext.translate_help(self)  # loads every command: all their help is shown
            self.translate = helptext.translate_help
        return super().main(argv, *rest, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from coprod import runtime
        from coprod.terminal import console

        runtime.reset(keep_language=True)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
            from coprod.terminal import streams

            streams.reader_went_away()
        except CoprodError as exc:
            from rich.markup import escape

            from coprod.i18n import _

            label = f"[bold red]{escape(_(exc.label))}:[/bold red] " if exc.label else ""
            console.err().print(f"{label}{escape(str(exc))}")
            raise SystemExit(exc.exit_code) from None
        except OSError as exc:  # a full disk or a closed stream under stdout: one line, exit 2
            from coprod.terminal import streams

            streams.report_write_error(exc)
            raise SystemExit(2) from None
        finally:
            # the language chosen in main() stays for the output already written;
            # files read and locks held end with the command
            runtime.reset(keep_language=True)


def run(app: Any) -> None:
    """Run the Typer ``app`` as the console script: also a closed pipe and Ctrl-C outside prompts."""
    from coprod.terminal import streams

    # coprod uses no pydantic plugins; looking for them scans every installed package's
    # metadata at start-up. Set here, by the program, not when a module is imported:
    # importing coprod changes nothing in the host process. Someone who wants plugins
    # can still set this variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    streams.prepare()
    try:
        app(prog_name="coprod")
        streams.flush()
    except SystemExit:
        streams.flush()
        raise
    except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
        streams.reader_went_away()
    except OSError as exc:  # --help or --version into a full or closed stdout
        streams.report_write_error(exc)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        raise SystemExit(130) from None
