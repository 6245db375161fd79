import json


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("coprod ")


def test_practices_json(invoke):
    data = json.loads(invoke("practices", "--json").stdout)
    assert [p["number"] for p in data["practices"]] == list(range(1, 8))
