"""Entity extraction MB/s of a git revision and of the working tree, side by side.

    .venv/bin/python scripts/entities_bench_compare.py [--before HEAD] [--rounds 3] [--passes 3]
    .venv/bin/python scripts/entities_bench_compare.py [--before HEAD] --instructions 150
    .venv/bin/python scripts/entities_bench_compare.py --before sources [--instructions 150]
    .venv/bin/python scripts/entities_bench_compare.py --before REV --compiled --unseen [--instructions 0]

The ``worker`` package of ``--before`` is exported (``git archive``) to a temporary
directory; then the two versions run alternately, each in its own process over the
same text (KazNERD validation split detokenized, as ``bench_entities.py``), and the
best CPU time per version is kept.  An exported revision runs as Python sources;
the working tree runs its mypyc build where it has a current one.  ``--before
sources`` compares the working tree's sources (``NEWSWORKER_PURE_PYTHON=1``) with
its build; with ``--compiled`` the exported revision is compiled too (about a minute), so
that two builds are compared.  On a shared machine the ratio is the figure to read: both
versions see the same load.

With ``--unseen``, what is timed is one pass over the second half of the items right after a
pass over the first half (as ``bench_entities.py --unseen``): text the per-word caches have not
met.

With ``--instructions N`` nothing is timed: each version runs under valgrind's
callgrind over the first N items (0: all), once with a warm-up pass only and once with two
more passes, and the difference gives the instructions one steady pass costs (with
``--unseen``: once over the first half only and once over both halves; the difference is
the second half's cost).
That count does not move with the machine's load (it takes minutes, not seconds).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"

_MEASURE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from worker.entities import extract_entities
import worker.entities.extract as ex
assert ex.__file__.startswith(sys.argv[1]), ex.__file__
sents, cur = [], []
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    if not line.strip():
        if cur:
            sents.append(" ".join(cur))
            cur = []
        continue
    cur.append(line.rpartition(" ")[0])
if cur:
    sents.append(" ".join(cur))
# items of 20 sentences, as scripts/bench_entities.py reads them
items = ["\n".join(sents[i : i + 20]) for i in range(0, len(sents), 20)]
if int(sys.argv[4]):
    items = items[: int(sys.argv[4])]
passes = int(sys.argv[3])
if sys.argv[5] == "unseen":
    # the first half warms up; then, if asked for, one pass over the second half
    items, later = items[: len(items) // 2], items[len(items) // 2 :]
    passes = min(passes, 1)
else:
    later = items
size = sum(len(t.encode("utf-8")) for t in later)
c0 = time.process_time()
for t in items:
    extract_entities({"body": t}, "kk")
first = time.process_time() - c0
best = float("inf")
for _ in range(passes):
    c0 = time.process_time()
    for t in later:
        extract_entities({"body": t}, "kk")
    best = min(best, time.process_time() - c0)
print(size, first, best)
"""


def _env(pure: bool) -> dict[str, str]:
    return {**os.environ, "NEWSWORKER_PURE_PYTHON": "1" if pure else "0"}


def _run(root: Path, passes: int, mode: str, limit: int = 0, pure: bool = False) -> tuple[int, float, float]:
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _MEASURE, str(root), str(KAZNERD), str(passes), str(limit), mode],
        capture_output=True,
        text=True,
        cwd=root,
        env=_env(pure),
    )
    if proc.returncode:
        raise SystemExit(proc.stderr)
    out = proc.stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def _instructions(root: Path, passes: int, mode: str, limit: int, tmp: Path, pure: bool) -> int:
    """Instructions the whole run takes under callgrind."""
    out = tmp / f"callgrind.{passes}"
    proc = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "-q",
            sys.executable,
            "-c",
            _MEASURE,
            str(root),
            str(KAZNERD),
            str(passes),
            str(limit),
            mode,
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env=_env(pure),
    )
    if proc.returncode:
        raise SystemExit(proc.stderr)
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"no instruction total in {out}")


def _per_pass(root: Path, mode: str, limit: int, tmp: Path, pure: bool) -> int:
    """Instructions of one steady pass over the first ``limit`` items (one pass over the second
    half after the first, ``mode`` unseen)."""
    passes = 1 if mode == "unseen" else 2
    more = _instructions(root, passes, mode, limit, tmp, pure) - _instructions(root, 0, mode, limit, tmp, pure)
    return more // passes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--before", default="HEAD", help="git revision to compare with (default HEAD), or 'sources' (see above)"
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--passes", type=int, default=3, help="steady-state passes per process")
    ap.add_argument(
        "--instructions", type=int, metavar="N", help="count instructions over N items, 0 for all (valgrind)"
    )
    ap.add_argument("--compiled", action="store_true", help="compile the exported revision too (see above)")
    ap.add_argument("--unseen", action="store_true", help="time new text after other text (see above)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp)
        if args.before == "sources":
            before = REPO
        else:
            archive = subprocess.run(  # noqa: S603
                ["git", "archive", args.before, "worker", "pyproject.toml"],  # noqa: S607
                check=True,
                capture_output=True,
                cwd=REPO,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(before)], input=archive, check=True)  # noqa: S603, S607
            if args.compiled:
                subprocess.run(  # noqa: S603
                    [sys.executable, "-m", "worker.entities.compile"], check=True, cwd=before, env=_env(False)
                )
        # the exported revision has a build only when asked for; the working tree's sources run
        # only when asked for
        pure = {"before": args.before == "sources" or not args.compiled, "after": False}
        mode = "unseen" if args.unseen else "steady"
        what = "the second half after the first" if args.unseen else "a steady pass"
        if args.instructions is not None:
            counts = {}
            for name, root in (("before", before), ("after", REPO)):
                counts[name] = _per_pass(root, mode, args.instructions, Path(tmp), pure[name])
                print(  # noqa: T201
                    f"{name:6s}: {counts[name] / 1e9:.3f} G instructions for {what} "
                    f"({args.instructions or 'all'} items)"
                )
            print(f"after / before: {counts['after'] / counts['before']:.3f}")  # noqa: T201
            return 0
        best: dict[str, tuple[float, float]] = {}
        size = 0
        for rnd in range(args.rounds):
            for name, root in (("before", before), ("after", REPO)):
                size, first, steady = _run(root, args.passes, mode, pure=pure[name])
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], first), min(old[1], steady))
                if args.unseen:
                    print(f"round {rnd + 1} {name:6s}: unseen {size / 1e6 / steady:.3f} MB/s per core")  # noqa: T201
                else:
                    print(  # noqa: T201
                        f"round {rnd + 1} {name:6s}: first pass {size / 1e6 / first:.3f} MB/s, "
                        f"steady {size / 1e6 / steady:.3f} MB/s per core"
                    )
    b, a = best["before"], best["after"]
    if args.unseen:
        print(  # noqa: T201
            f"best of {args.rounds} rounds, unseen text: before ({args.before}) {size / 1e6 / b[1]:.3f} MB/s; "
            f"after (working tree) {size / 1e6 / a[1]:.3f} MB/s per core; speed-up x{b[1] / a[1]:.2f}"
        )
        return 0
    print(  # noqa: T201
        f"best of {args.rounds} rounds: before ({args.before}) first {size / 1e6 / b[0]:.3f} / steady "
        f"{size / 1e6 / b[1]:.3f} MB/s; after (working tree) first {size / 1e6 / a[0]:.3f} / steady "
        f"{size / 1e6 / a[1]:.3f} MB/s; speed-up x{b[1] / a[1]:.2f} (steady), x{b[0] / a[0]:.2f} (first pass)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
