"""Which content pack a choice of language and easy read means (light: no pydantic).

See :mod:`coprod.core.packs` for what a pack is. This part runs on every command,
so it only works on the names of the packs a content folder has
(:func:`coprod.storage.packs.available_packs`); reading and checking a pack
happens only when one is chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coprod.errors import CoprodError, Problem
from coprod.i18n import N_, _

PACKS_FOLDER = "packs"
ENGLISH = "en"
EASY_READ = "easy-read"
LANGUAGE_NAMES = {"en": N_("English"), "cy": N_("Welsh")}


def normalise_language(value: str) -> str:
    """``cy``, ``CY``, ``cy-GB``, ``cy_GB.UTF-8`` -> ``cy``; anything else is refused."""
    primary = re.split(r"[-_.@]", value.strip(), maxsplit=1)[0].lower()
    if not re.fullmatch(r"[a-z]{2,3}", primary):
        raise CoprodError(
            Problem(
                _("%(option)s %(value)s is not a language code; use e.g. en or cy")
                % {"option": "--lang", "value": repr(value)},
                None,
            ),
        )
    return primary


def pack_name(language: str, easy_read: bool) -> str | None:
    """The pack folder for a choice; ``None`` for the English original."""
    if language == ENGLISH:
        return EASY_READ if easy_read else None
    return f"{language}-{EASY_READ}" if easy_read else language


@dataclass
class Choice:
    """The pack chosen for ``--lang`` / ``--easy-read``, and what to tell the user about it."""

    language: str
    pack: str | None
    notice: str | None = None

    @property
    def easy_read(self) -> bool:
        """Easy read was asked for and is shown: the interface follows it (:mod:`coprod.i18n`)."""
        return bool(self.pack and self.pack.endswith(EASY_READ))


def choose(packs: list[str], language: str | None, easy_read: bool, folder: Path) -> Choice:
    """The pack for a language and easy read, among ``packs`` (the names in ``folder``).

    Welsh easy read falls back to Welsh, saying so; a choice with no pack is refused.
    """
    lang = normalise_language(language) if language else ENGLISH
    wanted = pack_name(lang, easy_read)
    if wanted is None:
        return Choice(lang, None)
    if wanted in packs:
        return Choice(lang, wanted)
    name = (
        _(LANGUAGE_NAMES[lang])
        if lang in LANGUAGE_NAMES
        else _("language %(code)s") % {"code": repr(lang)}
    )
    languages = ", ".join(sorted({ENGLISH, *(p.split("-")[0] for p in packs if p != EASY_READ)}))
    if easy_read and lang != ENGLISH and lang in packs:
        return Choice(
            lang,
            lang,
            _("there is no easy-read version in %(language)s yet; showing standard %(language)s")
            % {"language": name},
        )
    if easy_read and lang == ENGLISH:
        raise CoprodError(
            Problem(
                _("no easy-read pack in %(folder)s (expected %(pack)s/)")
                % {"folder": folder, "pack": EASY_READ}
            )
        )
    raise CoprodError(
        Problem(
            _("no content in %(language)s; languages available: %(languages)s")
            % {"language": name, "languages": languages}
        ),
    )
