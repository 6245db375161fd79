"""How fast does coprod refuse a large answers file full of problems?

Every file here but the last is within the 1 MB limit, and every one must be refused
(exit 2) in well under a second: finding a problem's line, and suggesting a close id,
once took time in proportion to the file for every problem (a 990 KB file with 83,000
unknown ids took 500 s). The tests check that each kind is refused, and how; the time
it takes is measured here, not in the tests. Run with the project's virtualenv Python::

    python bench/bench_problems.py            # 5 runs each
    python bench/bench_problems.py --repeats 11

Each run is a fresh ``coprod assess --answers FILE`` process (see bench.py's
``run_once``); the table gives the median wall-clock and CPU time. Exit code 1 if
any file is not refused or its median CPU time is a second or more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench import COPROD, run_once

TARGET_SECONDS = 1.0


def answers_file(folder: Path, name: str, entry: str, *, limit: int, count: int | None) -> Path:
    """A header, then ``entry`` (formatted with a number) until ``limit`` bytes or ``count``."""
    lines = ["version: 1", "project:", "  name: Big", "ratings:"]
    size = sum(len(line) + 1 for line in lines)
    number = 0
    while (count is None or number < count) and size < limit:
        line = "  " + entry.format(number)
        lines.append(line)
        size += len(line) + 1
        number += 1
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CASES = [
    # (label, file name, entry, byte limit, count)
    ("128 KB, 10,000 unknown ids", "ids-10k.yaml", "s{}: 3", 128_000, 10_000),
    ("1 MB, 33,000 long unknown ids", "ids-1mb.yaml", "unknown-statement-{:06d}: 3", 990_000, None),
    ("1 MB, 83,000 unknown ids", "ids-83k.yaml", "s{}: 3", 990_000, 83_000),
    ("4,990 ratings out of range", "values-5k.yaml", "s{}: 9", 990_000, 4_990),
    ("1 MB, 83,000 ratings out of range", "values-83k.yaml", "s{}: 9", 990_000, 83_000),
    ("8,000 entries in one mapping", "entries-8k.yaml", "s{}: 3", 990_000, 8_000),
    ("30,000 lines", "lines-30k.yaml", "s{}: 3", 990_000, 30_000),
    # over the size limit: refused for its size, before it is parsed
    ("10 MB of comments", "huge.yaml", "# " + "x" * 1020 + " {}", 10_500_000, None),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if not COPROD.exists():
        print(f"no coprod command at {COPROD}; run with the project's virtualenv Python")
        return 0
    failed = []
    print(f"{'file':40} {'KB':>5} {'median ms':>10} {'CPU ms':>7} {'exit':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, name, entry, limit, count in CASES:
            path = answers_file(Path(tmp), name, entry, limit=limit, count=count)
            run_once([str(COPROD), "assess", "--answers", str(path)])  # warm-up
            samples = [
                run_once([str(COPROD), "assess", "--answers", str(path)])
                for _ in range(args.repeats)
            ]
            wall = statistics.median(s.seconds for s in samples)
            cpu = statistics.median(s.cpu_seconds for s in samples)
            codes = {s.returncode for s in samples}
            print(
                f"{label:40} {path.stat().st_size // 1000:>5} {wall * 1000:>10.0f} "
                f"{cpu * 1000:>7.0f} {','.join(map(str, sorted(codes))):>5}"
            )
            if codes != {2} or cpu >= TARGET_SECONDS:
                failed.append(label)
    if failed:
        print("Not refused in under a second (CPU): " + "; ".join(failed))
        return 1
    print(f"Every file refused (exit 2) in under {TARGET_SECONDS:.0f} s of CPU time.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
