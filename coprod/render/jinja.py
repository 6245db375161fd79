"""The one way coprod makes a Jinja2 environment: autoescaping, strict, in the language of
the moment (:mod:`coprod.i18n`'s ``gettext`` installed, so ``{% trans %}`` follows the
command's or the web request's language)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from coprod import i18n


def environment(folder: Path) -> jinja2.Environment:
    """Templates from ``folder``, HTML-escaped, with an undefined name an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # the templates are coprod's own, installed with it
    )
    env.policies["ext.i18n.trimmed"] = True  # as babel.cfg extracts them
    env.install_gettext_callables(i18n._, i18n.ngettext)  # type: ignore[attr-defined]
    return env
