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
from coprod.core.models import Content
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.storage.answers_file import load_answers

STATE_FILE = ".coprod-workshop.json"
STATE_VERSION = 1
TOKEN_BYTES = 24  # 192 bits: URL tokens and cookie keys, from the secrets module
DEFAULT_MAX_PARTICIPANTS = 200

Mode = Literal["full", "quick"]


def new_token() -> str:
    """An unguessable URL-safe secret (192 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to misread
CODE_LENGTH = 6


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
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CoprodError(
                Problem(
                    _("cannot make the folder: %(reason)s") % {"reason": exc.strerror or exc},
                    folder,
                )
            ) from None
        settings = Settings(
            project=project,
            stage=stage,
            mode=mode,
            anonymous=anonymous,
            max_participants=max_participants,
            join_token=new_token(),
            facilitator_token=new_token(),
            code=new_code(),
            projector_token=new_token(),
            created=dt.date.today().isoformat(),
        )
        workshop = cls(folder, settings, content)
        workshop.save_state()
        return workshop

    @classmethod
    def open(cls, folder: Path, content: Content) -> Workshop:
        """The workshop kept in ``folder``, with every participant's answers read back."""
        path = folder / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                raise ValueError(f"unknown workshop state version {data.get('version')!r}")
            s = data["settings"]
            settings = Settings(
                project=str(s["project"]),
                stage=s.get("stage"),
                mode="quick" if s["mode"] == "quick" else "full",
                anonymous=bool(s["anonymous"]),
                max_participants=int(s["max_participants"]),
                join_token=str(s["join_token"]),
                facilitator_token=str(s["facilitator_token"]),
                created=str(s.get("created", "")),
                port=s.get("port"),
                code=str(s.get("code") or new_code()),
                projector_token=str(s.get("projector_token") or new_token()),
            )
            records = [(int(r["number"]), str(r["key"]), str(r["file"])) for r in data["people"]]
            revealed = bool(data.get("revealed", False))
            wall = _wall_state(data.get("wall"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CoprodError(
                Problem(
                    _("is not a readable coprod workshop state file (%(error)s)") % {"error": exc},
                    path,
                ),
                hint=_("Start a new workshop with another --out folder."),
            ) from None
        participants = []
        for number, digest, name in records:
            file = folder / Path(name).name
            if file.is_file():
                answers = load_answers(file, content).answers
            else:  # created, then the file was removed by hand: start them afresh
                answers = Answers.new(
                    settings.mode, content.version, settings.project, settings.stage
                )
            participants.append(Participant(number, digest, file, answers))
        known = {p.path.name for p in participants}
        for file in sorted(folder.glob("participant-*.yaml")):
            # written, then the server was killed before it noted them: keep their answers
            # in the group (their phone never got its cookie, so it cannot carry on)
            number_text = file.stem.removeprefix("participant-")
            if file.name not in known and number_text.isdecimal():
                answers = load_answers(file, content).answers
                participants.append(Participant(int(number_text), "", file, answers))
        workshop = cls(folder, settings, content, participants, revealed, wall)
        if not s.get("code") or not s.get("projector_token"):  # kept from now on
            workshop.save_state()
        return workshop

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
        return len(self.participants) >= self.settings.max_participants

    def add_participant(self) -> tuple[Participant, str]:
        """A new participant and their cookie key (call :meth:`save_state` and write their
        answers before telling the browser the key)."""
        if self.full:
            raise WorkshopFull()
        number = max((p.number for p in self.participants), default=0) + 1
        width = max(3, len(str(self.settings.max_participants)))
        path = self.folder / f"participant-{number:0{width}d}.yaml"
        while path.exists():  # a file someone put there by hand is never overwritten
            number += 1
            path = self.folder / f"participant-{number:0{width}d}.yaml"
        key = new_token()
        person = Participant(number, key_hash(key), path, self._new_answers())
        self.participants.append(person)
        self._by_hash[person.key_hash] = person
        return person, key

    def _new_answers(self) -> Answers:
        """An empty draft for this workshop's project."""
        settings = self.settings
        return Answers.new(settings.mode, self.content.version, settings.project, settings.stage)

    def write_answers(self, person: Participant, text: str, *, first: bool) -> None:
        """Write one participant's answers file atomically (blocking: run in a thread)."""
        from coprod.storage.files import write_atomic

        write_atomic(person.path, text, overwrite=not first, replaces_input=True)

    def loaded(self) -> list[LoadedAnswers]:
        """Every participant's answers as ``coprod team DIR/*.yaml`` reads them, in file order."""
        people = sorted(self.participants, key=lambda p: p.path.name)
        return [p.loaded(self.content) for p in people if p.path.is_file()]


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
