"""Issue 8 ("the first hour"), the reports: what a new user tripped over, now tested.

Each test drives the command (CliRunner, or the installed command in a terminal)
and checks what a reader sees in the terminal, the markdown, the HTML and the JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.documents import StrictHTML, headings, list_items, md_tokens, paragraphs

from coprod.core.team import anonymous_role_counts
from coprod.render import markdown

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]
FULL, LATER = FIXTURES / "full.yaml", FIXTURES / "later.yaml"


def flat(text: str) -> str:
    return " ".join(text.split())


def write(tmp_path: Path, name: str, source: Path, **changes: Any) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def team_files(tmp_path: Path) -> list[Path]:
    """The three team files, each with notes of its own (one practice with none)."""
    notes = [
        {"openness": "Sam: the brief was fixed before we met.", "holding": "Sam holds it."},
        {"openness": "Resident: nobody asked us what the problem was."},
        {"openness": "Jo: the council wants a result by March.", "expertise": "Jo's note."},
    ]
    reflections = [
        {"why": "Sam's why."},
        {"why": "Resident's why.", "bring_and_take": "Resident brings lived experience."},
        {},
    ]
    return [
        write(tmp_path, source.name, source, notes=n, reflections=r)
        for source, n, r in zip(TEAM, notes, reflections, strict=True)
    ]


# --- item 4: notes and reflections are shown ----------------------------------------


def test_assess_terminal_report_shows_notes_and_reflections(invoke: Any) -> None:
    result = invoke("assess", "--answers", str(FULL))
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "Your notes" in text
    assert (
        "1. Designing for openness: We shared a 'fixed and open' note at the first meeting." in text
    )
    assert "7. Holding the process: Two facilitators share the role." in text
    assert "Your reflections" in text
    assert "Residents know why the current food bank model is not reaching families." in text
    assert "Lived experience; they take training and paid time." in text


def test_team_shows_notes_with_who_wrote_them_in_every_format(invoke: Any, tmp_path: Path) -> None:
    files = list(map(str, team_files(tmp_path)))
    terminal = flat(invoke("team", *files).stdout)
    assert "Notes, practice by practice" in terminal
    assert "Sam (officer): Sam: the brief was fixed before we met." in terminal
    assert "resident: Resident: nobody asked us what the problem was." in terminal
    assert "Jo (councillor): Jo's note." in terminal
    assert "resident: Resident brings lived experience." in terminal

    md = invoke("team", *files, "-f", "md").stdout
    tokens = md_tokens(md)
    heads = headings(tokens)
    assert ("h2", "Notes, practice by practice") in heads and ("h2", "Reflections") in heads
    assert ("h3", "1. Designing for openness") in heads
    assert ("h3", "2. Shaping the dynamics of participation") not in heads  # nobody wrote one
    items = list_items(tokens)
    assert "Sam (officer): Sam: the brief was fixed before we met." in items
    assert "Jo (councillor): Jo: the council wants a result by March." in items
    assert "Sam (officer): Sam's why." in items

    document = invoke("team", *files, "-f", "html").stdout
    StrictHTML().check(document)
    assert "Jo (councillor): Jo: the council wants a result by March." in document

    data = json.loads(invoke("team", *files, "-f", "json").stdout)
    openness = next(n for n in data["notes"] if n["practice"] == "openness")
    label = {r["id"]: r["label"] for r in data["respondents"]}
    assert [label[n["respondent"]] for n in openness["notes"]] == [
        "Sam (officer)",
        "resident",
        "Jo (councillor)",
    ]
    assert data["reflections"]["bring_and_take"] == [
        {"respondent": 2, "text": "Resident brings lived experience."}
    ]


def test_team_anonymous_notes_are_not_attributed(invoke: Any, tmp_path: Path) -> None:
    files = list(map(str, team_files(tmp_path)))
    data = json.loads(invoke("team", *files, "--anonymous", "-f", "json").stdout)
    openness = next(n for n in data["notes"] if n["practice"] == "openness")
    assert {n["respondent"] for n in openness["notes"]} == {None}
    texts = [n["text"] for n in openness["notes"]]
    assert texts == sorted(texts)  # not in file order, which would tell whose is whose
    for args in ((), ("-f", "md"), ("-f", "html")):
        text = invoke("team", *files, "--anonymous", *args).stdout
        assert "Resident: nobody asked us what the problem was." in text
        assert "Respondent 2: Resident" not in text and "Sam (officer)" not in text


# --- anonymous: no role breakdown of fewer than three people --------------------------


@pytest.mark.parametrize(
    ("roles", "shown"),
    [
        ({"officer": 1, "resident": 1, "councillor": 1}, {}),
        ({"officer": 2}, {}),
        ({"officer": 3}, {"officer": 3}),
        ({"officer": 3, "resident": 1}, {}),  # "3 officer" would tell the fourth is not one
        ({"officer": 4, "resident": 1, "councillor": 2}, {"officer": 4, "other roles": 3}),
        ({"officer": 3, "resident": 3, "councillor": 1}, {"resident": 3, "other roles": 4}),
        ({"officer": 5, "resident": 3}, {"officer": 5, "resident": 3}),
    ],
)
def test_anonymous_role_counts_never_count_fewer_than_three(
    roles: dict[str, int], shown: dict[str, int]
) -> None:
    counts = anonymous_role_counts(Counter(roles))
    assert dict(counts) == shown
    assert all(n >= 3 for n in counts.values())


def test_team_anonymous_hides_small_role_groups_in_every_format(invoke: Any) -> None:
    files = list(map(str, TEAM))  # one officer, one resident, one councillor
    named = flat(invoke("team", *files).stdout)
    assert "1 officer, 1 resident, 1 councillor" in named
    for args in ((), ("-f", "md"), ("-f", "html")):
        text = flat(invoke("team", *files, "--anonymous", *args).stdout)
        assert re.search(r"3 respondents|Respondents:(\W|</?strong>)*3", text)
        assert "roles not shown" in text
        for role in ("officer", "councillor"):
            assert f"1 {role}" not in text
    data = json.loads(invoke("team", *files, "--anonymous", "-f", "json").stdout)
    assert data["roles"] == {} and data["roles_withheld"] is True
    assert {r["role"] for r in data["respondents"]} == {None}


# --- item 5: compare names both sides and warns ------------------------------------------


def test_compare_of_two_people_names_both_and_warns(invoke: Any, tmp_path: Path) -> None:
    jo = write(tmp_path, "jo.yaml", FIXTURES / "team-jo.yaml")
    args = [str(FULL), str(jo)]  # Sam and Jo, both on 2026-11-20
    terminal = flat(invoke("compare", *args).stdout)
    assert "Sam, officer" in terminal and "Jo, councillor" in terminal
    assert "two different people" in terminal and "coprod team" in terminal
    assert "then," not in terminal and "then and now" not in terminal

    md = invoke("compare", *args, "-f", "md").stdout
    assert "two different people" in md
    assert "Sam, officer" in md and "Jo, councillor" in md
    assert "2026-11-20" in md
    assert "then and now" not in md and " then, " not in md
    assert "where this group sees the project" in flat(md)  # two people, not "you"

    document = invoke("compare", *args, "-f", "html").stdout
    StrictHTML().check(document)
    assert "taken twice" not in document and "then and now" not in document
    assert "Sam, officer" in document and "Jo, councillor" in document

    data = json.loads(invoke("compare", *args, "-f", "json").stdout)
    assert data["same_respondent"] is False
    assert data["old"]["respondent"] == {"name": "Sam", "role": "officer"}
    assert data["new"]["respondent"] == {"name": "Jo", "role": "councillor"}
    assert any("different people" in m for m in data["messages"])


def test_compare_of_the_same_day_warns(invoke: Any, tmp_path: Path) -> None:
    again = write(tmp_path, "again.yaml", LATER, date="2026-11-20")
    result = invoke("compare", str(FULL), str(again))
    text = flat(result.stdout)
    assert "both files are dated 2026-11-20" in text
    assert "then and now" not in text


def test_compare_over_time_names_the_person_and_both_dates(invoke: Any) -> None:
    md = invoke("compare", str(FULL), str(LATER), "-f", "md").stdout
    items = list_items(md_tokens(md))
    assert "Then: 2026-11-20 (Sam, officer)" in items
    assert "Now: 2027-03-01 (Sam, officer)" in items
    assert "different people" not in md and "taken twice" not in md


def test_compare_lists_notes_that_disappeared(invoke: Any, tmp_path: Path) -> None:
    notes = {"openness": "A new way of saying it.", "expertise": "We now pay participants."}
    later = write(tmp_path, "later.yaml", LATER, notes=notes)  # holding's note is gone
    terminal = flat(invoke("compare", str(FULL), str(later)).stdout)
    assert "Notes no longer there" in terminal
    assert "Holding the process: Two facilitators share the role." in terminal
    assert "(was: We shared a 'fixed and open' note at the first meeting.)" in terminal

    md = invoke("compare", str(FULL), str(later), "-f", "md").stdout
    items = list_items(md_tokens(md))
    assert "Holding the process: Two facilitators share the role." in items
    assert "Gone since then" in paragraphs(md_tokens(md))

    data = json.loads(invoke("compare", str(FULL), str(later), "-f", "json").stdout)
    assert data["removed_notes"] == [
        {"practice": "holding", "note": "Two facilitators share the role."}
    ]


# --- item 7: no doubled full stops -----------------------------------------------------------


def test_caution_verdict_has_no_doubled_full_stops(invoke: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    for key in ("instrumental-goal", "fixed-process", "known-solution", "barriers-to-openness"):
        data["criteria"][key] = "yes"
    path = tmp_path / "caution.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    terminal = invoke("assess", "--answers", str(path)).stdout
    md = invoke("report", str(path), "-f", "md").stdout
    document = invoke("report", str(path), "-f", "html").stdout
    assert "Caution" in terminal and "warning signs" in md and "warning signs" in document
    for text in (flat(terminal), md, document):
        assert not re.search(r"\w\.\.(\s|$)", text), re.search(r".{40}\w\.\.\s.{20}", text)
    assert "Processes are fixed. " in flat(terminal)  # one stop, then the reason


# --- item 10: coprod report in a terminal -----------------------------------------------------


def test_report_in_a_terminal_shows_the_terminal_report(
    invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coprod.cli.commands.report.stdout_is_terminal", lambda: True)
    result = invoke("report", str(FULL))
    assert result.exit_code == 0, result.stderr
    assert not result.stdout.lstrip().startswith("#")
    assert "Practice profile" in result.stdout
    assert re.search(r"^#\s+Practice\s+Score", result.stdout, re.M)  # the table, not markdown
    assert result.stdout == invoke("assess", "--answers", str(FULL)).stdout

    asked = invoke("report", str(FULL), "--format", "md")
    assert asked.stdout.startswith("# Riverside Food Partnership\n")


@pytest.mark.e2e
def test_installed_report_in_a_pty_is_the_terminal_report(tmp_path: Path) -> None:
    import pexpect
    from helpers.terminal import spawn

    child = spawn(["report", str(FULL)], tmp_path)
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 0
    assert "Practice profile" in output and "Keep in mind" in output
    assert "# Riverside" not in output and "| --- |" not in output  # not markdown


# --- item 12: the terminal summary ---------------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "100"])
def test_terminal_report_starts_with_a_one_screen_summary(
    invoke: Any, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    from coprod.terminal.console import reset

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("TERMINAL_WIDTH", columns)
    reset()
    lines = invoke("assess", "--answers", str(FULL)).stdout.splitlines()
    reset()
    assert max(len(line) for line in lines) <= int(columns)
    screen = "\n".join(lines[:24])  # one 24-line screen
    assert "When to co-produce: Conditions look favourable for co-production" in screen
    for name in ("Designing for openness", "Holding the process"):
        assert name in screen
    data = json.loads(invoke("assess", "--answers", str(FULL), "--json").stdout)
    top = next(p for p in data["practices"] if p["id"] == data["priorities"][0]["id"])
    assert f"Start with: {top['name']} ({top['score']}, {top['band']})" in screen
    header = next(line for line in lines if line.startswith("#"))
    assert "Don't know" in header and "N/A" in header and "Bar (0–100)" in header
    assert "?/na" not in header
    rest = "\n".join(lines[24:])
    assert "Where to focus next" in rest and "Evidence gaps" in rest


def test_plurals_and_one_respondent(invoke: Any, tmp_path: Path) -> None:
    text = flat(invoke("assess", "--answers", str(FULL)).stdout)
    data = json.loads(invoke("assess", "--answers", str(FULL), "--json").stdout)
    dont_know = sum(p["dont_know"] for p in data["practices"])
    assert dont_know > 1
    assert f"{dont_know} answers were “Don't know”" in text and "answer(s)" not in text
    assert "this group" not in text
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data["ratings"] = {k: (3 if v == "dont_know" else v) for k, v in data["ratings"].items()}
    data["ratings"]["openness-1"] = "dont_know"
    one = tmp_path / "one.yaml"
    one.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert "1 answer was “Don't know”" in flat(invoke("assess", "--answers", str(one)).stdout)
    md = invoke("report", str(one), "-f", "md").stdout
    assert "1 answer was “Don't know”" in flat(md) and "this group" not in md
    assert "this group" in flat(invoke("team", *map(str, TEAM)).stdout)


# --- item 14: team criteria answers in words --------------------------------------------------------


def test_team_terminal_criteria_answers_are_words(invoke: Any) -> None:
    text = flat(invoke("team", *map(str, TEAM)).stdout)
    section = text.split("answered differently", 1)[1].split("What the report asks of you")[0]
    assert re.search(r"Sam \(officer\): (Yes|No|Not sure)", section)
    assert "unsure" not in section and ": no" not in section and ": yes" not in section


# --- item 20: the markdown report ------------------------------------------------------------------


def test_markdown_next_steps_appear_once(invoke: Any) -> None:
    md = invoke("report", str(FULL), "-f", "md").stdout
    from coprod.storage.content import bundled_data_dir, load_content

    content = load_content(bundled_data_dir())
    steps = [s.next_step for _, s in content.statements()]
    shown = [step for step in steps if markdown.escape_md(step) in md]
    assert shown, "the report gives next steps"
    for step in shown:
        assert md.count(markdown.escape_md(step)) == 1, step


def test_draft_report_has_no_command_line_words(invoke: Any, tmp_path: Path) -> None:
    draft = write(tmp_path, "draft.yaml", FULL, complete=False)
    for fmt in ("md", "html"):
        text = invoke("report", str(draft), "-f", fmt).stdout
        assert "draft" in text and "not finished" in text
        assert "--resume" not in text and "coprod " not in text.replace("coprod (content", "")


# --- item 19: the HTML report (parsed; the browser checks are in test_report_browser) -------------


def test_html_summary_first_links_and_one_colon(invoke: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data["criteria"]["fixed-process"] = "yes"
    path = tmp_path / "caution.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    document = invoke("report", str(path), "-f", "html").stdout
    parsed = StrictHTML().check(document)
    h2 = [e[1].get("id") for e in parsed.elements if e[0] == "h2"]
    assert h2[:2] == ["summary", "practice-profile"]
    assert h2.index("when-to-co-produce") < h2.index("where-to-focus-next")
    assert "When to co-produce: Caution" not in document
    assert "coprod cases show" not in document
    ids = {attrs.get("id") for _, attrs, _ in parsed.elements}
    links = [a["href"] for a in parsed.tags("a")]
    assert "#testing-the-21st-century-councillor-framework" in links
    assert all(href and href[1:] in ids for href in links)
    # the rating column never wraps; long texts still can
    cells = [attrs.get("class") or "" for attrs in parsed.tags("td")]
    assert sum("short" in c for c in cells) >= 42


def test_links_in_a_page_of_several_reports_stay_in_their_own_report(invoke: Any) -> None:
    document = invoke("report", str(FULL), str(LATER), "-f", "html").stdout
    StrictHTML().check(document)
    articles = document.split("<article ")[1:]
    assert len(articles) == 2
    for article in articles:
        ids = set(re.findall(r' id="([^"]+)"', article))
        links = re.findall(r'<a href="#([^"]+)"', article)
        assert "where-to-focus-next" in " ".join(links)
        assert links and all(link in ids for link in links), set(links) - ids


def test_markdown_of_several_reports_links_each_to_its_own_sections(invoke: Any) -> None:
    md = invoke("report", str(FULL), str(LATER)).stdout
    tokens = md_tokens(md)
    # the anchors GitHub gives the headings: repeated ones are numbered -1, -2, ...
    seen: Counter[str] = Counter()
    owner: dict[str, int] = {}
    part = 0
    for i, token in enumerate(tokens):
        if token.type == "hr":
            part += 1
        if token.type == "heading_open":
            slug = markdown.heading_slug(
                "".join(c.content for c in tokens[i + 1].children or [] if c.type == "text")
            )
            anchor = f"{slug}-{seen[slug]}" if seen[slug] else slug
            seen[slug] += 1
            owner[anchor] = part
    part = 0
    links = 0
    for token in tokens:
        if token.type == "hr":
            part += 1
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrGet("href"))
                assert owner.get(href[1:]) == part, (href, part)
                links += 1
    assert part == 1 and links > 4
