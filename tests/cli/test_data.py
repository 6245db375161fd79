"""``coprod data copy`` and ``data validate``: where the copy goes, hints that work as printed."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from helpers.refusals import refused

# data copy -------------------------------------------------------------------------------


def test_data_copy_onto_existing_content_is_refused_then_forced(invoke, tmp_path) -> None:
    target = tmp_path / "mine"
    assert invoke("data", "copy", str(target)).exit_code == 0
    (target / "cases.yaml").write_text("edited\n")
    refused(invoke("data", "copy", str(target)), target, "--force")
    assert (target / "cases.yaml").read_text() == "edited\n"
    assert invoke("data", "copy", str(target), "--force").exit_code == 0
    assert (target / "cases.yaml").read_text() != "edited\n"


@pytest.mark.parametrize("where", ["under-a-file", "nowhere"])
def test_data_copy_to_an_impossible_place_is_a_message(invoke, tmp_path, where) -> None:
    (tmp_path / "afile").write_text("x")
    target = tmp_path / "afile" / "data" if where == "under-a-file" else Path("/proc/no/such")
    refused(invoke("data", "copy", str(target)), target.parent if where == "nowhere" else "afile")


# hints work as printed -------------------------------------------------------------------


def test_data_copy_hint_can_be_typed_as_printed(invoke, tmp_path: Path, monkeypatch) -> None:
    """The printed `coprod data validate DIR` works pasted into a shell, spaces and all."""
    monkeypatch.setenv("COLUMNS", "300")
    target = tmp_path / "our content [draft]"
    result = invoke("data", "copy", str(target))
    assert result.exit_code == 0, result.stderr
    hint = re.search(r"coprod (data validate .+?), then", result.stdout)
    assert hint, result.stdout
    args = shlex.split(hint.group(1))
    assert args[-1] == str(target)
    again = invoke(*args)
    assert again.exit_code == 0, again.stderr
    assert "is valid" in again.stdout
