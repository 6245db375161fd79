"""Content in two languages at once, for a bilingual room's shared screens (pure).

``coprod workshop --lang cy+en`` shows the projector and the console in Welsh first,
then English, as the Welsh Language Standards expect of bilingual material: the
interface strings through :mod:`coprod.i18n` (``"cy+en"``), the content's texts through
:func:`bilingual_content`, which puts each text the shared screens show in the first
language beside the same item's text in the second (the two contents have the same ids).
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from coprod.core.models import Characteristic, Content, Criterion, KeyPoint, Statement, Strict
from coprod.i18n import BILINGUAL_SEPARATOR

Model = TypeVar("Model", bound=Strict)
Item = TypeVar("Item", Statement, KeyPoint, Criterion, Characteristic)


def both(first: str, second: str) -> str:
    """``"Cymraeg / English"``; one of them where the two are the same."""
    return first if first == second else f"{first}{BILINGUAL_SEPARATOR}{second}"


def _merged(first: Model, second: Model, fields: tuple[str, ...]) -> Model:
    return dataclasses.replace(
        first, **{name: both(getattr(first, name), getattr(second, name)) for name in fields}
    )


def _by_id(first: list[Item], second: list[Item], fields: tuple[str, ...]) -> list[Item]:
    others = {item.id: item for item in second}
    return [_merged(item, others[item.id], fields) if item.id in others else item for item in first]


def bilingual_content(first: Content, second: Content) -> Content:
    """``first`` with the texts the wall and the console show followed by ``second``'s:
    practice names and summaries, statements, Key Points, the criteria, and the Action
    Research Collective's characteristics. Ids, numbers and facts are ``first``'s."""
    practices = []
    others = {p.id: p for p in second.practices}
    for practice in first.practices:
        other = others.get(practice.id)
        if other is None:
            practices.append(practice)
            continue
        merged = _merged(practice, other, ("name", "summary"))
        practices.append(
            dataclasses.replace(
                merged,
                statements=_by_id(practice.statements, other.statements, ("text",)),
                key_points=_by_id(practice.key_points, other.key_points, ("text",)),
            )
        )
    criteria = dataclasses.replace(
        first.criteria,
        favourable=_by_id(
            first.criteria.favourable, second.criteria.favourable, ("text", "question")
        ),
        warning=_by_id(first.criteria.warning, second.criteria.warning, ("text", "question")),
    )
    background = dataclasses.replace(
        first.background,
        arc_characteristics=_by_id(
            first.background.arc_characteristics,
            second.background.arc_characteristics,
            ("name", "description"),
        ),
    )
    return dataclasses.replace(first, practices=practices, criteria=criteria, background=background)
