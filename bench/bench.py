"""How fast does coprod start, how much memory does it take, and how does ``team`` scale?

Run from anywhere with the project's virtualenv Python (the ``coprod`` console
script is looked up next to ``sys.executable``)::

    python bench/bench.py              # full run: a few minutes on 2 busy cores
    python bench/bench.py --quick      # fewer repeats, no 5,000-file run
    python bench/bench.py --markdown   # the tables as Markdown, to paste into docs/performance.md

Every measurement is a fresh process: wall-clock time from spawn to exit
(median over the repeats, after one discarded warm-up run) and that process's
own peak resident memory, read from ``os.wait4()`` (the child's rusage, not
the cumulative ``RUSAGE_CHILDREN`` maximum). Commands of a group are run
round-robin so that a busy machine slows them all alike.

Baselines: a minimal two-command Typer app (bench/minimal_app.py) for start-up,
and a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` over the same files for
``coprod team``. Each ratio is taken round by round (a command and its baseline run
one after the other in the same round, so a busy machine slows both alike) on the
processes' CPU time (user + system), and shown as the median with its spread over
the rounds (lowest–highest). The targets (issue 21): ``coprod --help`` at most 1.2×
the minimal app's ``--help``; ``practices --json``, ``cases QUERY --json`` and
``assess --answers FILE --json`` at most 2× its plain command; ``coprod team`` at most
2× parsing the same files, at 1,000 and at 5,000 files, and linear (the cost per file
at 5,000 at most 1.1× that at 1,000). The script always exits 0 when it could
measure: missing a target is reported, not failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MINIMAL_APP = REPO / "bench" / "minimal_app.py"
TEMPLATE = REPO / "tests" / "fixtures" / "full.yaml"
COPROD = Path(sys.executable).parent / ("coprod.exe" if os.name == "nt" else "coprod")

HELP_TARGET = 1.2  # coprod --help vs the minimal app's --help (CPU time)
STARTUP_TARGET = 2.0  # a cached coprod command vs the minimal app's plain command (CPU time)
TEAM_TARGET = 2.0  # coprod team vs parse-only, at 1,000 and 5,000 files (CPU time)
LINEAR_TARGET = 1.1  # per-file cost at 5,000 files vs at 1,000
TIME_BUDGET = 300.0  # seconds; the 5,000-file run is skipped if it would not fit

ROLES = ("resident", "community-sector", "officer", "councillor", "researcher", "other")
RATINGS: tuple[int | str, ...] = (0, 1, 2, 3, 4, 0, 1, 2, 3, 4, "dont_know", "na")

PARSE_ONLY = """\
import sys, yaml
for p in sys.argv[1:]:
    with open(p, encoding="utf-8") as f:
        yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""


@dataclass
class Sample:
    seconds: float
    cpu_seconds: float  # user + system, of the child itself
    maxrss_kb: int
    returncode: int
    stderr: str


@dataclass
class Measure:
    label: str
    short: str  # how the ratio column names it when it is the baseline
    argv: list[str]
    env: dict[str, str] | None = None  # None: the bench's ENV
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    peak_kb: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.times)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu_times) * 1000

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


# Every child gets this environment: coprod's content cache in a folder of the bench's
# own (filled by the warm-up runs), so the user's cache neither helps nor is touched.
ENV = dict(os.environ)


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> Sample:
    """Run ``argv`` once in a fresh process; its wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=REPO,
            env=ENV if env is None else env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    maxrss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(elapsed, cpu, maxrss_kb, proc.returncode, stderr)


def record(measure: Measure, sample: Sample, *, timed: bool) -> None:
    if measure.error is not None:
        return
    if sample.returncode != 0:
        tail = " | ".join(sample.stderr.strip().splitlines()[-2:])
        measure.error = f"exit {sample.returncode}: {tail[:200]}"
        return
    measure.peak_kb = max(measure.peak_kb, sample.maxrss_kb)
    if timed:
        measure.times.append(sample.seconds)
        measure.cpu_times.append(sample.cpu_seconds)


def measure_group(measures: list[Measure], repeats: int, *, warmup: bool = True) -> None:
    """One warm-up run each, then ``repeats`` rounds, round-robin across the group."""
    if warmup:
        for m in measures:
            record(m, run_once(m.argv, m.env), timed=False)
    for _ in range(repeats):
        for m in measures:
            if m.error is None:
                record(m, run_once(m.argv, m.env), timed=True)


def round_ratios(m: Measure, base: Measure) -> list[float]:
    """CPU time of ``m`` over its baseline's, round by round (both ran in each round)."""
    if not (m.ok and base.ok) or len(m.cpu_times) != len(base.cpu_times):
        return []
    return [a / b for a, b in zip(m.cpu_times, base.cpu_times, strict=True) if b > 0]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- answers files for `coprod team` -------------------------------------------------------


