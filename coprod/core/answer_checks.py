"""Checking answers against the content they answered: ids, content versions, drafts.

Pure: it takes a parsed answers document (:class:`~coprod.core.document.Document`)
and the content, and returns :class:`~coprod.core.answers.LoadedAnswers` or raises
a :class:`~coprod.errors.CoprodError` naming each problem's line and field.

Every problem in a file is reported in one run, in the order of its lines: those
found while reading (a duplicate key), those of the answers' shape (a rating of 7),
and those of the answers against the content (an unknown id), the last checked on
what is left of the answers once the parts with a problem are set aside.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from coprod.core.answers import Answers, LoadedAnswers
from coprod.core.answers_read import read_answers
from coprod.core.checker import field_path
from coprod.core.document import Document
from coprod.core.kept import Kept
from coprod.core.models import Content
from coprod.core.notices import Notice
from coprod.core.own import is_own, unknown_practices
from coprod.errors import MAX_SHOWN, CoprodError, Problem
from coprod.i18n import N_, _

#: The message for an id the content does not have, by what kind of id it is.
_UNKNOWN_ID = {
    "own": N_("own statement %(id)s is not defined under own_statements%(suggestion)s"),
    "criterion": N_("unknown criterion id %(id)s%(suggestion)s"),
    "statement": N_("unknown statement id %(id)s%(suggestion)s"),
    "practice": N_("unknown practice id %(id)s%(suggestion)s"),
}


def _closest(value: str, options: list[str]) -> str:
    if len(value) > 200:  # not a typo of an id; and fuzzy matching it would be slow
        return ""
    match = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return _("; did you mean %(id)s?") % {"id": repr(match[0])} if match else ""


def _location(section: str, key: str) -> tuple[str | int, ...]:
    """Where an unknown id sits: ``ratings.x`` is a key, ``actions.0.practice`` a value."""
    if section.startswith("actions."):
        _, index, kind = section.split(".")
        return ("actions", int(index), kind)
    if section.startswith("matters_most."):
        return ("matters_most", int(section.split(".")[1]))
    return (section, key)


def _shown(key: str) -> str:
    """An id for a message: quoted, and cut short if it is long."""
    return repr(key) if len(key) <= 60 else repr(key[:60]) + "…"


def check_against_content(answers: Answers, doc: Document, content: Content) -> LoadedAnswers:
    """Check ids against the content; old content versions warn, typos are errors."""
    loaded, problems, hint = content_problems(answers, doc, content)
    if problems:
        raise CoprodError(problems, hint=hint)
    return loaded


ID_HINT = N_("Valid ids are listed by `coprod practices --json` and `coprod criteria --json`.")


@dataclass(frozen=True)
class _Ids:
    """A content's ids, as the checks need them."""

    past: dict[int, set[str]]  # each earlier content version's statement ids
    criteria: list[str]
    practices: list[str]
    statements: list[str]
    characteristics: list[str]
    known: dict[str, frozenset[str]]  # each kind's ids ("criterion", "practice", "statement")


def _ids_of(content: Content) -> _Ids:
    """The content's ids, worked out once for it (a workshop checks every save's answers)."""
    found = _IDS.get(content)
    if found is None:
        criteria = [c.id for c in content.all_criteria()]
        practices = [p.id for p in content.practices]
        statements = [s.id for _, s in content.statements()]
        found = _IDS.put(
            content,
            value=_Ids(
                {h.content_version: set(h.statements) for h in content.meta.history},
                criteria,
                practices,
                statements,
                [c.id for c in content.background.arc_characteristics],
                {
                    "criterion": frozenset(criteria),
                    "practice": frozenset(practices),
                    "statement": frozenset(statements),
                },
            ),
        )
    return found


_IDS: Kept[_Ids] = Kept(16)


