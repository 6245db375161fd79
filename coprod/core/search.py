"""Finding cases: accent-, case- and quote-insensitive text search plus filters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from coprod.core.models import Case, Content, slugify
from coprod.errors import CoprodError
from coprod.i18n import N_, _, ngettext

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
)


def normalise(text: str) -> str:
    """Lower case, no accents, plain quotes: ``"Children’s Café"`` -> ``"children's cafe"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _haystack(case: Case, content: Content) -> str:
    method_names = {m.id: m.name for m in content.methods}
    strategy = next((s.name for s in content.strategies if s.id == case.strategy), "")
    parts: list[str] = [
        case.id,
        case.name,
        case.summary,
        case.description,
        strategy,
        *case.questions,
        *case.partners,
        *case.themes,
        *(output.text for output in case.outputs),
        *case.methods,
        *(method_names.get(m, m) for m in case.methods),
    ]
    return normalise("\n".join(parts))


def suggest(value: str, valid: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest valid value, or ``""``."""
    import difflib

    match = difflib.get_close_matches(value, list(valid), n=1, cutoff=0.5)
    return f"; did you mean {match[0]!r}?" if match else ""


def _closest_option(wanted: str, options: dict[str, str]) -> str:
    """A "did you mean" for the option whose id, name or any word of its name is closest."""
    import difflib

    candidates: dict[str, str] = {}
    for option_id, name in options.items():
        for form in (option_id, normalise(name), *normalise(name).split()):
            candidates.setdefault(form, option_id)
    match = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
    if not match:
        return ""
    return _("; did you mean %(id)s?") % {"id": repr(candidates[match[0]])}


# "unknown case 'x'", one whole sentence per kind (a translator may need to reword each)
UNKNOWN = {
    "case": N_("unknown case %(value)s%(closest)s"),
    "practice": N_("unknown practice %(value)s%(closest)s"),
    "method": N_("unknown method %(value)s%(closest)s"),
    "theme": N_("unknown theme %(value)s%(closest)s"),
    "strategy": N_("unknown strategy %(value)s%(closest)s"),
}
VALID = {
    "case": N_("The cases: %(valid)s%(numbered)s"),
    "practice": N_("The practices: %(valid)s%(numbered)s"),
    "method": N_("The methods: %(valid)s%(numbered)s"),
    "theme": N_("The themes: %(valid)s%(numbered)s"),
    "strategy": N_("The strategies: %(valid)s%(numbered)s"),
}


def resolve_choice(
    kind: str,
    value: str,
    options: dict[str, str],
    *,
    numbers: dict[str, str] | None = None,
) -> str:
    """Match ``value`` to an option id; else a clear error that names the valid ids.

    ``options`` maps id -> display name; ``numbers`` maps a number as shown in the
    tables (``"7"``) -> id. Ignoring case, accents and curly quotes, ``value`` may be
    the id, the name, the name's slug or its number; else a unique prefix of an id or
    name, or a unique part of one. Several matches name them all.
    """
    wanted = " ".join(normalise(value).split())
    numbers = numbers or {}
    if wanted.removeprefix("#").rstrip(".") in numbers:
        return numbers[wanted.removeprefix("#").rstrip(".")]
    forms = {i: (normalise(i), normalise(name), slugify(name)) for i, name in options.items()}
    for option_id, names in forms.items():
        if wanted in names:
            return option_id
    if wanted:
        prefixed = [i for i, names in forms.items() if any(n.startswith(wanted) for n in names)]
        if len(prefixed) == 1:
            return prefixed[0]
        partial = prefixed or [i for i, names in forms.items() if any(wanted in n for n in names)]
        if len(partial) == 1:
            return partial[0]
        if partial:
            raise CoprodError(
                ngettext(
                    "%(value)s matches %(n)d of them: %(matches)s",
                    "%(value)s matches %(n)d of them: %(matches)s",
                    len(partial),
                )
                % {
                    "value": repr(value),
                    "n": len(partial),
                    "matches": ", ".join(f"{i} ({options[i]})" for i in partial),
                },
                hint=_("Give more of the name, or one of these ids: %(ids)s")
                % {"ids": ", ".join(partial)},
            )
    valid = ", ".join(options)
    numbered = ""
    if numbers:
        numbered = _(" (or a number, %(low)s to %(high)s)") % {
            "low": min(numbers, key=int),
            "high": max(numbers, key=int),
        }
    unknown = UNKNOWN.get(kind, N_("unknown value %(value)s%(closest)s"))
    raise CoprodError(
        _(unknown) % {"value": repr(value), "closest": _closest_option(wanted, options)},
        hint=_(VALID.get(kind, N_("Valid values: %(valid)s%(numbered)s")))
        % {"valid": valid, "numbered": numbered},
    )


def practice_numbers(content: Content) -> dict[str, str]:
    """Each practice's number as the tables show it (``"7"``) -> its id."""
    return {str(p.number): p.id for p in content.practices}


def resolve_practice(content: Content, value: str) -> str:
    """A practice id from its number, id or name (or a unique prefix of one)."""
    return resolve_choice(
        "practice",
        value,
        {p.id: p.name for p in content.practices},
        numbers=practice_numbers(content),
    )


def theme_options(content: Content) -> dict[str, str]:
    """Every theme used by a case, as slug -> name, in first-seen order."""
    themes: dict[str, str] = {}
    for case in content.cases:
        for theme in case.themes:
            themes.setdefault(slugify(theme), theme)
    return themes


def search_cases(
    content: Content,
    query: str | None = None,
    *,
    practice: str | None = None,
    method: str | None = None,
    theme: str | None = None,
    strategy: str | None = None,
) -> list[Case]:
    """Cases matching every word of ``query`` and every filter given (filters combine)."""
    if practice is not None:
        practice = resolve_practice(content, practice)
    if method is not None:
        method = resolve_choice("method", method, {m.id: m.name for m in content.methods})
    if theme is not None:
        theme = resolve_choice("theme", theme, theme_options(content))
    if strategy is not None:
        strategy = resolve_choice("strategy", strategy, {s.id: s.name for s in content.strategies})
    words = normalise(query).split() if query else []
    found = []
    for case in content.cases:
        if practice and practice not in content.practices_of(case.id):
            continue
        if method and method not in case.methods:
            continue
        if theme and theme not in {slugify(t) for t in case.themes}:
            continue
        if strategy and case.strategy != strategy:
            continue
        if words:
            haystack = _haystack(case, content)
            if not all(w in haystack for w in words):
                continue
        found.append(case)
    return found


def find_case(content: Content, case_id: str) -> Case:
    """A case by id or name (or a unique prefix of one); an unknown one names the valid ids."""
    resolved = resolve_choice("case", case_id, {c.id: c.name for c in content.cases})
    return content.case(resolved)
