"""pydantic: what the content models rely on to be validated as plain dataclasses.

The content models (coprod/core/models.py) are frozen stdlib dataclasses, so a
command that reads the cached content never imports pydantic; a content file is
validated with pydantic's ``TypeAdapter``, which reads ``__pydantic_config__``
(unknown keys are errors), and objects with
``__get_pydantic_core_schema__`` (coprod's ``Check`` and ``Before``). Should
pydantic change any of these, these tests name the break.
"""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from coprod.core.models import Case, PackMeta, SourceRef


def errors(model: type, data: object) -> list[tuple[str, tuple[int | str, ...]]]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(model).validate_python(data)
    return [(e["type"], tuple(e["loc"])) for e in caught.value.errors()]


def test_pydantic_reports_unknown_and_missing_fields_of_a_dataclass() -> None:
    assert errors(SourceRef, {"ref": "r", "section": "s", "pagee": 3}) == [
        ("unexpected_keyword_argument", ("pagee",))
    ]
    assert errors(SourceRef, {"ref": "r"}) == [("missing", ("section",))]


def test_pydantic_applies_annotated_constraints_and_before_functions() -> None:
    case = {
        "id": "a-case",
        "name": "A case",
        "description": "Short.",
        "questions": ["Why?"],
        "summary": "What happened.",
        "source": {"ref": "report", "section": "2"},  # one reference: made a list
        "started": "2018-05",
    }
    parsed = TypeAdapter(Case).validate_python(case)
    assert parsed.source == [SourceRef(ref="report", section="2")]
    assert errors(Case, {**case, "id": "Not A Slug"}) == [("string_pattern_mismatch", ("id",))]
    assert errors(Case, {**case, "questions": []}) == [("too_short", ("questions",))]
    assert errors(Case, {**case, "started": "May"}) == [("value_error", ("started",))]


def test_pydantic_names_the_dataclass_a_value_should_have_been() -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(SourceRef).validate_python("text")
    (error,) = caught.value.errors()
    assert error["type"] == "dataclass_type"
    assert error["ctx"]["class_name"] == "SourceRef"


def test_pydantic_reports_a_post_init_value_error_as_the_models() -> None:
    meta = {
        "name": "cy",
        "language": "cy",
        "title": "T",
        "description": "D",
        "content_version": 1,
        "status": "reviewed",
    }
    assert errors(PackMeta, meta) == [("value_error", ())]
