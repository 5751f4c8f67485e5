"""Progress lines of long commands."""

from __future__ import annotations

import io

from worker.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_into_a_file_a_line_every_few_seconds_with_rate_and_bad_lines() -> None:
    out = io.StringIO()
    progress = Progress("enriched", out)
    progress.update(10, 1)
    assert out.getvalue() == ""  # too soon
    progress.last -= 10
    progress.update(20, 2)
    line = out.getvalue()
    assert line.startswith("... 20 enriched, ") and line.endswith(", 2 bad lines\n")


def test_on_a_terminal_the_line_is_redrawn_in_place_and_cleared_at_the_end() -> None:
    out = _Terminal()
    progress = Progress("produced", out)
    progress.last -= 1
    progress.update(5)
    assert out.getvalue().endswith("\r") and "5 produced" in out.getvalue()
    progress.close()
    assert out.getvalue().endswith("\r\x1b[K")
