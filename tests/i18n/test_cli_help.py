"""--help, usage errors and error messages in Welsh with --lang cy / COPROD_LANG=cy."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from coprod import i18n
from coprod.i18n.babel_extract import extract_help
from coprod.storage.content import bundled_data_dir

PO = Path(i18n.__file__).parent / "locale" / "cy" / "LC_MESSAGES" / "coprod.po"


def welsh_catalogue() -> dict[str, str]:
    with PO.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if isinstance(m.id, str) and m.id}


def test_welsh_top_level_help(invoke) -> None:
    result = invoke("--lang", "cy", "--help")
    assert result.exit_code == 0
    assert "Myfyrio ar arfer cydgynhyrchu" in result.stdout
    assert "Reflect on co-production" not in result.stdout
    assert "Opsiynau" in result.stdout and "Gorchmynion" in result.stdout
    assert "Dangos y neges hon a gadael." in result.stdout  # -h / --help itself
    # a command's short help in the list comes from its translated help
    assert "Rhestru saith arfer cydgynhyrchu" in result.stdout


def test_welsh_command_help(invoke) -> None:
    result = invoke("--lang", "cy", "practices", "--help")
    assert result.exit_code == 0
    assert "Rhestru saith arfer cydgynhyrchu, neu ddangos un yn llawn." in result.stdout
    assert "Argraffu JSON ar gyfer sgriptiau" in result.stdout
    assert "List the seven practices" not in result.stdout
    assert "Print JSON for scripts" not in result.stdout
    # rich markup in the help is kept: shown as text, never as "[bold]"
    assert "Enghreifftiau: coprod practices," in result.stdout
    assert "[bold]" not in result.stdout


def test_welsh_help_from_the_environment(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = invoke("report", "--help")
    assert result.exit_code == 0
    assert "Troi ffeiliau atebion yn adroddiad i’w rannu" in result.stdout
    assert "Turn answers files into a report" not in result.stdout


def test_lang_given_with_equals_after_another_option(invoke) -> None:
    result = invoke("--data-dir", str(bundled_data_dir()), "--lang=cy", "data", "--help")
    assert result.exit_code == 0
    assert "Gwirio neu gopïo’r cynnwys" in result.stdout


def test_help_command_in_welsh(invoke) -> None:
    result = invoke("--lang", "cy", "help", "compare")
    assert result.exit_code == 0
    assert "Cymharu dau asesiad o’r un prosiect" in result.stdout


def test_english_help_unchanged_after_welsh(invoke) -> None:
    invoke("--lang", "cy", "--help")
    result = invoke("--help")
    assert result.exit_code == 0
    assert (
        "Reflect on co-production practice with the findings of Jam and Justice." in result.stdout
    )
    assert "Options" in result.stdout and "Show this message and exit." in result.stdout
    assert "Myfyrio" not in result.stdout and "Opsiynau" not in result.stdout
    usage = invoke("practices", "--bogus")
    assert usage.exit_code == 2 and "for help" in usage.stderr


def test_usage_error_in_welsh(invoke) -> None:
    result = invoke("--lang", "cy", "practices", "--bogus")
    assert result.exit_code == 2
    assert "am gymorth" in result.stderr and "Gwall" in result.stderr
    assert "for help" not in result.stderr


def test_unknown_language_still_reported(invoke) -> None:
    result = invoke("--lang", "fr", "practices")
    assert result.exit_code == 2
    assert "'fr'" in result.stderr and "cy, en" in result.stderr
    assert "Reflect on co-production" in invoke("--lang", "fr", "--help").stdout
    bad = invoke("--lang", "1x", "practices")
    assert bad.exit_code == 2 and "'1x'" in bad.stderr


def test_bad_answers_file_error_in_welsh(invoke, tmp_path: Path) -> None:
    answers = tmp_path / "ein-atebion.yaml"
    answers.write_text("version: 1\nproject: {name: X}\nratings:\n  openness-1: 7\n")
    result = invoke("--lang", "cy", "report", str(answers))
    assert result.exit_code == 2
    assert f"gwall: {answers}:4: ratings.openness-1:" in result.stderr
    assert "rhaid iddo fod yn rhif cyfan 0-4" in result.stderr
    assert "must be a whole number" not in result.stderr and "Traceback" not in result.stderr
    english = invoke("report", str(answers))
    assert english.exit_code == 2
    assert f"error: {answers}:4: ratings.openness-1: must be a whole number" in english.stderr


def test_several_problems_counted_in_welsh(invoke, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "version: 1\nproject: {name: X}\nratings:\n  openness-1: 7\n  openness-2: 9\n"
    )
    result = invoke("--lang", "cy", "report", str(answers))
    assert result.exit_code == 2
    assert "2 broblem:" in result.stderr  # dau: soft mutation
    assert f"{answers}:4:" in result.stderr and f"{answers}:5:" in result.stderr


def test_missing_file_error_in_welsh(invoke, tmp_path: Path) -> None:
    missing = tmp_path / "dim.yaml"
    result = invoke("--lang", "cy", "report", str(missing))
    assert result.exit_code == 2
    assert (
        f"{missing}: dim ffeil o’r fath (disgwyliwyd ffeil atebion coprod (YAML))" in result.stderr
    )


def test_refusing_to_overwrite_in_welsh(invoke, tmp_path: Path, full_answers: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me\n")
    result = invoke("--lang", "cy", "report", str(full_answers), "-o", str(target))
    assert result.exit_code == 2
    assert "defnyddiwch --force i’w throsysgrifo" in result.stderr
    assert target.read_text() == "keep me\n"


def test_untrusted_file_name_in_a_welsh_message_is_not_markup(invoke, tmp_path: Path) -> None:
    answers = tmp_path / "[red]x.yaml"
    answers.write_text("version: 1\nproject: {name: X}\nratings:\n  openness-1: 7\n")
    result = invoke("--lang", "cy", "report", str(answers))
    assert result.exit_code == 2
    assert "[red]x.yaml:4:" in result.stderr


def test_a_broken_content_folder_is_explained_in_welsh(invoke, data_copy: Path) -> None:
    practices = data_copy / "practices.yaml"
    lines = practices.read_text(encoding="utf-8").splitlines(keepends=True)
    second = next(i for i, line in enumerate(lines) if line.startswith("  - id: participation"))
    lines[second] = "  - id: openness\n"  # two practices with one id
    practices.write_text("".join(lines), encoding="utf-8")
    result = invoke("--lang", "cy", "--data-dir", str(data_copy), "practices")
    assert result.exit_code == 2
    first = next(i for i, line in enumerate(lines) if line.startswith("  - id: openness"))
    assert f"{practices}:{first + 1}:" in result.stderr  # file and line, as in English
    assert "defnyddir id yr arfer 'openness' fwy nag unwaith" in result.stderr
    assert "is used more than once" not in result.stderr
    english = invoke("--data-dir", str(data_copy), "practices")
    assert "practice id 'openness' is used more than once" in english.stderr


def test_unknown_case_and_saved_file_said_in_welsh(invoke, tmp_path: Path, full_answers: Path):
    unknown = invoke("--lang", "cy", "cases", "show", "nope")
    assert unknown.exit_code == 2
    assert "achos anhysbys 'nope'" in unknown.stderr and "Yr achosion:" in unknown.stderr
    assert "unknown case" not in unknown.stderr and "The cases:" not in unknown.stderr
    target = tmp_path / "adroddiad.md"
    written = invoke("--lang", "cy", "report", str(full_answers), "-o", str(target))
    assert written.exit_code == 0 and target.is_file()
    assert f"Wedi’i ysgrifennu i {target}" in " ".join(written.stderr.split())
    assert "Written to" not in written.stderr


def help_texts() -> list[str]:
    found = extract_help(io.BytesIO(b""), ["_"], [], {})
    return [message for _line, _funcname, message, _comments in found]


def test_every_help_text_has_a_welsh_translation() -> None:
    texts = help_texts()
    assert "Show coprod's help, or a command's (like COMMAND --help)." in texts
    assert len(texts) > 50
    catalogue = welsh_catalogue()
    untranslated = [t for t in texts if not catalogue.get(t)]
    assert not untranslated, "translate in coprod.po: " + "; ".join(untranslated)


_MARKUP = re.compile(r"\[/?(?:bold|blue|dim|italic)\]|\[/\]")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def test_welsh_keeps_markup_and_placeholders() -> None:
    for english, welsh in welsh_catalogue().items():
        if not welsh:
            continue
        assert sorted(_MARKUP.findall(welsh)) == sorted(_MARKUP.findall(english)), english
        assert set(_PLACEHOLDER.findall(welsh)) == set(_PLACEHOLDER.findall(english)), english
