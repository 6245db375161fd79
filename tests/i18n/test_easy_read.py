"""Easy read on every screen a resident sees, measured rather than judged by eye.

The texts are collected from where the tool takes them, not from a hand list: every
text of the easy-read pack (``data/packs/easy-read``) and every msgstr of the easy-read
interface catalogue (``coprod/i18n/locale/en/LC_MESSAGES/easy-read.po``). Each sentence
is at most 15 words, and together they score at least 80 on Flesch reading ease
(``textstat``). Interface strings reach easy read through the one language mechanism
(:mod:`coprod.i18n`), the content through the pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from coprod import i18n
from coprod.storage.content import bundled_data_dir, load_content

LOCALE = Path(i18n.__file__).parent / "locale"
MAX_WORDS = 15
MIN_READING_EASE = 80
#: Pack fields that are not easy-read text: ids, sources, the word a glossary entry
#: explains (and its other forms), the English a translation names.
NOT_TEXT = {"id", "case", "source", "also", "word", "translates", "name_translates"}
#: meta.yaml's texts for maintainers (how the pack was made) are not shown to readers.
META_SHOWN = ("draft_notice", "translation_note")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")


def read_catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "easy-read.po").open("rb") as handle:
        return read_po(handle, locale=language)


def pack_texts(pack: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a pack gives."""

    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in NOT_TEXT:
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, where)
        elif isinstance(node, str):
            yield where, " ".join(node.split())

    for path in sorted((bundled_data_dir() / "packs" / pack).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "meta.yaml":
            data = {k: data[k] for k in META_SHOWN if data.get(k)}
        yield from walk(data, f"{pack}/{path.name}")


def catalogue_texts(language: str) -> Iterator[tuple[str, str]]:
    """(msgid, text) for every form of every easy-read interface string, as shown:
    markup taken out, each placeholder standing for a short word."""
    for message in read_catalog(language):
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            shown = PLACEHOLDER.sub("it", re.sub(r"<[^>]+>", "", form))
            yield msgid, shown


def easy_read_texts() -> list[tuple[str, str]]:
    return [*pack_texts("easy-read"), *catalogue_texts("en")]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+|\n+", text.strip()) if s]


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if re.search(r"\w", w)]


def long_sentences(texts: list[tuple[str, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for where, text in texts:
        for sentence in sentences(text):
            if len(words(sentence)) > MAX_WORDS:
                found.setdefault(where, []).append(sentence)
    return found


def test_every_easy_read_sentence_is_at_most_15_words() -> None:
    texts = easy_read_texts()
    assert len(texts) > 200  # the pack and the catalogue were both read
    assert long_sentences(texts) == {}


def test_the_sentence_rule_catches_a_long_sentence() -> None:
    long = " ".join(["word"] * 16) + "."
    assert long_sentences([("x", f"Short one. {long}")]) == {"x": [long]}
    assert long_sentences([("x", "Short one. Another short one!")]) == {}


def test_easy_read_texts_score_at_least_80_on_flesch_reading_ease() -> None:
    textstat = pytest.importorskip("textstat")
    whole = " ".join(text for _, text in easy_read_texts())
    assert textstat.flesch_reading_ease(whole) >= MIN_READING_EASE


def test_the_standard_texts_they_replace_read_harder() -> None:
    """The measure tells the two apart: the standard English of the same strings scores lower."""
    textstat = pytest.importorskip("textstat")
    standard = " ".join(msgid for msgid, _ in catalogue_texts("en"))
    easy = " ".join(text for _, text in catalogue_texts("en"))
    assert textstat.flesch_reading_ease(standard) < MIN_READING_EASE
    assert textstat.flesch_reading_ease(easy) > textstat.flesch_reading_ease(standard)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_each_easy_read_string_stands_for_an_interface_string(language: str) -> None:
    """Every msgid is a string coprod marks (coprod.pot), and the easy-read words keep
    only its placeholders: a renamed or removed string is noticed here."""
    with (LOCALE / "coprod.pot").open("rb") as handle:
        marked = {m.id for m in read_po(handle) if m.id}
    for message in read_catalog(language):
        if not message.id:
            continue
        assert message.id in marked, message.id
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            assert form, msgid
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(msgid)), msgid


def test_welsh_easy_read_says_the_same_things_and_is_a_draft() -> None:
    english, welsh = read_catalog("en"), read_catalog("cy")
    assert {m.id for m in welsh if m.id} == {m.id for m in english if m.id}
    assert "DRAFT" in (welsh.header_comment or "") and "Welsh speaker" in welsh.header_comment
    assert long_sentences(list(catalogue_texts("cy"))) == {}


@pytest.mark.parametrize("pack", ["easy-read", "cy-easy-read"])
def test_every_quoted_title_and_key_point_has_an_easy_read_line(pack: str) -> None:
    content = load_content(bundled_data_dir(), pack)
    missing = [p.id for p in content.practices if not p.name_means]
    missing += [k.id for p in content.practices for k in p.key_points if not k.means]
    assert missing == []
    lines = [p.name_means or "" for p in content.practices]
    lines += [k.means or "" for p in content.practices for k in p.key_points]
    assert long_sentences([(pack, line) for line in lines]) == {}


def test_welsh_easy_read_texts_are_short_sentences() -> None:
    """The texts the Welsh easy-read pack adapts (not those it still copies from the Welsh
    translation) keep to 15 words a sentence, like the English they are written from."""
    content = load_content(bundled_data_dir(), "cy-easy-read")
    b = content.background
    texts = [(c.id, f"{c.description} {c.summary}") for c in content.cases]
    texts += [(f.id, f.text) for f in [*b.what_it_is, *b.contributions, *b.limits]]
    texts += [(c.id, c.text) for c in b.calls_to_action]
    texts += [(n.id, n.text) for n in b.assessment_framing]
    texts += [(c.id, c.description) for c in b.arc_characteristics]
    texts += [(c.id, c.why) for c in content.all_criteria()]
    assert long_sentences(texts) == {}


def test_only_an_easy_read_pack_may_give_an_easy_read_line(invoke, data_copy: Path) -> None:
    folder = data_copy / "packs" / "cy" / "practices.yaml"
    text = folder.read_text(encoding="utf-8")
    given = re.sub(
        r"^( *)- id: openness\n",
        r"\1- id: openness\n\1  name_means: Agored.\n",
        text,
        count=1,
        flags=re.M,
    )
    assert given != text
    folder.write_text(given, encoding="utf-8")
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert "only an easy-read pack gives name_means" in result.stderr
