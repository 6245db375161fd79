"""The installed command under narrow output encodings: text degrades, JSON stays exact."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES
from helpers.terminal import clean_env, run

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]


FULL = FIXTURES / "full.yaml"


ENCODINGS = [
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]


# Encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra", ENCODINGS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--answers", str(FULL)],
        ["report", str(FULL)],
        ["cases", "show", "space-in-common"],
        ["practices"],
        ["about"],
    ],
    ids=" ".join,
)
def test_a_narrow_output_encoding_degrades(extra, args) -> None:
    result = run(args, env=clean_env(NO_COLOR="1", COLUMNS="100", **extra))
    err = result.stderr.decode("latin-1")
    assert result.returncode == 0, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert len(result.stdout) > 200


@pytest.mark.parametrize(
    "extra", ENCODINGS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
@pytest.mark.parametrize(
    "args",
    [
        ["practices", "--json"],
        ["cases", "--json"],
        ["assess", "--answers", str(FULL), "--json"],
        ["report", str(FULL), "--format", "json"],
    ],
    ids=" ".join,
)
def test_json_stays_valid_and_exact_in_any_encoding(extra, args) -> None:
    utf8 = run(args)
    narrow = run(args, env=clean_env(**extra))
    assert narrow.returncode == 0, narrow.stderr
    encoding = extra.get("PYTHONIOENCODING", "ascii")
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(utf8.stdout.decode())
