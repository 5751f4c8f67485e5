"""The versions of faust-streaming and aiokafka this runtime was tested with, checked at start-up.

The runtime uses only their public APIs. Both libraries change behaviour in patch
releases that the exactly-once guarantee rests on (how a transactional producer
fences its predecessor, when a rebalance listener runs), so an untested version
stops the worker with one clear line instead of running with unknown guarantees.
"""

from __future__ import annotations

import importlib.metadata

from worker.errors import ConfigError

__all__ = ["TESTED", "check_versions"]

#: Distribution name -> versions the fault suite passed with.
TESTED: dict[str, tuple[str, ...]] = {
    "faust-streaming": ("0.15.3",),
    "aiokafka": ("0.14.0",),
}


def check_versions(tested: dict[str, tuple[str, ...]] = TESTED) -> None:
    """Raise ConfigError naming the package when an installed version is not a tested one."""
    for name, versions in tested.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            raise ConfigError(f"{name} is not installed; newsworker needs {' or '.join(versions)}") from None
        if installed not in versions:
            raise ConfigError(
                f"{name} {installed} is installed, but newsworker's runtime is tested with {' or '.join(versions)}; "
                f"install that version (pip install '{name}=={versions[-1]}')"
            )
