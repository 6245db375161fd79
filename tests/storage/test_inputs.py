"""storage.inputs: special files (FIFOs, devices) given as input are refused without blocking."""

from __future__ import annotations

import os

import pytest
from helpers import FIXTURES
from helpers.refusals import refused

FULL = FIXTURES / "full.yaml"


READERS = [
    ("assess", "--answers"),
    ("assess", "--json", "--answers"),
    ("report",),
    ("check", "--answers"),
    ("team", str(FULL)),
    ("compare", str(FULL)),
]


# Special files: read ---------------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("reader", READERS, ids=" ".join)
def test_a_fifo_as_answers_is_refused_without_blocking(invoke, tmp_path, reader) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    refused(invoke(*reader, str(fifo)), fifo, "FIFO")


@pytest.mark.timeout(20)
def test_a_fifo_as_a_content_file_is_refused_without_blocking(invoke, data_copy) -> None:
    (data_copy / "cases.yaml").unlink()
    os.mkfifo(data_copy / "cases.yaml")
    for args in (["data", "validate", str(data_copy)], ["--data-dir", str(data_copy), "cases"]):
        refused(invoke(*args), data_copy / "cases.yaml", "FIFO")


@pytest.mark.timeout(20)
def test_a_device_as_answers_is_refused(invoke) -> None:
    refused(invoke("assess", "--answers", "/dev/zero"), "/dev/zero", "not a regular file")
