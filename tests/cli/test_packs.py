"""Content packs: a pack changes texts only, falls back to the original, keeps the ids."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from helpers import FIXTURES

from coprod.storage.content import bundled_data_dir, load_content_uncached

META = """\
name: {name}
language: {language}
easy_read: {easy}
title: A test pack
description: For the tests.
content_version: 2
status: draft
machine_assisted: true
draft_notice: "Drafft / Draft translation"
translation_note: "Cyfieithiadau / Translations"
"""


def make_pack(
    data: Path, name: str, files: dict[str, str], language: str = "cy", easy: bool = False
) -> Path:
    folder = data / "packs" / name
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "meta.yaml").write_text(META.format(name=name, language=language, easy=easy))
    for file, text in files.items():
        (folder / file).write_text(textwrap.dedent(text))
    return folder


PRACTICES = """\
practices:
  - id: openness
    name: Dylunio ar gyfer bod yn agored
    name_translates: Designing for openness
    statements:
      - id: openness-1
        text: Rydym wedi gadael rhai penderfyniadau mawr yn agored.
"""


def test_missing_texts_fall_back_and_validate_lists_them(invoke, data_copy: Path) -> None:
    make_pack(data_copy, "cy", {"practices.yaml": PRACTICES})
    result = invoke("data", "validate", str(data_copy), "--verbose")
    assert result.exit_code == 0, result.output
    # openness-2 has no Welsh text: listed as a fallback, as a warning on stderr
    warnings = [line for line in result.stderr.splitlines() if "statement" in line]
    assert any("openness-2" in line and "text" in line for line in warnings), result.stderr
    assert not any("openness-1," in line for line in warnings if " text of" in line)
    listed = invoke("--data-dir", str(data_copy), "--lang", "cy", "practices", "--json")
    practice = json.loads(listed.stdout)["practices"][0]
    texts = {s["id"]: s["text"] for s in practice["statements"]}
    english = load_content_uncached(data_copy).practice("openness")
    assert texts["openness-1"].startswith("Rydym")
    assert texts["openness-2"] == english.statements[1].text  # the fallback
    assert practice["name"] == "Dylunio ar gyfer bod yn agored"


def test_unknown_id_is_refused_with_file_and_line(invoke, data_copy: Path) -> None:
    folder = make_pack(
        data_copy,
        "cy",
        {
            "practices.yaml": PRACTICES + "      - id: openness-99\n        text: Dim.\n",
            "criteria.yaml": "caveats:\n  - id: not-a-caveat\n    text: Dim.\n",
        },
    )
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{folder / 'practices.yaml'}:8" in result.stderr
    assert "openness-99" in result.stderr
    assert f"{folder / 'criteria.yaml'}:2" in result.stderr
    assert "not-a-caveat" in result.stderr
    # and the pack is not used either
    used = invoke("--data-dir", str(data_copy), "--lang", "cy", "practices", "--json")
    assert used.exit_code == 2
    assert "openness-99" in used.stderr


def test_the_room_guidance_is_translated_by_id(invoke, data_copy: Path) -> None:
    room = """\
    room:
      ways:
        - id: open-application
          text: Galwad agored.
        - id: no-such-way
          text: Dim.
    """
    folder = make_pack(data_copy, "cy", {"background.yaml": room})
    refused = invoke("data", "validate", str(data_copy))
    assert refused.exit_code == 2
    assert f"{folder / 'background.yaml'}:5" in refused.stderr and "no-such-way" in refused.stderr
    make_pack(data_copy, "cy", {"background.yaml": room.split("    - id: no-such-way")[0]})
    result = invoke("data", "validate", str(data_copy), "--verbose")
    assert result.exit_code == 0, result.stderr
    # the other ways, the noticing note and the caution are listed as falling back
    assert "through-existing-groups" in result.stderr and "no-one-authentic-voice" in result.stderr
    assert not any(
        "open-application" in line
        for line in result.stderr.splitlines()
        if "way" in line and "pack cy:" in line  # the easy-read pack has no room guidance
    )


def test_a_pack_cannot_change_sources_or_facts(invoke, data_copy: Path) -> None:
    folder = make_pack(
        data_copy,
        "cy",
        {
            "practices.yaml": PRACTICES.replace(
                "    statements:", "    source: {ref: report, section: X}\n    statements:"
            )
        },
    )
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{folder / 'practices.yaml'}:5" in result.stderr


def test_translated_quote_must_name_the_english(invoke, data_copy: Path) -> None:
    folder = make_pack(
        data_copy,
        "cy",
        {"practices.yaml": PRACTICES.replace("Designing for openness", "Designing for Openness!")},
    )
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{folder / 'practices.yaml'}:4" in result.stderr


def test_english_pack_keeps_the_reports_words(invoke, data_copy: Path) -> None:
    folder = make_pack(
        data_copy,
        "easy-read",
        {
            "practices.yaml": """\
practices:
  - id: openness
    key_points:
      - id: openness-kp1
        text: Do not decide it all first.
