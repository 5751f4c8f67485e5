"""``newsworker bench``: throughput, latency and memory of newsworker against its floors, in one run.

Method, the same for every Kafka stage: start the stage's process(es), wait
until they hold every input partition, produce N items as fast as the producer
takes them, and read the committed outputs (read_committed) back. Throughput
is (outputs - 1) / (Kafka timestamp of the last output - that of the first),
so start-up and the commit interval are outside the window.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import platform
import pstats
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from worker.bench import corpus
from worker.bench.kafka import LatencyCollector, Output, create_topics, drive, produce_at_rate
from worker.bench.procs import ROOT, Proc, child_env, cpu_seconds, wait_all_ready
from worker.kafka_clients import KafkaClientConfig

__all__ = ["Options", "run_bench", "TARGETS", "targets_table", "percentile"]

LOAD_FRACTIONS = (0.25, 0.5, 0.75)


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)  # noqa: T201 - progress for a CLI user


@dataclass(frozen=True, slots=True)
class Options:
    """What to run: sizes per stage and where to write."""

    json_path: Path
    bootstrap: str
    client: KafkaClientConfig
    """How the bench's own clients log in; its children get the same through ``kafka_env``."""
    fast_items: int
    """Items per stage for the two passthroughs."""
    enrich_items: int
    """Items per stage for the enrichment worker(s)."""
    offline_items: int
    profile_items: int
    phase_seconds: float
    """Duration of each fixed-load latency phase."""
    fast_budget_s: float = 60.0
    """At most this long feeding items to a passthrough."""
    enrich_budget_s: float = 120.0
    """At most this long feeding items to the enrichment worker(s)."""
    partitions: int = 4
    seed: int = 7
    guarantee: str = "exactly_once"
    quick: bool = False
    kafka_env: dict[str, str] = field(default_factory=dict)
    """KAFKA_* settings the bench's child processes get on top of its own environment."""


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    key: str
    op: str
    threshold: float


#: Stage name -> CPU % of each of its processes while it was measured (100 = one core).
CPU_PERCENT: dict[str, list[float]] = {}

TARGETS = (
    Target("enrich 1 process / offline enrich (floor 0.5)", "enrich_vs_offline", ">=", 0.7),
    Target("2 processes / 1 process", "two_vs_one", ">=", 1.6),
    Target("p99 end-to-end at 50% load (ms; floor 500)", "p99_at_50", "<=", 250.0),
    Target("peak RSS per worker (MB)", "rss_mb_per_worker", "<=", 300.0),
)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (fraction in 0..1) of values; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


class _Stage:
    """Topic names, app id and environment of one stage."""

    def __init__(self, name: str, opts: Options, work: Path) -> None:
        tag = uuid.uuid4().hex[:8]
        self.name = name
        self.prefix = f"bench-{name}-{tag}."
        self.app_id = f"bench-{name}-{tag}"
        self.raw = self.prefix + "news.raw"
        self.enriched = self.prefix + "news.enriched"
        self.dlq = self.prefix + "news.dlq"
        self.dir = work / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.opts = opts

    def env(self, index: int) -> tuple[dict[str, str], int]:
        from worker.devkafka import free_port

        port = free_port()
        return child_env({
            **self.opts.kafka_env,
            "KAFKA_BOOTSTRAP": self.opts.bootstrap,
            "NEWSWORKER_APP_ID": self.app_id,
            "NEWSWORKER_TOPIC_PREFIX": self.prefix,
            "NEWSWORKER_DATA_DIR": str(self.dir / f"data-{index}"),
            "NEWSWORKER_WEB_HOST": "127.0.0.1",
            "NEWSWORKER_WEB_PORT": str(port),
            "NEWSWORKER_PARTITIONS": str(self.opts.partitions),
            "NEWSWORKER_PROCESSING_GUARANTEE": self.opts.guarantee,
            "NEWSWORKER_LOG_LEVEL": "warning",
        }), port

    def all_topics(self) -> list[str]:
        return [self.prefix + f"news.{n}" for n in ("raw", "enriched", "quotes", "entities", "trends", "dlq")]


