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
    """The content chosen by ``--data-dir`` / ``$COPROD_DATA_DIR`` or the built-in one."""
    from coprod.core.loader import load_content

    state = ctx.find_root().obj
    return load_content(getattr(state, "data_dir", None))
