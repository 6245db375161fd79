"""Answers for unit tests of the core: built from plain data, checked as a file would be."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import yaml

from coprod.core.answers import LoadedAnswers
from coprod.core.models import Content
from coprod.storage.answers_file import parse_answers_text

MakeAnswers = Callable[..., LoadedAnswers]


@pytest.fixture
def make_answers(content: Content) -> MakeAnswers:
    """``make_answers(name="a.yaml", ratings={...}, respondent={...})``: one checked file."""

    def make(name: str = "answers.yaml", **fields: Any) -> LoadedAnswers:
        data: dict[str, Any] = {
            "version": 1,
            "project": {"name": "Riverside Food Partnership"},
            "content_version": content.version,
            "date": "2026-11-20",
        }
        data.update(fields)
        return parse_answers_text(yaml.safe_dump(data, sort_keys=False), content, name)

    return make
