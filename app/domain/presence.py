"""Who else has a report open: one window of another clerk, named by her user name and her computer."""

from __future__ import annotations

import getpass
import platform
import socket
import uuid
from dataclasses import dataclass

from app.i18n import _

# A window says it is still there every HEARTBEAT seconds; after TIMEOUT seconds without a word it counts for nobody
# (killed, or its network gone). Three missed heartbeats: a busy database thread may delay one.
HEARTBEAT = 15.0
TIMEOUT = 45.0


@dataclass(frozen=True, slots=True)
class Presence:
    """One window that has the report open: user_name (her own or the name she set) and machine (the computer)."""

    session_id: str
    user_name: str
    machine: str

    @property
    def label(self) -> str:
        """How the window names her: "Nguyễn Văn A (máy PC-02)", or the computer alone when the name is empty."""
        if not self.user_name:
            # Translators: someone on another computer whose name is unknown.
            return _("someone on {machine}").format(machine=self.machine)
        if not self.machine:
            return self.user_name
        # Translators: a person who has the same report open, and the computer they use.
        return _("{user} (computer {machine})").format(user=self.user_name, machine=self.machine)


def presence_line(others: list[Presence]) -> str:
    """The editor's quiet row: "Open at the same time: A (computer X), B (computer Y)"; empty when nobody is there."""
    if not others:
        return ""
    # Translators: shown above the report when other people have it open too; a list of names follows.
    return _("Open at the same time: {people}").format(people=", ".join(p.label for p in others))


def new_session_id() -> str:
    """A new id for one window's presence."""
    return uuid.uuid4().hex


def this_user() -> str:
    """The name of the user logged in to this computer; empty when the system does not say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def this_computer() -> str:
    """The name of this computer on the network (PC-02); empty when the system does not say."""
    return platform.node() or socket.gethostname()
