"""Welsh on equal terms: the Welsh catalogue and packs read as Welsh, and easy read exists in Welsh.

The rules a Welsh reader of the draft asked for: every plural has its six Welsh forms,
with the mutation each number causes; no English interface word left in Welsh text; one
spelling of co-production (cydgynhyrchu) and of the Action Research Collective's Welsh
name; and ``--lang cy --easy-read`` shows Welsh easy read, with no fallback notice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir, load_content, load_content_uncached

PO = Path(__file__).parents[2] / "coprod/i18n/locale/cy/LC_MESSAGES/coprod.po"
WELSH_PACKS = ("cy", "cy-easy-read")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="cy")


@pytest.fixture(scope="module")
def welsh_easy() -> Content:
    return load_content(bundled_data_dir(), "cy-easy-read")


@pytest.fixture(scope="module")
def welsh() -> Content:
    return load_content(bundled_data_dir(), "cy")


def msgstrs(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(English msgid, one Welsh msgstr) for every translated form."""
    for message in catalog:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            yield english, form


def pack_texts() -> Iterator[tuple[str, str]]:
    """(file: field, text) for every Welsh text of the Welsh packs (not the English they name)."""

    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                # not the English a translation names, nor the report's section titles
                if not str(key).endswith("translates") and key != "source":
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, where)
        elif isinstance(node, str):
            yield where, node

    for pack in WELSH_PACKS:
        for path in sorted((bundled_data_dir() / "packs" / pack).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if path.name == "meta.yaml":  # its description and adaptation are for maintainers
                data = {k: data[k] for k in ("title", "translation_note", "draft_notice")}
            yield from walk(data, f"{pack}/{path.name}")


def welsh_texts(catalog: Catalog) -> list[tuple[str, str]]:
    """The Welsh catalogue, the Welsh easy-read catalogue and the Welsh packs."""
    with PO.with_name("easy-read.po").open("rb") as handle:
        easy = read_po(handle, locale="cy")
    return [*msgstrs(catalog), *msgstrs(easy), *pack_texts()]


# --- plural forms ------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdirf]")


def test_the_interface_counts_in_welsh_with_the_numbers_mutation(catalog: Catalog) -> None:
    from coprod import i18n

    assert catalog.num_plurals == 6
    with i18n.override("cy"):  # the compiled catalogue coprod ships
        shown = {
            n: i18n.ngettext("%(n)d problem:", "%(n)d problems:", n) % {"n": n}
            for n in (0, 1, 2, 3, 4, 6, 11)
        }
        statements = i18n.ngettext("%(n)d question", "%(n)d questions", 3) % {"n": 3}
    assert shown == {
        0: "0 problem:",
        1: "1 broblem:",  # un broblem
        2: "2 broblem:",  # dwy broblem
        3: "3 problem:",  # tair problem (feminine: no mutation)
        4: "4 problem:",
        6: "6 phroblem:",  # chwe phroblem
        11: "11 problem:",
    }
    assert statements == "3 chwestiwn"  # tri chwestiwn (masculine: aspirate)


def test_every_plural_entry_has_all_six_welsh_forms(catalog: Catalog) -> None:
    plurals = [m for m in catalog if isinstance(m.id, tuple)]
    assert len(plurals) > 30
    bad = {}
    for message in plurals:
        english = set(PLACEHOLDER.findall(message.id[0] + message.id[1]))
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        problems = [f"form {i} is empty" for i, form in enumerate(forms) if not form.strip()]
        if len(forms) != 6:
            problems.append(f"{len(forms)} forms, not 6")
        for i, form in enumerate(forms):
            unknown = set(PLACEHOLDER.findall(form)) - english
            if unknown:  # a placeholder the code does not fill: an error at run time
                problems.append(f"form {i} has {sorted(unknown)}")
        if problems:
            bad[message.id[0]] = problems
    assert not bad


# The nouns the catalogue counts, and their gender; a new counted noun must be added here.
NOUNS = {
    "adroddiad": "m",
    "arfer": "m",
    "astudiaeth": "f",
    "ateb": "m",
    "cam": "m",
    "cwestiwn": "m",
    "cyfranogwr": "m",
    "datganiad": "m",
    "ffeil": "f",
    "maen": "m",
    "munud": "m",
    "nodyn": "m",
    "person": "m",
    "problem": "f",
    "pwynt": "m",
    "rheswm": "m",
    "ymatebydd": "m",
}
# Words that may follow the number without being the thing counted.
NOT_COUNTED = {"o", "o’r", "wedi’u", "wedi’i", "yn", "ohonynt", "arall", "rydych", "pa"}
SOFT = {"ll": "l", "rh": "r", "p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "m": "f"}
ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}


def _mutate(word: str, table: dict[str, str]) -> str:
    for radical, mutated in table.items():
        if word.startswith(radical):
            return mutated + word[len(radical) :]
    return word


def _radical(word: str) -> str | None:
    """The counted noun ``word`` is a form of (mutated or not), if it is one."""
    candidates = [word]
    for table in (SOFT, ASPIRATE):
        for radical, mutated in table.items():
            if mutated and word.startswith(mutated):
                candidates.append(radical + word[len(mutated) :])
    candidates.append("g" + word)  # the soft mutation drops g: gair -> air
    return next((c for c in candidates if c in NOUNS), None)


def expected_forms(noun: str) -> list[str]:
    """The noun after 0, 1, 2, 3, 6 and the rest (as digits, read un, dau/dwy, tri/tair, chwe)."""
    feminine = NOUNS[noun] == "f"
    soft = _mutate(noun, SOFT)
    one = soft if feminine and not noun.startswith(("ll", "rh")) else noun  # un ferch
    three = noun if feminine else _mutate(noun, ASPIRATE)  # tair merch, tri chi
    return [noun, one, soft, three, _mutate(noun, ASPIRATE), noun]


def mutation_problems(count: str, forms: list[str]) -> list[str]:
    """What is wrong with the noun after ``%(count)`` in each of the six forms."""
    after = re.compile(rf"%\({count}\)[sd]\s+([\w’]+)")
    problems = []
    for i, form in enumerate(forms):
        found = after.search(form)
        if not found:
            continue
        word = found.group(1)
        radical = _radical(word.lower())
        if radical is None:
            if word.lower() not in NOT_COUNTED and not re.match(r"(?i)[aeiouwyâêîôûŵŷ]|ff|s", word):
                problems.append(f"form {i}: {word!r} is not a known noun (add it to NOUNS)")
            continue
        want = expected_forms(radical)[i]
        if word.lower() != want:
            problems.append(f"form {i}: {word!r}, expected {want!r}")
    return problems


def _count_placeholder(singular: str, plural: str) -> str:
    """The placeholder the number fills: the one before the word that changes in the plural."""
    for name, word in re.findall(r"%\((\w+)\)[sd]\s+(\w+)", singular):
        if re.search(rf"%\({name}\)[sd]\s+(?!{word}\b)\w+", plural):
            return name
    return "n"


def test_counted_nouns_take_the_mutation_of_the_number(catalog: Catalog) -> None:
    bad = {}
    for message in catalog:
        if isinstance(message.id, tuple):
            count = _count_placeholder(*message.id)
            problems = mutation_problems(count, list(message.string))
            if problems:
                bad[message.id[0]] = problems
    assert not bad


def test_welsh_easy_read_counts_with_the_numbers_mutation_too() -> None:
    with PO.with_name("easy-read.po").open("rb") as handle:
        easy = read_po(handle, locale="cy")
    plurals = [m for m in easy if isinstance(m.id, tuple)]
    assert plurals
    bad = {}
    for message in plurals:
        problems = mutation_problems(_count_placeholder(*message.id), list(message.string))
        if len(message.string) != 6:
            problems.append(f"{len(message.string)} forms, not 6")
        if problems:
            bad[message.id[0]] = problems
    assert not bad


def test_the_mutation_rule_catches_what_the_welsh_reader_found() -> None:
    # problem is feminine: un broblem, dwy broblem, tair problem, chwe phroblem
    assert mutation_problems("n", ["%(n)d problem:"] * 6) == [
        "form 1: 'problem', expected 'broblem'",
        "form 2: 'problem', expected 'broblem'",
        "form 4: 'problem', expected 'phroblem'",
    ]
    tri = ["%(n)d problem", "%(n)d broblem", "%(n)d broblem", "%(n)d phroblem"]
    assert mutation_problems("n", [*tri, "%(n)d phroblem", "%(n)d problem"]) == [
        "form 3: 'phroblem', expected 'problem'"
    ]
    # datganiad is masculine: dau ddatganiad, tri datganiad
    assert mutation_problems("n", ["%(n)d datganiad"] * 6) == [
        "form 2: 'datganiad', expected 'ddatganiad'"
    ]
    # a counted noun the table does not know: its gender decides tri or tair
    assert mutation_problems("n", ["%(n)d llun"] * 6) == [
        f"form {i}: 'llun' is not a known noun (add it to NOUNS)" for i in range(6)
    ]


# --- English left in Welsh, and one spelling -----------------------------------------------

ENGLISH_WORDS = re.compile(r"\b(Reveal|Respondents?|Facilitators?|Projectors?|Next|Back)\b", re.I)


def prose(text: str) -> str:
    """Only the words to translate: not commands, option names, placeholders or code."""
    text = re.sub(r"\[bold\].*?\[/bold\]", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`|%\(\w+\)[sdirf]|\{\w*\}|--[\w-]+", " ", text)
    return text


def test_prose_leaves_out_commands_and_options() -> None:
    text = "Pwyswch Reveal; [bold]coprod workshop --next[/bold], --back, %(Next)s, `next`"
    assert ENGLISH_WORDS.findall(prose(text)) == ["Reveal"]


def test_no_english_interface_word_in_welsh_text(catalog: Catalog) -> None:
    found = [
        (where, ENGLISH_WORDS.findall(prose(text)))
        for where, text in welsh_texts(catalog)
        if ENGLISH_WORDS.search(prose(text))
    ]
    assert not found


def test_one_spelling_of_co_production(catalog: Catalog) -> None:
    texts = [text for _, text in welsh_texts(catalog)]
    hyphenated = [t for t in texts if re.search(r"(?i)yd-\s*gynhyrch", t)]
    assert not hyphenated
    # and the form is used, with its mutations, in the catalogue and in every Welsh pack
    words = {w.lower() for t in texts for w in re.findall(r"\w*ydgynhyrch\w*", t)}
    assert {"cydgynhyrchu", "gydgynhyrchu", "chydgynhyrchu"} <= words
    for pack in WELSH_PACKS:
        assert any("cydgynhyrchu" in t for where, t in pack_texts() if where.startswith(pack + "/"))


ARC_WELSH = re.compile(r"\b(?:C|G|Ch|Ngh)ydweith\w*(?:\s+\S+){0,2}")


def test_one_welsh_name_for_the_action_research_collective(catalog: Catalog) -> None:
    names = {
        re.sub(r"^(?:G|Ch|Ngh)", "C", " ".join(m.split())).rstrip(",.;:()")
        for _, text in welsh_texts(catalog)
        for m in ARC_WELSH.findall(text)
    }
    assert names == {"Cydweithfa Ymchwil Weithredu"}
    for where, text in welsh_texts(catalog):
        # the English name only in brackets after the Welsh one, or in a citation of the report
        bare = re.sub(r"ydweithfa Ymchwil Weithredu\s+\(Action Research Collective\)", "", text)
        if "Action Research Collective" in bare:
            assert "(2019)" in bare, where
        assert not re.search(r"\bARC\b|Ymchwil Gweithredu", text), where


# --- Welsh easy read -----------------------------------------------------------------------


def test_welsh_easy_read_is_shown_with_no_fallback_notice(invoke) -> None:  # type: ignore[no-untyped-def]
    easy = invoke("--lang", "cy", "--easy-read", "practices", "--json")
    assert easy.exit_code == 0
    assert easy.stderr == ""  # no "no easy-read version in Welsh yet" notice
    plain = json.loads(invoke("--lang", "cy", "practices", "--json").stdout)["practices"]
    english = json.loads(invoke("--easy-read", "practices", "--json").stdout)["practices"]
    practices = json.loads(easy.stdout)["practices"]
    assert practices[0]["statements"][0]["text"] == (
        "Mae rhai penderfyniadau mawr ar ôl i ni eu gwneud gyda’n gilydd."
    )
    for mine, welsh, easy_english in zip(practices, plain, english, strict=True):
        assert mine["name"] == welsh["name"]  # the titles stay the Welsh translation's
        assert mine["summary"] not in (welsh["summary"], easy_english["summary"])
        for s, w in zip(mine["statements"], welsh["statements"], strict=True):
            assert s["text"] != w["text"] and s["next_step"] != w["next_step"], s["id"]
    criteria = invoke("--lang", "cy", "--easy-read", "criteria")
    assert "Mae angen i ni ddarganfod beth yw’r broblem o hyd." in criteria.stdout
    assert criteria.stderr == ""


def test_welsh_easy_read_gives_every_text_the_welsh_pack_gives() -> None:
    from coprod.storage.packs import apply_pack

    original = load_content_uncached(bundled_data_dir())

    def from_the_original(pack: str) -> set[tuple[str, str, str, str]]:
        result = apply_pack(bundled_data_dir(), pack, original)
        return {(f.file, f.what, f.field, i) for f in result.fallbacks for i in f.ids or [""]}

    # nothing the Welsh reader sees in Welsh falls back to English in Welsh easy read
    assert from_the_original("cy-easy-read") <= from_the_original("cy")


def test_welsh_easy_read_is_a_draft_and_says_so(welsh_easy: Content) -> None:
    assert welsh_easy.pack is not None
    meta = welsh_easy.pack.meta
    assert meta.language == "cy" and meta.easy_read
    assert meta.status == "draft" and meta.reviewed_by is None
    assert welsh_easy.pack.draft_line and "drafft" in welsh_easy.pack.draft_line.lower()


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if s]


def too_long(text: str) -> list[str]:
    """Sentences over the easy-read limit of 15 words, or not ending as a sentence."""
    return [s for s in sentences(text) if len(s.split()) > 15 or not re.search(r"[.?!]$", s)]


def test_welsh_easy_read_sentences_are_short(welsh_easy: Content, welsh: Content) -> None:
    bad: dict[str, list[str]] = {}
    for (_, statement), (_, standard) in zip(
        welsh_easy.statements(), welsh.statements(), strict=True
    ):
        assert statement.text != standard.text, f"{statement.id} is not adapted"
        if len(sentences(statement.text)) != 1 or too_long(statement.text):
            bad[statement.id] = [statement.text]
        if problems := too_long(statement.next_step):
            bad[f"{statement.id} next step"] = problems
    for criterion in welsh_easy.all_criteria():
        for text in (criterion.text, criterion.question):
            if len(sentences(text)) != 1 or too_long(text):
                bad.setdefault(criterion.id, []).append(text)
    criteria = welsh_easy.criteria
    notes = [criteria.starting_point, *criteria.caveats]
    others = [(p.id, p.summary) for p in welsh_easy.practices] + [(n.id, n.text) for n in notes]
    assert welsh_easy.pack is not None
    others += [(t.id, t.meaning) for t in welsh_easy.pack.glossary]
    for where, text in others:
        if problems := too_long(text):
            bad[where] = problems
    assert not bad


def test_the_welsh_glossary_words_are_used(welsh_easy: Content, invoke) -> None:  # type: ignore[no-untyped-def]
    assert welsh_easy.pack is not None
    texts = " ".join(
        [p.summary for p in welsh_easy.practices]
        + [s.text + " " + s.next_step for _, s in welsh_easy.statements()]
        + [c.question for c in welsh_easy.all_criteria()]
        + [n.text for n in welsh_easy.criteria.caveats]
    ).lower()
    unused = [
        t.word
        for t in welsh_easy.pack.glossary
        if not any(
            re.search(rf"(?<![\w-]){re.escape(f.lower())}(?![\w-])", texts) for f in t.forms()
        )
    ]
    assert not unused
    shown = json.loads(invoke("--lang", "cy", "glossary", "--json").stdout)
    assert shown["language"] == "cy" and shown["terms"][0]["word"] == "cydgynhyrchu"
