"""Markdown and HTML reports for ``coprod team`` and ``coprod compare``.

Expected numbers come from each command's own JSON output, so these tests check
that the documents say what the data says (not a second copy of the arithmetic).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.answers import write
from helpers.documents import StrictHTML, headings, list_items, md_tokens, paragraphs, plain
from helpers.text import flat
from markdown_it.token import Token

from coprod.core.models import Content
from coprod.i18n.labels import rating_label
from coprod.render.svg import paired_bar_chart_svg
from coprod.render.terminal import SCORE_NOTE, TEAM_SCORE_NOTE
from coprod.render.text import CITATION

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]
OLD, NEW = FIXTURES / "full.yaml", FIXTURES / "later.yaml"
HOSTILE_NAMES = ("<script>alert(1)</script>", "| x |", "# h")
HOSTILE_NOTE = "<script>alert(1)</script> | x | # h"
HOSTILE_ROLE = "**boss** _it_ [me](https://example.org)"


# --- helpers -------------------------------------------------------------------


def md_tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts (the header row first)."""
    result: list[list[list[str]]] = []
    row: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            result.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(plain(tokens[i + 1]))
        elif token.type == "tr_close":
            result[-1].append(row)
    return result


def table_with(tokens: list[Token], header: list[str]) -> list[list[str]]:
    found = [t for t in md_tables(tokens) if t[0] == header]
    assert len(found) == 1, [t[0] for t in md_tables(tokens)]
    return found[0][1:]


def mermaid(tokens: list[Token]) -> str:
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and fences[0].info == "mermaid"
    return fences[0].content


def series(chart: str, kind: str) -> list[int]:
    match = re.search(rf"^\s*{kind} \[(.*)\]$", chart, re.M)
    assert match, chart
    return [int(v) for v in match[1].split(", ")]


def shape(tokens: list[Token]) -> dict[str, int]:
    """How many of each structural token: hostile text must not change it."""
    kinds = ("heading_open", "table_open", "tr_open", "td_open", "bullet_list_open")
    inline = ("strong_open", "em_open", "link_open", "image", "code_inline")
    counts = {kind: sum(t.type == kind for t in tokens) for kind in (*kinds, "list_item_open")}
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    return counts | {kind: sum(c.type == kind for c in children) for kind in inline}


def check_html(document: str) -> StrictHTML:
    """Well formed, self-contained, no script, one accessible SVG chart."""
    assert document.startswith("<!doctype html>\n")
    parsed = StrictHTML().check(document)
    lowered = document.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    for tag in ("link", "img", "iframe", "object", "embed", "base", "form", "a"):
        assert not parsed.tags(tag), tag
    for _, attrs, _ in parsed.elements:
        assert not any(name.startswith("on") for name in attrs), attrs
        for name in ("src", "href", "xlink:href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//"))
    svgs = parsed.tags("svg")
    assert len(svgs) == 1 and svgs[0]["role"] == "img"
    assert svgs[0]["aria-labelledby"] == "chart-title chart-desc"
    assert not parsed.tags("pre")  # the mermaid block became the SVG
    assert len(parsed.tags("table")) == len(parsed.tags("caption"))
    assert all(th.get("scope") == "col" for th in parsed.tags("th"))
    assert [tag for tag, _, _ in parsed.elements].count("h1") == 1
    ids = [attrs["id"] for _, attrs, _ in parsed.elements if "id" in attrs]
    assert len(ids) == len(set(ids))
    return parsed


def desc(parsed: StrictHTML) -> str:
    return "".join(parsed.text["desc"])


