"""Helpers every command shares: the content for this invocation, common options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from coprod.core.models import Content

JsonOption = Annotated[
    bool, typer.Option("--json", help='Print machine-readable JSON (with a "version" key).')
]


def content_for(ctx: typer.Context) -> Content:
    """The content chosen by ``--data-dir`` / ``$COPROD_DATA_DIR`` or the built-in one.

    With ``--lang`` / ``--easy-read``, the matching content pack is laid over it; a
    choice that falls back (Welsh easy read -> standard Welsh) says so on stderr.
    """
    from coprod.core.loader import load_content, resolve_data_dir
    from coprod.core.packchoice import choose_pack

    state = ctx.find_root().obj
    data_dir = resolve_data_dir(getattr(state, "data_dir", None))
    choice = choose_pack(
        data_dir, getattr(state, "lang", None), bool(getattr(state, "easy_read", False))
    )
    from coprod import i18n

    i18n.activate(choice.language)
    if choice.notice:
        from coprod.console import warn

        warn(choice.notice)
    return load_content(data_dir, choice.pack)
