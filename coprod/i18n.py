"""Interface strings in the chosen language, through gettext message catalogues.

The catalogues live in ``coprod/locale/<lang>/LC_MESSAGES/coprod.po`` (managed with
Babel: ``pybabel extract`` / ``update`` / ``compile``, see README) and are shipped
compiled (``coprod.mo``) inside the package. English is the source language: with
no catalogue, or a string not yet translated, the English is shown.

Use ``_("Practice profile")`` for a string, ``ngettext("%(n)d question",
"%(n)d questions", n) % {"n": n}`` for a count (Welsh has six plural forms:
0, 1, 2, 3, 6 and the rest), and ``N_()`` to mark a string translated later.
The language is chosen once per command (``--lang`` / ``COPROD_LANG``) with
:func:`activate`.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path

DOMAIN = "coprod"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_active: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


@lru_cache(maxsize=8)
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue for a language (English, or one without a catalogue: the source strings)."""
    if language == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def activate(language: str | None) -> None:
    """Show interface strings in ``language`` (a code such as ``cy``) from now on."""
    global _active, _language
    _language = language or "en"
    _active = translations(_language)


def language() -> str:
    """The language interface strings are shown in (for ``<html lang>``)."""
    return _language


def _(message: str) -> str:
    """``message`` in the active language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` (format it with ``% {"n": n}``)."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (translate with ``_``)."""
    return message


def available() -> list[str]:
    """Languages with a compiled catalogue, besides English."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(
        p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )
