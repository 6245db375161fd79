"""prompt_toolkit: an Application builds its default key bindings through two functions of
``prompt_toolkit.application.application``, which coprod makes build them once for every
question (``interactive/prompts.build_default_bindings_once``). Should prompt_toolkit stop
calling them there, each question builds its own again (slower, still right): this names it.
"""

from __future__ import annotations

import importlib

import pytest
from prompt_toolkit.application import Application

from coprod.interactive import prompts


def test_every_question_after_the_first_reuses_the_default_bindings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = importlib.import_module("prompt_toolkit.application.application")
    for name in ("load_key_bindings", "load_page_navigation_bindings"):
        monkeypatch.setattr(module, name, getattr(module, name))  # put back after the test
    prompts.build_default_bindings_once()
    first, second = Application(), Application()
    assert first._default_bindings is second._default_bindings
    assert first._page_navigation_bindings is second._page_navigation_bindings
    assert len(first._default_bindings.bindings) > 100  # the real defaults, emacs and vi
    prompts.build_default_bindings_once()  # a second call changes nothing
    assert Application()._default_bindings is first._default_bindings
