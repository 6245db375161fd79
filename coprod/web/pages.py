"""The workshop's templates: one autoescaping Jinja2 environment, and the choices pages offer.

The environment has no language of its own: ``gettext``/``ngettext`` installed in it are
:mod:`coprod.i18n`'s, which read the language of the request being served (set by
:mod:`coprod.web.language`). The labels pages show (bands, ratings, roles, the room's
coverage) come from :mod:`coprod.i18n.labels`, the same tables the terminal and the
report files use.
"""

from __future__ import annotations

from pathlib import Path

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
    )
    return Jinja2Templates(env=env)


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
