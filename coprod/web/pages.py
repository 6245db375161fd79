"""The workshop's templates: one autoescaping Jinja2 environment, and the choices pages offer.

The environment has no language of its own: ``gettext``/``ngettext`` installed in it are
:mod:`coprod.i18n`'s, which read the language of the request being served (set by
:mod:`coprod.web.language`). The labels pages show (bands, ratings, roles, the room's
coverage) come from :mod:`coprod.i18n.labels`, the same tables the terminal and the
report files use.
"""

from __future__ import annotations

import functools
from pathlib import Path

from markupsafe import Markup, escape
from starlette.templating import Jinja2Templates

from coprod import i18n
from coprod.core.scoring import BAND_BOUNDARIES
from coprod.i18n import labels
from coprod.render.jinja import environment

HERE = Path(__file__).parent


def templates() -> Jinja2Templates:
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
        radio_options=radio_options,
    )
    return Jinja2Templates(env=env)


def radio_options(name: str, options: list[tuple[str, str]], current: object) -> Markup:
    """The radio buttons of one choice (``_macros.html``'s ``choices``), ``current`` checked.

    A practice page has a choice per statement, each with seven options, on every phone:
    their escaped HTML is made once per choice and set of labels, then only the mark moves.
    """
    chosen = None if current is None else str(current)
    rows = _option_rows(name, tuple(options))
    return Markup("".join(row % (" checked" if value == chosen else "") for value, row in rows))


@functools.lru_cache(maxsize=2048)
def _option_rows(name: str, options: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    def html(text: str) -> str:
        return str(escape(text)).replace("%", "%%")

    return tuple(
        (
            value,
            f'<label class="option"><input type="radio" name="{html(name)}" '
            f'value="{html(value)}"%s> <span>{html(label)}</span></label>\n',
        )
        for value, label in options
    )


def warm(templates: Jinja2Templates) -> None:
    """Before the first phones arrive: every template compiled, and what the pages and the
    live view use imported, so the first people to join do not wait for it. Anything that
    fails here is left for the page that needs it to report."""
    import importlib

    try:
        for name in templates.env.list_templates(extensions=["html"]):
            templates.env.get_template(name)
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


def role_options() -> list[tuple[str, str]]:
    """The role radios: ``("officer", "Council or public-sector officer")`` ... and "prefer not"."""
    return [*labels.choices(labels.ROLE_CHOICES), ("", i18n._(labels.NO_ROLE_CHOICE))]


def criterion_options() -> list[tuple[str, str]]:
    return labels.choices(labels.ANSWER_CHOICES)


def rating_options() -> list[tuple[str, str]]:
    """The rating radios: ``("3", "3 Mostly")`` ... ``("na", "Not applicable")``."""
    return [
        *((str(n), labels.rating_label(n)) for n in labels.SCALE_WORDS),
        *((value, labels.rating_label(value)) for value in labels.NOT_RATED_WORDS),
    ]
