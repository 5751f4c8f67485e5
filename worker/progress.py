"""Progress of a long command on stderr: items done, items per second, bad lines so far.

On a terminal the line is redrawn in place every half second; into a file or a pipe a
line is written every five seconds, so a log shows the command alive without flooding.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every_s = 0.5 if self.tty else 5.0
        self.began = self.last = time.monotonic()
        self.done = 0
        self.bad = 0
        self.shown = False

    def update(self, done: int, bad: int = 0) -> None:
        self.done, self.bad = done, bad
        now = time.monotonic()
        if now - self.last >= self.every_s:
            self.last = now
            self._show(end="\r" if self.tty else "\n")

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.began, 1e-9)
        bad = f", {self.bad} bad lines" if self.bad else ""
        return f"... {self.done} {self.what}, {self.done / elapsed:.0f}/s{bad}"

    def close(self) -> None:
        """Clear the redrawn line (a terminal) so the command's last word stands alone."""
        if self.tty and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _show(self, end: str) -> None:
        self.stream.write(("\x1b[K" if self.tty else "") + self.line() + end)
        self.stream.flush()
        self.shown = True
