"""Typed notices: what a command tells the user besides its result, as a kind and its facts.

Core code says *what* happened (``Notice("draft")``, ``Notice("ids-gone", {...})``);
the sentence is made only where the notice is shown (:meth:`Notice.text`, called by
the renderers and commands), in the language of that moment. Code that needs to
know what a notice is compares its ``kind``, never its words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from coprod.errors import MAX_SHOWN
from coprod.i18n import N_, _, ngettext

NoticeKind = Literal[
    # an answers file
    "draft",  # not finished (complete: false)
    "ids-gone",  # answered an older content version; ids it no longer has were left out
    "statements-replaced",  # ... statements reworded or split since, left out
    "unanswered",  # ... the current version has statements (or practices) it does not answer
    # a comparison of two answers files
    "files-out-of-order",
    "modes-differ",
    "different-people",
    "same-date",
    # a content pack
    "pack-content-version",
]

#: The sentence of each kind that has one fixed sentence (others are built below).
_TEXT: dict[str, str] = {
    "draft": N_("this is a draft: the assessment was not finished (use --resume to carry on)"),
    "ids-gone": N_(
        "answered against content version %(answered)s (now %(current)s); these ids "
        "no longer exist and were left out: %(ids)s"
    ),
    "statements-replaced": N_(
        "answered against content version %(answered)s (now %(current)s); these "
        "statements were reworded or split and were left out (rate the new ones to "
        "include them): %(ids)s"
    ),
    "files-out-of-order": N_(
        "%(old)s (%(old_date)s) is newer than %(new)s (%(new_date)s); give the older file first"
    ),
    "modes-differ": N_(
        "one file is a quick assessment: practice scores compare, statements do not"
    ),
    "different-people": N_(
        "these are two different people's answers (%(then)s; %(now)s), so differences "
        "are between their views, not changes over time; a team view reads a group "
        "together"
    ),
    "same-date": N_(
        "both files are dated %(date)s, so this is not a change over time; "
        "a team view reads several people's answers from the same day together"
    ),
    "pack-content-version": N_(
        "%(file)s: written for content version %(written)s; the content is version "
        "%(current)s: check that its texts still match"
    ),
}


def listed(items: Sequence[str], separator: str = ", ") -> str:
    """``a, b, c``; past :data:`~coprod.errors.MAX_SHOWN` items, the rest counted."""
    shown = separator.join(items[:MAX_SHOWN])
    if len(items) <= MAX_SHOWN:
        return shown
    return _("%(items)s and %(n)d more") % {"items": shown, "n": len(items) - MAX_SHOWN}


@dataclass(frozen=True)
class Notice:
    """A notice: its kind, and the facts its sentence is made from (ids, versions, files)."""

    kind: NoticeKind
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The sentence, in the language active now."""
        p = self.params
        if self.kind == "unanswered":
            return _unanswered(p["what"], p["current"], p["ids"])
        if self.kind in ("ids-gone", "statements-replaced"):
            ids = (
                listed(p["ids"])
                if self.kind == "ids-gone"
                else listed([f"{old} → {', '.join(new)}" for old, new in p["replaced"]], "; ")
            )
            return _(_TEXT[self.kind]) % {
                "answered": p["answered"],
                "current": p["current"],
                "ids": ids,
            }
        if self.kind == "draft" and p.get("workshop"):
            return _("this is a draft: the person had not finished when the workshop stopped")
        if self.kind == "draft" and p.get("file"):
            import shlex

            command = f"coprod assess --resume {shlex.quote(str(p['file']))}"
            return _(
                "this is a draft: the assessment was not finished (carry on with %(command)s)"
            ) % {"command": command}
        if self.kind == "different-people":
            nobody = _("nobody named")
            return _(_TEXT[self.kind]) % {"then": p["then"] or nobody, "now": p["now"] or nobody}
        return _(_TEXT[self.kind]) % dict(p) if p else _(_TEXT[self.kind])


def _unanswered(what: str, current: int, ids: list[str]) -> str:
    template = (
        ngettext(
            "content version %(current)s has %(n)d statement this file does not answer "
            "(scored on what matches): %(ids)s",
            "content version %(current)s has %(n)d statements this file does not answer "
            "(scored on what matches): %(ids)s",
            len(ids),
        )
        if what == "statement"
        else ngettext(
            "content version %(current)s has %(n)d practice this file does not answer "
            "(scored on what matches): %(ids)s",
            "content version %(current)s has %(n)d practices this file does not answer "
            "(scored on what matches): %(ids)s",
            len(ids),
        )
    )
    return template % {"current": current, "n": len(ids), "ids": listed(ids)}
