"""Interface strings in the chosen language, through gettext message catalogues.

The catalogues live in ``coprod/i18n/locale/<lang>/LC_MESSAGES/coprod.po`` (managed with
Babel: ``pybabel extract`` / ``update`` / ``compile``, see docs/languages.md) and are shipped
compiled (``coprod.mo``) inside the package. English is the source language: with
no catalogue, or a string not yet translated, the English is shown.

Use ``_("Practice profile")`` for a string, ``ngettext("%(n)d question",
"%(n)d questions", n) % {"n": n}`` for a count (Welsh has six plural forms:
0, 1, 2, 3, 6 and the rest), and ``N_()`` to mark a string translated later.
Two languages at once, for a bilingual room's shared screens (``coprod workshop --lang
cy+en``): :func:`activate` or :func:`override` with ``"cy+en"`` shows each string in Welsh
first, then in English (``"Nesaf / Next"``), through the same catalogues.
The language lives in a :class:`contextvars.ContextVar`: the CLI sets it once per
command (``--lang`` / ``COPROD_LANG``) with :func:`activate`; the workshop sets it
once per request (from the phone's cookie) with :func:`override`, so two phones in
different languages served at the same moment each get their own words, including
labels that come from core and the renderers. Threads started by anyio (saves,
exports) run in a copy of the request's context and so keep its language.

Easy read is part of the same choice: ``activate(lang, easy_read=True)`` (``--easy-read``,
a phone's "Easy read") looks each string up first in the language's easy-read catalogue,
``locale/<lang>/LC_MESSAGES/easy-read.po`` (the English msgid, the easy-read words), then
in the language's own catalogue. Only strings a resident or participant meets have an
easy-read entry; the rest stay as they are. The content's easy read comes from its pack.
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DOMAIN = "coprod"
EASY_READ_DOMAIN = "easy-read"  # locale/<lang>/LC_MESSAGES/easy-read.po: the easy-read words
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@dataclass(frozen=True)
class _Active:
    language: str
    catalogue: _gettext.NullTranslations
    second: str | None = None  # a bilingual screen's other language (shown after)
    easy_read: bool = False


_ENGLISH = _Active("en", _gettext.NullTranslations())
#: Between the two languages of a bilingual string (Welsh Language Standards: Welsh first).
BILINGUAL_SEPARATOR = " / "
#: A %-placeholder without a name: a bilingual string would need it twice, so such a
#: string is shown in the first language only.
_POSITIONAL = re.compile(r"%(?!\()[-#0 +]*\d*(?:\.\d+)?[sdifrx]")


class _Bilingual(_gettext.NullTranslations):
    """Each string in the first language, then the second (where the two differ)."""

    def __init__(self, first: _gettext.NullTranslations, second: _gettext.NullTranslations):
        super().__init__()
        self.first, self.second = first, second

    def _both(self, message: str, one: str, two: str) -> str:
        if one == two or _POSITIONAL.search(message):
            return one
        return f"{one}{BILINGUAL_SEPARATOR}{two}"

    def gettext(self, message: str) -> str:
        return self._both(message, self.first.gettext(message), self.second.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._both(
            msgid1, self.first.ngettext(msgid1, msgid2, n), self.second.ngettext(msgid1, msgid2, n)
        )


def bilingual(code: str | None) -> tuple[str, str] | None:
    """``"cy+en"`` -> ``("cy", "en")``: two languages, the first shown first; else None."""
    if code and "+" in code:
        first, _plus, second = code.partition("+")
        return first, second
    return None


_current: ContextVar[_Active] = ContextVar("coprod_language", default=_ENGLISH)


@lru_cache(maxsize=8)
def translations(language: str, easy_read: bool = False) -> _gettext.NullTranslations:
    """The catalogue for a language (English, or one without a catalogue: the source strings).

    ``easy_read``: the language's easy-read catalogue, falling back to its own catalogue.
    """
    if easy_read:
        easy = _gettext.translation(
            EASY_READ_DOMAIN, LOCALE_DIR, languages=[language], fallback=True
        )
        easy.add_fallback(translations(language))
        return easy
    if language == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def _active_for(language: str | None, easy_read: bool) -> _Active:
    code = language or "en"
    pair = bilingual(code)
    if pair is not None:  # the first language is the page's (<html lang>, dates)
        first, second = pair
        catalogue = _Bilingual(translations(first, easy_read), translations(second, easy_read))
        return _Active(first, catalogue, second, easy_read)
    if code == "en" and not easy_read:
        return _ENGLISH
    return _Active(code, translations(code, easy_read), None, easy_read)


def activate(language: str | None, easy_read: bool = False) -> None:
    """Show interface strings in ``language`` (a code such as ``cy``), in easy read if
    ``easy_read``, in this context from now on."""
    _current.set(_active_for(language, easy_read))


@contextmanager
def override(language: str | None, easy_read: bool = False) -> Iterator[None]:
    """Show interface strings in ``language`` (in easy read if ``easy_read``) inside the
    ``with`` block only."""
    token = _current.set(_active_for(language, easy_read))
    try:
        yield
    finally:
        _current.reset(token)


def reset() -> None:
    """Back to English (the state a new run starts in)."""
    _current.set(_ENGLISH)


def language() -> str:
    """The language interface strings are shown in (for ``<html lang>``); on a bilingual
    screen, the first of the two."""
    return _current.get().language


def second_language() -> str | None:
    """On a bilingual screen (``cy+en``), the language shown second; else None."""
    return _current.get().second


def easy_read() -> bool:
    """Whether interface strings are shown in easy read."""
    return _current.get().easy_read


def _(message: str) -> str:
    """``message`` in the active language."""
    return _current.get().catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` (format it with ``% {"n": n}``)."""
    return _current.get().catalogue.ngettext(singular, plural, n)


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


def format_date(value: _dt.date, pattern: str = "d MMMM y") -> str:
    """``value`` with the active language's month names (a Babel/CLDR pattern).

    Welsh: ``16 Medi 2017``, ``Medi 2017`` (``"MMMM y"``). English keeps coprod's
    own names without importing Babel (startup is UX); the output is the same.
    """
    code = language()
    if code == "en":
        month = ENGLISH_MONTHS[value.month - 1]
        words = {"d MMMM y": f"{value.day} {month} {value.year}", "MMMM y": f"{month} {value.year}"}
        if pattern in words:
            return words[pattern]
        if pattern == "MMM y":
            return f"{month[:3]} {value.year}"
    from babel.dates import format_date as babel_format_date

    try:
        return babel_format_date(value, pattern, locale=code)
    except (ValueError, LookupError):  # a language Babel has no data for: English
        return babel_format_date(value, pattern, locale="en")


def partial_date(text: str, *, short: bool = False) -> str:
    """A content date as written (``2018-03-16`` or a month, ``2018-05``) in words:
    ``"16 March 2018"`` / ``"May 2018"`` (``short``: ``"May 2018"``, ``"Mar 2018"``)."""
    parts = [int(p) for p in text.split("-")]
    day = _dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 and not short else 1)
    if short:
        return format_date(day, "MMM y")
    return format_date(day, "d MMMM y" if len(parts) == 3 else "MMMM y")


def report_date(value: _dt.date) -> str:
    """An answers file's date in a report: ISO in English (as before), else in words
    with the language's month names (Welsh: ``1 Mai 2024``)."""
    return value.isoformat() if language() == "en" else format_date(value)


ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