def content_problems(
    answers: Answers, doc: Document, content: Content
) -> tuple[LoadedAnswers, list[Problem], str | None]:
    """The answers checked against the content: what was loaded, every problem, a hint."""
    problems: list[Problem] = []
    current = content.version
    answered_version = current if answers.content_version is None else answers.content_version
    if answered_version < 1:
        # Only a real earlier version may turn unknown ids into warnings: a typo'd
        # or made-up version would silently drop ratings. Its ids are checked as today's.
        problems.append(
            Problem(
                _("must be a content version, a whole number from 1 to %(current)s (got %(value)s)")
                % {"current": current, "value": answered_version},
                doc.path,
                doc.line_of(("content_version",)),
                "content_version",
            )
        )
        answered_version = current
    if answered_version > current:
        # ids from a newer content cannot be judged here: that problem alone
        problems.append(
            Problem(
                _(
                    "answers were given against content version %(answered)s, newer than this "
                    "content (version %(current)s); update coprod or use that content with "
                    "--data-dir"
                )
                % {"answered": answered_version, "current": current},
                doc.path,
                doc.line_of(("content_version",)),
                "content_version",
            )
        )
        return LoadedAnswers(answers, doc.path), problems, None
    ids = _ids_of(content)
    past, criterion_ids, practice_ids = ids.past, ids.criteria, ids.practices
    statement_ids = ids.statements
    if answers.mode == "quick":
        rating_ids, rating_kind = practice_ids, "practice"
    else:
        rating_ids, rating_kind = statement_ids, "statement"

    own_ids = [s.id for s in answers.own_statements]
    problems += unknown_practices(answers.own_statements, content, doc, "own_statements")
    rating_set = ids.known[rating_kind]
    if own_ids:  # the file's own statements are known ids too
        rating_ids = [*rating_ids, *own_ids]
        rating_set = rating_set | set(own_ids)
    unknown: list[tuple[str, str, str, list[str]]] = []
    for section, given, kind, known, known_set in (
        ("criteria", answers.criteria, "criterion", criterion_ids, ids.known["criterion"]),
        ("ratings", answers.ratings, rating_kind, rating_ids, rating_set),
        ("reasons", answers.reasons, rating_kind, rating_ids, rating_set),
        ("notes", answers.notes, "practice", practice_ids, ids.known["practice"]),
    ):
        unknown += [(section, key, kind, known) for key in given if key not in known_set]
    unknown += [
        (f"matters_most.{i}", key, rating_kind, rating_ids)
        for i, key in enumerate(answers.matters_most)
        if key not in rating_set
    ]
    characteristic_ids = ids.characteristics
    bad_brings = []
    for i, key in enumerate(answers.respondent.brings if answers.respondent else []):
        if key not in characteristic_ids:
            bad_brings.append(
                Problem(
                    _("unknown characteristic %(id)s%(suggestion)s (one of: %(ids)s)")
                    % {
                        "id": repr(key),
                        "suggestion": _closest(key, characteristic_ids),
                        "ids": ", ".join(characteristic_ids),
                    },
                    doc.path,
                    doc.line_of(("respondent", "brings", i)),
                    field_path(("respondent", "brings", i)),
                )
            )
    for i, action in enumerate(answers.actions):
        for value, options, kind in (
            (action.practice, practice_ids, "practice"),
            (action.statement, statement_ids, "statement"),
        ):
            if value is not None and value not in options:
                unknown.append((f"actions.{i}.{kind}", value, kind, options))
    problems += bad_brings

    loaded = LoadedAnswers(answers, doc.path)
    errors = unknown if answered_version == current else []
    if answered_version in past and rating_kind == "statement":
        # An old file's ids are excused only if that version had them: a typo is a typo.
        errors = [
            u
            for u in unknown
            if u[0].split(".")[0] in ("ratings", "reasons", "matters_most")
            and u[1] not in past[answered_version]
        ]
    hint = None
    if errors:
        # Suggestions cost a fuzzy match each: only for the problems the message shows.
        shown = MAX_SHOWN - len(problems)
        problems += [
            Problem(
                _(_UNKNOWN_ID["own" if is_own(key) else kind])
                % {
                    "id": _shown(key),
                    "suggestion": _closest(key, options) if number < shown else "",
                },
                doc.path,
                doc.line_of(_location(section, key)) if number < shown else None,
                field_path(_location(section, key))
                if section.startswith(("actions.", "matters_most."))
                else f"{section}.{key if len(key) <= 60 else key[:60] + '…'}",
            )
            for number, (section, key, kind, options) in enumerate(errors)
        ]
        hint = _(ID_HINT)
    if problems:
        return loaded, problems, hint
    if unknown:
        loaded.unknown_ids = list(dict.fromkeys(key for _, key, _, _ in unknown))
        replaced = content.replaced_by() if rating_kind == "statement" else {}
        gone = [key for key in loaded.unknown_ids if key not in replaced]
        if gone:
            loaded.notices.append(
                Notice("ids-gone", {"answered": answered_version, "current": current, "ids": gone})
            )
        moved = [key for key in loaded.unknown_ids if key in replaced]
        if moved:
            loaded.notices.append(
                Notice(
                    "statements-replaced",
                    {
                        "answered": answered_version,
                        "current": current,
                        "replaced": [(key, list(replaced[key])) for key in moved],
                    },
                )
            )
    missing = [i for i in rating_ids if i not in answers.ratings and not is_own(i)]
    if answered_version < current and missing:
        loaded.unanswered = missing
        loaded.notices.append(
            Notice("unanswered", {"what": rating_kind, "current": current, "ids": missing})
        )
    if not answers.complete:
        loaded.notices.append(Notice("draft"))
    return loaded, [], None


