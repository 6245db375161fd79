"""Opening a page in this computer's web browser (``coprod workshop --open``)."""

from __future__ import annotations

#: Browsers that run in the terminal: they would take over the one the workshop prints in.
TEXT_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m"})


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the default graphical web browser; ``False`` when there is none.

    Call it from a thread: some browsers keep the call waiting until they close.
    """
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if getattr(browser, "name", None) in TEXT_BROWSERS:
        return False
    try:
        return bool(browser.open(url, new=2))
    except OSError:
        return False


def open_console_soon(url: str) -> None:
    """Open the facilitator page in a thread (the server goes on starting); warn if it cannot."""
    import threading

    def run() -> None:
        if not open_in_browser(url):
            from coprod.i18n import _
            from coprod.terminal.console import warn

            warn(
                _(
                    "no web browser could be opened here: open the facilitator page's "
                    "address yourself"
                )
            )

    threading.Thread(target=run, daemon=True).start()
