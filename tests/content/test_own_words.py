"""Our own words are our own: no run of 12 or more consecutive words of any source document
(the report, the research outcomes record, the project website) appears in the content
outside what quotes it on purpose; and what the content gives as the report's words is.

The fixture keeps hashes of each source's runs, not its text (fixtures/sources/README.md;
make.py remakes them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir

SOURCES = FIXTURES / "sources"
#: Each source document's runs of RUN words, hashed (make.py writes them).
RUNS = {
    "report": SOURCES / "report-runs.txt",
    "ukri-outcomes": SOURCES / "ukri-outcomes-runs.txt",
    "website": SOURCES / "website-runs.txt",
}
RUN = 12

# Fields that quote the sources on purpose: Key Points, case questions, the three
# challenges' questions, the report's conditions for co-production, and publication
# citations; and, wherever they are, names, titles, readers, the report's own words
# (`quote`) and the section headings sources are cited by.
QUOTED_FIELDS = {
    ("practices.yaml", "key_points", "text"),
    ("cases.yaml", "questions"),
    ("background.yaml", "challenges", "question"),
    ("criteria.yaml", "favourable", "text"),
    ("criteria.yaml", "warning", "text"),
    ("meta.yaml", "publications", "citation"),
}
QUOTED_KEYS = {"name", "title", "reader", "quote", "section"}
# Text in double quotation marks inside our words is a quotation too (a title, a phrase).
INLINE_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _words(text: str) -> list[str]:
    """Lower-case words; a hyphen joins (a source broken across lines loses its hyphens)."""
    text = text.replace("’", "'").replace("‘", "'").replace("-", "").lower()
    return re.findall(r"[a-z0-9£]+(?:'[a-z]+)?", text)


def run_key(words: Sequence[str]) -> str:
    """A run of words as the fixture keeps it: a hash, not the source's text."""
    return hashlib.blake2b(" ".join(words).encode(), digest_size=6).hexdigest()


def source_runs(ref: str) -> set[str]:
    return set(RUNS[ref].read_text(encoding="utf-8").split())


def _strings(obj: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(obj, list):
        for value in obj:
            yield from _strings(value, path)
    elif isinstance(obj, str):
        yield path, obj


def _quoted(file: str, path: tuple[str, ...]) -> bool:
    if path and path[-1] in QUOTED_KEYS:
        return True
    return any(
        f == file and path[-len(keys) :] == keys
        for f, *rest in QUOTED_FIELDS
        for keys in [tuple(rest)]
    )


def copied_runs(runs: set[str]) -> list[tuple[str, str, str]]:
    """Where the content's own words repeat a run of ``runs``: (file, field, the run)."""
    copied = []
    for path in sorted(bundled_data_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in _strings(data):
            if _quoted(path.name, where):
                continue
            words = _words(INLINE_QUOTE.sub(" ", text))
            for i in range(len(words) - RUN + 1):
                if run_key(words[i : i + RUN]) in runs:
                    copied.append((path.name, ".".join(where), " ".join(words[i : i + RUN])))
                    break
    return copied


@pytest.mark.parametrize("ref", sorted(RUNS))
def test_no_long_run_of_a_sources_words_outside_quotations(ref: str) -> None:
    """No 12 or more consecutive words of a source appear in data/ outside quoted fields."""
    assert copied_runs(source_runs(ref)) == []


def test_every_source_the_content_cites_is_checked(content: Content) -> None:
    assert {p.id for p in content.meta.publications} == set(RUNS)


def _all_found(words: list[str], runs: set[str]) -> bool:
    return all(run_key(words[i : i + RUN]) in runs for i in range(len(words) - RUN + 1))


def is_quoted_from(quote: str, runs: set[str]) -> bool:
    """Every run of the quote's words is the source's; the source's layout (a page break in
    a sentence) may cut a quote in two, so two pieces that each are the source's words do."""
    words = _words(quote)
    return any(
        _all_found(words[:cut], runs) and _all_found(words[cut:], runs)
        for cut in range(len(words) + 1)
    )


def test_the_reports_words_are_the_reports(content: Content) -> None:
    """Every quote of the report long enough to check (Key Points, calls, the vision, what
    changed) is made of the report's runs of words."""
    runs = source_runs("report")
    quotes = [kp.text for p in content.practices for kp in p.key_points]
    bg = content.background
    quotes += [c.quote for c in bg.calls_to_action if c.quote]
    quotes += [p.quote for p in (*bg.vision, *bg.calls_framing, *bg.what_changed)]
    long_enough = [q for q in quotes if len(_words(q)) >= RUN]
    assert len(long_enough) >= 8
    assert [q for q in long_enough if not is_quoted_from(q, runs)] == []
    # and the check catches a quote that is not the report's
    assert not is_quoted_from(long_enough[0] + " " + " ".join(["and so on"] * 5), runs)


@pytest.mark.parametrize(
    ("ref", "copied"),
    [
        ("report", "Those initiating co-production need to be ready for change, willing to adapt"),
        (
            "ukri-outcomes",
            "Of 25 applicants, 11 inquirers participated iteratively. The Inquiry heard from 5",
        ),
        (
            "website",
            "In 2018, Jam and Justice partnered with North West Employers to explore what is",
        ),
    ],
)
def test_the_overlap_check_finds_a_copied_run(ref: str, copied: str) -> None:
    """The check itself: each source's own words would be caught unquoted."""
    runs = source_runs(ref)
    words = _words(copied)
    assert len(words) >= RUN
    assert all(run_key(words[i : i + RUN]) in runs for i in range(len(words) - RUN + 1))
    assert run_key(["no", *words[1:RUN]]) not in runs
    assert _words(INLINE_QUOTE.sub(" ", f"“{copied}”")) == []


def test_what_counts_as_quoted() -> None:
    assert _quoted("practices.yaml", ("practices", "key_points", "text"))
    assert not _quoted("practices.yaml", ("practices", "statements", "text"))
    assert not _quoted("cases.yaml", ("cases", "summary"))
    assert _quoted("cases.yaml", ("cases", "questions"))
    assert _quoted("background.yaml", ("vision", "quote"))
    assert not _quoted("background.yaml", ("vision", "text"))
