"""Interface strings through gettext: the Welsh catalogue, its six plural forms, shipping."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from helpers import FIXTURES

from coprod import i18n
from coprod.i18n.babel_extract import extract_help
from coprod.interactive.steps import minutes

LOCALE = Path(i18n.__file__).parent / "locale"
PO = LOCALE / "cy" / "LC_MESSAGES" / "coprod.po"
MO = LOCALE / "cy" / "LC_MESSAGES" / "coprod.mo"


@pytest.mark.parametrize(
    ("count", "welsh"),
    [
        (0, "0 cwestiwn"),
        (1, "1 cwestiwn"),
        (2, "2 gwestiwn"),  # dau: soft mutation
        (3, "3 chwestiwn"),  # tri: aspirate mutation
        (4, "4 cwestiwn"),
        (6, "6 chwestiwn"),  # chwe: aspirate mutation
        (11, "11 cwestiwn"),
    ],
)
def test_welsh_plural_forms(count: int, welsh: str) -> None:
    i18n.activate("cy")
    assert i18n.ngettext("%(n)d question", "%(n)d questions", count) % {"n": count} == welsh


def test_welsh_plural_rule_picks_six_forms() -> None:
    catalogue = gettext.GNUTranslations(MO.open("rb"))
    forms = {n: catalogue.ngettext("%(n)d question", "%(n)d questions", n) for n in range(12)}
    assert forms[2] != forms[1] and forms[3] != forms[4] and forms[6] == forms[3]
    assert forms[11] == forms[5] == forms[0]


def test_english_keeps_its_two_forms() -> None:
    i18n.activate("en")
    assert [minutes(s) for s in (20, 60, 120)] == [
        "under a minute",
        "about 1 minute",
        "about 2 minutes",
    ]


def test_interview_durations_in_welsh() -> None:
    i18n.activate("cy")
    assert [minutes(s) for s in (20, 120, 360)] == ["llai na munud", "tua 2 funud", "tua 6 munud"]


def test_unknown_language_shows_the_english() -> None:
    i18n.activate("fr")
    assert minutes(120) == "about 2 minutes"


def test_compiled_catalogue_matches_the_po_file() -> None:
    with PO.open("rb") as handle:
        po = read_po(handle)
    compiled = gettext.GNUTranslations(MO.open("rb"))
    for message in po:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for n, form in ((1, 1), (2, 2), (3, 3), (6, 4), (11, 5)):
                got = compiled.ngettext(message.id[0], message.id[1], n)
                assert got == message.string[form], (message.id, n)
        else:
            assert compiled.gettext(message.id) == message.string, message.id


def test_every_marked_string_is_in_the_welsh_catalogue() -> None:
    root = Path(i18n.__file__).parent.parent  # the coprod package
    # gettext: what {% trans %} blocks become (pybabel's default keywords include it)
    keywords = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
    # the workshop's templates too, as babel.cfg extracts them ({% trans %} and _())
    templates = [("web/templates/**.html", "jinja2"), ("render/templates/**.html", "jinja2")]
    options = {path: {"extensions": "jinja2.ext.i18n", "trimmed": "true"} for path, _m in templates}
    found = list(
        extract_from_dir(
            root, [("**.py", "python"), *templates], options_map=options, keywords=keywords
        )
    )
    assert any(file.endswith(".html") for file, *_rest in found), "no template strings found"
    marked = {
        (message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, _context in found
    }
    # --help texts, as `pybabel extract` finds them through babel.cfg's coprod_help section
    marked |= {message for _line, _f, message, _c in extract_help(io.BytesIO(), ["_"], [], {})}
    with PO.open("rb") as handle:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert marked <= known, "run the pybabel commands in docs/languages.md: " + ", ".join(
        marked - known
    )


def test_catalogue_is_inside_the_package() -> None:
    # the wheel ships the package folder (pyproject: packages = ["coprod"]) with the .mo
    assert MO.is_file() and MO.is_relative_to(Path(i18n.__file__).parent)
    assert i18n.available() == ["cy"]


def test_no_marked_string_hides_inside_an_f_string() -> None:
    # pybabel cannot see _("...") inside an f-string, so it would never be translated
    root = Path(i18n.__file__).parent.parent  # the coprod package
    hidden = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bf[\"'].*\b(?:_|N_|ngettext)\(\s*[\"']", line)
    ]
    assert not hidden


def test_welsh_report_headings_and_draft_line(invoke, full_answers: Path) -> None:
    html = invoke("--lang", "cy", "report", str(full_answers), "--format", "html").stdout
    assert '<html lang="cy">' in html
    assert "Proffil yr arferion" in html and "Practice profile" not in html
    assert "Cyfieithiad drafft" in html  # the draft line, while the translation is a draft
    assert "Practice titles, Key Points and other names from the report are translations" in html
    md = invoke("--lang", "cy", "report", str(full_answers), "--format", "md").stdout
    assert "## Ble i ganolbwyntio nesaf" in md
    assert "(#ble-i-ganolbwyntio-nesaf)" in md  # the summary's link follows the heading
    assert "**Prosiect:**" in md


def test_welsh_terminal_report(invoke, full_answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("coprod.cli.commands.report.stdout_is_terminal", lambda: True)
    terminal = invoke("--lang", "cy", "report", str(full_answers)).stdout
    assert "Cyfieithiad drafft" in terminal
    assert "Proffil yr arferion" in terminal and "Ble i ganolbwyntio nesaf" in terminal
    english = invoke("report", str(full_answers)).stdout
    assert "Practice profile" in english and "Cyfieithiad" not in english


def test_english_and_easy_read_reports_have_no_draft_translation_line(
    invoke, full_answers: Path
) -> None:
    english = invoke("report", str(full_answers), "--format", "html").stdout
    assert '<html lang="en">' in english and "Draft translation" not in english
    easy = invoke("--easy-read", "report", str(full_answers), "--format", "md").stdout
    assert "Draft translation" not in easy
    # easy-read reports end with the glossary words they used
    last = easy.rsplit("## ", 1)[-1]
    assert last.startswith("Words used in this report")
    assert "**co-production**" in last
    assert "Words used in this report" not in english


def test_welsh_interview_asks_in_welsh() -> None:
    from coprod.core.answers import Answers
    from coprod.interactive.interview import Interview
    from coprod.storage.content import bundled_data_dir, load_content

    i18n.activate("cy")
    welsh = load_content(bundled_data_dir(), "cy")
    interview = Interview(welsh, Answers.new("full", welsh.version), lambda a: None, print)
    steps = {step.key: step for step in interview.steps}
    first = steps["ratings.openness-1"]
    assert first.message.startswith("[Arfer 1 o 7 · datganiad 1 o 11] Rydym wedi gadael")
    assert [label for label, _value, _key in first.choices or []][:2] == ["Ddim o gwbl", "Ychydig"]
    assert [c[1] for c in first.choices or []][-2:] == ["dont_know", "na"]  # ids stay the same
    assert interview.progress(0).startswith(f"Cwestiwn 1 o {len(interview.steps)} · tua ")
    criterion = steps["criteria.problem-undefined"]
    assert criterion.message.startswith("[Pryd i gydgynhyrchu 1/8] Oes angen")
    assert [c[0] for c in criterion.choices or []] == ["Ie", "Na", "Ddim yn siŵr"]


def test_welsh_team_report_headings(invoke) -> None:
    fixtures = FIXTURES
    files = [str(fixtures / "team-jo.yaml"), str(fixtures / "team-sam.yaml")]
    md = invoke("--lang", "cy", "team", *files, "--format", "md").stdout
    assert "## Proffil yr arferion ar draws ymatebwyr" in md
    assert "| \\# | Arfer | Cymedr | Band | Isel–uchel | Ystod |" in md
    assert "Cyfieithiad drafft" in md
    english = invoke("team", *files, "--format", "md").stdout
    assert "## Practice profile across respondents" in english and "Cyfieithiad" not in english


def test_welsh_interview_outline() -> None:
    from coprod.core.answers import Answers
    from coprod.interactive.interview import Interview
    from coprod.storage.content import bundled_data_dir, load_content

    i18n.activate("cy")
    welsh = load_content(bundled_data_dir(), "cy")
    interview = Interview(welsh, Answers.new("full", welsh.version), lambda a: None, print)
    outline = interview.outline()
    assert outline.startswith(f"{len(interview.steps)} cwestiwn: ")
    assert "am y prosiect a chi" in outline and "Tua " in outline
    assert interview.steps[0].message == "Beth yw enw’r prosiect?"
