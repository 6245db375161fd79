"""A case's description and summary, sentence by sentence, each with its own sources (pure).

``cases.yaml`` gives every sentence of a case's ``description`` and ``summary`` its
source under ``sentence_sources``: one entry a sentence, in the order the sentences
come (the description's first), each naming the sentence's first words (``starts``).
:func:`sentence_problems` is the content check; :func:`sourced_sentences` pairs the
sentences a reader sees with their sources, also when a pack has translated them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod.core.models import Case, SourceRef

# A sentence ends at . ! or ? (after a closing quote or bracket, if any) followed by
# a space and a capital letter, a digit or an opening quote.
_END = re.compile(r"(?<=[.!?])([\"”’)]?)\s+(?=[A-Z0-9\"“‘'(ÂÊÎÔÛŴŶ])")


def split_sentences(text: str) -> list[str]:
    """``text`` as its sentences, each with single spaces."""
    flat = " ".join(text.split())
    parts: list[str] = []
    start = 0
    for match in _END.finditer(flat):
        parts.append(flat[start : match.start() + len(match.group(1))])
        start = match.end()
    parts.append(flat[start:])
    return [p for p in parts if p]


def case_sentences(case: Case) -> list[tuple[str, str]]:
    """``(field, sentence)`` for each sentence of the description, then of the summary."""
    return [("description", s) for s in split_sentences(case.description)] + [
        ("summary", s) for s in split_sentences(case.summary)
    ]


@dataclass(frozen=True)
class SentenceProblem:
    """A sentence without a source, or a ``sentence_sources`` entry that names none."""

    index: int  # the sentence's (or the entry's) place, from 0
    field: str  # "description", "summary" or "sentence_sources"
    sentence: str | None  # the sentence that has no source (or is not matched)
    starts: str | None  # the entry's ``starts`` that does not match


def sentence_problems(case: Case) -> list[SentenceProblem]:
    """Every sentence has an entry whose ``starts`` begins it, in order; no entry is left."""
    sentences = case_sentences(case)
    entries = case.sentence_sources
    problems: list[SentenceProblem] = []
    for i, (field, sentence) in enumerate(sentences):
        if i >= len(entries):
            problems.append(SentenceProblem(i, field, sentence, None))
        elif not sentence.startswith(" ".join(entries[i].starts.split())):
            problems.append(SentenceProblem(i, "sentence_sources", sentence, entries[i].starts))
    for i in range(len(sentences), len(entries)):
        problems.append(SentenceProblem(i, "sentence_sources", None, entries[i].starts))
    return problems


def sourced_sentences(case: Case) -> dict[str, list[tuple[str, list[SourceRef]]]]:
    """The description's and the summary's sentences as shown, each with its sources.

    The entries are matched by position, so a translation that keeps the sentences
    keeps their sources. Where the sentences shown are not as many as the entries (a
    translation that joined or split some), the summary's last sentence carries every
    source, so that none is lost.
    """
    shown = case_sentences(case)
    entries = case.sentence_sources
    out: dict[str, list[tuple[str, list[SourceRef]]]] = {"description": [], "summary": []}
    if len(shown) == len(entries):
        for (field, sentence), entry in zip(shown, entries, strict=True):
            out[field].append((sentence, list(entry.source)))
        return out
    every: list[SourceRef] = []
    for entry in entries:
        every += [s for s in entry.source if s not in every]
    for field, sentence in shown:
        out[field].append((sentence, []))
    if out["summary"]:
        last, _ = out["summary"][-1]
        out["summary"][-1] = (last, every)
    return out
