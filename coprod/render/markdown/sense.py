"""Making sense together, in words: what we agree on, where we see it differently, and
whether the two sides of the table see it differently (markdown; HTML is built from it).

Group figures only: how many rated a statement, its middle rating and its spread, each
side's mean. Never who rated what, and no figure for either side unless both have at
least three people.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.sense import MIN_SIDE, Gap, Item, MattersMost, Reason, Sides, Spread
from coprod.core.team import TeamView
from coprod.i18n import N_, _
from coprod.i18n.labels import SCALE_WORDS, rating_label
from coprod.render.markdown.blocks import bullets, escape_md, heading, table

AGREE = N_("What we agree on")
SPLIT = N_("Where we see it differently")
SIDES = N_("Seen differently from the two sides of the table")
SIDES_RULE = N_(
    "The two sides: residents and community groups on one; council and public-sector "
    "staff and elected members on the other. Other roles, and people who gave none, are "
    "on neither. A gap is marked when it is 20 points or more on a practice, or a point "
    "or more on a statement."
)
TOO_FEW = N_(
    "Too few on one side to compare: each side needs at least %(n)d people, so that no "
    "one can be picked out."
)
MATTERS = N_("What matters most to us")
MATTERS_AND_SPLIT = N_("Matters most to people and seen differently — talk about these first:")
MATTERS_LIST = N_("Marked as mattering most, most marked first:")
MAX_LISTED = 10  # statements listed under each heading; the rest are counted


def median_text(median: float) -> str:
    """``3`` -> ``"3 Mostly"``; ``2.5`` -> ``"2.5"``."""
    median = float(median)
    if median.is_integer():
        whole = int(median)
        return f"{whole} {_(SCALE_WORDS[whole])}"
    return f"{median:g}"


def item_text(item: Item, practice_names: dict[str, str]) -> str:
    """A statement's words and its practice in brackets (a practice alone, or an own
    statement without one: its words only)."""
    where = practice_names.get(item.practice_id, "")
    return item.text if item.id == item.practice_id or not where else f"{item.text} ({where})"


def spread_line(spread: Spread, practice_names: dict[str, str]) -> str:
    """One statement: its words, its practice, how many rated it, the middle and the range."""
    text = item_text(spread.item, practice_names)
    low, high = min(spread.ratings), max(spread.ratings)
    if low == high:
        figures = _("rated by %(n)d, all %(rating)s") % {
            "n": spread.n,
            "rating": median_text(low),
        }
        return f"{text} — {figures}"
    figures = _("rated by %(n)d; middle rating %(median)s; from %(low)d to %(high)d") % {
        "n": spread.n,
        "median": median_text(spread.median),
        "low": low,
        "high": high,
    }
    return f"{text} — {figures}"


def reason_line(reason: Reason) -> str:
    """``rated 1 Partly: “the text”`` (plain text): the rating it came with, never who."""
    return _("rated %(rating)s: “%(text)s”") % {
        "rating": rating_label(reason.rating),
        "text": reason.text,
    }


def _with_reasons(spread: Spread, names: dict[str, str]) -> str:
    """A statement's line, and each reason given for it as a list under it."""
    line = escape_md(spread_line(spread, names))
    return line + "".join(f"\n  - {escape_md(reason_line(r))}" for r in spread.reasons)


def matters_line(marked: MattersMost, practice_names: dict[str, str]) -> str:
    """``Statement (Practice) — marked by 4; mean 2.3, from 1 to 4`` (plain text)."""
    text = item_text(marked.item, practice_names)
    figures = _("marked by %(n)d") % {"n": marked.count}
    if marked.mean is not None and marked.ratings:
        figures += "; " + _("mean %(mean)s, from %(low)d to %(high)d") % {
            "mean": f"{marked.mean:.1f}",
            "low": min(marked.ratings),
            "high": max(marked.ratings),
        }
    return f"{text} — {figures}"


