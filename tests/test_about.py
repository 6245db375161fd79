import json


def test_about_lists_the_reports_wider_ideas(invoke, content):
    result = invoke("about")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for challenge in content.background.challenges:
        assert challenge.name in text
    for strategy in content.strategies:
        assert f"{strategy.name} ({strategy.id})" in text
    assert "Viewpoint 4" in text


def test_about_json(invoke, content):
    data = json.loads(invoke("about", "--json").stdout)
    assert data["version"] == 1
    assert [c["id"] for c in data["challenges"]] == ["democratic", "knowledge", "justice"]
    assert [c["name"] for c in data["arc_characteristics"]] == [
        "Analysis",
        "Vision",
        "Experience",
        "Reach",
        "Relationships",
        "Roots",
    ]
    assert len(data["leadership_viewpoints"]) == 4
    assert len(data["strategies"]) == len(content.strategies) == 7
