"""Finding plugins through the ``privacy_tui.plugins`` entry-point group.

Names are listed without importing anything; a plugin that fails to load is
reported as a :class:`LoadProblem` and left out, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from automation.plugin import Plugin

GROUP = "privacy_tui.plugins"


@dataclass(frozen=True)
class LoadProblem:
    name: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.name!r} was left out: {self.message}"


def available() -> dict[str, EntryPoint]:
    """The installed plugins by name, not yet imported."""
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def load(
    names: set[str] | None = None,
) -> tuple[list[type[Plugin]], list[LoadProblem]]:
    """Import the installed plugins (or only ``names``), in checklist order."""
    loaded: list[type[Plugin]] = []
    problems: list[LoadProblem] = []
    for name, entry in sorted(available().items()):
        if names is not None and name not in names:
            continue
        try:
            cls = entry.load()
        except Exception as exc:  # a third party's import error must not stop the app
            problems.append(LoadProblem(name, f"{type(exc).__name__}: {exc}"))
            continue
        if not (isinstance(cls, type) and issubclass(cls, Plugin)):
            problems.append(LoadProblem(name, f"{entry.value} is not a Plugin subclass"))
            continue
        if cls.name != name:
            problems.append(
                LoadProblem(name, f"{entry.value} calls itself {cls.name!r}, not {name!r}")
            )
            continue
        loaded.append(cls)
    loaded.sort(key=lambda cls: (cls.order, cls.name))
    return loaded, problems
