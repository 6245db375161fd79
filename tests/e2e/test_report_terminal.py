"""``coprod report`` installed, in a pseudo-terminal: the terminal report."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES

FULL = FIXTURES / "full.yaml"


# coprod report in a terminal -------------------------------------------------------------


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
