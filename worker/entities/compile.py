"""Compiles the entity extractor's hot modules with mypyc, in place.

    python -m worker.entities.compile [--if-needed]

Needs mypy (which ships mypyc) and a C compiler.  The extension modules land beside
the sources, with a stamp of the sources they were built from; ``compiled.py``
imports them only while that stamp matches.  ``--if-needed`` does nothing when the
build is current, and only warns (exit 0) when no compiler is found: the sources
then run, slower.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import shutil
import sys
import tempfile
import time
from pathlib import Path

from worker.entities.compiled import C_MODULES, MODULES, STAMP_NAME, build_state, source_digest

__all__ = ["compile_in_place", "remove_build"]

_HERE = Path(__file__).resolve().parent
_PACKAGE = "worker.entities"  # not from __name__: this runs as __main__


def compile_in_place(directory: Path = _HERE) -> None:
    """Compiles ``MODULES`` of the package in ``directory`` and writes the stamp."""
    import os

    from mypyc.build import mypycify
    from setuptools import Distribution, Extension

    root = directory.parents[1]  # the directory that holds the top-level package
    digest = source_digest(directory)
    relative = [str((directory / f"{name}.py").relative_to(root)) for name in MODULES]
    cwd = Path.cwd()
    # unlinked first: this process may have the old build loaded, and a mapped file is not rewritten
    remove_build(directory)
    with tempfile.TemporaryDirectory(prefix="newsworker-mypyc-") as tmp:
        # in-place builds resolve packages from the working directory
        os.chdir(root)
        try:
            # separate: one extension per module, all inside the package (nothing top-level)
            extensions = mypycify(relative, opt_level="3", separate=True, target_dir=str(Path(tmp) / "c"))
            # the CRF decoder and the tokenizer, plain C
            extensions.extend(
                Extension(
                    f"{_PACKAGE}.{name}",
                    [str((directory / f"{name}.c").relative_to(root))],
                    extra_compile_args=["-O3"],
                )
                for name in C_MODULES
            )
            dist = Distribution({"name": "newsworker-entities", "ext_modules": extensions})
            build = dist.get_command_obj("build_ext")
            build.inplace = True
            build.build_temp = str(Path(tmp) / "temp")
            build.build_lib = str(Path(tmp) / "lib")
            dist.run_command("build_ext")
        finally:
            os.chdir(cwd)
    (directory / STAMP_NAME).write_text(digest + "\n", encoding="ascii")


def remove_build(directory: Path = _HERE) -> None:
    """Deletes the extension modules and the stamp: the sources run again."""
    for name in (*MODULES, *C_MODULES):
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            for path in (directory / f"{name}{suffix}", directory / f"{name}__mypyc{suffix}"):
                path.unlink(missing_ok=True)
    (directory / STAMP_NAME).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--if-needed", action="store_true", help="skip a current build; only warn on failure")
    ap.add_argument("--remove", action="store_true", help="delete the build: the sources run")
    args = ap.parse_args(argv)
    if args.remove:
        remove_build(_HERE)
        return 0
    state = build_state(_HERE, environ={})
    if args.if_needed and state == "compiled":
        sys.stderr.write("[compile] compiled entity modules are current\n")
        return 0
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        sys.stderr.write("[compile] no C compiler found: the entity modules run as Python sources (slower)\n")
        return 0 if args.if_needed else 1
    sys.stderr.write(f"[compile] compiling {len(MODULES)} entity modules with mypyc (about a minute)\n")
    started = time.monotonic()
    try:
        compile_in_place(_HERE)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure leaves the sources to run
        remove_build(_HERE)
        sys.stderr.write(f"[compile] compiling failed ({exc!r}); the entity modules run as Python sources\n")
        return 0 if args.if_needed else 1
    sys.stderr.write(f"[compile] done in {time.monotonic() - started:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