def _messages(items: Sequence[dict[str, Any]], count: int, tag: str) -> list[tuple[bytes, bytes]]:
    """count (key, value) messages cycling through the corpus, with ids unique to ``tag``."""
    import orjson

    out = []
    for index in range(count):
        item = dict(items[index % len(items)])
        item["id"] = f"{item['id']}.{tag}{index}"
        out.append((item["id"].encode(), orjson.dumps(item)))
    return out


def _alive_check(procs: Sequence[Proc]) -> Callable[[], None]:
    def check() -> None:
        for proc in procs:
            proc.check_alive()
            proc.sample_rss()
    return check


def _measure(opts: Options, stage: _Stage, procs: Sequence[Proc], items: Sequence[dict[str, Any]], count: int,
             out_topics: Sequence[str], budget_s: float, first_batch: int) -> Output:
    wait_all_ready(list(procs), opts.partitions)
    _progress(f"{stage.name}: ready; feeding up to {count} items for at most {budget_s:g} s")
    messages = _messages(items, count, stage.name)
    cpu_before = [cpu_seconds(proc.pid) for proc in procs]
    began = time.monotonic()
    output, produced = asyncio.run(drive(opts.client, stage.raw, out_topics, opts.partitions, messages,
                                         budget_s=budget_s, first_batch=first_batch,
                                         alive=_alive_check(procs)))
    wall = max(time.monotonic() - began, 1e-9)
    cpu_after = [cpu_seconds(proc.pid) for proc in procs]
    CPU_PERCENT[stage.name] = [
        round(100.0 * (after - before) / wall, 1) if before is not None and after is not None else 0.0
        for before, after in zip(cpu_before, cpu_after, strict=True)
    ]
    if not output.complete:
        raise RuntimeError(f"{stage.name}: only {output.count} of {produced} outputs arrived")
    _progress(f"{stage.name}: {output.rate():.1f} items/s over {output.count} items, "
              f"CPU {', '.join(f'{c:.0f}%' for c in CPU_PERCENT[stage.name])} per process")
    return output


def _stage_loop(opts: Options, work: Path, items: Sequence[dict[str, Any]], name: str, module: str,
                args: Callable[[_Stage, Path], list[str]]) -> tuple[float, float | None]:
    """A baseline loop of worker.bench (one process that writes READY_FILE once positioned), measured."""
    stage = _Stage(name, opts, work)
    asyncio.run(create_topics(opts.client, [stage.raw, stage.enriched], opts.partitions))
    ready = stage.dir / "ready"
    env, _ = stage.env(0)
    proc = Proc(name, module, args(stage, ready), env, stage.dir / f"{name}.log", ready_file=ready)
    proc.start()
    try:
        output = _measure(opts, stage, [proc], items, opts.fast_items, [stage.enriched], opts.fast_budget_s,
                          opts.fast_items)
    finally:
        proc.stop()
    return output.rate(), proc.peak_rss


def _stage_rawloop(opts: Options, work: Path, items: Sequence[dict[str, Any]]) -> tuple[float, float | None]:
    return _stage_loop(opts, work, items, "aiokafka", "worker.bench.rawloop", lambda stage, ready: [
        opts.bootstrap, stage.raw, stage.enriched, str(opts.partitions), str(ready)])


def _stage_eosloop(opts: Options, work: Path, items: Sequence[dict[str, Any]]) -> tuple[float, float | None]:
    """The same batch size and commit interval as the worker's defaults."""
    return _stage_loop(opts, work, items, "aiokafka-eos", "worker.bench.eosloop", lambda stage, ready: [
        opts.bootstrap, stage.raw, stage.enriched, stage.app_id, "64", "100", str(ready)])


