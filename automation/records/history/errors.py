"""The history's one error, apart from SQLite so it can be named before the file is opened."""

from __future__ import annotations


class HistoryError(Exception):
    """The history file cannot be used; the message says why and what to do."""
