"""Where the project's own files are, for tests that read them."""

from __future__ import annotations

from pathlib import Path

#: The repository's top folder.
ROOT = Path(__file__).resolve().parent.parent
