"""The reading and reporting commands in Welsh (--lang cy): headings, sentences, labels, dates.

Each test reads what a person would see with ``--lang cy`` (terminal, markdown, HTML), checks
a few characteristic Welsh phrases from the catalogue and that the English ones are gone, and
that the same answers files give the same numbers in both languages.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from helpers import FIXTURES

from coprod import i18n

TEAM = [str(FIXTURES / f"team-{n}.yaml") for n in ("sam", "resident", "jo")]
THEN, NOW = str(FIXTURES / "full.yaml"), str(FIXTURES / "later.yaml")


def flat(text: str) -> str:
    """Terminal output on one line (rich wraps at the terminal width)."""
    return " ".join(text.split())


def table_numbers(markdown: str) -> list[list[str]]:
    """The numeric cells of every numbered table row (``| 1 | name | 63 | … |``)."""
    rows = [line for line in markdown.splitlines() if re.match(r"\| \d+ \|", line)]
    return [re.findall(r"(?<=\| )[-+]?\d+(?:–\d+)?(?= [|↑↓→])", row) for row in rows]


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# --- dates by locale -------------------------------------------------------------


def test_case_dates_have_welsh_month_names() -> None:
    i18n.activate("cy")
    assert i18n.partial_date("2017-09") == "Medi 2017"
    assert i18n.partial_date("2018-03-16") == "16 Mawrth 2018"
    assert i18n.report_date(dt.date(2026, 11, 20)) == "20 Tachwedd 2026"
    i18n.activate("en")
    assert i18n.partial_date("2017-09") == "September 2017"
    assert i18n.partial_date("2018-03-16") == "16 March 2018"
    assert i18n.partial_date("2018-03-16", short=True) == "Mar 2018"
    assert i18n.report_date(dt.date(2026, 11, 20)) == "2026-11-20"  # as before


# --- about, cases ------------------------------------------------------------------


def test_about_in_welsh(invoke) -> None:
    welsh = flat(invoke("--lang", "cy", "about").stdout)
    assert "Beth yw cydgynhyrchu" in welsh and "Tair her drefol" in welsh
    assert "Safbwynt 1" in welsh and "O waith Perry, Durose a Richardson" in welsh
    for english in ("What co-production is", "Three urban challenges", "Viewpoint 1", "Report, "):
        assert english not in welsh
    english = flat(invoke("about").stdout)
    assert "What co-production is" in english and "Viewpoint 1" in english


def test_case_list_and_case_in_welsh(invoke) -> None:
    listing = flat(invoke("--lang", "cy", "cases").stdout)
    assert listing.startswith("10 o 10 astudiaeth achos")
    assert "dechreuodd Maw 2018" in listing and "strategaeth:" in listing
    assert "Un achos yn llawn: coprod cases show ID" in listing
    assert "case studies" not in listing and "started " not in listing

    case = flat(invoke("--lang", "cy", "cases", "show", "care-at-home").stdout)
    assert "Dechreuodd: 16 Mawrth 2018" in case  # a Welsh month name
    assert "Ffynonellau" in case and "[1]" in case
    assert "Sources" not in case and "March" not in case

    english = flat(invoke("cases", "show", "care-at-home").stdout)
    assert "Started: 16 March 2018" in english and "Sources" in english
    assert flat(invoke("cases").stdout).startswith("10 of 10 case studies")


def test_a_month_only_case_date_in_welsh(invoke, content) -> None:
    case = next(c for c in content.cases if c.started == "2018-05")  # a month, no day
    welsh = flat(invoke("--lang", "cy", "cases", "show", case.id).stdout)
    assert "Dechreuodd: Mai 2018" in welsh and "May" not in welsh
    assert "Started: May 2018" in flat(invoke("cases", "show", case.id).stdout)


# --- team -----------------------------------------------------------------------------


def test_team_in_welsh_terminal_markdown_and_html(invoke) -> None:
    terminal = flat(invoke("--lang", "cy", "team", *TEAM).stdout)
    assert "3 ymatebydd (1 swyddog, 1 preswylydd, 1 cynghorydd)" in terminal
    assert "Pryd i gydgynhyrchu, fesul person: 2 ffafriol, 1 gofal" in terminal
    assert "Sgyrsiau i’w cael (2 lle mae’r sgoriau ddau bwynt neu fwy ar wahân)" in terminal
    assert "Jo (cynghorydd): 3 Gan mwyaf" in terminal  # roles and ratings in Welsh
    for english in ("respondents", "person by person", "where ratings are", "(officer)"):
        assert english not in terminal

    md = invoke("--lang", "cy", "team", *TEAM, "--format", "md").stdout
    assert "- **Ymatebwyr:** 3 (1 swyddog, 1 preswylydd, 1 cynghorydd)" in md
    assert "- **Cam:** dylunio" in md and "- **Dyddiad:** 20 Tachwedd 2026" in md
    assert "2 ffafriol, 1 gofal." in md
    assert "2 ddatganiad lle mae’r sgoriau ddau bwynt neu fwy ar wahân" in md
    for english in ("**Respondents:**", "**Stage:** design", "2026-11-20", "where ratings are"):
        assert english not in md

    html = invoke("--lang", "cy", "team", *TEAM, "--format", "html").stdout
    assert '<html lang="cy">' in html
    assert "<title>Riverside Food Partnership: golwg y tîm</title>" in html
    assert "Siart bar llorweddol, sgoriau allan o 100." in html  # the chart's text alternative
    assert "team view" not in html and "Horizontal bar chart" not in html


def test_team_gives_the_same_numbers_in_both_languages(invoke) -> None:
    english = invoke("team", *TEAM, "--format", "md").stdout
    welsh = invoke("--lang", "cy", "team", *TEAM, "--format", "md").stdout
    assert "**Respondents:** 3 (1 officer, 1 resident, 1 councillor)" in english
    assert "2 statements where ratings are two or more points apart" in english
    numbers = table_numbers(english)
    assert numbers and any(len(row) >= 4 for row in numbers)
    assert table_numbers(welsh) == numbers


def test_untrusted_names_stay_escaped_in_welsh(invoke, tmp_path: Path) -> None:
    data = yaml.safe_load(Path(TEAM[0]).read_text(encoding="utf-8"))
    data["respondent"]["name"] = "Sam *bold* [x](http://e)"
    paths = [str(write(tmp_path / "sam.yaml", data)), *TEAM[1:]]
    md = invoke("--lang", "cy", "team", *paths, "--format", "md").stdout
    assert "Sam \\*bold\\* \\[x\\](http://e) (swyddog)" in md
    assert "*bold*" not in md.replace("\\*bold\\*", "")


# --- compare ---------------------------------------------------------------------------


def test_compare_in_welsh_terminal_markdown_and_html(invoke) -> None:
    terminal = flat(invoke("--lang", "cy", "compare", THEN, NOW).stdout)
    assert "Riverside Food Partnership: 20 Tachwedd 2026 → 1 Mawrth 2027" in terminal
    assert "Bryd hynny: 20 Tachwedd 2026, Sam, swyddog" in terminal
    assert "Pryd i gydgynhyrchu: Ffafriol bryd hynny, gofal nawr." in terminal
    assert "Cyffredinol 61 → 62" in terminal
    for english in ("When to co-produce:", "Favourable then", "Overall", "2026-11-20"):
        assert english not in terminal

    md = invoke("--lang", "cy", "compare", THEN, NOW, "--format", "md").stdout
    assert md.startswith("# Riverside Food Partnership: bryd hynny a nawr")
    assert "gan Sam, swyddog: 20 Tachwedd 2026 → 1 Mawrth 2027." in md
    assert "**Cyffredinol: 61 → 62**" in md
    assert "then and now" not in md and "**Overall" not in md

    html = invoke("--lang", "cy", "compare", THEN, NOW, "--format", "html").stdout
    assert '<html lang="cy">' in html
    assert "<title>Riverside Food Partnership: bryd hynny a nawr</title>" in html
    assert "Dau far i bob arfer:" in html and "Two bars per practice" not in html


def test_compare_gives_the_same_numbers_in_both_languages(invoke) -> None:
    english = invoke("compare", THEN, NOW, "--format", "md").stdout
    welsh = invoke("--lang", "cy", "compare", THEN, NOW, "--format", "md").stdout
    assert "**Overall: 61 → 62**" in english and "2026-11-20 → 2027-03-01" in english
    numbers = table_numbers(english)
    assert numbers and table_numbers(welsh) == numbers


def test_two_people_compared_say_so_in_welsh(invoke) -> None:
    md = invoke("--lang", "cy", "compare", TEAM[0], TEAM[2], "--format", "md").stdout
    assert "atebion dau berson gwahanol yw’r rhain (Sam, swyddog; Jo, cynghorydd)" in md
    assert "two different people's answers" not in md
    assert "Sam, swyddog: ffafriol; Jo, cynghorydd: ffafriol." in md


# --- room, agenda, actions ----------------------------------------------------------------


def test_room_in_welsh(invoke, tmp_path: Path) -> None:
    paths = []
    for source, brings in zip(TEAM, [["analysis", "roots"], ["roots"], ["roots"]], strict=True):
        data = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
        data["respondent"]["brings"] = brings
        paths.append(str(write(tmp_path / Path(source).name, data)))
    terminal = flat(invoke("--lang", "cy", "room", *paths).stdout)
    assert "3 ffeil atebion" in terminal and "Pwy sydd yn yr ystafell" in terminal
    assert "(tenau: un person)" in terminal and "(ar goll)" in terminal
    assert "Cyfrifon yn unig" in terminal
    assert "Who is in the room" not in terminal and "missing)" not in terminal
    # the ways to reach who is missing, and the caution, come from the Welsh pack
    assert "Galwad agored" in terminal and "gormes dilysrwydd" in terminal
    assert "An open call" not in terminal and "tyranny of authenticity" not in terminal
    md = invoke("--lang", "cy", "room", *paths, "--format", "md").stdout
    assert "| Nodwedd | Beth mae’n ei olygu | Pobl | Statws |" in md
    assert "| 3 | yn bresennol |" in md
    assert "| Characteristic" not in md and "present |" not in md


def test_agenda_in_welsh_with_the_same_timings(invoke) -> None:
    welsh = invoke("--lang", "cy", "agenda", *TEAM, "--format", "md").stdout
    english = invoke("agenda", *TEAM, "--format", "md").stdout
    assert welsh.startswith("# Riverside Food Partnership: cynllun sesiwn (90 munud)")
    assert "| Amser | Adran | Munudau |" in welsh and "**Gofynnwch:**" in welsh
    assert "## 1\\. Croeso a diben (10 mun, o 0:00)" in welsh
    assert "session plan" not in welsh and "**Ask:**" not in welsh
    assert "Welcome and purpose" not in welsh
    minutes = re.compile(r"^\| (\d+:\d\d–\d+:\d\d) \|.*\| (\d+) \|$", re.M)
    assert minutes.findall(welsh) == minutes.findall(english) != []
    terminal = flat(invoke("--lang", "cy", "agenda", *TEAM).stdout)
    assert "90 mun i gyd" in terminal and "Gofynnwch:" in terminal and "in total" not in terminal


def test_actions_markdown_in_welsh_csv_columns_stay_english(invoke, tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["actions"] = [
        {"id": "act-pay", "text": "Pay participants", "due": "2026-12-15", "status": "open"}
    ]
    path = str(write(tmp_path / "a.yaml", data))
    md = invoke("--lang", "cy", "actions", path, "--format", "md").stdout
    assert "| Prosiect | Arfer | Cam gweithredu | Perchennog | Erbyn | Statws | O’r ffeil |" in md
    assert "15 Rhagfyr 2026" in md and "heb ddechrau" in md
    assert "| Project |" not in md and "not started" not in md
    csv = invoke("--lang", "cy", "actions", path, "--format", "csv").stdout
    assert csv.splitlines()[0].startswith("project,practice,text,owner,due,status")
    english = invoke("actions", path, "--format", "md").stdout
    assert "| Project | Practice | Action |" in english and "2026-12-15" in english
