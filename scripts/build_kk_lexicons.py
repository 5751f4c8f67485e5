"""Builds the Kazakh word lists the entity tagger reads, from two Debian packages.

    python scripts/build_kk_lexicons.py

- ``worker/entities/data/kk_words.txt``: the lower-case headwords of the hunspell-kk dictionary
  (package ``hunspell-kk``).  The CRF reads "this capitalised word is also a common word" as
  evidence against a name.  The dictionary is by Akmaral Mussayeva, László Németh and Rail
  Aliev (2009), under GPL-2+, LGPL-2.1+ or MPL-1.1+; the list is redistributed under MPL-1.1.
- ``worker/entities/data/kk_cased.txt.gz``: every word form of the word list inside Tesseract's
  Kazakh model (package ``tesseract-ocr-kaz``, tessdata_fast, Apache-2.0), lower-cased, with
  whether it was written in lower case (L), capitalised (T) or both.  A form met only
  capitalised is a name wherever it stands.  Reading the model's word list needs Tesseract's
  ``combine_tessdata`` and ``dawg2wordlist`` (package ``tesseract-ocr``).

Packages are fetched with ``apt-get download`` (no root needed) and unpacked in a temporary
directory; nothing is installed.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess  # noqa: S404 - runs apt-get, dpkg-deb and Tesseract's tools with fixed arguments
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "worker" / "entities" / "data"

WORDS_HEADER = """\
# Kazakh common words (lower-case headwords of the hunspell-kk dictionary, Debian package {version}),
# built by scripts/build_kk_lexicons.py.  Dictionary (c) 2009 Akmaral Mussayeva, Laszlo Nemeth,
# Rail Aliev; this list is distributed under the Mozilla Public License 1.1 (the dictionary is
# tri-licensed GPL-2+ / LGPL-2.1+ / MPL-1.1+).
"""

CASED_HEADER = """\
# Kazakh word forms, lower-cased, and how Tesseract's Kazakh word list writes them: L (lower case),
# T (capitalised), LT (both).  From tesseract-ocr-kaz (tessdata_fast, Debian package {version}),
# (c) Google Inc., Apache License 2.0; built by scripts/build_kk_lexicons.py.
"""


def _run(args: list[str], cwd: Path | None = None) -> None:
    """Runs a tool with fixed arguments (apt-get, dpkg-deb, Tesseract's), failing on failure."""
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)  # noqa: S603


def _unpack(package: str, workdir: Path) -> tuple[Path, str]:
    """Downloads a Debian package into ``workdir`` and unpacks it: its root and its version."""
    _run(["apt-get", "download", package], cwd=workdir)
    deb = next(workdir.glob(f"{package}_*.deb"))
    root = workdir / package
    _run(["dpkg-deb", "-x", str(deb), str(root)])
    return root, deb.name.split("_")[1].replace("%3a", ":")


def headwords(dic: Path) -> list[str]:
    """Lower-case headwords of a hunspell ``.dic`` file, sorted and without repeats."""
    lines = dic.read_text(encoding="utf-8-sig").splitlines()
    words = {line.split("/", 1)[0].strip() for line in lines[1:]}
    return sorted(w for w in words if w and w[:1].islower())


def casings(words: list[str]) -> dict[str, str]:
    """Lower-cased form -> "L", "T" or "LT": whether ``words`` has it in lower case, capitalised, or both.
    Forms written otherwise (all capitals, capitals inside) say nothing and are left out."""
    lower: set[str] = set()
    title: set[str] = set()
    for word in words:
        low = word.lower()
        if word == low:
            lower.add(low)
        elif word == low[:1].upper() + low[1:]:
            title.add(low)
    return {form: ("L" if form in lower else "") + ("T" if form in title else "") for form in lower | title}


def tesseract_words(root: Path, workdir: Path) -> list[str]:
    """The word list of the Kazakh model unpacked under ``root``."""
    for tool in ("combine_tessdata", "dawg2wordlist"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: install Tesseract (apt-get install tesseract-ocr)")
    model = next(root.rglob("kaz.traineddata"))
    parts = workdir / "kaz."
    _run(["combine_tessdata", "-u", str(model), str(parts)])
    out = workdir / "kaz.words"
    _run(["dawg2wordlist", f"{parts}lstm-unicharset", f"{parts}lstm-word-dawg", str(out)])
    return out.read_text(encoding="utf-8").split()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DATA, help="directory to write the lists to")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsworker-lexicons-") as tmp:
        work = Path(tmp)
        root, version = _unpack("hunspell-kk", work)
        words = headwords(next(root.rglob("kk_KZ.dic")))
        root, tess_version = _unpack("tesseract-ocr-kaz", work)
        cased = casings(tesseract_words(root, work))
    if len(words) < 10_000 or len(cased) < 100_000:
        sys.stderr.write(f"only {len(words)} dictionary words and {len(cased)} word forms: wrong packages?\n")
        return 1
    (args.out / "kk_words.txt").write_text(
        WORDS_HEADER.format(version=version) + "\n".join(words) + "\n", encoding="utf-8"
    )
    text = CASED_HEADER.format(version=tess_version) + "".join(f"{k} {v}\n" for k, v in sorted(cased.items()))
    # mtime=0: the same lists give the same bytes
    (args.out / "kk_cased.txt.gz").write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    sys.stderr.write(f"{len(words)} dictionary words, {len(cased)} word forms -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