def _start_workers(stage: _Stage, module: str, args: list[str], count: int) -> list[Proc]:
    from worker.kafka_io import ensure_topics
    from worker.settings import load_settings

    procs = []
    for index in range(count):
        env, port = stage.env(index)
        if index == 0:
            asyncio.run(ensure_topics(load_settings(env)))
        procs.append(Proc(f"{stage.name}-{index}", module, args, env, stage.dir / f"{module}-{index}.log",
                          web_port=port))
    for proc in procs:
        proc.start()
    return procs


def _stage_faust(opts: Options, work: Path, items: Sequence[dict[str, Any]]) -> tuple[float, float | None]:
    stage = _Stage("faust", opts, work)
    procs = _start_workers(stage, "worker.bench.passthrough", [], 1)
    try:
        output = _measure(opts, stage, procs, items, opts.fast_items, [stage.enriched, stage.dlq],
                          opts.fast_budget_s, opts.fast_items)
    finally:
        for proc in procs:
            proc.stop()
    return output.rate(), procs[0].peak_rss


def _latency_phase(opts: Options, stage: _Stage, procs: Sequence[Proc], items: Sequence[dict[str, Any]],
                   rate: float, fraction: float) -> dict[str, Any]:
    count = max(10, int(rate * opts.phase_seconds))
    messages = _messages(items, count, f"lat{int(fraction * 100)}-")
    collector = LatencyCollector(opts.client, stage.enriched, opts.partitions)

    async def phase() -> None:
        await collector.start()
        consume = asyncio.create_task(collector.run(count, opts.phase_seconds + 60.0, _alive_check(procs)))
        await produce_at_rate(opts.client, stage.raw, messages, rate)
        await consume

    asyncio.run(phase())
    consumed, event = collector.consumed_ms, collector.event_time_ms
    result = {
        "load_fraction": fraction,
        "offered_items_per_s": round(rate, 2),
        "items": count,
        "received": len(consumed),
        "p50": round(percentile(consumed, 0.50), 1),
        "p95": round(percentile(consumed, 0.95), 1),
        "p99": round(percentile(consumed, 0.99), 1),
        "event_time_p50": round(percentile(event, 0.50), 1),
        "event_time_p95": round(percentile(event, 0.95), 1),
        "event_time_p99": round(percentile(event, 0.99), 1),
    }
    _progress(f"latency at {fraction:.0%} ({rate:.1f} items/s): p50 {result['p50']} p95 {result['p95']} "
              f"p99 {result['p99']} ms (to the record: p99 {result['event_time_p99']} ms)")
    return result


def _stage_ms(procs: Sequence[Proc]) -> dict[str, float]:
    """Mean milliseconds per item of each stage the worker times (newsworker_stage_seconds), over all processes."""
    totals: dict[str, list[float]] = {}
    for proc in procs:
        for stage, (seconds, count) in proc.stage_seconds().items():
            pair = totals.setdefault(stage, [0.0, 0.0])
            pair[0] += seconds
            pair[1] += count
    return {stage: round(1000.0 * seconds / count, 3) for stage, (seconds, count) in totals.items() if count}


def _stage_enrich(opts: Options, work: Path, items: Sequence[dict[str, Any]], workers: int,
                  latency: bool) -> tuple[float, list[float], list[dict[str, Any]], dict[str, float]]:
    stage = _Stage(f"enrich{workers}", opts, work)
    procs = _start_workers(stage, "worker.cli", ["worker"], workers)
    curve: list[dict[str, Any]] = []
    try:
        output = _measure(opts, stage, procs, items, opts.enrich_items, [stage.enriched, stage.dlq],
                          opts.enrich_budget_s, opts.enrich_items)
        stage_ms = _stage_ms(procs)
        _progress(f"{stage.name}: worker stage timings, ms per item: {stage_ms}")
        if latency and output.rate() > 0:
            time.sleep(2.0)  # let the last transaction commit and the worker go idle before offering load
            for fraction in LOAD_FRACTIONS:
                curve.append(_latency_phase(opts, stage, procs, items, output.rate() * fraction, fraction))
    finally:
        for proc in procs:
            proc.stop()
    return output.rate(), [proc.peak_rss or 0.0 for proc in procs], curve, stage_ms


