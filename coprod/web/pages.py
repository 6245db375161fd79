"""The workshop's templates: one autoescaping Jinja2 environment, and the choices pages offer.

The environment has no language of its own: ``gettext``/``ngettext`` installed in it are
:mod:`coprod.i18n`'s, which read the language of the request being served (set by
:mod:`coprod.web.language`). The labels pages show (bands, ratings, roles, the room's
coverage) come from :mod:`coprod.i18n.labels`, the same tables the terminal and the
report files use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from coprod import i18n
from coprod.core.scoring import BAND_BOUNDARIES
from coprod.i18n import labels
from coprod.render.jinja import environment
from coprod.web.page_cache import Choices, PageCache

HERE = Path(__file__).parent


def templates() -> jinja2.Environment:
    """The workshop's templates (one environment for the server's life)."""
    env = environment(HERE / "templates")
    # "developing" from 40, "strong" from 70: the meters' marks, from core's one table
    low, high = BAND_BOUNDARIES
    env.globals.update(
        band=labels.band_label,
        rating_text=labels.rating_label,
        room_status=labels.room_status_label,
        band_low=low,
        band_high=high,
        picture_alt=labels.picture_alt,
        statement_block=_statement_blocks(env),
    )
    return env


@dataclass(frozen=True)
class _Shown:
    """What a block shows of a statement."""

    id: str
    text: str
    picture: str | None


@dataclass(frozen=True)
class _OneStatement:
    """The part of a person's answers one statement's block shows (and nothing else)."""

    ratings: dict[str, object]
    reasons: dict[str, str]
    matters_most: tuple[str, ...]


def _statement_blocks(env: jinja2.Environment) -> Callable[..., Markup]:
    """``statement_block(statement)`` for practice pages: ``_statement.html`` rendered from
    the values it shows alone (the language, the statement, its rating, reason and mark,
    and any error or kept text for it), each rendering kept for the same values.

    Most phones are shown each practice page blank, in one of a few languages: the
    blocks are then made once for the room, not once per phone and page (a page with
    other answers elsewhere is made afresh, its statements' blocks are not)."""
    blocks = PageCache(env, MAX_KEPT_BLOCKS)

    @jinja2.pass_context
    def statement_block(context: jinja2.runtime.Context, statement: Any) -> Markup:
        key = statement.id
        answers = context["answers"]
        rating = answers.ratings.get(key)
        reason = answers.reasons.get(key)
        marked = key in answers.matters_most
        names = (key, f"{key}.why", "matters_most")
        errors = {n: v for n, v in context["errors"].items() if n in names}
        kept = {n: v for n, v in context["kept"].items() if n in names}
        shown = _Shown(statement.id, statement.text, statement.picture)
        values = {
            "statement": shown,
            "answers": _OneStatement(
                {key: rating} if rating is not None else {},
                {key: reason} if reason else {},
                (key,) if marked else (),
            ),
            "errors": errors,
            "kept": kept,
            "rating_options": context["rating_options"],
            "pictures": context["pictures"],
            "join_path": context["join_path"],
        }
        # what a phone typed that was refused: never kept for others
        return Markup(blocks.html("_statement.html", values, keep=not (errors or kept)))

    return statement_block


MAX_KEPT_BLOCKS = 4096  # a few languages x 56 statements x the answers people give


def warm(env: jinja2.Environment) -> None:
    """Before the first phones arrive: every template compiled, and what the pages and the
    live view use imported, so the first people to join do not wait for it. Anything that
    fails here is left for the page that needs it to report."""
    import importlib

    try:
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
        for module in WARM_MODULES:
            importlib.import_module(module)
    except Exception:  # the page that needs it says what is wrong
        pass


#: What the pages and the live view import on first use.
WARM_MODULES = (
    "coprod.core.assessment",
    "coprod.core.team",
    "coprod.render.markdown.team",
    "coprod.render.markdown.sense",
    "coprod.web.slides",
    "coprod.storage.files",
    "coprod.storage.yaml_plain",
    "sse_starlette.sse",
)


def _in_language(make: Callable[[], list[tuple[str, str]]]) -> Callable[[], Choices]:
    """``make``'s choices, made once per language (they are labels, nothing else)."""
    made: dict[tuple[str, str | None, bool], Choices] = {}

    @functools.wraps(make)
    def in_language() -> Choices:
        key = (i18n.language(), i18n.second_language(), i18n.easy_read())
        found = made.get(key)
        if found is None:
            found = made[key] = Choices(make())
        return found

    return in_language


@_in_language
def role_options() -> list[tuple[str, str]]:
    """The role radios: ``("officer", "Council or public-sector officer")`` ... and "prefer not"."""
    return [*labels.choices(labels.ROLE_CHOICES), ("", i18n._(labels.NO_ROLE_CHOICE))]


@_in_language
def criterion_options() -> list[tuple[str, str]]:
    return labels.choices(labels.ANSWER_CHOICES)


@_in_language
def rating_options() -> list[tuple[str, str]]:
    """The rating radios: ``("3", "3 Mostly")`` ... ``("na", "Not applicable")``."""
    return [
        *((str(n), labels.rating_label(n)) for n in labels.SCALE_WORDS),
        *((value, labels.rating_label(value)) for value in labels.NOT_RATED_WORDS),
    ]
