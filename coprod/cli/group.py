"""CoprodGroup: the language before parsing, coprod's errors as exit codes, a closed pipe."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from coprod.errors import CoprodError


def flow_paragraphs(text: str | None) -> str | None:
    """Help text with each paragraph on one line, so the terminal wraps it at word boundaries.

    Typer's rich help keeps a docstring's line breaks, so source lines wrapped at 88
    columns leave single words on lines of their own at 80. Paragraphs (blank lines),
    list items and click's ``\\b`` (keep as is) paragraphs are kept.
    """
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if lines and stripped and not stripped.startswith(("•", "- ", "* ")):
                lines[-1] += " " + stripped
            else:
                lines.append(stripped)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _flow_help(command: Any) -> None:
    """Apply :func:`flow_paragraphs` to a command's help and to every subcommand's."""
    command.help = flow_paragraphs(command.help)
    for sub in getattr(command, "commands", {}).values():
        _flow_help(sub)


class CoprodGroup(TyperGroup):
    """Turns coprod's own errors into one message and an exit code, never a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _flow_help(self)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Choose the interface language before click parses anything, then run.

        ``--lang`` (before the command name) or ``$COPROD_LANG`` is activated first,
        so usage errors and ``--help`` are in that language too; in a language other
        than English every help text is replaced by its translation.
        """
        from coprod.i18n import cli_help as helptext

        argv = helptext.hoist_global_options(sys.argv[1:] if args is None else list(args))
        language = helptext.choose_language(argv, os.environ)
        helptext.translate_typer_words(language)
        if language != "en":
            helptext.translate_help(self)
        return super().main(argv, *rest, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from coprod import runtime
        from coprod.terminal import console

        runtime.reset(keep_language=True)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
            from coprod.terminal import streams

            streams.reader_went_away()
        except CoprodError as exc:
            from rich.markup import escape

            from coprod.i18n import _

            label = f"[bold red]{escape(_(exc.label))}:[/bold red] " if exc.label else ""
            console.err().print(f"{label}{escape(str(exc))}")
            raise SystemExit(exc.exit_code) from None
        except OSError as exc:  # a full disk or a closed stream under stdout: one line, exit 2
            from coprod.terminal import streams

            streams.report_write_error(exc)
            raise SystemExit(2) from None
        finally:
            # the language chosen in main() stays for the output already written;
            # files read and locks held end with the command
            runtime.reset(keep_language=True)


def run(app: Any) -> None:
    """Run the Typer ``app`` as the console script: also a closed pipe and Ctrl-C outside prompts."""
    from coprod.terminal import streams

    # coprod uses no pydantic plugins; looking for them scans every installed package's
    # metadata at start-up. Set here, by the program, not when a module is imported:
    # importing coprod changes nothing in the host process. Someone who wants plugins
    # can still set this variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    streams.prepare()
    try:
        app(prog_name="coprod")
        streams.flush()
    except SystemExit:
        streams.flush()
        raise
    except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
        streams.reader_went_away()
    except OSError as exc:  # --help or --version into a full or closed stdout
        streams.report_write_error(exc)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        raise SystemExit(130) from None
