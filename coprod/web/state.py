"""A workshop's lasting state in its folder: settings, secrets, participants, answers.

Everything the workshop needs to carry on after a restart lives in DIR:

* ``DIR/.coprod-workshop.json`` (mode 0600, the user's only): the settings, the
  participant, facilitator and projector secrets, whether the group view was revealed,
  what the wall shows (its slide, its text size, whether phones see the group), and
  each participant's number, answers file and the SHA-256 of their cookie key
  (the key itself is only ever in the participant's browser).
* ``DIR/participant-NNN.yaml``: one ordinary answers file per participant, the
  same schema ``coprod assess`` writes, a draft (``complete: false``) until they
  reach the end.

This module does no networking; the web app calls it, and it calls the core.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coprod.core.answers import Answers, LoadedAnswers
from coprod.core.models import Content, slugify
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.storage.answers_file import WORKSHOP_STATE, load_answers
from coprod.web.statefile import CODE_ALPHABET, CODE_LENGTH, STATE_VERSION, read_own

STATE_FILE = WORKSHOP_STATE  # answers_file tells a participant's file by it
LOCK_FILE = ".coprod-workshop.lock"  # held by the server that serves the folder
TOKEN_BYTES = 24  # 192 bits: URL tokens and cookie keys, from the secrets module
DEFAULT_MAX_PARTICIPANTS = 200

Mode = Literal["full", "quick"]


def new_token() -> str:
    """An unguessable URL-safe secret (192 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_code() -> str:
    """A short code to type beside the join URL (about 30 bits; its page is rate-limited)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_text(code: str) -> str:
    """``"ABCDEF"`` -> ``"ABC-DEF"``, as printed and shown."""
    return f"{code[:3]}-{code[3:]}"


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass
class Settings:
    """What a workshop was started with; kept for every restart."""

    project: str
    stage: str | None
    mode: Mode
    anonymous: bool
    max_participants: int
    join_token: str
    facilitator_token: str
    created: str
    port: int | None = None
    code: str = ""
    projector_token: str = ""  # the wall's: shows, changes nothing


#: The wall's scale steps (percent of its normal size), chosen on the console.
WALL_SCALES = (100, 115, 130, 150, 175)  # 100: body text 24 px


@dataclass
class WallState:
    """What the projector page (the wall) shows, chosen on the console; kept across restarts."""

    slide: str = "join"
    scale: int = 100
    share_phones: bool = False  # the group's profile on each phone's done page


@dataclass
class Participant:
    """One phone: a number, an answers file, and their answers as last written."""

    number: int
    key_hash: str
    path: Path
    answers: Answers
    revision: int = 0
    # the answers as last written, copied when they were (never changed after): what
    # the live pages read, off the event loop; None until this server writes them
    written: Answers | None = field(default=None, repr=False)
    _loaded: LoadedAnswers | None = field(default=None, repr=False)
    _loaded_revision: int = field(default=-1, repr=False)

    def loaded(self, content: Content) -> LoadedAnswers:
        """The answers file read back exactly as ``coprod team`` reads it (cached)."""
        if self._loaded is None or self._loaded_revision != self.revision:
            self._loaded = load_answers(self.path, content)
            self._loaded_revision = self.revision
        return self._loaded


class WorkshopFull(Exception):
    """No more participants can join."""


def _write_json(path: Path, data: dict[str, Any]) -> None:
    from coprod.storage.files import write_atomic

    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # The workshop owns its files: it reads them on a restart and rewrites them after.
    write_atomic(path, text, overwrite=True, replaces_input=True, mode=0o600)


class Workshop:
    """A workshop's folder: settings, participants, their answers files."""

    def __init__(
        self,
        folder: Path,
        settings: Settings,
        content: Content,
        participants: list[Participant] | None = None,
        revealed: bool = False,
        wall: WallState | None = None,
    ) -> None:
        self.folder = folder
        self.settings = settings
        self.content = content
        self.participants: list[Participant] = participants or []
        self.revealed = revealed
        self.wall = wall or WallState()
        self._by_hash = {p.key_hash: p for p in self.participants}
        self._joining: dict[int, Participant] = {}  # newcomers whose first save is on its way
        #: Files in the folder that are not shown, each said once (for the facilitator's page).
        self.warnings: list[str] = []
        self.own = read_own(folder, content)  # the group's own statements (statefile.OWN_FILE)

    # --- opening and creating ------------------------------------------------

    @property
    def state_path(self) -> Path:
        return self.folder / STATE_FILE

    @staticmethod
    def exists(folder: Path) -> bool:
        return (folder / STATE_FILE).is_file()

    @classmethod
    def create(
        cls,
        folder: Path,
        content: Content,
        *,
        project: str,
        stage: str | None,
        mode: Mode,
        anonymous: bool,
        max_participants: int,
    ) -> Workshop:
        """A new workshop in ``folder`` (made if missing), with fresh secrets."""
        if folder.exists() and not folder.is_dir():
            raise CoprodError(Problem(_("is a file; --out needs a folder"), folder))
        from coprod.storage.files import make_folder

        make_folder(folder, private=True)  # the answers in it are personal data
        settings = Settings(
            project=project,
            stage=stage,
            mode=mode,
            anonymous=anonymous,
            max_participants=max_participants,
            join_token=new_token(),
            facilitator_token=new_token(),
            projector_token=new_token(),
            code=new_code(),
            created=dt.date.today().isoformat(),
        )
        workshop = cls(folder, settings, content)
        workshop.save_state()
        return workshop

    @classmethod
    def open(cls, folder: Path, content: Content) -> Workshop:
        """The workshop kept in ``folder``, with every participant's answers read back.

        The state file is checked like any input (file, line, field; exit 2). An answers
        file that cannot be read or belongs to another project or mode is a warning
        naming it (:attr:`warnings`); the rest of the group carries on.
        """
        from coprod.web.statefile import read_state

        state = read_state(folder / STATE_FILE)
        s = state.settings
        settings = Settings(
            project=s["project"],
            stage=s.get("stage"),
            mode=s["mode"],
            anonymous=s["anonymous"],
            max_participants=s["max_participants"],
            join_token=s["join_token"],
            facilitator_token=s["facilitator_token"],
            created=str(s.get("created", "")),
            port=s.get("port"),
            code=str(s.get("code") or new_code()),
            projector_token=str(s.get("projector_token") or new_token()),
        )
        workshop = cls(folder, settings, content, [], state.revealed, _wall_state(state.wall))
        participants = []
        taken = {name for _n, _k, name in state.people}
        moved = False
        for number, digest, name in state.people:
            file = folder / name
            answers = workshop._read_back(file) if file.is_file() else None
            if answers is None:  # removed by hand, or not theirs: start afresh, beside it
                answers = workshop._new_answers()
                if file.exists():
                    file = workshop._free_path(number, taken)
                    taken.add(file.name)
                    moved = True
            participants.append(Participant(number, digest, file, answers))
        for file in sorted(folder.glob("participant-*.yaml")):
            # written, then the server was killed before it noted them: keep their answers
            # in the group (their phone never got its cookie, so it cannot carry on)
            number_text = file.stem.removeprefix("participant-")
            if file.name not in taken and number_text.isdecimal() and len(number_text) < 10:
                found = workshop._read_back(file)
                if found is not None:
                    participants.append(Participant(int(number_text), "", file, found))
        workshop.participants = participants
        workshop._by_hash = {p.key_hash: p for p in participants if p.key_hash}
        if not s.get("code") or not s.get("projector_token") or moved:
            workshop.save_state()  # kept from now on
        return workshop

    def _free_path(self, number: int, taken: set[str]) -> Path:
        """A new file for participant ``number`` whose file is not theirs any more."""
        n = 2
        while True:
            path = self.folder / f"participant-{number:03d}-{n}.yaml"
            if path.name not in taken and not path.exists():
                return path
            n += 1

    def _read_back(self, file: Path) -> Answers | None:
        """A participant's answers file, or ``None`` (and a warning) if it is not theirs."""
        loaded = self._load(file)
        return loaded.answers if loaded is not None else None

    def read_back(self, path: Path, written: Answers | None = None) -> LoadedAnswers | None:
        """A participant's answers as ``coprod team`` reads their file; None if not shown.

        ``written``: the answers this server last wrote to it (checked as the file's
        would be, without reading it back); else the file is read (None if absent).
        """
        if written is None:
            return self._load(path) if path.is_file() else None
        from coprod.core.answer_checks import check_against_content
        from coprod.core.document import Document

        try:
            loaded = check_against_content(written, Document(None, None, path), self.content)
        except CoprodError as exc:
            self.warn(_("%(problem)s (not shown; the rest of the group is)") % {"problem": exc})
            return None
        return self._check_belongs(path, loaded)

    def _load(self, file: Path) -> LoadedAnswers | None:
        try:
            loaded = load_answers(file, self.content)
        except CoprodError as exc:
            self.warn(_("%(problem)s (not shown; the rest of the group is)") % {"problem": exc})
            return None
        return self._check_belongs(file, loaded)

    def _check_belongs(self, file: Path, loaded: LoadedAnswers) -> LoadedAnswers | None:
        """``loaded`` if it is one of this workshop's (its project, its mode), else a warning."""
        answers, s = loaded.answers, self.settings
        if slugify(answers.project.name) != slugify(s.project):
            self.warn(
                _(
                    "%(file)s: is for project %(project)s, not this workshop's %(ours)s "
                    "(not shown; the rest of the group is)"
                )
                % {"file": file, "project": repr(answers.project.name), "ours": repr(s.project)}
            )
            return None
        if answers.mode != s.mode:
            self.warn(
                _(
                    "%(file)s: is a %(mode)s assessment, but this workshop's are %(ours)s "
                    "(not shown; the rest of the group is)"
                )
                % {"file": file, "mode": answers.mode, "ours": s.mode}
            )
            return None
        return loaded

    def warn(self, message: str) -> None:
        """A problem with the folder: on the terminal once, and kept in :attr:`warnings`."""
        if message in self.warnings:
            return
        self.warnings.append(message)
        from coprod.terminal.console import warn

        warn(message)

    def save_state(self) -> None:
        s = self.settings
        _write_json(
            self.state_path,
            {
                "version": STATE_VERSION,
                "settings": {
                    "project": s.project,
                    "stage": s.stage,
                    "mode": s.mode,
                    "anonymous": s.anonymous,
                    "max_participants": s.max_participants,
                    "join_token": s.join_token,
                    "facilitator_token": s.facilitator_token,
                    "created": s.created,
                    "port": s.port,
                    "code": s.code,
                    "projector_token": s.projector_token,
                },
                "revealed": self.revealed,
                "wall": {
                    "slide": self.wall.slide,
                    "scale": self.wall.scale,
                    "share_phones": self.wall.share_phones,
                },
                "people": [
                    {"number": p.number, "key": p.key_hash, "file": p.path.name}
                    for p in self.participants
                ],
            },
        )

    # --- participants ----------------------------------------------------------

    def participant(self, key: str | None) -> Participant | None:
        """The participant whose cookie key this is, if any."""
        if not key:
            return None
        return self._by_hash.get(key_hash(key))

    @property
    def full(self) -> bool:
        taken = len(self.participants) + len(self._joining)
        return taken >= self.settings.max_participants

    def new_participant(self, key: str) -> Participant:
        """A newcomer with this cookie key, given a number and a file name, but not yet a
        participant: call :meth:`admit` once their first answers are saved, or
        :meth:`release` if that failed (a participant exists only after a first save)."""
        if self.full:
            raise WorkshopFull()
        taken = {p.number for p in self.participants} | set(self._joining)
        number = max(taken, default=0) + 1
        width = max(3, len(str(self.settings.max_participants)))
        path = self.folder / f"participant-{number:0{width}d}.yaml"
        while path.exists() or number in taken:  # a file put there by hand is never overwritten
            number += 1
            path = self.folder / f"participant-{number:0{width}d}.yaml"
        person = Participant(number, key_hash(key), path, self._new_answers())
        self._joining[number] = person
        return person

    def _new_answers(self) -> Answers:
        """An empty draft for this workshop's project."""
        settings = self.settings
        return Answers.new(settings.mode, self.content.version, settings.project, settings.stage)

    def admit(self, person: Participant) -> None:
        """The newcomer's first answers are on disk: from now on they count."""
        self._joining.pop(person.number, None)
        self.participants.append(person)
        self._by_hash[person.key_hash] = person

    def release(self, person: Participant) -> None:
        """The newcomer's first save failed: they were never here (no count, no number)."""
        self._joining.pop(person.number, None)

    def add_participant(self) -> tuple[Participant, str]:
        """A new participant and their new cookie key, admitted at once (before any save)."""
        key = new_token()
        person = self.new_participant(key)
        self.admit(person)
        return person, key

    def write_answers(self, person: Participant, text: str, *, first: bool) -> None:
        """Write one participant's answers file atomically (blocking: run in a thread)."""
        from coprod.storage.files import write_atomic

        # personal data: for this user only, like the state file
        write_atomic(person.path, text, overwrite=not first, replaces_input=True, mode=0o600)

    def loaded(self) -> list[LoadedAnswers]:
        """Every participant's answers as ``coprod team DIR/*.yaml`` reads them, in file order."""
        people = sorted(self.participants, key=lambda p: p.path.name)
        loaded = []
        for person in people:
            if not person.path.is_file():
                continue
            try:
                item = person.loaded(self.content)
            except CoprodError as exc:  # changed by hand since: the rest of the group shows
                self.warn(_("%(problem)s (not shown; the rest of the group is)") % {"problem": exc})
                continue
            if self._check_belongs(person.path, item) is not None:
                loaded.append(item)
        return loaded


def _wall_state(data: Any) -> WallState:
    """The wall's state as kept; anything missing or odd is the default."""
    if not isinstance(data, dict):
        return WallState()
    scale = data.get("scale")
    return WallState(
        slide=str(data.get("slide") or "join"),
        scale=scale if scale in WALL_SCALES else 100,
        share_phones=data.get("share_phones") is True,
    )


class FolderLock:
    """The folder's lock, held by the one server that serves it (the system's file lock, so it ends
    with the process, even after ``kill -9``: a lock file left behind blocks nobody)."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd

    def describe(self, what: str) -> None:
        """What a second server is told about this one (no secret: the join address)."""
        if self.fd is None:
            return
        import contextlib

        from coprod.storage.locking import describe_holder

        with contextlib.suppress(OSError):
            describe_holder(self.fd, what)

    def release(self) -> None:
        import os

        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def hold_folder(folder: Path) -> FolderLock:
    """Take the workshop folder's lock, or refuse: another server is serving it.

    Two servers on one folder would overwrite each other's state (and a restarted phone
    would be counted twice), so a second one is refused with a message naming the first.
    """
    import datetime
    import os

    from coprod.storage.locking import open_lock_file, read_holder, try_lock

    path = folder / LOCK_FILE
    try:
        fd = open_lock_file(path)
        locked = try_lock(fd)
    except OSError as exc:
        raise CoprodError(
            Problem(_("cannot be locked: %(reason)s") % {"reason": exc.strerror or exc}, path)
        ) from None
    if not locked:
        holder = read_holder(fd)
        os.close(fd)
        raise CoprodError(
            Problem(
                _(
                    "is already being served by another coprod workshop (%(holder)s); use that "
                    "one, or stop it with Ctrl-C in its terminal before starting it again"
                )
                % {"holder": holder or _("details unknown")},
                folder,
            )
        ) from None
    lock = FolderLock(fd)
    since = datetime.datetime.now().strftime("%H:%M")
    lock.describe(_("process %(pid)d, since %(time)s") % {"pid": os.getpid(), "time": since})
    return lock
