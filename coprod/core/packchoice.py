"""Which content pack a choice of language and easy read means (light: no pydantic).

See :mod:`coprod.core.packs` for what a pack is. This part runs on every command,
so it only looks at folder names; reading and checking a pack happens only when
one is chosen.
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
#: Every file a pack may hold (coprod.core.packs checks them).
PACK_FILE_NAMES = (
    "meta.yaml",
    "glossary.yaml",
    "practices.yaml",
    "criteria.yaml",
    "cases.yaml",
    "methods.yaml",
    "strategies.yaml",
    "background.yaml",
)


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


def available_packs(data_dir: Path) -> list[str]:
    folder = data_dir / PACKS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "meta.yaml").is_file())


@dataclass
class Choice:
    """The pack chosen for ``--lang`` / ``--easy-read``, and what to tell the user about it."""

    language: str
    pack: str | None
    notice: str | None = None


def choose_pack(data_dir: Path, language: str | None, easy_read: bool) -> Choice:
    """The pack for a language and easy read; Welsh easy read falls back to Welsh, saying so."""
    lang = normalise_language(language) if language else ENGLISH
    wanted = pack_name(lang, easy_read)
    if wanted is None:
        return Choice(lang, None)
    packs = available_packs(data_dir)
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
                % {"folder": data_dir / PACKS_FOLDER, "pack": EASY_READ}
            )
        )
    raise CoprodError(
        Problem(
            _("no content in %(language)s; languages available: %(languages)s")
            % {"language": name, "languages": languages}
        ),
    )


def pack_fingerprint(data_dir: Path, pack: str | None) -> str:
    """Part of the content cache key: the pack's name and the bytes of its files."""
    if pack is None:
        return ""
    import hashlib

    digest = hashlib.sha256(pack.encode())
    folder = data_dir / PACKS_FOLDER / pack
    for name in PACK_FILE_NAMES:
        try:
            raw = (folder / name).read_bytes()
        except OSError:
            raw = b"\0missing"
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return f"pack:{pack}:{digest.hexdigest()}"
