"""``coprod glossary``: the words the easy-read version keeps, and what they mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coprod.cli.context import content_for, data_dir_for
from coprod.cli.options import JsonOption
from coprod.terminal.console import out, print_json

if TYPE_CHECKING:
    from coprod.core.models import Content, GlossaryTerm


def glossary_for(ctx: typer.Context) -> tuple[Content, list[GlossaryTerm]]:
    """The chosen content's glossary; without one, the easy-read pack's."""
    from coprod.core.packs.choice import EASY_READ, pack_name
    from coprod.storage.content import load_content
    from coprod.storage.packs import available_packs

    content = content_for(ctx)
    if content.pack and content.pack.glossary:
        return content, list(content.pack.glossary)
    data_dir = data_dir_for(ctx)
    packs = available_packs(data_dir)
    for name in (pack_name(content.language, True), EASY_READ):
        if name in packs:
            easy = load_content(data_dir, name)
            if easy.pack and easy.pack.glossary:
                return easy, list(easy.pack.glossary)
    return content, []


def glossary_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the words the easy-read version keeps (like co-production), in plain words.

    Examples: [bold]coprod glossary[/bold], [bold]coprod --easy-read glossary --json[/bold]
    """
    content, terms = glossary_for(ctx)
    if as_json:
        from coprod.render.json import glossary_document

        print_json(glossary_document(content, terms))
        return
    from coprod.render.terminal.glossary import render_glossary

    render_glossary(content, terms, out())