def generate_answers(directory: Path, count: int, seed: int = 20261120) -> list[Path]:
    """``count`` valid answers files for one project, varied respondent and ratings."""
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    paths = []
    for i in range(count):
        data = dict(template)
        data["respondent"] = {"name": f"Respondent {i + 1:04d}", "role": rng.choice(ROLES)}
        data["ratings"] = {key: rng.choice(RATINGS) for key in template["ratings"]}
        path = directory / f"answers-{i + 1:04d}.yaml"
        path.write_text(
            yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        paths.append(path)
    return paths


# --- the report ----------------------------------------------------------------------------


def render_table(headers: list[str], rows: list[list[str]], *, markdown: bool) -> str:
    right = [i > 0 for i in range(len(headers))]  # first column text, the rest numbers/flags
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def cell(text: str, i: int) -> str:
        return text.rjust(widths[i]) if right[i] else text.ljust(widths[i])

    if markdown:
        lines = ["| " + " | ".join(cell(h, i) for i, h in enumerate(headers)) + " |"]
        lines.append(
            "|"
            + "|".join(
                ("-" * (w + 1) + ":") if right[i] else ("-" * (w + 2)) for i, w in enumerate(widths)
            )
            + "|"
        )
        lines += ["| " + " | ".join(cell(c, i) for i, c in enumerate(r)) + " |" for r in rows]
    else:
        lines = ["  ".join(cell(h, i) for i, h in enumerate(headers))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(cell(c, i) for i, c in enumerate(r)) for r in rows]
    return "\n".join(lines)


def version_of(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def header_line() -> str:
    nproc = os.cpu_count() or 0
    if hasattr(os, "sched_getaffinity"):
        nproc = len(os.sched_getaffinity(0))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    libs = ", ".join(
        f"{d} {version_of(d)}" for d in ("coprod", "typer", "rich", "pydantic", "pyyaml")
    )
    return (
        f"coprod bench, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
        f"{platform.platform()}; Python {platform.python_version()}; nproc {nproc}; "
        f"load average {load}; {libs}"
    )


def check_setup() -> str | None:
    if not COPROD.exists():
        return (
            f"no coprod console script at {COPROD}; run this with the Python of the "
            "virtualenv coprod is installed in"
        )
    if not hasattr(yaml, "CSafeLoader"):
        return "PyYAML was built without libyaml; the parse-only baseline needs CSafeLoader"
    if not TEMPLATE.exists():
        return f"the answers template {TEMPLATE} is missing"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; skip 5,000 files")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args(argv)
    problem = check_setup()
    if problem:
        print(f"bench: {problem}", file=sys.stderr)
        return 2
    from bytecode import compile_coprod

    print(compile_coprod(), flush=True)
    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as tmp:
        ENV["COPROD_CACHE_DIR"] = str(Path(tmp, "cache"))
        run_all(args, Path(tmp))
    return 0


def run_all(args: argparse.Namespace, tmp: Path) -> None:
    """Measure everything, then print the report."""
    started = time.perf_counter()
    header = header_line()  # before the run: the load average is the one we started with
    cli_repeats = 5 if args.quick else 15
    team_sizes = {100: 2, 1000: 3} if args.quick else {100: 3, 1000: 5, 5000: 3}
    py, coprod = sys.executable, str(COPROD)
    notes: list[str] = []
    if args.quick:
        notes.append("--quick: fewer repeats, no 5,000-file run, so no linearity check")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if hasattr(os, "getloadavg") and os.getloadavg()[0] > 0.5 * (cpus or 1):
        notes.append(
            f"the machine was busy at the start (load average {os.getloadavg()[0]:.2f} on "
            f"{cpus} CPUs): wall-clock times are noisy; the CPU column is steadier"
        )

    # 1 + 2. start-up: the minimal Typer app, then coprod's commands.
    minimal = str(MINIMAL_APP.relative_to(REPO))
    min_help = Measure(f"python {minimal} --help", "minimal --help", [py, minimal, "--help"])
    min_hello = Measure(f"python {minimal} hello", "minimal hello", [py, minimal, "hello"])
    full = str(TEMPLATE.relative_to(REPO))
    no_cache = {**ENV, "COPROD_CACHE_DIR": ""}
    cli: list[tuple[Measure, Measure, float | None]] = [
        (Measure("coprod --help", "", [coprod, "--help"]), min_help, HELP_TARGET),
        (
            Measure("coprod practices --json", "", [coprod, "practices", "--json"]),
            min_hello,
            STARTUP_TARGET,
        ),
        (
            Measure(
                "coprod cases photovoice --json", "", [coprod, "cases", "photovoice", "--json"]
            ),
            min_hello,
            STARTUP_TARGET,
        ),
        (
            Measure(
                f"coprod assess --answers {full} --json",
                "",
                [coprod, "assess", "--answers", full, "--json"],
            ),
            min_hello,
            STARTUP_TARGET,
        ),
        # For information: the first run after installing, or after the content changed.
        (
            Measure(
                "coprod practices --json, content cache off",
                "",
                [coprod, "practices", "--json"],
                env=no_cache,
            ),
            min_hello,
            None,
        ),
    ]
    progress(f"start-up: 1 warm-up + {cli_repeats} runs each of {2 + len(cli)} commands")
    measure_group([min_help, min_hello, *(m for m, _, _ in cli)], cli_repeats)

    # 3. coprod team over generated answers files, against parsing them only.
    team_rows: list[tuple[int, Measure, Measure]] = []
    progress(f"writing {max(team_sizes):,} answers files")
    answers_dir = tmp / "answers"
    answers_dir.mkdir()
    files = [str(p) for p in generate_answers(answers_dir, max(team_sizes))]

    team_args = ["--format", "json"]
    probe = run_once([coprod, "team", *files[:100], *team_args])
    if probe.returncode == 0:
        team_label = "coprod team --format json"
    else:
        team_args, team_label = [], "coprod team (terminal)"
        reason = "".join(probe.stderr.strip().splitlines()[-1:])[:200]
        notes.append(
            "`coprod team --format json` failed, so `coprod team <files>` (terminal output "
            f"to /dev/null) was measured instead. The failure: {reason}"
        )

    for size, repeats in team_sizes.items():
        elapsed = time.perf_counter() - started
        if team_rows and team_rows[-1][1].ok and team_rows[-1][2].ok:
            last_size, last_team, last_parse = team_rows[-1]
            estimate = (last_team.median_ms + last_parse.median_ms) / 1000
            estimate *= size / last_size * repeats
            if elapsed + estimate > TIME_BUDGET:
                notes.append(
                    f"{size:,} files skipped: about {estimate:.0f} s more would pass the "
                    f"{TIME_BUDGET:.0f} s budget ({elapsed:.0f} s spent)"
                )
                continue
        subset = files[:size]
        parse = Measure(
            f"parse-only (CSafeLoader), {size:,} files",
            f"parse-only {size:,}",
            [py, "-c", PARSE_ONLY, *subset],
        )
        team = Measure(f"{team_label}, {size:,} files", "", [coprod, "team", *subset, *team_args])
        progress(f"team: {repeats} runs each at {size:,} files")
        # The big sizes skip the warm-up: the 100-file probe has warmed the caches.
        measure_group([parse, team], repeats, warmup=size <= 100)
        team_rows.append((size, team, parse))

    # 4. the report.
    rows: list[list[str]] = []
    missed: list[str] = []

    def add(m: Measure, base: Measure | None, target: float | None) -> None:
        spread = round_ratios(m, base) if base is not None else None
        r = statistics.median(spread) if spread else None
        met = "—"
        if target is not None:
            met = "yes" if r is not None and r <= target else "no"
            if met == "no":
                shown = f"{r:.2f}×" if r is not None else "not measured (error)"
                missed.append(f"{m.label}: {shown}, target ≤ {target:.1f}× {base and base.short}")
        rows.append(
            [
                m.label,
                f"{m.median_ms:,.0f}" if m.ok else "error",
                f"{m.cpu_ms:,.0f}" if m.ok else "—",
                f"{r:.2f}× ({min(spread):.2f}–{max(spread):.2f}) {base.short}"
                if r is not None and spread and base is not None
                else "—",
                f"≤ {target:.1f}×" if target is not None else "—",
                met,
                f"{m.peak_mb:,.1f}" if m.peak_kb else "—",
            ]
        )

    add(min_help, None, None)
    add(min_hello, None, None)
    for m, base, target in cli:
        add(m, base, target)
    for size, team, parse in team_rows:
        add(parse, None, None)
        add(team, parse, TEAM_TARGET if size >= 1000 else None)

    by_size = {size: team for size, team, _ in team_rows}
    if 1000 in by_size and 5000 in by_size and by_size[1000].ok and by_size[5000].ok:
        per_1k, per_5k = by_size[1000].cpu_ms / 1000, by_size[5000].cpu_ms / 5000
        r = per_5k / per_1k
        met = "yes" if r <= LINEAR_TARGET else "no"
        if met == "no":
            missed.append(f"team ms/file at 5,000 vs 1,000: {r:.2f}×, target ≤ {LINEAR_TARGET}×")
        rows.append(
            [
                "coprod team CPU ms/file, 5,000 vs 1,000 files",
                f"{per_5k:.2f}/file",
                "—",
                f"{r:.2f}× {per_1k:.2f}/file",
                f"≤ {LINEAR_TARGET:.1f}×",
                met,
                "—",
            ]
        )

    scaling: list[list[str]] = []
    previous: tuple[int, Measure] | None = None
    for size, team, parse in team_rows:
        marginal = "—"
        if previous is not None and team.ok and previous[1].ok:
            extra = (team.median_ms - previous[1].median_ms) / (size - previous[0])
            marginal = f"{extra:.3f}"
        scaling.append(
            [
                f"{size:,}",
                f"{team.median_ms:,.0f}" if team.ok else "error",
                f"{team.median_ms / size:.3f}" if team.ok else "—",
                marginal,
                f"{parse.median_ms:,.0f}" if parse.ok else "error",
                f"{parse.median_ms / size:.3f}" if parse.ok else "—",
                f"{team.median_ms / parse.median_ms:.2f}×" if team.ok and parse.ok else "—",
                f"{team.peak_mb:,.1f}" if team.peak_kb else "—",
            ]
        )
        previous = (size, team)

    print(header)
    print(
        f"Wall-clock medians of {cli_repeats} runs per start-up command (after a warm-up run) "
        "and of "
        + ", ".join(f"{n} at {s:,} files" for s, n in team_sizes.items() if s in by_size)
        + " for team; CPU = user + system time; each ratio is the median of the rounds' CPU"
        " ratios, with their lowest–highest in brackets; peak MB = each process's own maximum"
        " RSS; coprod's content cache is a fresh folder, filled by the warm-up run."
    )
    print()
    headers = [
        "command",
        "median ms",
        "CPU ms",
        "CPU ratio (spread) vs baseline",
        "target",
        "met",
        "peak MB",
    ]
    print(render_table(headers, rows, markdown=args.markdown))
    print()
    print("coprod team scaling (marginal: extra ms per extra file since the previous size):")
    print()
    scaling_headers = [
        "files",
        "team ms",
        "team ms/file",
        "marginal ms/file",
        "parse ms",
        "parse ms/file",
        "team/parse",
        "team peak MB",
    ]
    print(render_table(scaling_headers, scaling, markdown=args.markdown))
    print()
    for note in notes:
        print(f"Note: {note}")
    every = [min_help, min_hello, *(m for m, _, _ in cli)]
    every += [m for _, team, parse in team_rows for m in (parse, team)]
    for m in every:
        if m.error:
            print(f"Error: {m.label}: {m.error}")
    if missed:
        print(f"Targets missed ({len(missed)}):")
        for line in missed:
            print(f"  - {line}")
    else:
        print("All targets met.")
    print(f"(The benchmark took {time.perf_counter() - started:.0f} s.)")


if __name__ == "__main__":
    sys.exit(main())
