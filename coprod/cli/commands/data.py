"""``coprod data``: check or copy a content folder an organisation can adapt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.context import typed_path
from coprod.cli.options import ForceOption
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.terminal.console import out

if TYPE_CHECKING:
    from coprod.core.models import Content

app = typer.Typer(
    help="Check or copy the content (practices, criteria, cases) so you can adapt it.",
    no_args_is_help=True,
)


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR", help="The content folder to check (default: the one in use)."
        ),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List what each pack leaves to the original."),
    ] = False,
) -> None:
    """Check a content folder: YAML, fields and cross-references.

    Exit code 2 if it is not valid, with each problem's file, line and field. Its
    packs (packs/cy, packs/easy-read) are checked too; how many of their texts come
    from the original is counted, and --verbose lists them as warnings.
    """
    from rich.markup import escape

    from coprod.storage.content import load_content_uncached, resolve_data_dir

    state = ctx.find_root().obj
    chosen = folder or resolve_data_dir(getattr(state, "data_dir", None))
    content = load_content_uncached(chosen)
    statements = sum(len(p.statements) for p in content.practices)
    out().print(
        f"[green]✓[/green] {escape(str(chosen))} is valid: content version {content.version}, "
        f"{len(content.practices)} practices, {statements} statements, "
        f"{len(content.all_criteria())} criteria, {len(content.cases)} cases."
    )
    _validate_packs(chosen, content, verbose=verbose)


def _validate_packs(folder: Path, content: Content, *, verbose: bool) -> None:
    """Every pack under packs/: problems refuse it (exit 2); fallbacks are warnings with
    ``verbose``, else counted in one line."""
    from rich.markup import escape

    from coprod.storage.packs import apply_pack, available_packs
    from coprod.terminal.console import warn

    problems: list[Problem] = []
    held_back = 0
    for name in available_packs(folder):
        try:
            result = apply_pack(folder, name, content)
        except CoprodError as exc:
            problems.extend(exc.problems)
            continue
        meta = result.content.pack.meta if result.content.pack else None
        status = f", {meta.status}" if meta else ""
        falling = sum(len(f.ids) or 1 for f in result.fallbacks)
        out().print(
            f"[green]✓[/green] pack {escape(name)} is valid{status}: {result.texts} texts of "
            f"its own, {falling} from the original."
        )
        for notice in result.notices:  # these may need work: always said
            warn(_("pack %(name)s: %(message)s") % {"name": name, "message": notice.text()})
        held_back += 0 if verbose else len(result.fallbacks)
        for fallback in result.fallbacks if verbose else []:
            warn(_("pack %(name)s: %(message)s") % {"name": name, "message": fallback})
    if held_back:
        from coprod.i18n import ngettext

        line = ngettext(
            "%(n)d note on what the packs leave to the original: %(command)s lists it.",
            "%(n)d notes on what the packs leave to the original: %(command)s lists them.",
            held_back,
        ) % {"n": held_back, "command": "coprod data validate --verbose"}
        out().print(f"[dim]{escape(line)}[/dim]")
    if problems:
        raise CoprodError(problems, hint=None)


@app.command("copy")
def copy_command(
    target: Annotated[Path, typer.Argument(metavar="DIR", help="Where to put the copy.")],
    force: ForceOption = False,
) -> None:
    """Copy the built-in content to DIR, to adapt it and use it with --data-dir DIR."""
    from rich.markup import escape

    from coprod.core.content_checks import FILES
    from coprod.storage.content import bundled_data_dir

    source = bundled_data_dir()
    existing = [target / name for name in FILES if (target / name).exists()]
    if existing and not force:
        raise CoprodError(
            Problem(_("already holds content files; use --force to overwrite them"), target)
        )
    from coprod.storage.files import make_folder, write_atomic

    make_folder(target)
    for name in FILES:
        write_atomic(target / name, (source / name).read_text(encoding="utf-8"), overwrite=force)
    packs = source / "packs"
    if packs.is_dir():  # the easy-read and Welsh versions come along
        for pack in sorted(p for p in packs.iterdir() if p.is_dir()):
            make_folder(target / "packs" / pack.name)
            for file in sorted(pack.glob("*.yaml")):
                write_atomic(
                    target / "packs" / pack.name / file.name,
                    file.read_text(encoding="utf-8"),
                    overwrite=force,
                )
    typed = typed_path(target)  # so that the hints work as printed
    out().print(
        f"Copied the content to {escape(str(target))}. Edit it, check it with "
        f"[bold]coprod data validate {typed}[/bold], then use [bold]coprod --data-dir {typed} …[/bold]"
    )