def answers_from_document(doc: Document, content: Content) -> LoadedAnswers:
    """Validate a parsed answers document and check it against the content."""
    if not isinstance(doc.data, dict):
        from coprod.core.checker import KIND

        name = type(doc.data).__name__
        kind = _(KIND[name]) if name in KIND else f"a {name}"
        raise CoprodError(
            Problem(
                _(
                    "is %(kind)s; expected an answers file (a mapping with version, project, "
                    "criteria and ratings)"
                )
                % {"kind": kind},
                doc.path,
                doc.line_of(()),
            )
        )
    if not _ANSWERS_KEYS & {str(k) for k in doc.data}:
        raise not_an_answers_file(doc)
    problems = list(doc.problems)  # found while reading (a duplicate key, a bad date)
    read_lines = {p.line for p in problems}
    answers, found = read_answers(doc)
    # a value read with a problem is not reported twice
    problems += [p for p in found if p.line is None or p.line not in read_lines]
    loaded, found, hint = content_problems(answers, doc, content)
    problems += found
    if problems:
        # in the file's order; the first MAX_SHOWN with their lines, the rest counted
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise CoprodError(problems, hint=hint)
    return loaded


# An answers file has at least one of these; content files and other YAML have none
# (``version`` and ``content_version`` are too common to tell).
_ANSWERS_KEYS = frozenset(
    {"project", "respondent", "mode", "complete", "criteria", "ratings", "notes", "reflections"}
)

ANSWERS_EXAMPLE = N_("""An answers file looks like this (coprod assess writes one as you answer):
  version: 1
  project: {name: Riverside Food Partnership, stage: design}
  criteria: {problem-undefined: yes, fixed-process: unsure}
  ratings: {openness-1: 3, openness-2: dont_know}""")


def not_an_answers_file(doc: Document) -> CoprodError:
    """The error for YAML that is not an answers file at all (a content file, say)."""
    # The file's own keys, shown to say what it is: printable characters only, kept short.
    keys = [
        "".join(ch for ch in str(k) if ch.isprintable())[:40]
        for k in (doc.data if isinstance(doc.data, dict) else [])
    ]
    listed = ", ".join(keys[:6]) + (", …" if len(keys) > 6 else "")
    has = " " + _("(it has %(keys)s)") % {"keys": listed} if keys else ""
    return CoprodError(
        Problem(
            _(
                "not a coprod answers file: it has none of the keys project, criteria, "
                "ratings or notes%(has)s"
            )
            % {"has": has},
            doc.path,
            doc.line_of(()),
        ),
        hint=_(ANSWERS_EXAMPLE) + "\n" + _("To make one, run: coprod assess"),
    )
