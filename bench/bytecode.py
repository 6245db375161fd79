"""Compile coprod's modules to bytecode before timing it, as ``pip install`` does.

An installed coprod starts from ``.pyc`` files that pip wrote when it installed it; a
checkout installed for development (``pip install -e``), run where
``PYTHONDONTWRITEBYTECODE`` is set, would compile every module on every run, and that
would be timed too. The typer, rich and pydantic the baselines use were installed by pip
and have their bytecode already.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path


def compile_coprod(python: str = sys.executable) -> str:
    """Write the bytecode of the coprod that ``python`` imports; say what was done."""
    found = subprocess.run(
        [python, "-c", "import coprod, pathlib; print(pathlib.Path(coprod.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    )
    folder = Path(found.stdout.strip())
    compileall.compile_dir(folder, quiet=1)
    return f"coprod's modules in {folder} compiled to bytecode first, as pip does on install"
