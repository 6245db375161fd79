"""The workshop benchmark's tables and its verdicts against issue 21's targets."""

from __future__ import annotations

import statistics
from typing import Any

ROOM = 200  # phones answering at once
TOWN_HALL = 500  # phones arriving over 30 seconds, --max-participants 500
P95_RATIO = 2.0  # workshop p95 POST→saved over the bare server's, same run
PAGES_SHARE = 0.60  # workshop pages saved per second over the bare server's
UPDATE_SLACK_MS = 100.0  # the facilitator's update median: coalescing window + this
TOWN_HALL_P95_MS = 1000.0
TOWN_HALL_MB = 150.0


def table(rows: list[Any]) -> str:
    lines = [
        "| Participants | Server | Pages saved | Pages/s | Answers/s | POST→saved median | p95 "
        "| p95 first page | p95 later pages "
        "| Facilitator update median | p95 | Server CPU per page | Server peak RSS "
        "| Not saved / failed |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        name = "coprod workshop" if r.server == "workshop" else "bare Starlette"
        lines.append(
            f"| {r.count} | {name} | {r.posts:,} | {r.posts / r.seconds:,.0f} "
            f"| {r.answers / r.seconds:,.0f} | "
            f"{r.p50_ms:,.0f} ms | {r.p95_ms:,.0f} ms | {r.first_p95_ms:,.0f} ms | "
            f"{r.rest_p95_ms:,.0f} ms | {r.delay_p50_ms:,.0f} ms | "
            f"{r.delay_p95_ms:,.0f} ms | {1000 * r.cpu_s / max(r.posts, 1):.1f} ms | "
            f"{r.peak_mb:,.0f} MB | {r.not_saved} / {len(r.failures)} |"
        )
    return "\n".join(lines)


def _spread(values: list[float], unit: str = "×") -> str:
    if len(values) == 1:
        return f"{values[0]:.2f}{unit} (one run)"
    return (
        f"{statistics.median(values):.2f}{unit} "
        f"({min(values):.2f}–{max(values):.2f} over {len(values)} runs)"
    )


def report(room: list[tuple[Any, Any]], town_hall: Any | None, window: float) -> str:
    """Each target: the measured ratio or figure, its spread over the runs, met or not."""
    lines = ["Targets (issue 21):"]
    missed = 0

    def verdict(ok: bool, what: str, measured: str, target: str) -> None:
        nonlocal missed
        missed += not ok
        lines.append(f"  - {what}: {measured}; target {target}: {'met' if ok else 'NOT met'}")

    if room:
        p95 = [w.p95_ms / b.p95_ms for w, b in room]
        pages = [(w.posts / w.seconds) / (b.posts / b.seconds) for w, b in room]
        updates = [w.delay_p50_ms for w, _ in room]
        lost = sum(w.not_saved + len(w.failures) for w, _ in room)
        count = room[0][0].count
        verdict(
            statistics.median(p95) <= P95_RATIO,
            f"{count} phones, p95 POST→saved, workshop / bare",
            _spread(p95),
            f"≤ {P95_RATIO:.0f}×",
        )
        verdict(
            statistics.median(pages) >= PAGES_SHARE,
            f"{count} phones, pages saved per second, workshop / bare",
            _spread(pages),
            f"≥ {PAGES_SHARE:.2f}",
        )
        limit = window * 1000 + UPDATE_SLACK_MS
        verdict(
            statistics.median(updates) <= limit,
            f"{count} phones, facilitator update median",
            _spread(updates, " ms"),
            f"≤ {limit:.0f} ms (the {window * 1000:.0f} ms window + {UPDATE_SLACK_MS:.0f} ms)",
        )
        verdict(lost == 0, f"{count} phones, answers not saved or failed", str(lost), "0")
    if town_hall is not None:
        t = town_hall
        verdict(
            t.not_saved == 0 and not t.failures and t.posts == t.count * t.pages,
            f"town hall of {t.count}, answers lost or requests failed",
            f"{t.not_saved} not saved, {len(t.failures)} failed, "
            f"{t.posts:,} of {t.count * t.pages:,} pages saved",
            "none lost, none failed",
        )
        verdict(
            t.p95_ms < TOWN_HALL_P95_MS,
            f"town hall of {t.count}, p95 POST→saved",
            f"{t.p95_ms:,.0f} ms",
            f"< {TOWN_HALL_P95_MS:,.0f} ms",
        )
        verdict(
            t.peak_mb < TOWN_HALL_MB,
            f"town hall of {t.count}, server peak memory",
            f"{t.peak_mb:,.0f} MB",
            f"< {TOWN_HALL_MB:.0f} MB",
        )
    lines.append("All targets met." if not missed else f"Targets not met: {missed}.")
    return "\n".join(lines)