def matters_most_blocks(view: TeamView, level: int = 2) -> list[str]:
    """What people marked as mattering most; what also splits the room is named first."""
    from coprod.core.sense import split_and_mattering

    marked = view.matters_most
    if not marked:  # nobody marked any: no section (files from before there was one)
        return []
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    blocks = [heading(level, escape_md(_(MATTERS)))]
    first = split_and_mattering(view.agreement, marked)
    if first:
        blocks.append(escape_md(_(MATTERS_AND_SPLIT)))
        blocks.append(bullets(escape_md(matters_line(m, names)) for m in first))
    blocks.append(escape_md(_(MATTERS_LIST)))
    shown = [escape_md(matters_line(m, names)) for m in marked[:MAX_LISTED]]
    if len(marked) > MAX_LISTED:
        shown.append(escape_md(_("and %(n)d more") % {"n": len(marked) - MAX_LISTED}))
    blocks.append(bullets(shown))
    return blocks


def _listed(spreads: Sequence[Spread], names: dict[str, str]) -> list[str]:
    shown = [_with_reasons(s, names) for s in spreads[:MAX_LISTED]]
    if len(spreads) > MAX_LISTED:
        rest = len(spreads) - MAX_LISTED
        shown.append(escape_md(_("and %(n)d more") % {"n": rest}))
    return shown


def agreement_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Both lists, each under its own heading."""
    result = view.agreement
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    blocks = [heading(level, escape_md(_(AGREE)))]
    if result.agree:
        blocks.append(
            escape_md(
                _(
                    "Rated by three or more people, within a point of each other: common "
                    "ground to build on."
                )
            )
        )
        blocks.append(bullets(_listed(result.agree, names)))
    else:
        blocks.append(escape_md(_("No statement rated by three or more people is agreed yet.")))
    blocks.append(heading(level, escape_md(_(SPLIT))))
    if result.split:
        blocks.append(
            escape_md(
                _(
                    "Rated two or more points apart, widest first: worth talking through, "
                    "not settling by a vote."
                )
            )
        )
        blocks.append(bullets(_listed(result.split, names)))
    else:
        blocks.append(escape_md(_("No statement rated by three or more people is split.")))
    return blocks


def _number(value: float | None, whole: bool) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if whole else f"{value:.1f}"


def gap_text(gap: Gap, whole: bool) -> str:
    """``"community 3.3, institutions 1.7: a gap of 1.6"`` (plain text)."""
    return _("community %(community)s, institutions %(institutions)s: a gap of %(gap)s") % {
        "community": _number(gap.community, whole),
        "institutions": _number(gap.institutions, whole),
        "gap": _number(abs(gap.gap) if gap.gap is not None else None, whole),
    }


def sides_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Each side's mean per practice (and the marked statements), or why there is none."""
    result: Sides = view.sides
    content = view.assessments[0].content
    blocks = [heading(level, escape_md(_(SIDES))), escape_md(_(SIDES_RULE))]
    if not result.comparable:
        blocks.append(escape_md(_(TOO_FEW) % {"n": MIN_SIDE}))
        return blocks
    marked = _("marked")
    rows = [
        [
            escape_md(f"{p.number}. {p.name}"),
            _number(g.community, True),
            _number(g.institutions, True),
            _number(g.gap, True),
            f"**{escape_md(marked)}**" if g.flagged else "",
        ]
        for p, g in zip(content.practices, result.practices, strict=True)
    ]
    blocks.append(
        table(
            [_("Practice"), _("Community"), _("Institutions"), _("Gap"), ""],
            rows,
            caption=_("Each side's mean score (0-100)"),
            align=["left", "right", "right", "right", "left"],
        )
    )
    statements = {item.id: item.text for item in view.items}
    flagged = [g for g in result.statements if g.flagged]
    if flagged:
        blocks.append(escape_md(_("Statements the two sides rate a point or more apart (0-4):")))
        blocks.append(
            bullets(
                escape_md(f"{statements.get(g.id, g.id)} — {gap_text(g, whole=False)}")
                for g in flagged
            )
        )
    return blocks
