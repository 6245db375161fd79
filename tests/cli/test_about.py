import json


def test_about_lists_the_reports_wider_ideas(invoke, content):
    result = invoke("about")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for challenge in content.background.challenges:
        assert challenge.name in text
    for strategy in content.strategies:  # by name: ids are for --json (issue 22, item 7)
        assert f"{strategy.name}:" in text and f"({strategy.id})" not in text
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


def test_about_starts_with_what_co_production_is_and_asks(invoke, content):
    result = invoke("about")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    order = [
        "What co-production is",
        "What it can contribute",
        "Limits the report names",
        "What the report asks of each reader",
        "Three urban challenges",
    ]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert "“Doing with and not to”:" in text and "(doing-with)" not in text
    for contribution in ("Opening up processes", "Creating synergies", "Seeding change"):
        assert contribution in text
    for call in content.background.calls_to_action:
        assert f"{call.reader}:" in text and f"({call.id})" not in text
    assert "The report, section “What would ‘different’ look like?”" in text


def test_about_json_carries_the_headline_findings_with_sources(invoke, content):
    data = json.loads(invoke("about", "--json").stdout)
    assert [c["id"] for c in data["contributions"]] == [
        "opening-processes",
        "creating-synergies",
        "seeding-change",
    ]
    calls = data["calls_to_action"]
    assert [c["name"] for c in calls] == [c.reader for c in content.background.calls_to_action]
    assert len(calls) == 4
    publications = {p.id for p in content.meta.publications}
    for key in ("what_it_is", "contributions", "limits", "calls_to_action"):
        for item in data[key]:
            assert item["source"] and {s["ref"] for s in item["source"]} <= publications
            assert item["text"]
