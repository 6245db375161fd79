"""Each renderer module can be the first coprod module a command loads.

Commands import their renderer inside the function that needs it, so the order
in which renderer modules are first loaded depends on the command: an import
cycle between two of them breaks only the commands that happen to load the
wrong one first (``coprod assess --answers`` once failed so, while ``coprod
report`` worked).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_every_renderer_module_imports_first() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import coprod.render

        names = [m.name for m in pkgutil.walk_packages(coprod.render.__path__, "coprod.render.")]
        failed = []
        for name in ["coprod.render", *names]:
            for loaded in [m for m in sys.modules if m == "coprod" or m.startswith("coprod.")]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except ImportError as error:
                failed.append(f"{name}: {error}")
        print(len(names))
        print("\\n".join(failed))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    count, *failed = result.stdout.splitlines()
    assert int(count) > 20
    assert [line for line in failed if line] == []
