"""``coprod workshop``: serve a local web app where a room answers on their phones."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coprod.cli.context import workshop_contents
from coprod.cli.options import StatementsOption, own_statements
from coprod.cli.workshop_folder import default_folder, holds_workshop, open_workshop
from coprod.errors import CoprodError, Problem
from coprod.terminal.console import warn

if TYPE_CHECKING:
    import socket

    from coprod.core.models import Content
    from coprod.web.state import FolderLock, Workshop

DEFAULT_PORT = 8765
HELP = "\n\n".join(
    [
        "Run a workshop: people answer on their phones, you see the group live.",
        "Serves a web app on this laptop's local network. People scan the QR code (or type "
        "the join address) on phones on the same Wi-Fi and answer the self-assessment; the "
        "facilitator's page shows how many have joined and, once you press Reveal, the "
        "group's profile, its disagreements and the criteria split. Each person's answers "
        "are an ordinary answers file in the folder (--out), so [bold]coprod team "
        "DIR/*.yaml[/bold], [bold]report[/bold] and [bold]compare[/bold] read them unchanged.",
        "Put the Projector page it prints on the room's screen (group figures only, never "
        "who said what) and keep the facilitator's console on your own.",
        "Start it again with the same --out to carry on: the same addresses and port, the "
        "same people; --new starts a new workshop beside one already in the default folder. "
        "Stop with Ctrl-C. If phones cannot connect (guest Wi-Fi often keeps devices "
        "apart), put the laptop and the phones on a phone's hotspot.",
        'Examples: [bold]coprod workshop --project "Space in Common" --quick[/bold], '
        "[bold]coprod workshop --out workshop-space-in-common-2026-12-01[/bold]",
    ]
)


def _say(line: str = "") -> None:
    """One plain line on stdout, flushed, wrapped between words in a terminal (a URL whole)."""
    import re
    import shutil

    line = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", line)
    if sys.stdout.isatty():
        from coprod.terminal.lines import wrap

        line = wrap(line, shutil.get_terminal_size().columns)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _say_both(line: Callable[[], str]) -> None:
    """A line in the language of the moment; on a bilingual screen (``--lang cy+en``) the
    same line in each language, the first first, each whole (a URL ends its line)."""
    from coprod import i18n

    second = i18n.second_language()
    if second is None:
        _say(line())
        return
    for code in (i18n.language(), second):
        with i18n.override(code):
            _say(line())


def workshop_command(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="The workshop's folder: answers files and state (default: "
            "workshop-PROJECT-DATE). Give an existing one to carry on.",
        ),
    ] = None,
    quick: Annotated[
        bool,
        typer.Option("--quick", help="Ask what `assess --quick` asks: one rating per practice."),
    ] = False,
    project: Annotated[
        str | None,
        typer.Option(
            "--project", metavar="NAME", help="The project's name (needed for a new workshop)."
        ),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            metavar="STAGE",
            help="The project's stage: agenda-setting, design, delivery, review or other.",
        ),
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Ask no names and show none.")
    ] = False,
    max_participants: Annotated[
        int | None,
        typer.Option(
            "--max-participants", metavar="N", min=1, help="How many phones may join (default 200)."
        ),
    ] = None,
    new: Annotated[
        bool,
        typer.Option(
            "--new",
            help="Start a new workshop even when the default folder already holds one "
            "(in a new folder beside it).",
        ),
    ] = False,
    statements: StatementsOption = None,
    host: Annotated[
        str | None,
        typer.Option(
            "--host", help="The address to serve on (default: this laptop's local network address)."
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            min=0,
            max=65535,
            help=f"The port (default: the workshop's earlier port, else {DEFAULT_PORT}; 0: any free port).",
        ),
    ] = None,
    open_console: Annotated[
        bool,
        typer.Option("--open", help="Open your console (the facilitator page) in the web browser."),
    ] = False,
) -> None:
    from coprod.core.answers import STAGES
    from coprod.i18n import _

    if stage is not None and stage not in STAGES:
        raise CoprodError(
            _("--stage must be one of %(stages)s (got %(value)s)")
            % {"stages": ", ".join(STAGES), "value": repr(stage)}
        )
    content, screens, phones = workshop_contents(ctx)
    if out is None:
        if project is None:
            raise CoprodError(
                _("a new workshop needs a project name: --project NAME"),
                hint=_("To carry on an earlier workshop, give its folder with --out."),
            )
        from coprod.core.models import slugify

        out = default_folder(
            Path(f"workshop-{slugify(project)}-{dt.date.today().isoformat()}"), content, new
        )
    elif new and holds_workshop(out):
        raise CoprodError(
            Problem(
                _("already holds a workshop; --new starts a new one: choose another --out"), out
            )
        )
    own = own_statements(statements, content)  # checked before any folder is made
    from coprod.web.own import start_with
    from coprod.web.state import Workshop, hold_folder

    # one server per folder, for its whole life (a new folder: once it is made)
    lock = hold_folder(out) if Workshop.exists(out) else None
    try:
        workshop, resumed = open_workshop(
            out,
            content,
            project=project,
            stage=stage,
            quick=quick,
            anonymous=anonymous,
            max_participants=max_participants,
        )
        lock = lock or hold_folder(out)
        start_with(workshop, own)  # the group's own statements, kept in the folder
        _serve_on(
            ctx,
            workshop,
            host,
            port,
            lock,
            resumed=resumed,
            language=screens,
            phones=phones,
            open_console=open_console,
        )
    finally:
        if lock is not None:
            lock.release()


def _serve_on(
    ctx: typer.Context,
    workshop: Workshop,
    host: str | None,
    port: int | None,
    lock: FolderLock,
    *,
    resumed: bool,
    language: str | None = None,
    phones: Content | None = None,
    open_console: bool = False,
) -> None:
    from coprod.i18n import _
    from coprod.web.server import bind, lan_address, url_host

    address = host or lan_address()
    wanted = port if port is not None else (workshop.settings.port or DEFAULT_PORT)
    try:
        sock = bind(address, wanted)
    except CoprodError:
        if port is not None:
            raise  # asked for: say why not
        sock = bind(address, 0)  # any free port will do, said plainly
        if workshop.settings.port is not None:
            warn(
                _(
                    "port %(port)d is taken (is this workshop already running?); serving on "
                    "port %(new)d instead: the addresses below are new"
                )
                % {"port": wanted, "new": int(sock.getsockname()[1])}
            )
    actual = int(sock.getsockname()[1])
    lock.describe(
        _("process %(pid)d, serving http://%(address)s/")
        % {"pid": os.getpid(), "address": f"{url_host(address)}:{actual}"}
    )
    if workshop.settings.port != actual and port != 0:
        workshop.settings.port = actual
        workshop.save_state()
    from coprod.web.language import load_choices

    contents = load_choices(getattr(ctx.find_root().obj, "data_dir", None))
    serve(
        workshop,
        sock,
        address,
        actual,
        resumed=resumed,
        contents=contents,
        language=language,
        phones=phones,
        open_console=open_console,
    )


workshop_command.__doc__ = HELP


def serve(
    workshop: Workshop,
    sock: socket.socket,
    host: str,
    port: int,
    *,
    resumed: bool,
    contents: dict[str, Any] | None = None,
    language: str | None = None,
    phones: Content | None = None,
    open_console: bool = False,
) -> None:
    """Print the addresses, then serve until Ctrl-C or SIGTERM; print a summary.

    ``open_console`` opens the facilitator page in the web browser once serving.
    """
    import threading

    from coprod.i18n import _, ngettext
    from coprod.web.app import Urls, create_app
    from coprod.web.pages import warm
    from coprod.web.server import Server, is_loopback, lan_address, settle_memory, url_host
    from coprod.web.state import code_text

    s = workshop.settings
    shown = lan_address() if host in ("0.0.0.0", "::") else host  # every address: show one
    origin = f"http://{url_host(shown)}:{port}"
    urls = Urls(
        join=f"{origin}/j/{s.join_token}/",
        facilitator=f"{origin}/f/{s.facilitator_token}/",
        code=f"{origin}/code",
        projector=f"{origin}/w/{s.projector_token}/",
    )
    app = create_app(workshop, urls, contents, language=language, phones=phones)
    # compiled while the room gathers (in a thread: the addresses are shown at once)
    threading.Thread(target=warm, args=(app.state.site.env,), daemon=True).start()
    settle_memory()
    server = Server(app)
    server.early_signals()
    if sys.stdout.isatty():
        import segno

        segno.make(urls.join, error="m").terminal(out=sys.stdout, compact=True)
    if is_loopback(shown):
        warn(
            _(
                "the QR code and the addresses below point at %(host)s, which only this "
                "laptop can reach: phones cannot join. Serve on the Wi-Fi the phones use: "
                "leave out --host, or give this laptop's address on that network."
            )
            % {"host": shown}
        )
    if resumed:
        n = len(workshop.participants)
        _say_both(
            lambda: (
                ngettext(
                    "Carrying on the workshop for %(project)s (%(n)d participant so far).",
                    "Carrying on the workshop for %(project)s (%(n)d participants so far).",
                    n,
                )
                % {"project": s.project, "n": n}
            )
        )
    # the URLs end their lines (see coprod/web/__init__.py)
    _say_both(lambda: _("Participants join at: %(url)s") % {"url": urls.join})
    _say_both(
        lambda: _("The facilitator page (keep it to yourself): %(url)s") % {"url": urls.facilitator}
    )
    _say_both(
        lambda: (
            _("Projector (put this page on the room's screen): %(url)s") % {"url": urls.projector}
        )
    )
    _say_both(
        lambda: (
            _("No camera? Open %(url)s and type the code %(code)s")
            % {"url": urls.code, "code": code_text(s.code)}
        )
    )
    _say_both(
        lambda: _(
            "Phones must be on the same Wi-Fi as this laptop. If they cannot connect (guest "
            "Wi-Fi often keeps devices apart), connect the laptop and the phones to a phone's "
            "hotspot and start again."
        )
    )
    _say_both(
        lambda: (
            _("Answers are saved in %(folder)s/ as they come. Stop with Ctrl-C.")
            % {"folder": workshop.folder}
        )
    )
    import threading

    if open_console:  # the socket listens already: the page loads once uvicorn runs
        from coprod.cli.browser import open_console_soon

        # not the console's own address: a browser's command line is visible to every
        # account on the laptop; this link works once
        open_console_soon(origin + app.state.site.console_once())
    stop = threading.Event()
    ticker = Progress(workshop)
    threading.Thread(target=ticker.run, args=(stop,), daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # a second Ctrl-C while stopping
        pass
    finally:
        stop.set()
        sock.close()
    people = workshop.participants
    finished = sum(1 for p in people if p.answers.complete)
    _say()
    _say_both(
        lambda: (
            ngettext(
                "Workshop stopped: %(n)d participant, %(finished)d finished.",
                "Workshop stopped: %(n)d participants, %(finished)d finished.",
                len(people),
            )
            % {"n": len(people), "finished": finished}
        )
    )
    if people:  # nobody joined: no answers to point to
        _say_both(lambda: _("Answers are in %(folder)s/") % {"folder": workshop.folder})
    if len(people) >= 2:  # coprod team reads two or more people
        _say_both(
            lambda: _("Read them together: %(command)s") % {"command": team_command_line(workshop)}
        )


def team_command_line(workshop: Workshop) -> str:
    """``coprod team DIR/*.yaml``, with the options that keep the workshop's promise."""
    import shlex

    words = ["coprod", "team", f"{shlex.quote(str(workshop.folder))}/*.yaml"]
    if workshop.settings.anonymous:
        words.append("--anonymous")
    return " ".join(words)


class Progress:
    """Once a minute while people are joining: how many have joined and finished, as one
    line, and only when that has changed (no flooding)."""

    INTERVAL = 60.0  # seconds

    def __init__(self, workshop: Workshop) -> None:
        self.workshop = workshop
        self.said = self.counts()

    def counts(self) -> tuple[int, int, int]:
        """Joined, finished, and (of those) typed in from paper forms."""
        from coprod.core.answers import on_paper

        people = list(self.workshop.participants)
        finished = sum(1 for p in people if p.answers.complete)
        return len(people), finished, on_paper(p.answers for p in people)

    def line(self, now: dt.datetime | None = None) -> str | None:
        """The line to print now, or ``None`` when nothing changed since the last one."""
        from coprod.i18n import _, ngettext

        counts = self.counts()
        if counts == self.said:
            return None
        self.said = counts
        joined, finished, paper = counts
        at = (now or dt.datetime.now()).strftime("%H:%M")
        said = _("%(time)s · %(joined)d joined, %(finished)d finished") % {
            "time": at,
            "joined": joined,
            "finished": finished,
        }
        if paper:  # as coprod team says it (the console says "N on paper" too)
            said = ngettext("%(people)s, %(n)d on paper", "%(people)s, %(n)d on paper", paper) % {
                "people": said,
                "n": paper,
            }
        return said

    def run(self, stop: Any) -> None:
        while not stop.wait(self.INTERVAL):
            line = self.line()
            if line:
                _say(line)
