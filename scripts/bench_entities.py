"""Entity extraction throughput on Kazakh text, single process (one core).

    .venv/bin/python scripts/bench_entities.py [--text FILE] [--repeat N | --unseen]

Without --text it reads the KazNERD validation split from ../shared/data (outside
the repository, never copied into it), detokenized into items of 20 sentences,
or the seed article when that file is absent.  Prints MB/s of UTF-8 input per
pass: the first pass meets every word for the first time, later ones find them
in the per-word caches, and ``--unseen`` times new text after warming up on
other text.  Also whether the compiled modules ran (``NEWSWORKER_PURE_PYTHON=1``
runs the sources).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from worker.entities import extract_entities, implementation  # noqa: E402

KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


def _items_from_kaznerd(path: Path, per_item: int = 20) -> list[str]:
    sents: list[str] = []
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(" ".join(cur))
                cur = []
            continue
        cur.append(line.rpartition(" ")[0])
    if cur:
        sents.append(" ".join(cur))
    return ["\n".join(sents[i : i + per_item]) for i in range(0, len(sents), per_item)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--text", type=Path, help="a UTF-8 text file; blank lines separate items")
    ap.add_argument("--repeat", type=int, default=2, help="passes over the text")
    ap.add_argument(
        "--unseen",
        action="store_true",
        help="read the first half of the items, then time one pass over the second half: text the "
        "per-word caches have not met, as a news stream brings",
    )
    args = ap.parse_args()
    if args.text:
        items = [p for p in args.text.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        source = str(args.text)
    elif KAZNERD.exists():
        items = _items_from_kaznerd(KAZNERD)
        source = "KazNERD validation split, detokenized"
    else:
        items = [(REPO / "tests" / "data" / "seed_kk.txt").read_text(encoding="utf-8")] * 200
        source = "seed article x200"
    extract_entities({"body": "Қазақстан"}, "kk")  # load model and gazetteer
    if args.unseen:
        half = len(items) // 2
        for text in items[:half]:
            extract_entities({"body": text}, "kk")
        items = items[half:]
        source += ", second half after reading the first"
        args.repeat = 1
    size = sum(len(t.encode("utf-8")) for t in items)
    for rnd in range(1, args.repeat + 1):
        n_entities = 0
        t0 = time.perf_counter()
        c0 = time.process_time()
        for text in items:
            n_entities += len(extract_entities({"body": text}, "kk"))
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
        # CPU time is the per-core figure; wall time suffers when the machine is shared.
        # Pass 1 starts with empty per-word caches; later passes show the steady state.
        print(  # noqa: T201
            f"pass {rnd} ({source}; {implementation()} modules): {size / 1e6:.2f} MB, {len(items)} items, "
            f"{n_entities} entities; "
            f"CPU {cpu:.2f} s = {size / 1e6 / cpu:.2f} MB/s per core; "
            f"wall {elapsed:.2f} s = {size / 1e6 / elapsed:.2f} MB/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
