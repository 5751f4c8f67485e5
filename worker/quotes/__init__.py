"""Direct quotes with resolved speakers (issue 3). Pure: never imports faust."""

from __future__ import annotations

from .extract import extract_quotes

__all__ = ["extract_quotes"]
