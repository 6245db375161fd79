import json


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("coprod ")


def test_practices_json(invoke):
    data = json.loads(invoke("practices", "--json").stdout)
    assert [p["number"] for p in data["practices"]] == list(range(1, 8))


def test_content_ships_with_the_package():
    """The content is found wherever coprod is installed from (wheel or checkout)."""
    from coprod.storage.content import bundled_data_dir

    assert (bundled_data_dir() / "practices.yaml").is_file()
