"""What the tests share: run the installed command, serve a workshop, read documents.

Imported as ``from helpers.workshop import make_workshop`` (pytest puts tests/ on the path).
"""

from __future__ import annotations

from pathlib import Path

#: the answers files and content excerpts the tests read (tests/fixtures/)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