@pytest.fixture
def team_json(invoke: Any) -> dict[str, Any]:
    result = invoke("team", *map(str, TEAM), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def compare_json(invoke: Any) -> dict[str, Any]:
    result = invoke("compare", str(OLD), str(NEW), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


MERMAID = ("--chart", "mermaid")


def team_md(invoke: Any, *files: Path, extra: tuple[str, ...] = ()) -> str:
    result = invoke("team", *map(str, files or TEAM), "-f", "md", *extra)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def team_html(invoke: Any, *files: Path, extra: tuple[str, ...] = ()) -> str:
    result = invoke("team", *map(str, files or TEAM), "-f", "html", *extra)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def compare_doc(
    invoke: Any, fmt: str, old: Path = OLD, new: Path = NEW, extra: tuple[str, ...] = ()
) -> str:
    result = invoke("compare", str(old), str(new), "-f", fmt, *extra)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def with_names(
    tmp_path: Path,
    names: tuple[str, ...],
    project: str | None = None,
    roles: tuple[str | None, ...] = (None, None, None),
) -> list[Path]:
    """Copies of the team files with other respondent names (and roles, project name)."""
    paths = []
    for source, name, role in zip(TEAM, names, roles, strict=True):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["respondent"]["name"] = name
        if role:
            data["respondent"]["role"] = role
        if project:
            data["project"]["name"] = project
        path = tmp_path / source.name
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


# --- team: markdown ------------------------------------------------------------------


def test_team_markdown_says_what_the_json_says(
    invoke: Any, team_json: dict[str, Any], content: Content
) -> None:
    text = team_md(invoke, extra=MERMAID)
    tokens = md_tokens(text)
    heads = headings(tokens)
    assert heads[0] == ("h1", f"{team_json['project']}: team view")
    assert [h for h in heads if h[0] == "h1"] == [heads[0]]
    for title in (
        "When to co-produce, person by person",
        "Practice profile across respondents",
        "Conversations to have",
        "When to co-produce: answered differently",
        "Keep in mind",
        "Source",
    ):
        assert ("h2", title) in heads

    items = list_items(tokens)
    roles = ", ".join(f"{n} {role}" for role, n in team_json["roles"].items())
    assert f"Respondents: {len(team_json['respondents'])} ({roles})" in items
    verdicts = ", ".join(f"{n} {kind}" for kind, n in team_json["verdicts"].items())
    assert f"{verdicts}." in paragraphs(tokens)

    people = table_with(tokens, ["Respondent", "Verdict"])
    assert [row[0] for row in people] == [r["label"] for r in team_json["respondents"]]

    rows = table_with(tokens, ["#", "Practice", "Mean", "Band", "Low–high", "Spread"])
    assert rows == [
        [str(n), p["name"], str(p["mean"]), p["band"], f"{p['low']}–{p['high']}", str(p["spread"])]
        for n, p in enumerate(team_json["practices"], 1)
    ]

    chart = mermaid(tokens)
    assert chart.startswith("xychart-beta\n")
    assert series(chart, "bar") == [p["mean"] for p in team_json["practices"]]
    assert re.search(r"^\s*y-axis .* 0 --> 100$", chart, re.M)

    assert team_json["disagreements"], "the fixtures disagree on two statements"
    label = {r["id"]: r["label"] for r in team_json["respondents"]}  # JSON refers by id
    for d in team_json["disagreements"]:
        who = "; ".join(
            f"{label[r['respondent']]}: {rating_label(r['rating'])}" for r in d["ratings"]
        )
        practice = next(p.name for p in content.practices if p.id == d["practice"])
        assert f"{d['text']} ({practice})\n→ {who}" in items
    assert f"{len(team_json['disagreements'])} statements where ratings" in text

    labels = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
    for split in team_json["criteria_differences"]:
        question = next(c.question for c in content.all_criteria() if c.id == split["id"])
        who = "; ".join(
            f"{label[a['respondent']]}: {labels[a['answer']]}" for a in split["answers"]
        )
        assert f"{question}\n→ {who}" in items

    assert TEAM_SCORE_NOTE in paragraphs(tokens)
    assert CITATION in paragraphs(tokens)
    for caveat in content.criteria.caveats:
        assert caveat.text in items
    assert not any(t.type in ("html_block", "html_inline") for t in tokens)


def test_team_markdown_without_disagreements_or_scores(
    invoke: Any, tmp_path: Path, content: Content
) -> None:
    """Everyone agrees and a practice is 'don't know' for all: no conversations, no zero bar."""
    paths = []
    for n, source in enumerate(TEAM[:2]):
        data = yaml.safe_load(TEAM[0].read_text(encoding="utf-8"))
        data["respondent"] = {"name": f"Person {n}", "role": "resident"}
        for key in data["ratings"]:
            if key.startswith("holding-"):
                data["ratings"][key] = "dont_know"
        path = tmp_path / source.name
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        paths.append(path)
    data = json.loads(invoke("team", *map(str, paths), "-f", "json").stdout)
    tokens = md_tokens(team_md(invoke, *paths, extra=MERMAID))
    text = "\n".join(paragraphs(tokens))
    assert "No statement was rated two or more points apart." in text
    assert "Everyone who answered a criterion gave the same answer." in text
    rows = table_with(tokens, ["#", "Practice", "Mean", "Band", "Low–high", "Spread"])
    assert rows[-1] == ["7", "Holding the process", "not scored", "not scored", "–", "–"]
    scored = [p["mean"] for p in data["practices"] if p["mean"] is not None]
    assert series(mermaid(tokens), "bar") == scored
    assert "without a bar rather than shown as 0: 7. Holding the process." in text

    parsed = check_html(team_html(invoke, *paths))
    assert "7. Holding the process: not scored." in desc(parsed)


# --- team: HTML ------------------------------------------------------------------------


def test_team_html_is_strict_self_contained_and_charted(
    invoke: Any, team_json: dict[str, Any]
) -> None:
    document = team_html(invoke)
    parsed = check_html(document)
    assert f"<title>{team_json['project']}: team view</title>" in document
    chart = desc(parsed)
    for n, p in enumerate(team_json["practices"], 1):
        assert f"{n}. {p['name']}: {p['mean']} {p['band']}." in chart
    cells = "".join(parsed.text.get("td", []))
    for p in team_json["practices"]:
        assert f"{p['low']}–{p['high']}" in cells
    assert TEAM_SCORE_NOTE in document


# --- team: anonymous ---------------------------------------------------------------------


def test_team_anonymous_hides_names_in_markdown_and_html(invoke: Any) -> None:
    text = team_md(invoke, extra=("--anonymous",))
    document = team_html(invoke, extra=("--anonymous",))
    for doc in (text, document):
        assert "Sam" not in doc and "Jo" not in doc
        assert "(officer)" not in doc and "(councillor)" not in doc
        # ratings and answers as counts: no one, not even "Respondent 1", beside one
        assert "1 × 0 Not at all, 1 × 3 Mostly, 1 × 4 Fully" in doc
        assert "1 yes · 2 no" in doc
        assert "Respondent 1" not in doc
    assert "2 favourable, 1 caution" in text  # the verdicts: counted, not person by person
    assert not [t for t in md_tables(md_tokens(text)) if t[0] == ["Respondent", "Verdict"]]
    check_html(document)


# --- team: files -------------------------------------------------------------------------


def test_team_writes_html_file_and_refuses_to_overwrite(invoke: Any, tmp_path: Path) -> None:
    out = tmp_path / "team.html"
    first = invoke("team", *map(str, TEAM), "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "" and "team.html" in first.stderr
    written = out.read_text(encoding="utf-8")
    check_html(written)

    out.write_text("keep me", encoding="utf-8")
    again = invoke("team", *map(str, TEAM), "-o", str(out))
    assert again.exit_code == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "keep me"

    forced = invoke("team", *map(str, TEAM), "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert out.read_text(encoding="utf-8") == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.html"]


def test_team_format_from_other_suffixes(invoke: Any, tmp_path: Path) -> None:
    assert invoke("team", *map(str, TEAM), "-o", str(tmp_path / "t.md")).exit_code == 0
    assert (tmp_path / "t.md").read_text(encoding="utf-8").startswith("# Riverside")
    assert invoke("team", *map(str, TEAM), "-o", str(tmp_path / "t.json")).exit_code == 0
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["version"] == 2


# --- team: hostile text --------------------------------------------------------------------


def test_team_hostile_names_are_escaped(invoke: Any, tmp_path: Path) -> None:
    roles = (None, None, HOSTILE_ROLE)
    paths = with_names(tmp_path, HOSTILE_NAMES, project="# Heading | pipe", roles=roles)
    plain_tokens = md_tokens(team_md(invoke))
    text = team_md(invoke, *paths)
    tokens = md_tokens(text)
    assert shape(tokens) == shape(plain_tokens)
    assert not any(
        t.type in ("html_block", "html_inline", "code_block", "blockquote_open") for t in tokens
    )
    # in the source itself, not only in what a parser makes of it
    assert "<script>" not in text and "\\<script\\>" in text
    assert "| x |" not in text and "\\| x \\|" in text
    assert "**boss**" not in text and "[me](" not in text
    assert headings(tokens)[0] == ("h1", "# Heading | pipe: team view")
    labels = [f"{HOSTILE_NAMES[0]} (officer)", f"{HOSTILE_NAMES[1]} (resident)"]
    labels.append(f"{HOSTILE_NAMES[2]} ({HOSTILE_ROLE})")
    assert f"Respondents: 3 (1 officer, 1 resident, 1 {HOSTILE_ROLE})" in list_items(tokens)
    people = table_with(tokens, ["Respondent", "Verdict"])
    assert [row[0] for row in people] == labels
    who = f"{labels[0]}: 4 Fully; {labels[1]}: 0 Not at all; {labels[2]}: 3 Mostly"
    assert any(item.endswith(f"\n→ {who}") for item in list_items(tokens))

    document = team_html(invoke, *paths)
    parsed = check_html(document)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (officer)" in document
    assert "<title># Heading | pipe: team view</title>" in document
    assert "# h (**boss** _it_ [me](https://example.org))" in document
    assert all("boss" not in text for text in parsed.text.get("strong", []))
    assert "".join(parsed.text.get("em", [])) == TEAM_SCORE_NOTE  # the only emphasis


# --- compare: markdown ---------------------------------------------------------------------


def _change(p: dict[str, Any]) -> str:
    if p["change"] is None:
        return p["arrow"]
    return f"{p['change']:+d} {p['arrow']}" if p["change"] else f"0 {p['arrow']}"


def test_compare_markdown_says_what_the_json_says(
    invoke: Any, compare_json: dict[str, Any], content: Content
) -> None:
    data = compare_json
    text = compare_doc(invoke, "md", extra=MERMAID)
    tokens = md_tokens(text)
    heads = headings(tokens)
    assert heads[0] == ("h1", f"{data['project']}: then and now")
    for title in (
        "When to co-produce",
        "Practice scores then and now",
        "Statements that moved two or more points",
        "Notes",
        "Source",
    ):
        assert ("h2", title) in heads
    old, new = data["old"], data["new"]
    assert f"{old['date']} → {new['date']}" in text
    assert f"Then: {old['date']} (Sam, officer)" in list_items(tokens)
    verdict = f"{old['verdict'].capitalize()} then, {new['verdict']} now."
    assert verdict in paragraphs(tokens)

    rows = table_with(tokens, ["#", "Practice", "Then", "Now", "Change"])
    assert rows == [
        [str(n), p["name"], str(p["old"]), str(p["new"]), _change(p)]
        for n, p in enumerate(data["practices"], 1)
    ]
    assert {p["arrow"] for p in data["practices"]} >= {"↑", "→"}

    overall = next(p for p in paragraphs(tokens) if p.startswith("Overall:"))
    assert overall.startswith(f"Overall: {old['overall']} → {new['overall']} ")
    assert "never alone" in overall

    chart = mermaid(tokens)
    assert series(chart, "bar") == [p["new"] for p in data["practices"]]
    assert series(chart, "line") == [p["old"] for p in data["practices"]]

    items = list_items(tokens)
    assert data["moved_statements"]
    for m in data["moved_statements"]:
        arrow = "↑" if m["change"] > 0 else "↓"
        practice = next(p.name for p in content.practices if p.id == m["practice"])
        line = (
            f"{arrow} {m['text']} ({practice}): {rating_label(m['old'])} → {rating_label(m['new'])}"
        )
        assert line in items
    for note in data["new_notes"]:
        practice = next(p.name for p in content.practices if p.id == note["practice"])
        assert f"{practice}: {note['note']}" in items
    assert SCORE_NOTE in paragraphs(tokens) and CITATION in paragraphs(tokens)


def test_compare_markdown_shows_messages(invoke: Any) -> None:
    text = compare_doc(invoke, "md", NEW, OLD)
    data = json.loads(compare_doc(invoke, "json", NEW, OLD))
    assert data["messages"]
    notes = [p for p in paragraphs(md_tokens(text)) if p.startswith("Note: ")]
    assert notes == [f"Note: {m}" for m in data["messages"]]
    assert "give the older file first" in notes[0]


# --- compare: HTML ---------------------------------------------------------------------------


def test_compare_html_is_strict_and_charts_then_and_now(
    invoke: Any, compare_json: dict[str, Any]
) -> None:
    document = compare_doc(invoke, "html")
    parsed = check_html(document)
    assert f"<title>{compare_json['project']}: then and now</title>" in document
    chart = desc(parsed)
    for n, p in enumerate(compare_json["practices"], 1):
        assert re.search(
            rf"{n}\. {re.escape(p['name'])}: then {p['old']} \w[\w ]*, now {p['new']} ", chart
        )
    cells = "".join(parsed.text.get("td", []))
    assert "+6 ↑" in cells
    assert "We now pay participants for their time." in document


def test_compare_writes_file_and_refuses_to_overwrite(invoke: Any, tmp_path: Path) -> None:
    out = tmp_path / "compare.html"
    assert invoke("compare", str(OLD), str(NEW), "-o", str(out)).exit_code == 0
    check_html(out.read_text(encoding="utf-8"))
    out.write_text("keep me", encoding="utf-8")
    again = invoke("compare", str(OLD), str(NEW), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "keep me"


# --- compare: hostile text -----------------------------------------------------------------


def test_compare_hostile_note_and_name_are_escaped(invoke: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(NEW.read_text(encoding="utf-8"))
    data["notes"]["expertise"] = HOSTILE_NOTE
    data["respondent"]["name"] = HOSTILE_NAMES[0]
    hostile = tmp_path / "later.yaml"
    hostile.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    earlier = yaml.safe_load(OLD.read_text(encoding="utf-8"))
    earlier["respondent"]["name"] = HOSTILE_NAMES[0]  # the same (hostile) person both times
    old = tmp_path / "full.yaml"
    old.write_text(yaml.safe_dump(earlier, sort_keys=False), encoding="utf-8")

    text = compare_doc(invoke, "md", old, hostile)
    assert "<script>" not in text and "| x |" not in text
    tokens = md_tokens(text)
    assert shape(tokens) == shape(md_tokens(compare_doc(invoke, "md")))
    assert not any(t.type in ("html_block", "html_inline", "code_block") for t in tokens)
    items = list_items(tokens)
    assert f"Blending expertise: {HOSTILE_NOTE}" in items
    assert f"Now: 2027-03-01 ({HOSTILE_NAMES[0]}, officer)" in items

    document = compare_doc(invoke, "html", old, hostile)
    check_html(document)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | x | # h" in document


# --- the paired chart ------------------------------------------------------------------------


def test_paired_bar_chart_svg() -> None:
    items: list[tuple[str, int | None, int | None]] = [
        ("1. <b>&", 39, 72),
        ("2. Two", None, 50),
    ]
    svg = paired_bar_chart_svg(items, title="Then & now", chart_id="c 2")
    assert svg == paired_bar_chart_svg(items, title="Then & now", chart_id="c 2")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c-2-title c-2-desc"
    description = root.findtext("desc") or ""
    assert "1. <b>&: then 39 needs attention, now 72 strong." in description
    assert "2. Two: then not scored, now 50 developing." in description
    texts = [t.text for t in root.iter("text")]
    assert "then 39 needs attention" in texts and "now 72 strong" in texts
    assert "then not scored" in texts and "now 50 developing" in texts
    dashed = [r for r in root.iter("rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1 and dashed[0].get("fill") == "none"


FULL = FIXTURES / "full.yaml"


LATER = FIXTURES / "later.yaml"


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


# notes and reflections are shown ---------------------------------------------------------


def test_team_shows_notes_with_who_wrote_them_in_every_format(invoke: Any, tmp_path: Path) -> None:
    files = list(map(str, team_files(tmp_path)))
    terminal = flat(invoke("team", *files).stdout)
    assert "Notes, practice by practice" in terminal
    assert "Sam (officer): Sam: the brief was fixed before we met." in terminal
    assert "Respondent 2 (resident): Resident: nobody asked us what the problem was." in terminal
    assert "Jo (councillor): Jo's note." in terminal
    assert "Respondent 2 (resident): Resident brings lived experience." in terminal

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
        "Respondent 2 (resident)",
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


# anonymous: no role breakdown of fewer than three people ---------------------------------


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


# compare names both sides and warns ------------------------------------------------------


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
