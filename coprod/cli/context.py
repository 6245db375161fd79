"""What a command learns from the command line around it: the content to use, paths for hints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

    from coprod.core.models import Content


@dataclass
class State:
    """Options given before the command name, shared with every command."""

    data_dir: Path | None = None
    lang: str | None = None
    easy_read: bool = False


def state_of(ctx: typer.Context) -> State:
    """The options given before the command name (defaults when run without the app)."""
    state = ctx.find_root().obj
    return state if isinstance(state, State) else State()


def data_dir_for(ctx: typer.Context) -> Path:
    """The content folder: ``--data-dir`` / ``$COPROD_DATA_DIR``, or the built-in one."""
    from coprod.storage.content import resolve_data_dir

    return resolve_data_dir(state_of(ctx).data_dir)


def content_for(ctx: typer.Context) -> Content:
    """The content chosen by ``--data-dir`` / ``$COPROD_DATA_DIR`` or the built-in one.

    With ``--lang`` / ``--easy-read``, the matching content pack is laid over it; a
    choice that falls back (Welsh easy read -> standard Welsh) says so on stderr.
    """
    from coprod import i18n
    from coprod.storage.content import load_content
    from coprod.storage.packs import choose_pack

    state = state_of(ctx)
    data_dir = data_dir_for(ctx)
    choice = choose_pack(data_dir, state.lang, state.easy_read)
    i18n.activate(choice.language, easy_read=choice.easy_read)
    if choice.notice:
        from coprod.terminal.console import warn

        warn(choice.notice)
    return load_content(data_dir, choice.pack)


def typed_path(path: Path | str) -> str:
    """A path as a shell needs it typed in a hint (quoted if it has spaces), escaped for markup.

    ``coprod data validate 'our content'`` then works when pasted as printed.
    """
    import shlex

    from rich.markup import escape

    return escape(shlex.quote(str(path)))
