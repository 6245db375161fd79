"""Reading and writing answers files: the one reader, and the one writer with one header.

``coprod assess`` and ``coprod workshop`` both write through :func:`dumps`, so an
answers file looks the same whoever wrote it.
"""

from __future__ import annotations

from pathlib import Path

from coprod.core.answer_checks import answers_from_document
from coprod.core.answers import Answers, LoadedAnswers
from coprod.core.models import Content
from coprod.i18n import _
from coprod.storage.yamlio import dump_yaml, load_yaml_file, parse_yaml

MAX_ANSWERS_BYTES = 1_000_000
MAX_ANSWERS_LINES = 20_000  # a full answers file has about 100, long notes included
HEADER = (
    "# coprod answers file: plain YAML you can read, edit and share.\n"
    "# Check and score it with: coprod assess --answers THIS_FILE\n"
)


def dumps(answers: Answers) -> str:
    """The answers file's text: the header, then the answers in the documented key order."""
    return HEADER + dump_yaml(answers.to_yaml_data())


#: The file that makes a folder a workshop's (coprod.web.state): its answers files were
#: written from phones, and a person's unfinished file is not carried on in a terminal.
WORKSHOP_STATE = ".coprod-workshop.json"


def load_answers(path: Path, content: Content) -> LoadedAnswers:
    """Read, validate and check an answers file."""
    doc = load_yaml_file(
        path,
        what=_("a coprod answers file (YAML)"),
        max_bytes=MAX_ANSWERS_BYTES,
        max_lines=MAX_ANSWERS_LINES,
        keep_going=True,  # every problem in the file in one run
    )
    loaded = answers_from_document(doc, content)
    for number, notice in enumerate(loaded.notices):
        if notice.kind == "draft":  # how to carry on: in the terminal, or not at all
            from coprod.core.notices import Notice

            workshop = (Path(path).parent / WORKSHOP_STATE).is_file()
            loaded.notices[number] = Notice("draft", {"file": str(path), "workshop": workshop})
    return loaded


def parse_answers_text(text: str, content: Content, name: str = "<answers>") -> LoadedAnswers:
    """Validate answers given as YAML text (used by tests and fuzzing)."""
    return answers_from_document(parse_yaml(text, name, keep_going=True), content)
