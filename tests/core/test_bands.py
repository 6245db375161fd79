"""One set of band thresholds: what the notes and the chart show is what scoring decides."""

from __future__ import annotations

import itertools
import re

import pytest

from coprod import i18n
from coprod.core.scoring import BAND_BOUNDARIES, band_for
from coprod.render import svg
from coprod.render.markdown import bands_note


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_bands_note_gives_the_ranges_scoring_uses(lang: str) -> None:
    with i18n.override(lang):
        note = bands_note()
    ranges = [(int(low), int(high)) for low, high in re.findall(r"(\d+)-(\d+)", note)]
    assert ranges[0][0] == 0 and ranges[-1][1] == 100
    bands = []
    for low, high in ranges:
        assert band_for(low) == band_for(high)  # one band from start to end
        bands.append(band_for(low))
    assert len(set(bands)) == len(ranges) == 3
    for (_low, high), (low, _high) in itertools.pairwise(ranges):
        assert low == high + 1 and band_for(high) != band_for(low)


def test_the_english_note_reads_as_before() -> None:
    assert bands_note() == "Bands: 0-39 needs attention, 40-69 developing, 70-100 strong."


def test_the_chart_marks_where_each_band_starts() -> None:
    chart = svg.bar_chart_svg([("Openness", 55)], title="Profile")
    labels = [int(n) for n in re.findall(r'text-anchor="\w+" fill="[^"]+">(\d+)</text>', chart)]
    assert labels == [0, *BAND_BOUNDARIES, 100]
    grid = [int(x) for x in re.findall(r'<line x1="(\d+)%"', chart)]
    assert grid == list(BAND_BOUNDARIES)
    for start in BAND_BOUNDARIES:
        assert band_for(start) != band_for(start - 1)
