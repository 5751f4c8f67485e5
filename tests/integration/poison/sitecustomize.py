"""Test-only fault injection, loaded by Python's site machinery in a worker subprocess.

Put this directory on PYTHONPATH of a `newsworker worker` process and every item whose
body contains POISON_MARKER makes the quote extractor raise ValueError. Nothing in
worker/ changes: when worker.pipeline has been executed, its module-level name
``extract_quotes`` (bound at import time from worker.quotes.extract) is replaced by a
wrapper. The hook is lazy, so processes that never import worker.pipeline are untouched.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import os
import sys
from types import ModuleType
from typing import Any

POISON_MARKER = os.environ.get("NEWSWORKER_TEST_POISON_MARKER", "POISON-PILL")
_TARGET = "worker.pipeline"


def poisoned_extract_quotes(original: Any) -> Any:
    """Wrap extract_quotes so it raises on bodies that carry the marker."""

    @functools.wraps(original)
    def extract_quotes(fields: dict[str, str], *args: Any, **kwargs: Any) -> Any:
        if POISON_MARKER in fields.get("body", ""):
            raise ValueError(f"injected poison: body contains {POISON_MARKER}")
        return original(fields, *args, **kwargs)

    extract_quotes.__poisoned__ = True  # type: ignore[attr-defined]
    return extract_quotes


def _patch(module: ModuleType) -> None:
    current = module.extract_quotes
    if not getattr(current, "__poisoned__", False):
        module.extract_quotes = poisoned_extract_quotes(current)


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        _patch(module)


class _PoisonFinder(importlib.abc.MetaPathFinder):
    """Finds worker.pipeline with the other finders, then patches it right after it executes."""

    def find_spec(self, fullname: str, path: Any, target: ModuleType | None = None) -> Any:
        if fullname != _TARGET:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _PatchingLoader(spec.loader)
                return spec
        return None


def install() -> None:
    if _TARGET in sys.modules:
        _patch(sys.modules[_TARGET])
    elif not any(isinstance(finder, _PoisonFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PoisonFinder())


install()