"""
        },
        language="en",
        easy=True,
    )
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{folder / 'practices.yaml'}:5" in result.stderr


def test_unknown_language_is_refused(invoke) -> None:
    result = invoke("--lang", "xx", "practices")
    assert result.exit_code == 2
    assert "xx" in result.stderr


def test_welsh_easy_read_falls_back_to_welsh_and_says_so(invoke, data_copy: Path) -> None:
    import shutil

    # content with a Welsh pack but no Welsh easy-read one (the built-in content has both)
    shutil.rmtree(data_copy / "packs" / "cy-easy-read")
    plain = invoke("--data-dir", str(data_copy), "--lang", "cy", "practices", "--json")
    easy = invoke(
        "--data-dir", str(data_copy), "--lang", "cy", "--easy-read", "practices", "--json"
    )
    assert easy.exit_code == 0
    assert json.loads(easy.stdout) == json.loads(plain.stdout)
    # the notice is in the interface language (Welsh here), naming the option
    assert "easy-read" in easy.stderr and "Cymraeg" in easy.stderr


def test_environment_chooses_the_pack(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    english = json.loads(invoke("practices", "--json").stdout)
    monkeypatch.setenv("COPROD_LANG", "cy")
    welsh = json.loads(invoke("practices", "--json").stdout)
    monkeypatch.setenv("COPROD_LANG", "en")
    monkeypatch.setenv("COPROD_EASY_READ", "1")
    easy = json.loads(invoke("practices", "--json").stdout)
    assert welsh != english and easy != english and welsh != easy


@pytest.mark.parametrize("options", [["--lang", "cy"], ["--easy-read"]])
def test_pack_practices_same_ids_own_texts(invoke, options: list[str]) -> None:
    english = json.loads(invoke("practices", "--json").stdout)["practices"]
    packed = json.loads(invoke(*options, "practices", "--json").stdout)["practices"]

    def ids(practices: list[dict]) -> list:  # type: ignore[type-arg]
        return [
            (p["id"], [k["id"] for k in p["key_points"]], [s["id"] for s in p["statements"]])
            for p in practices
        ]

    assert ids(packed) == ids(english)
    changed = [
        s["id"]
        for p, q in zip(english, packed, strict=True)
        for s, t in zip(p["statements"], q["statements"], strict=True)
        if s["text"] != t["text"]
    ]
    assert len(changed) == 56  # every statement has the pack's own text
    assert [p["source"] for p in packed] == [p["source"] for p in english]


def test_bundled_packs_are_valid(invoke) -> None:
    result = invoke("data", "validate")
    assert result.exit_code == 0, result.stderr
    assert "pack cy" in result.stdout and "pack easy-read" in result.stdout


def test_same_answers_same_scores_in_every_language(invoke, full_answers: Path) -> None:
    reports = {}
    for options in ([], ["--easy-read"], ["--lang", "cy"]):
        result = invoke(*options, "report", str(full_answers), "--format", "json")
        assert result.exit_code == 0, result.stderr
        reports[" ".join(options)] = json.loads(result.stdout)

    english = reports[""]
    assert english["overall"] is not None
    for name, report in reports.items():
        assert _numbers(report) == _numbers(english), name
    assert reports["--lang cy"] != english


def _numbers(data: object) -> object:
    """Every number and id in a JSON report, without its texts."""
    ids = ("id", "verdict", "band", "answer", "cases", "role", "roles")
    if isinstance(data, dict):
        return {
            k: _numbers(v)
            for k, v in data.items()
            if k in ids
            or not (isinstance(v, str) or (isinstance(v, list) and v and isinstance(v[0], str)))
        }
    if isinstance(data, list):
        return [_numbers(v) for v in data]
    return data


def test_bundled_dir_has_packs() -> None:
    assert (bundled_data_dir() / "packs" / "cy" / "meta.yaml").is_file()


def test_team_and_compare_read_files_alike_in_every_language(invoke) -> None:
    fixtures = FIXTURES
    files = [str(fixtures / "team-jo.yaml"), str(fixtures / "team-sam.yaml")]
    english = json.loads(invoke("team", *files, "--format", "json").stdout)
    welsh = invoke("--lang", "cy", "team", *files, "--format", "json")
    assert welsh.exit_code == 0, welsh.stderr
    assert _numbers(json.loads(welsh.stdout)) == _numbers(english)
    assert json.loads(welsh.stdout)["practices"][0]["name"] == "Dylunio ar gyfer bod yn agored"
    compared = [
        json.loads(invoke(*options, "compare", *files, "--format", "json").stdout)
        for options in ([], ["--easy-read"], ["--lang", "cy"])
    ]
    assert _numbers(compared[1]) == _numbers(compared[0]) == _numbers(compared[2])


def test_content_cache_keeps_each_pack_apart(
    invoke, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod.storage.content import forget_loaded

    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_pack(data_copy, "cy", {"practices.yaml": PRACTICES})

    def name(*options: str) -> str:
        forget_loaded()  # a new process each time: only the file cache
        result = invoke("--data-dir", str(data_copy), *options, "practices", "--json")
        return str(json.loads(result.stdout)["practices"][0]["name"])

    assert name() == "Designing for openness"
    assert name("--lang", "cy") == "Dylunio ar gyfer bod yn agored"
    assert name() == "Designing for openness"  # not the Welsh from the cache
    (folder / "practices.yaml").write_text(PRACTICES.replace("Dylunio ar", "Dylunio ar-lein ar"))
    assert name("--lang", "cy") == "Dylunio ar-lein ar gyfer bod yn agored"
    assert len(list((tmp_path / "cache").iterdir())) >= 2
