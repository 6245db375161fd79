"""``--help`` in the chosen language, without a ``_()`` around every help string.

Before click parses anything, :func:`choose_language` works out ``--lang`` (given
before the command name) or ``$COPROD_LANG`` and activates it, so that usage
errors, ``--help`` and early errors already speak that language. When it is not
English, :func:`translate_help` walks the command tree once and replaces each
command's help and each parameter's help by its translation (the exact English
text is the msgid; an untranslated text stays English), and typer's own words
(panel titles, "Try … for help.") follow.

``pybabel extract`` finds the help texts through :func:`coprod.i18n.babel_extract.extract_help`
(see babel.cfg), which walks the same tree.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any

from coprod.i18n import N_, _

#: typer's own words in rich help and usage errors (constants of ``typer.rich_utils``).
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
#: The help of ``-h`` / ``--help`` on every command (click adds the option itself).
HELP_OPTION = N_("Show this message and exit.")
_ORIGINAL: dict[str, str] = {}

#: Options before the command name that take a value (``--lang`` aside).
_VALUE_OPTIONS = ("--data-dir",)


#: coprod's own options, given after the command name as often as before it.
_GLOBAL_FLAGS = ("--easy-read",)
_GLOBAL_VALUES = ("--lang", "--data-dir")


def hoist_global_options(args: Sequence[str]) -> list[str]:
    """``args`` with coprod's own options (``--lang``, ``--easy-read``, ``--data-dir``) moved
    before the command name when they were typed after it: ``coprod practices --lang cy``
    works as ``coprod --lang cy practices`` does. Nothing after ``--`` is touched."""
    args = list(args)
    start = 0
    while start < len(args):  # the command name: the first word that is no option's value
        arg = args[start]
        if arg == "--":
            return args
        if arg in _GLOBAL_VALUES:
            start += 2
            continue
        if not arg.startswith("-"):
            break
        start += 1
    else:
        return args
    moved: list[str] = []
    rest: list[str] = []
    index = start + 1
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg in _GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUES)):
            moved.append(arg)
        elif arg in _GLOBAL_VALUES and index + 1 < len(args):
            moved += args[index : index + 2]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return [*args[:start], *moved, args[start], *rest]


def language_from(args: Sequence[str], environ: dict[str, str] | Any) -> str | None:
    """The ``--lang`` given before the command name (the last one), else ``$COPROD_LANG``."""
    chosen: str | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            break
        if arg == "--lang":
            if index + 1 < len(args):
                chosen = args[index + 1]
            index += 2
            continue
        if arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
        elif arg in _VALUE_OPTIONS:
            index += 1
        elif not arg.startswith("-"):
            break  # the command name: its own options are not coprod's
        index += 1
    if chosen is None:
        chosen = environ.get("COPROD_LANG") or None
    return chosen


def choose_language(args: Sequence[str], environ: dict[str, str] | Any) -> str:
    """Activate the interface language for this run; return its code.

    A value that is not a language code, or a language coprod has no catalogue
    for, shows English here: the command then reports it as it always has.
    """
    from coprod import i18n
    from coprod.core.packs.choice import ENGLISH, normalise_language
    from coprod.errors import CoprodError

    value = language_from(args, environ)
    pair = i18n.bilingual(value)
    if pair is not None:  # cy+en (coprod workshop): messages before it starts, in the first
        value = pair[0]
    try:
        language = normalise_language(value) if value else ENGLISH
    except CoprodError:
        language = ENGLISH
    i18n.activate(language)
    return language


def help_texts(command: Any) -> Iterator[str]:
    """Every help text in a click command tree (commands' and parameters')."""
    for text in (getattr(command, "help", None), getattr(command, "short_help", None)):
        if text:
            yield text
    for param in getattr(command, "params", []):
        text = getattr(param, "help", None)
        if text:
            yield text
    for sub in getattr(command, "commands", {}).values():
        yield from help_texts(sub)


def translate_help(command: Any, *, help_option_names: Sequence[str] = ("-h", "--help")) -> None:
    """Replace every help text in the tree under ``command`` by its translation."""
    for attr in ("help", "short_help"):
        text = getattr(command, attr, None)
        if text:
            setattr(command, attr, _(text))
    for param in getattr(command, "params", []):
        text = getattr(param, "help", None)
        if text:
            param.help = _(text)
    _translate_help_option(command, help_option_names)
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub, help_option_names=help_option_names)


def _translate_help_option(command: Any, names: Sequence[str]) -> None:
    """The help of ``--help``: click creates the option on first use and keeps it."""
    if not hasattr(command, "_help_option") or getattr(command, "add_help_option", True) is False:
        return
    from typer import Context

    option = command.get_help_option(Context(command, help_option_names=list(names)))
    if option is not None and option.help == HELP_OPTION:
        option.help = _(HELP_OPTION)


def translate_typer_words(language: str) -> None:
    """typer's panel titles and hints in ``language`` (back to English for ``en``).

    ``typer.rich_utils`` (and rich with it) is imported only when help or an error
    is shown: until then a finder waits for it, so ``--lang cy practices --json``
    starts as fast as in English.
    """
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        _apply_typer_words(rich_utils, language)
    elif language != "en" and not any(isinstance(f, _TyperWordsFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _TyperWordsFinder())


def _apply_typer_words(rich_utils: ModuleType, language: str) -> None:
    for name, english in TYPER_WORDS.items():
        if not hasattr(rich_utils, name):
            continue
        _ORIGINAL.setdefault(name, getattr(rich_utils, name))
        setattr(rich_utils, name, _ORIGINAL[name] if language == "en" else _(english))


class _TyperWordsFinder:
    """Translates typer's words as soon as ``typer.rich_utils`` is first imported."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            from coprod import i18n

            _apply_typer_words(module, i18n.language())

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec
