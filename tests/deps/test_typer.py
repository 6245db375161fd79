"""typer: coprod rebinds the module constants of ``typer.rich_utils`` (panel titles, the
"Try … for help." hint, "[default: …]") so that rich help and usage errors speak the
chosen language. It does so through an import hook, in a fresh process, the first time
help or an error is shown. A constant typer renames or drops stays English, silently:
these tests name the break.
"""

from __future__ import annotations

import subprocess
import sys

from coprod import i18n
from coprod.i18n import _
from coprod.i18n.cli_help import TYPER_WORDS


def welsh(english: str) -> str:
    with i18n.override("cy"):
        translated = _(english)
    assert translated != english, f"no Welsh for {english!r}: the test would prove nothing"
    return translated


def coprod(*args: str) -> subprocess.CompletedProcess[str]:
    """A fresh process, as a user runs it: typer.rich_utils not yet imported."""
    return subprocess.run(
        [sys.executable, "-m", "coprod", *args], capture_output=True, text=True, timeout=60
    )


def test_typer_rich_utils_still_has_every_constant_coprod_translates() -> None:
    import typer.rich_utils

    missing = [name for name in TYPER_WORDS if not hasattr(typer.rich_utils, name)]
    assert not missing, f"typer.rich_utils no longer has {missing}: those words stay English"


def test_typer_rich_utils_panel_titles_in_welsh_help() -> None:
    result = coprod("--lang", "cy", "practices", "--help")
    assert result.returncode == 0, result.stderr
    for english in ("Arguments", "Options"):
        assert f"─ {welsh(english)} ─" in result.stdout, result.stdout
        assert f"─ {english} ─" not in result.stdout


def test_typer_rich_utils_usage_error_in_welsh() -> None:
    result = coprod("--lang", "cy", "practices", "--no-such-option")
    assert result.returncode == 2
    assert f"─ {welsh('Error')} ─" in result.stderr, result.stderr
    hint = welsh(TYPER_WORDS["RICH_HELP"]).format(command_path="coprod practices", help_option="-h")
    assert hint.replace("[blue]", "").replace("[/]", "") in result.stderr, result.stderr


def test_typer_rich_help_asks_the_parameters_for_their_metavars() -> None:
    """cli/group.py says metavars plainly by overriding an argument's ``make_metavar``, its
    type's ``get_metavar`` and a number range's ``_describe_range``: typer's rich help must
    still ask them (else ``<path>``, ``{FILE...}`` and ``[x>=1]`` come back)."""
    import inspect

    import typer.rich_utils

    panel = inspect.getsource(typer.rich_utils._print_options_panel)
    for asked in ("make_metavar", "get_metavar", "_describe_range"):
        assert asked in panel, f"typer's rich help no longer calls {asked}"
    from typer.core import TyperArgument

    assert "usage" in inspect.signature(TyperArgument.make_metavar).parameters
