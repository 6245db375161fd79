"""Per-run state, in one place, with one reset.

A run is one command (``CoprodGroup.invoke``), one workshop server, or one test.
What a run may leave behind in the process, and so what :func:`reset` puts back:

* the interface language (a ContextVar in :mod:`coprod.i18n`);
* the rich consoles, created on first use for the environment of the moment;
* the set of files read, which keeps ``-o`` from writing over an input;
* the draft locks held (released, their lock files removed).

Modules keep their own state private; this module is the only caller of their
resets, so a new kind of per-run state is added here, once, and the CLI, the
workshop and the tests' single autouse fixture all pick it up.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


def reset(*, keep_language: bool = False) -> None:
    """Forget everything a previous run left in the process.

    ``keep_language``: the CLI chooses the language before click parses anything
    (so usage errors are translated too), then resets the rest for the command.
    """
    if not keep_language:
        from coprod import i18n

        i18n.reset()
    # only what has been imported can hold state: importing here would cost start-up
    console = sys.modules.get("coprod.terminal.console")
    if console is not None:
        console.reset()
    yamlio = sys.modules.get("coprod.storage.yamlio")
    if yamlio is not None:
        yamlio.forget_inputs()
    locking = sys.modules.get("coprod.storage.locking")
    if locking is not None:
        locking.release_all()


@contextmanager
def run_context() -> Iterator[None]:
    """One run: starts from a clean state and leaves none behind."""
    reset()
    try:
        yield
    finally:
        reset()