def _offline(opts: Options, items: Sequence[dict[str, Any]], tag: str = "offline") -> float:
    """Items per second of the offline path (decode, enrich, encode) in this process, on one core."""
    from worker.codec import decode_item, encode
    from worker.pipeline import enrich

    lines = [value for _, value in _messages(items, opts.offline_items, tag)]
    for line in lines[:20]:  # warm up: first calls load models and fill caches
        encode(enrich(decode_item(line, 10_000_000)))
    began = time.perf_counter()
    for line in lines:
        encode(enrich(decode_item(line, 10_000_000)))
    elapsed = time.perf_counter() - began
    return len(lines) / elapsed if elapsed > 0 else 0.0


def _profile(opts: Options, items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Top 10 functions by cumulative time of the offline path over the corpus."""
    from worker.codec import decode_item, encode
    from worker.pipeline import enrich

    lines = [value for _, value in _messages(items, opts.profile_items, "profile")]

    def loop() -> None:
        for line in lines:
            encode(enrich(decode_item(line, 10_000_000)))

    profiler = cProfile.Profile()
    profiler.runcall(loop)
    stats = pstats.Stats(profiler)
    rows = []
    entries: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, line, function), (_, ncalls, tottime, cumtime, _) in entries.items():
        if function == "loop" and filename == __file__:
            continue
        if "disable" in function and filename == "~":
            continue
        try:
            where = str(Path(filename).resolve().relative_to(ROOT))
        except ValueError:
            where = filename
        rows.append({"function": f"{where}:{line}({function})", "calls": ncalls,
                     "tottime_s": round(tottime, 4), "cumtime_s": round(cumtime, 4),
                     "cum_ms_per_item": round(cumtime * 1000.0 / max(1, len(lines)), 3)})
    rows.sort(key=lambda row: row["cumtime_s"], reverse=True)
    return rows[:10]


def _machine(bootstrap_kind: str) -> dict[str, Any]:
    import aiokafka
    import faust
    import orjson

    from worker.devkafka import KAFKA_VERSION

    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "faust": getattr(faust, "__version__", "unknown"),
        "aiokafka": getattr(aiokafka, "__version__", "unknown"),
        "orjson": getattr(orjson, "__version__", "unknown"),
        "kafka": KAFKA_VERSION if bootstrap_kind == "local" else "unknown (external broker)",
        "broker": bootstrap_kind,
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b > 0 else 0.0


def targets_table(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met."""
    values = {
        **result["items_per_s"],
        **result["ratios"],
        "p99_at_50": result["latency_ms"]["p99"],
        "rss_mb_per_worker": result["rss_mb_per_worker"],
    }
    rows = []
    for target in TARGETS:
        value = float(values[target.key])
        met = value >= target.threshold if target.op == ">=" else value <= target.threshold
        rows.append({"target": target.name, "value": value, "wanted": f"{target.op} {target.threshold:g}",
                     "met": met})
    return rows


def _keep_logs(opts: Options, work: Path, name: str, exc: Exception) -> str:
    """Copy a failed stage's process logs next to the results; a one-line reason naming where they are."""
    stage_dirs = [path for path in work.iterdir() if path.is_dir()] if work.exists() else []
    kept = opts.json_path.parent / "logs"
    for stage_dir in stage_dirs:
        for log in stage_dir.glob("*.log"):
            kept.mkdir(parents=True, exist_ok=True)
            shutil.copy(log, kept / f"{stage_dir.name}-{log.name}")
    first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return f"{type(exc).__name__}: {first[:300]} (process logs in {kept})"


def run_bench(opts: Options, bootstrap_kind: str) -> dict[str, Any]:
    """Every stage in one run; the result dictionary (also written as JSON by the caller)."""
    began = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="newsworker-bench-"))
    count = max(opts.fast_items, opts.enrich_items, opts.offline_items, opts.profile_items)
    items = corpus.generate(min(count, 3000), opts.seed)
    corpus_stats = corpus.stats(items)
    _progress(f"corpus: {corpus_stats.count} items, mean {corpus_stats.mean_bytes:.0f} B, "
              f"{corpus_stats.min_bytes}-{corpus_stats.max_bytes} B, {corpus_stats.languages}")
    durations: dict[str, float] = {}
    errors: dict[str, str] = {}

    def guarded(name: str, step: Callable[[], Any], fallback: Any) -> Any:
        mark = time.monotonic()
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - one failed stage must not lose the others' figures
            errors[name] = _keep_logs(opts, work, name, exc)
            _progress(f"{name}: FAILED: {errors[name]}")
            return fallback
        finally:
            durations[name] = round(time.monotonic() - mark, 1)

    try:
        _progress(f"1/5 raw aiokafka loop, {opts.fast_items} items")
        raw_rate, raw_rss = guarded("aiokafka_passthrough", lambda: _stage_rawloop(opts, work, items), (0.0, None))
        _progress(f"1b/5 aiokafka exactly-once batch loop, {opts.fast_items} items")
        eos_rate, eos_rss = guarded("aiokafka_eos_batch", lambda: _stage_eosloop(opts, work, items), (0.0, None))
        _progress(f"2/5 Faust passthrough ({opts.guarantee}), {opts.fast_items} items")
        faust_rate, faust_rss = guarded("faust_passthrough", lambda: _stage_faust(opts, work, items), (0.0, None))
        # Offline enrichment is measured right before the workers and again after them, on the other half of
        # the corpus (text it has not read: its caches would flatter it), and the two are averaged: the load of
        # this shared machine drifts over minutes, and one measurement at the end compared the worker with a
        # machine in another state.
        _progress(f"offline enrich before the workers, {opts.offline_items} items")
        offline_before = guarded("offline_enrich_1_core", lambda: _offline(opts, items), 0.0)
        _progress(f"3/5 enrichment worker, 1 process, {opts.enrich_items} items, then latency at "
                  f"{', '.join(f'{f:.0%}' for f in LOAD_FRACTIONS)} load for {opts.phase_seconds:g} s each")
        one_rate, one_rss, curve, stage_ms = guarded(
            "enrich_1_worker", lambda: _stage_enrich(opts, work, items, 1, latency=True), (0.0, [], [], {}))
        _progress(f"4/5 enrichment worker, 2 processes, {opts.enrich_items} items")
        two_rate, two_rss, _, _ = guarded(
            "enrich_2_workers", lambda: _stage_enrich(opts, work, items, 2, latency=False), (0.0, [], [], {}))
        _progress(f"offline enrich after the workers, {opts.offline_items} other items")
        second_half = [*items[len(items) // 2:], *items[:len(items) // 2]]
        offline_after = guarded("offline_enrich_1_core", lambda: _offline(opts, second_half, "offline-b"), 0.0)
        offline_rate = (offline_before + offline_after) / 2
        _progress(f"5/5 cProfile of offline enrich over {opts.profile_items} items")
        profile_top = guarded("profile", lambda: _profile(opts, items), [])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    at_half = next((row for row in curve if row["load_fraction"] == 0.5), None) or {
        "load_fraction": 0.5, "offered_items_per_s": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0}
    rates = {
        "aiokafka_passthrough": round(raw_rate, 1),
        "aiokafka_eos_batch": round(eos_rate, 1),
        "faust_passthrough": round(faust_rate, 1),
        "enrich_1_worker": round(one_rate, 1),
        "enrich_2_workers": round(two_rate, 1),
        "offline_enrich_1_core": round(offline_rate, 1),
    }
    worker_rss = [value for value in [*one_rss, *two_rss] if value]
    result: dict[str, Any] = {
        "schema": "newsworker-bench.v1",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "quick": opts.quick,
        "items_per_s": rates,
        "ratios": {
            "enrich_vs_faust": _ratio(one_rate, faust_rate),
            "faust_vs_aiokafka": _ratio(faust_rate, raw_rate),
            "two_vs_one": _ratio(two_rate, one_rate),
            "enrich_vs_offline": _ratio(one_rate, offline_rate),
            "eos_vs_aiokafka": _ratio(eos_rate, raw_rate),
        },
        "offline_enrich_runs": [round(offline_before, 1), round(offline_after, 1)],
        "cpu_percent_per_process": {
            "aiokafka_passthrough": CPU_PERCENT.get("aiokafka", []),
            "aiokafka_eos_batch": CPU_PERCENT.get("aiokafka-eos", []),
            "faust_passthrough": CPU_PERCENT.get("faust", []),
            "enrich_1_worker": CPU_PERCENT.get("enrich1", []),
            "enrich_2_workers": CPU_PERCENT.get("enrich2", []),
        },
        "latency_ms": {key: at_half[key] for key in ("load_fraction", "offered_items_per_s", "p50", "p95", "p99")},
        "latency_curve": curve,
        "rss_mb_per_worker": round(max(worker_rss, default=0.0), 1),
        "rss_mb": {
            "enrich_workers": [round(v, 1) for v in worker_rss],
            "faust_passthrough": round(faust_rss or 0.0, 1),
            "aiokafka_loop": round(raw_rss or 0.0, 1),
            "aiokafka_eos_batch": round(eos_rss or 0.0, 1),
        },
        "method": {
            "throughput": "process(es) ready with every partition assigned; passthroughs: all N items produced "
                          "at once; enrichment: items fed in batches keeping about 2 s of backlog, for at most "
                          "the stage budget; rate = (outputs - 1) / (last - first output Kafka timestamp) over "
                          "committed (read_committed) outputs on news.enriched + news.dlq",
            "latency": "fixed offered load (token bucket) against the 1-process worker; latency = time a "
                       "read_committed consumer receives the enriched event - bench_sent_at in the item. "
                       "event_time_* = the enriched record's Kafka timestamp - bench_sent_at (before the "
                       "transaction commits)",
            "processing_guarantee": opts.guarantee,
            "aiokafka_loop": "one process, no consumer group, no transactions, acks=all, linger 5 ms",
            "offline": "decode, enrich and encode in the bench process on one core after 20 warm-up items: once "
                       "right before the workers on half the corpus, once after them on the other half; "
                       "offline_enrich_1_core is the mean (both in offline_enrich_runs)",
            "aiokafka_eos_batch": "one consumer group member, read_committed, one transactional producer per "
                                  "input partition, batches of up to 64 records within 100 ms, offsets sent to "
                                  "the transaction, partitions committed concurrently; no parsing",
            "faust_passthrough": "a stock Faust app (Faust's own transactions and commit loop, commit interval "
                                 "NEWSWORKER_COMMIT_INTERVAL_MS); orjson parse and re-emit",
            "partitions": opts.partitions,
            "items": {"passthrough": opts.fast_items, "enrich": opts.enrich_items,
                      "offline": opts.offline_items, "profile": opts.profile_items},
            "latency_phase_s": opts.phase_seconds,
            "budget_s": {"passthrough": opts.fast_budget_s, "enrich": opts.enrich_budget_s},
        },
        "corpus": corpus_stats.as_dict() | {"seed": opts.seed},
        "machine": _machine(bootstrap_kind),
        "profile_top": profile_top,
        "worker_stage_ms_per_item": stage_ms,
        "stage_seconds": durations,
        "errors": errors,
        "total_seconds": round(time.monotonic() - began, 1),
    }
    result["targets"] = targets_table(result)
    return result
