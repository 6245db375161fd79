"""click (the copy typer vendors as ``typer._click`` since typer 0.26): coprod translates
the help of ``--help`` itself, which click creates on first use and keeps in the
command's private ``_help_option``. Where that attribute is gone, the line stays
English ("Show this message and exit.") in Welsh help: this test names the break.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from coprod import i18n
from coprod.i18n import _
from coprod.i18n.cli_help import HELP_OPTION

pytestmark = pytest.mark.slow  # fresh processes: a second or more


def test_click_help_option_is_translated() -> None:
    with i18n.override("cy"):
        translated = _(HELP_OPTION)
    assert translated != HELP_OPTION
    for args in (["--help"], ["cases", "show", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "coprod", "--lang", "cy", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert translated in result.stdout, args
        assert HELP_OPTION not in result.stdout, args
