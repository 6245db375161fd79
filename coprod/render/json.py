"""The one JSON contract: every ``--json`` and ``--format json`` document, shaped here.

Each document is an object with ``kind`` (what it describes) and ``version`` (of that
kind's shape, from :data:`VERSIONS`) first, then the kind's own keys (docs/json.md).
Keys and ids are the same in every language; only text meant to be read (names,
statements, notes, titles) follows ``--lang``. Entries refer to each other by ids
(a team's respondents by number), never by a display label.

Raise a kind's version when a key is removed or changes meaning; adding a key does not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from coprod.core.models import Case, Claim, Content, GlossaryTerm, Practice

Kind = Literal[
    "about",
    "actions",
    "agenda",
    "assessment",
    "assessments",
    "case",
    "cases",
    "comparison",
    "criteria",
    "glossary",
    "practices",
    "room",
    "team",
]

# 2 (actions, assessment, assessments, comparison, team): an action's status is
# not-started where it was open.
VERSIONS: dict[Kind, int] = {
    "about": 1,
    "actions": 2,
    "agenda": 1,
    "assessment": 2,  # assess --json, check --json, report --format json (one file)
    "assessments": 2,  # report --format json with several files: {"reports": [...]}
    # cases 2: a case has a description and method_names; outputs, impacts and lessons
    # are objects with their own sources.
    "case": 2,
    "cases": 2,
    "comparison": 2,
    "criteria": 1,
    "glossary": 1,
    "practices": 1,
    "room": 1,
    "team": 2,
}

INDENT_LIMIT = 1_000_000  # characters; larger documents are for programs, not eyes


def document(kind: Kind, data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` as a ``kind`` document: ``{"kind": …, "version": …, **data}``."""
    return {"kind": kind, "version": VERSIONS[kind], **data}


def dumps(data: object) -> str:
    """JSON text: indented for reading, compact (and much faster) when it is very large."""
    compact = json.dumps(data, ensure_ascii=False)
    if len(compact) > INDENT_LIMIT:
        return compact + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def sources(item: Any) -> list[dict[str, Any]]:
    """An item's ``source`` list (publication id, section, page)."""
    from coprod.core.models import dump

    return [dump(s, exclude_none=True) for s in item.source]


# The knowledge commands: practices, criteria, cases, glossary, about.


def practice_json(practice: Practice) -> dict[str, Any]:
    from coprod.core.models import dump

    return {
        "id": practice.id,
        "number": practice.number,
        "name": practice.name,
        "summary": practice.summary,
        "key_points": [{"id": k.id, "text": k.text} for k in practice.key_points],
        "statements": [
            {
                "id": s.id,
                "text": s.text,
                "key_point": s.key_point,
                "next_step": s.next_step,
                **({"source": sources(s)} if s.source else {}),
            }
            for s in practice.statements
        ],
        "cases": [link.case for link in practice.cases],
        "case_links": [dump(link) for link in practice.cases],
        "source": sources(practice),
    }


def practices_document(content: Content, chosen: list[Practice]) -> dict[str, Any]:
    """``coprod practices --json``: all seven practices, or the one asked for."""
    return document(
        "practices",
        {
            "content_version": content.version,
            "practices": [practice_json(p) for p in chosen],
        },
    )


def criteria_document(content: Content) -> dict[str, Any]:
    """``coprod criteria --json``."""
    from coprod.core.scoring import VERDICT_RULES
    from coprod.i18n import _

    crit = content.criteria

    def criterion(c: Any) -> dict[str, Any]:
        return {"id": c.id, "text": c.text, "question": c.question, "why": c.why}

    return document(
        "criteria",
        {
            "content_version": content.version,
            "favourable": [criterion(c) for c in crit.favourable],
            "warning": [criterion(c) for c in crit.warning],
            "verdict_rules": _(VERDICT_RULES),
            "starting_point": {"id": crit.starting_point.id, "text": crit.starting_point.text},
            "caveats": [{"id": n.id, "text": n.text} for n in crit.caveats],
        },
    )


