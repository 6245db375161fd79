"""Error messages on stderr: one line, exit 2, a path that cannot fake a message."""

from __future__ import annotations


def test_a_newline_in_a_file_name_cannot_fake_a_message(invoke, tmp_path) -> None:
    path = tmp_path / "a\nerror: all is well.yaml"
    result = invoke("assess", "--answers", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: ")
    assert "a\\nerror: all is well.yaml" in result.stderr
