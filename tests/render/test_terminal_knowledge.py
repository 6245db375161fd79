"""The knowledge commands' terminal views (coprod.render.terminal.{cases,practices,...}).

Their output is guarded line by line in tests/test_knowledge_commands.py and
tests/test_about.py; here: that each view loads only what it shows, and that the
hint naming the case ids speaks the chosen language.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from coprod.core.models import Content

#: The knowledge views, and the modules each must not load: the assessment, team and
#: comparison reports (and so the report's scoring text) are for other commands.
VIEWS = [
    ["cases"],
    ["cases", "photovoice"],
    ["cases", "show", "care-at-home"],
    ["practices"],
    ["practices", "1"],
    ["criteria"],
    ["about"],
    ["glossary"],
]
REPORTS = (
    "coprod.render.terminal.assessment",
    "coprod.render.terminal.team",
    "coprod.render.terminal.compare",
)


def test_a_knowledge_command_does_not_load_the_assessment_reports() -> None:
    script = textwrap.dedent(
        f"""
        import io, sys
        from contextlib import redirect_stdout
        from coprod.cli import main

        for args in {VIEWS!r}:
            before = set(sys.modules)
            sys.argv = ["coprod", *args]
            with redirect_stdout(io.StringIO()) as shown:
                try:
                    main()
                except SystemExit as stop:
                    assert not stop.code, (args, stop.code)
            assert shown.getvalue().strip(), args
            loaded = sorted(set(sys.modules) - before)
            reports = [m for m in loaded if m in {REPORTS!r}]
            print(" ".join(args), reports)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"{' '.join(args)} []" for args in VIEWS]


def test_cases_show_without_an_id_names_the_ids_in_welsh(invoke, content: Content) -> None:
    result = invoke("--lang", "cy", "cases", "show")
    assert result.exit_code == 2
    assert "Ids yr achosion: " in result.stderr
    assert "Case ids" not in result.stderr
    for case in content.cases:
        assert case.id in result.stderr


def test_cases_show_without_an_id_names_the_ids_in_english(invoke, content: Content) -> None:
    result = invoke("cases", "show")
    assert result.exit_code == 2
    ids = ", ".join(case.id for case in content.cases)
    assert f"Case ids: {ids}" in " ".join(result.stderr.split())
