"""A document that says who answered what is written for the user's account only (0600),
as answers files are; one made anonymous, to share, keeps the usual permissions."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"
TEAM = [str(FIXTURES / f"team-{name}.yaml") for name in ("jo", "resident", "sam")]


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual: new files readable by every local user
    yield
    os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["team", *TEAM], "team.md"),
        (["team", *TEAM, "--format", "json"], "team.json"),
        (["agenda", *TEAM], "agenda.md"),
        (["report", str(FIXTURES / "full.yaml")], "report.html"),
        (["report", str(FIXTURES / "full.yaml")], "report.docx"),
        (["compare", str(FIXTURES / "full.yaml"), str(FIXTURES / "later.yaml")], "compare.md"),
        (["actions", str(FIXTURES / "full.yaml")], "actions.csv"),
    ],
)
def test_a_named_document_is_for_the_user_only(
    invoke, tmp_path: Path, args: list[str], name: str
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / name
    result = invoke(*args, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert mode_of(target) == 0o600


@pytest.mark.parametrize(
    "args",
    [["team", *TEAM, "--anonymous"], ["report", str(FIXTURES / "full.yaml"), "--anonymous"]],
)
def test_an_anonymous_document_to_share_keeps_the_usual_permissions(
    invoke, tmp_path: Path, args: list[str]
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "shared.md"
    result = invoke(*args, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert mode_of(target) == 0o644
