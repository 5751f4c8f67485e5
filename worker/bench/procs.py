"""Benchmark subprocesses: start, wait until ready, peak RSS, stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess  # noqa: S404 - the benchmark runs the worker as real processes
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

__all__ = ["Proc", "peak_rss_mb", "cpu_seconds", "ROOT"]

ROOT = Path(__file__).resolve().parents[2]


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM (peak resident set) of a live process in MiB, from /proc; None when unavailable."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return None


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time a live process has used, in seconds, from /proc; None when unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Proc:
    """One benchmark subprocess: ``python -m MODULE ARGS`` with its own environment and log file."""

    name: str
    module: str
    args: list[str]
    env: dict[str, str]
    log_path: Path
    web_port: int | None = None
    ready_file: Path | None = None
    process: subprocess.Popen[bytes] | None = None
    peak_rss: float | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)
    _scanned: int = 0

    def start(self) -> None:
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", self.module, *self.args], cwd=ROOT, env=self.env,
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )

    @property
    def pid(self) -> int:
        assert self.process is not None  # noqa: S101 - started before use
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def check_alive(self) -> None:
        """Raise when the process has exited, or when its log reports a crashed Faust service or agent."""
        if not self.alive():
            code = None if self.process is None else self.process.returncode
            raise RuntimeError(f"{self.name} exited with {code}: {self.first_error()}\n{self.log_tail()}")
        crash = self._new_crash()
        if crash:
            raise RuntimeError(f"{self.name} reported a crash: {crash}")

    def _new_crash(self) -> str | None:
        """The first "Crashed reason=" log message written since the last call, if any."""
        try:
            with open(self.log_path, "rb") as log:
                log.seek(self._scanned)
                chunk = log.read()
        except OSError:
            return None
        complete = chunk.rfind(b"\n") + 1
        self._scanned += complete
        for line in chunk[:complete].decode("utf-8", "replace").splitlines():
            if "Crashed reason=" in line and "CancelledError" not in line and "GeneratorExit" not in line:
                try:
                    return str(json.loads(line[line.index("{"):]).get("msg", line))[:300]
                except ValueError:
                    return line[:300]
        return None

    def health(self) -> dict[str, Any] | None:
        """The /health/ready answer when it is 200, else None."""
        if self.web_port is None:
            return None
        url = f"http://127.0.0.1:{self.web_port}/health/ready"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    answer: dict[str, Any] = json.loads(response.read())
                    return answer
        except (OSError, urllib.error.URLError, ValueError):
            return None
        return None

    def stage_seconds(self) -> dict[str, tuple[float, float]]:
        """newsworker_stage_seconds {stage: (sum, count)} from the worker's /metrics; empty when unavailable."""
        if self.web_port is None:
            return {}
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}/metrics", timeout=5) as response:  # noqa: S310
                text = response.read().decode("utf-8", "replace")
        except (OSError, urllib.error.URLError):
            return {}
        found: dict[str, list[float]] = {}
        for line in text.splitlines():
            for suffix, slot in (("_sum", 0), ("_count", 1)):
                head = f"newsworker_stage_seconds{suffix}{{stage=\""
                if line.startswith(head):
                    stage = line[len(head):].split('"', 1)[0]
                    found.setdefault(stage, [0.0, 0.0])[slot] = float(line.rsplit(" ", 1)[1])
        return {stage: (pair[0], pair[1]) for stage, pair in found.items()}

    def ready_partitions(self) -> int:
        """Partitions assigned once ready (0 while starting)."""
        self.check_alive()
        if self.ready_file is not None:
            try:
                return int(self.ready_file.read_text().strip() or "0")
            except (OSError, ValueError):
                return 0
        answer = self.health()
        return int(answer.get("partitions", 0)) if answer else 0

    def sample_rss(self) -> float | None:
        if self.alive():
            value = peak_rss_mb(self.pid)
            if value is not None:
                self.peak_rss = max(self.peak_rss or 0.0, value)
        return self.peak_rss

    def stop(self, timeout_s: float = 30.0) -> None:
        if self.process is not None:
            self.sample_rss()
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout=timeout_s)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def first_error(self) -> str:
        """The message of the first error-level JSON log line, else the last line of the log."""
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no log)"
        for line in lines:
            if '"level":"error"' in line or '"level":"critical"' in line or line.startswith("Traceback"):
                try:
                    message = str(json.loads(line[line.index("{"):]).get("msg", line))
                except ValueError:
                    message = line
                return message[:300]
        return lines[-1][:300] if lines else "(empty log)"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def wait_all_ready(procs: list[Proc], partitions: int, timeout_s: float = 180.0) -> None:
    """Block until every process has partitions and together they hold all of them, stable for a second."""
    deadline = time.monotonic() + timeout_s
    stable_since: float | None = None
    while time.monotonic() < deadline:
        counts = [proc.ready_partitions() for proc in procs]
        if all(count > 0 for count in counts) and sum(counts) >= partitions:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= 1.0:
                return
        else:
            stable_since = None
        time.sleep(0.25)
    tails = "\n".join(f"--- {proc.name}\n{proc.log_tail()}" for proc in procs)
    raise RuntimeError(f"not ready within {timeout_s:.0f} s:\n{tails}")


def child_env(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment with ``extra`` on top, unbuffered output."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSWORKER_")}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env
