"""Which build of the entity extractor runs: mypyc-compiled or the Python sources.

The modules in ``MODULES`` carry the per-token work.  ``python -m worker.entities.compile``
compiles them with mypyc next to their sources and records a digest of the sources
it compiled; ``scripts/setup.sh`` does so when a C compiler is there.  The compiled
modules tag, link and canonicalise exactly as the sources do (a test compares the
two), only faster.

The sources run instead when nothing is compiled, when ``NEWSWORKER_PURE_PYTHON=1``,
or when a source changed after compiling: a stale build is never imported.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["C_MODULES", "MODULES", "STAMP_NAME", "implementation", "source_digest", "use_sources_if_needed"]

_log = logging.getLogger(__name__)

#: Modules of ``worker.entities`` that are compiled, in the order mypyc is given them.
MODULES = (
    "tokens",
    "morphology",
    "translit",
    "gazetteer",
    "features",
    "ner",
    "segment",
    "people",
    "records",
    "rules_ru",
    "rules_en",
    "spans",
    "rules_kk",
    "naming",
    "plan",
    "merge",
    "extract",
)
#: Modules of ``worker.entities`` written in C (``_crf.c``, ``_tokens.c``), built with the others.
C_MODULES = ("_crf", "_tokens")
#: File beside the sources that holds the digest of the sources last compiled.
STAMP_NAME = "compiled.stamp"

_PACKAGE = __name__.rpartition(".")[0]
_HERE = Path(__file__).resolve().parent


def source_digest(directory: Path = _HERE) -> str:
    """SHA-256 over the compiled modules' sources: what a build is valid for."""
    digest = hashlib.sha256()
    for name in (*MODULES, *C_MODULES):
        source = directory / (f"{name}.py" if name in MODULES else f"{name}.c")
        digest.update(name.encode() + b"\0")
        digest.update(source.read_bytes() if source.exists() else b"")
    return digest.hexdigest()


def _has_extensions(directory: Path) -> bool:
    return any(
        (directory / f"{name}{suffix}").exists()
        for name in MODULES
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
    )


def build_state(directory: Path = _HERE, environ: dict[str, str] | None = None) -> str:
    """``compiled``, ``python`` (nothing compiled), ``stale`` (sources changed since) or ``disabled``."""
    env = os.environ if environ is None else environ
    if not _has_extensions(directory):
        return "python"
    if env.get("NEWSWORKER_PURE_PYTHON", "") not in ("", "0"):
        return "disabled"
    stamp = directory / STAMP_NAME
    if not stamp.exists() or stamp.read_text(encoding="ascii").strip() != source_digest(directory):
        return "stale"
    return "compiled"


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the compiled modules' ``.py`` sources ahead of their extension modules."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != _PACKAGE or name not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, self.directory / f"{name}.py")


@functools.cache
def use_sources_if_needed() -> str:
    """Called by the package before it imports the modules: routes imports to the sources
    unless a current compiled build is there.  Returns the state (see ``build_state``)."""
    state = build_state()
    if state in ("stale", "disabled"):
        sys.meta_path.insert(0, _SourcesFirst(_HERE))
    if state == "stale":
        _log.warning(
            "compiled entity modules do not match their sources; running the sources "
            "(rebuild with: python -m worker.entities.compile)"
        )
    return state


def implementation() -> str:
    """What runs: ``compiled`` (mypyc) or ``python``, by what was actually imported."""
    module = sys.modules.get(f"{_PACKAGE}.extract")
    loaded = getattr(module, "__file__", "") or ""
    return "compiled" if loaded.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) else "python"
