"""Remake docs/screenshots/terminal-report-100-columns.png: the terminal report's first screens.

Run from the repository with coprod installed and Debian's chromium on the PATH:

    python tools/terminal_screenshot.py

It renders ``coprod assess --answers tests/fixtures/full.yaml`` at 100 columns in colour,
up to "Where to focus next", as rich's SVG, and has headless Chromium photograph it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

from coprod.cli import app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots" / "terminal-report-100-columns.png"


def main() -> None:
    env = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    args = ["assess", "--answers", str(ROOT / "tests" / "fixtures" / "full.yaml")]
    shown = CliRunner().invoke(app, args, env=env, color=True).stdout.split("\n")
    end = next(i for i, line in enumerate(shown) if "Where to focus next" in line) + 2
    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor")
    console.print(Text.from_ansi("\n".join(shown[:end])))
    with tempfile.TemporaryDirectory() as folder:
        svg = Path(folder) / "report.svg"
        console.save_svg(str(svg), title="coprod assess --answers tests/fixtures/full.yaml")
        size = svg.read_text(encoding="utf-8").split('viewBox="0 0 ', 1)[1].split('"')[0]
        width, height = (round(float(v)) for v in size.split())
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--screenshot={OUT}", f"--window-size={width},{height}", svg.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip


if __name__ == "__main__":
    main()
