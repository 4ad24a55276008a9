"""Whole processes in a real pseudo-terminal, timed until the screen shows what the user waits for.

A program is started as a user starts it, in a pty of a given size; everything it writes is kept with the time
it arrived. While it runs, a cheap look (the text of the stream without escape sequences) decides when to go on
(press the next key, or stop). The figure itself is found afterwards, with nothing else running: the stream is
replayed chunk by chunk into a terminal emulator (pyte), and the time is that of the first chunk after which the
emulated screen satisfies the test (e.g. "the loans table has ten rows of loans"). So the figure is when the
terminal had the screen, not when the program thought it was done, and the emulator's own cost is not in it.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyte

ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]")
Screen = list[str]  # the emulated screen, one string per line
Check = Callable[[Screen], bool]


def plain(data: bytes) -> str:
    """The stream's text without escape sequences (for the cheap look while the program runs)."""
    return ESCAPES.sub(b"", data).decode(errors="replace")


@dataclass
class Session:
    """One process in a pty: `chunks` are (seconds since the spawn, bytes) as they arrived; `marks` name moments
    (the spawn is 0; a key press is marked when it is written)."""

    argv: Sequence[str]
    env: dict[str, str]
    size: tuple[int, int] = (120, 36)
    chunks: list[tuple[float, bytes]] = field(default_factory=list)
    marks: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        master, slave = os.openpty()
        cols, rows = self.size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv, stdin=slave, stdout=slave, stderr=slave, env=self.env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self._seen = b""  # the stream since the last `expect` began

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # the program ended
            return False
        if data:
            self.chunks.append((self.now(), data))
            self._seen += data
        return bool(data)

    def expect(self, text: str, timeout: float = 30.0) -> bool:
        """Read until `text` appears in the stream's text (since the last press), or the time is up."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in plain(self._seen):
                return True
            if not self._read(min(0.05, max(0.0, deadline - time.perf_counter()))) and self.proc.poll() is not None:
                return False
        return False

    def settle(self, quiet: float = 0.3, limit: float = 10.0) -> None:
        """Read until the program has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self._read(quiet):
            pass

    def cpu(self) -> int:
        """The program's CPU time so far (all its threads), in clock ticks."""
        try:
            fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            return -1
        return int(fields[11]) + int(fields[12])  # utime, stime

    def idle(self, quiet: float = 0.3, limit: float = 30.0) -> None:
        """Read until the program has used no CPU for `quiet` seconds (work out of sight done: nothing is written
        while the app builds a section ahead, or a worker catches up on reminders)."""
        deadline = time.perf_counter() + limit
        last, since = self.cpu(), time.perf_counter()
        while time.perf_counter() < deadline:
            self._read(0.05)
            now = self.cpu()
            if now != last:
                last, since = now, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return

    def press(self, key: bytes, mark: str) -> None:
        self._seen = b""
        self.marks[mark] = self.now()
        os.write(self.master, key)

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        os.close(self.master)


def replay(session: Session, checks: dict[str, tuple[str, Check]]) -> dict[str, float]:
    """For each name → (mark, check): the seconds from the mark to the first chunk after which the emulated
    screen passes the check (only chunks after the mark count). A check never passed is left out."""
    cols, rows = session.size
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    found: dict[str, float] = {}
    for when, data in session.chunks:
        stream.feed(data)
        lines = None
        for name, (mark, check) in checks.items():
            start = session.marks.get(mark, 0.0)
            if name in found or when < start:
                continue
            lines = lines if lines is not None else list(screen.display)
            if check(lines):
                found[name] = when - start
    return found
