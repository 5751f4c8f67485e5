"""After a retriable crash the worker command runs itself again in place, with growing pauses and a cap."""

from __future__ import annotations

import time
from typing import Any

import pytest
from aiokafka import errors

from worker import cli
from worker.errors import OutputRejected
from worker.runtime.checkpoint import REFUSED_FOR_GOOD, lost_connection


class _Exec(Exception):
    def __init__(self, path: str, argv: list[str]) -> None:
        self.path, self.argv = path, argv


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"pauses": []}

    def fake_exec(path: str, argv: list[str]) -> None:
        raise _Exec(path, argv)

    monkeypatch.setattr(cli.os, "execv", fake_exec)
    monkeypatch.setattr(cli.time, "sleep", lambda s: seen["pauses"].append(s))
    monkeypatch.setattr(cli.sys, "argv", ["/usr/bin/newsworker", "worker", "--no-web"])
    monkeypatch.delenv("NEWSWORKER_RESTARTS", raising=False)
    return seen


def test_first_restart_runs_the_same_command_after_a_second(calls: dict[str, Any]) -> None:
    with pytest.raises(_Exec) as ran:
        cli._restart_in_place(OutputRejected("sequence lost", retriable=True))
    assert ran.value.argv[1:] == ["-m", "worker.cli", "worker", "--no-web"]
    assert calls["pauses"] == [1.0]
    count, _since = cli.os.environ["NEWSWORKER_RESTARTS"].split("@")
    assert count == "1"


def test_pauses_grow_and_the_worker_gives_up_after_the_cap(calls: dict[str, Any]) -> None:
    for _ in range(cli._RESTARTS_MAX):
        with pytest.raises(_Exec):
            cli._restart_in_place(OutputRejected("x", retriable=True))
    assert calls["pauses"] == [min(cli._RESTART_PAUSE_MAX_S, 2.0**n) for n in range(cli._RESTARTS_MAX)]
    cli._restart_in_place(OutputRejected("x", retriable=True))  # returns: the caller exits non-zero
    assert len(calls["pauses"]) == cli._RESTARTS_MAX


def test_restarts_long_ago_do_not_count(calls: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWORKER_RESTARTS", f"{cli._RESTARTS_MAX}@{time.time() - 2 * cli._RESTART_WINDOW_S}")
    with pytest.raises(_Exec):
        cli._restart_in_place(OutputRejected("x", retriable=True))
    assert calls["pauses"] == [1.0]


def test_refusals_for_good_are_not_retried_and_lost_sequences_are() -> None:
    assert isinstance(errors.MessageSizeTooLargeError(), REFUSED_FOR_GOOD)
    assert isinstance(errors.TopicAuthorizationFailedError(), REFUSED_FOR_GOOD)
    assert not isinstance(errors.OutOfOrderSequenceNumber(), REFUSED_FOR_GOOD)
    assert not isinstance(errors.ProducerFenced(), REFUSED_FOR_GOOD)
    assert OutputRejected("x", retriable=True).retriable
    assert not OutputRejected("x").retriable


def _raised(exc: BaseException, cause: BaseException | None = None) -> BaseException:
    try:
        raise exc from cause
    except BaseException as caught:  # noqa: BLE001 - to get the exception with its cause set
        return caught


def test_a_connection_lost_mid_commit_is_retriable_however_aiokafka_wraps_it() -> None:
    # what aiokafka's sender raised when the broker stopped during send_offsets_to_transaction
    lost = _raised(errors.KafkaConnectionError("Connection at 127.0.0.1:9092 closed"))
    found = _raised(errors.KafkaError(repr(lost)), lost)
    delivered = _raised(errors.KafkaError("Unexpected error during batch delivery"), found)
    assert lost_connection(delivered)
    assert lost_connection(_raised(errors.KafkaError("x"), ConnectionResetError()))
    assert lost_connection(errors.NodeNotReadyError("node 1"))
    # errors a restart does not cure, or that say nothing about the connection, stay as they are
    assert not lost_connection(errors.KafkaError("Unexpected error during batch delivery"))
    assert not lost_connection(_raised(errors.KafkaError("x"), errors.ProducerFenced()))
    assert not lost_connection(errors.MessageSizeTooLargeError())