def method_names(case: Case, content: Content) -> list[str]:
    """The case's methods in words: ``["Photovoice", "Peer research"]``."""
    names = {m.id: m.name for m in content.methods}
    return [names.get(m, m) for m in case.methods]


def _claims(claims: list[Claim]) -> list[dict[str, Any]]:
    return [{"text": c.text, "source": sources(c)} for c in claims]


def case_json(case: Case, content: Content, *, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": case.id,
        "name": case.name,
        "description": case.description,
        "methods": list(case.methods),
        "method_names": method_names(case, content),
        "themes": list(case.themes),
        "strategy": case.strategy,
        "practices": content.practices_of(case.id),
        "partners": list(case.partners),
        "started": case.started,
        "questions": list(case.questions),
        "summary": case.summary,
    }
    if full:
        from coprod.core.models import dump
        from coprod.core.sentences import sourced_sentences

        sentences = sourced_sentences(case)
        data |= {
            "sentences": [
                {
                    "field": field,
                    "text": text,
                    "source": [dump(s, exclude_none=True) for s in src],
                }
                for field in ("description", "summary")
                for text, src in sentences[field]
            ],
            "figures": [dump(f, exclude_none=True) for f in case.figures],
            "outputs": _claims(case.outputs),
            "impacts": _claims(case.impacts),
            "lessons": _claims(case.lessons),
            "source": sources(case),
        }
    return data


def cases_document(found: list[Case], content: Content) -> dict[str, Any]:
    """``coprod cases [QUERY] --json``: the cases found."""
    return document("cases", {"count": len(found), "cases": [case_json(c, content) for c in found]})


def case_document(case: Case, content: Content) -> dict[str, Any]:
    """``coprod cases show ID --json``: one case in full."""
    return document("case", {"case": case_json(case, content, full=True)})


def glossary_document(content: Content, terms: list[GlossaryTerm]) -> dict[str, Any]:
    """``coprod glossary --json``."""
    return document(
        "glossary",
        {
            "language": content.language,
            "terms": [
                {
                    "id": t.id,
                    "word": t.word,
                    "also": list(t.also),
                    "meaning": t.meaning,
                    "source": sources(t),
                }
                for t in terms
            ],
        },
    )


def about_sections(content: Content) -> dict[str, list[dict[str, Any]]]:
    """The ideas behind the practices (``coprod about``), each section's items by key.

    Every item has ``id``, ``name``, ``text`` and ``source``; the leadership viewpoints
    have a ``number`` instead of a name; ``quote`` is the report's own words, where an
    item carries them (the calls to action, the vision, what changed).
    """
    bg = content.background

    def item(x: Any, name: str, text: str, **more: Any) -> dict[str, Any]:
        quote = {"quote": x.quote} if getattr(x, "quote", None) else {}
        return {"id": x.id, "name": name, "text": text, **more, **quote, "source": sources(x)}

    return {
        "what_it_is": [item(f, f.name, f.text) for f in bg.what_it_is],
        "contributions": [item(f, f.name, f.text) for f in bg.contributions],
        "limits": [item(f, f.name, f.text) for f in bg.limits],
        "vision": [item(f, f.name, f.text) for f in bg.vision],
        "calls_framing": [item(f, f.name, f.text) for f in bg.calls_framing],
        "calls_to_action": [
            item(c, c.reader, c.text, roles=list(c.roles)) for c in bg.calls_to_action
        ],
        "what_changed": [item(f, f.name, f.text) for f in bg.what_changed],
        "challenges": [item(c, c.name, f"{c.question} {c.description}") for c in bg.challenges],
        "strategies": [item(s, s.name, s.description) for s in content.strategies],
        "arc_characteristics": [item(c, c.name, c.description) for c in bg.arc_characteristics],
        "tyrannies": [item(t, t.name, t.description) for t in bg.tyrannies],
        "leadership_viewpoints": [
            {"id": v.id, "number": v.number, "text": v.description, "source": sources(v)}
            for v in bg.leadership_viewpoints
        ],
    }


def about_document(content: Content) -> dict[str, Any]:
    """``coprod about --json``."""
    return document("about", about_sections(content))
