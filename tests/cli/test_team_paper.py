"""coprod team over a folder with a paper form typed in (``source: paper``): counted like
any other answers file, and said to be on paper."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import FIXTURES


def copy(tmp_path: Path, name: str, source: str | None) -> Path:
    """A fixture's answers, with ``source:`` set (``None``: left out)."""
    data = yaml.safe_load((FIXTURES / f"team-{name}.yaml").read_text())
    if source is not None:
        data["source"] = source
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def group(tmp_path: Path, *, paper: bool = True) -> list[str]:
    sam = copy(tmp_path, "sam", None)
    jo = copy(tmp_path, "jo", "paper" if paper else None)
    return [str(sam), str(jo)]


def test_team_says_how_many_answered_on_paper_in_every_format(invoke, tmp_path: Path) -> None:
    files = group(tmp_path)
    terminal = " ".join(invoke("team", *files).stdout.split())
    assert "2 respondents, 1 on paper (" in terminal
    markdown = invoke("team", *files, "--format", "md").stdout
    assert "**Respondents:** 2, 1 on paper (" in markdown
    html = invoke("team", *files, "--format", "html").stdout
    assert "2, 1 on paper (" in html
    data = json.loads(invoke("team", *files, "--format", "json").stdout)
    assert data["paper"] == 1 and len(data["respondents"]) == 2
    # counted like anyone else's: both people's scores are in the practices' spread
    assert all(len(p["scores"]) == 2 for p in data["practices"])


def test_without_paper_forms_nothing_is_said(invoke, tmp_path: Path) -> None:
    files = group(tmp_path, paper=False)
    assert "on paper" not in invoke("team", *files).stdout
    assert "on paper" not in invoke("team", *files, "--format", "md").stdout
    assert json.loads(invoke("team", *files, "--format", "json").stdout)["paper"] == 0


def test_a_source_other_than_paper_is_refused_with_its_line(invoke, tmp_path: Path) -> None:
    bad = copy(tmp_path, "jo", "fax")
    result = invoke("team", str(FIXTURES / "team-sam.yaml"), str(bad))
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    lines = bad.read_text().splitlines()
    number = next(i for i, text in enumerate(lines, start=1) if text.startswith("source:"))
    assert f"{bad}:{number}: source: must be paper, or left out (got 'fax')" in said
    assert "Traceback" not in result.stderr
