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


def content_for(ctx: typer.Context, language: str | None = None) -> Content:
    """The content chosen by ``--data-dir`` / ``$COPROD_DATA_DIR`` or the built-in one.

    With ``--lang`` / ``--easy-read``, the matching content pack is laid over it; a
    choice that falls back (Welsh easy read -> standard Welsh) says so on stderr.
    ``language``: one of the two of ``--lang cy+en`` (:func:`workshop_contents`).
    """
    from coprod import i18n
    from coprod.storage.content import load_content
    from coprod.storage.packs import choose_pack

    state = state_of(ctx)
    if language is None and i18n.bilingual(state.lang):
        from coprod.errors import CoprodError
        from coprod.i18n import _

        raise CoprodError(
            _(
                "--lang %(value)s (two languages at once) is for the shared screens of "
                "coprod workshop; give one language here, e.g. --lang cy"
            )
            % {"value": repr(state.lang)}
        )
    data_dir = data_dir_for(ctx)
    choice = choose_pack(data_dir, language or state.lang, state.easy_read)
    i18n.activate(choice.language, easy_read=choice.easy_read)
    if choice.notice:
        from coprod.terminal.console import warn

        warn(choice.notice)
    return load_content(data_dir, choice.pack)


def workshop_contents(ctx: typer.Context) -> tuple[Content, str | None, Content | None]:
    """``coprod workshop``'s content, its screens' language, and the content of a phone
    that chooses none.

    ``--lang cy+en``: the console and the wall in both languages, the first first (the
    interface through coprod.i18n, the content's texts side by side); phones keep their
    own choice, and start in the first language.
    """
    from coprod import i18n

    lang = state_of(ctx).lang
    pair = i18n.bilingual(lang)
    if pair is None:
        return content_for(ctx), None, None
    from coprod.core.packs.bilingual import bilingual_content
    from coprod.core.packs.choice import normalise_language
    from coprod.errors import CoprodError
    from coprod.i18n import _

    first, second = (normalise_language(code) for code in pair)
    if first == second:
        raise CoprodError(
            _("--lang %(value)s names one language twice; for both, give e.g. cy+en")
            % {"value": repr(lang)}
        )
    other = content_for(ctx, second)
    content = content_for(ctx, first)
    screens = f"{first}+{second}"
    i18n.activate(screens, easy_read=state_of(ctx).easy_read)  # what this command prints too
    return bilingual_content(content, other), screens, content


def typed_path(path: Path | str) -> str:
    """A path as a shell needs it typed in a hint (quoted if it has spaces), escaped for markup.

    ``coprod data validate 'our content'`` then works when pasted as printed.
    """
    import shlex

    from rich.markup import escape

    return escape(shlex.quote(str(path)))
