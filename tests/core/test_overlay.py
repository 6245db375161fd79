"""core.packs.overlay: a pack laid over the content from parsed documents, no folder needed."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from coprod.core.models import Content, PackMeta
from coprod.core.packs.overlay import PackFiles, overlay
from coprod.core.packs.patches import PACK_FILES
from coprod.core.validation import validate
from coprod.errors import CoprodError
from coprod.storage.yamlio import parse_yaml

META = {
    "name": "cy",
    "language": "cy",
    "easy_read": False,
    "title": "A test pack",
    "description": "For the tests.",
    "content_version": 2,
    "status": "draft",
    "machine_assisted": True,
    "draft_notice": "Drafft",
    "translation_note": "Cyfieithiadau",
}


def pack(files: dict[str, str], **meta: Any) -> PackFiles:
    import yaml

    meta_doc = parse_yaml(yaml.safe_dump({**META, **meta}), "meta.yaml")
    meta_model = validate(PackMeta, meta_doc)
    assert isinstance(meta_model, PackMeta)
    patches: dict[str, Any] = {}
    for file, text in files.items():
        doc = parse_yaml(textwrap.dedent(text), file)
        model = validate(PACK_FILES[file], doc)
        assert not isinstance(model, list), model
        patches[file] = (doc, model)
    absent = set(PACK_FILES) - set(files)
    return PackFiles(
        str(meta.get("name", "cy")),
        (meta_doc, meta_model),
        None,
        {f: patches.get(f) for f in PACK_FILES},
        absent,
    )


def test_a_text_given_replaces_the_original_and_the_rest_falls_back(content: Content) -> None:
    result = overlay(
        pack({"methods.yaml": "methods:\n  - id: photovoice\n    name: Ffotolais\n"}), content
    )
    methods = {m.id: m for m in result.content.methods}
    assert methods["photovoice"].name == "Ffotolais"
    original = {m.id: m for m in content.methods}
    assert methods["photovoice"].description == original["photovoice"].description
    assert methods["focus-groups"] == original["focus-groups"]
    assert result.texts == 1
    absent = {f.file for f in result.fallbacks if not f.ids}
    assert absent == set(PACK_FILES) - {"methods.yaml"}
    gave_no_description = [f for f in result.fallbacks if f.field == "description"]
    assert "photovoice" in gave_no_description[0].ids
    assert result.content.pack is not None and result.content.pack.meta.name == "cy"


def test_an_unknown_id_is_refused_with_its_line(content: Content) -> None:
    files = {
        "methods.yaml": "methods:\n  - id: photovoice\n    name: A\n  - id: nosuch\n    name: B\n"
    }
    with pytest.raises(CoprodError) as caught:
        overlay(pack(files), content)
    (problem,) = caught.value.problems
    assert problem.line == 4 and problem.field == "methods[1].id"
    assert "nosuch" in problem.message


def test_a_pack_in_the_wrong_folder_or_for_other_content(content: Content) -> None:
    with pytest.raises(CoprodError) as caught:
        overlay(pack({}, language="fr"), content)
    assert [p.field for p in caught.value.problems] == ["language"]
    result = overlay(pack({}, content_version=1), content)
    assert [(n.kind, n.params["written"]) for n in result.notices] == [("pack-content-version", 1)]
