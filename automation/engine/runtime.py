"""Putting the parts together for one run: config, plugins, demo replicas, the engine.

The terminal app and the headless commands both start here, so they run the
same engine the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from automation import registry
from automation.accounts.secrets import KeyringCredentials
from automation.accounts.sessions import Sessions
from automation.accounts.sessions.store import SessionStore
from automation.browser.pool import default_pages
from automation.domain import wishes
from automation.domain.settings import Kind, Setting, resolve
from automation.domain.wishes import Wish
from automation.engine.core import Engine, Options
from automation.engine.protocol import EngineProtocol
from automation.files import folders
from automation.files.config import catalog_of, load, locate
from automation.files.config_types import Config, ConfigError
from automation.files.private import make_private
from automation.language import Sentence, message
from automation.plugin import Plugin
from automation.records.export import ExportError
from automation.records.history import History, HistoryError
from automation.records.marks import Marks
from automation.records.marks import default_path as marks_path

if TYPE_CHECKING:
    from automation.engine.demo import Demo


class SetupError(Exception):
    """The run cannot start (no plugins, an unknown setting id); the message says why."""


@dataclass
class Runtime:
    config: Config
    plugins: list[Plugin]
    #: The real :class:`Engine`, or anything else that keeps its protocol.
    engine: EngineProtocol
    demo: Demo | None = None
    problems: list[registry.LoadProblem] = field(default_factory=list)
    log_path: Path | None = None
    #: When not empty, the run covers only these setting ids.
    only: list[str] = field(default_factory=list)
    #: The user's marks on settings done by hand.
    marks: Marks = field(default_factory=Marks)
    #: Where readings, changes and undo points are recorded (the demo's lives in memory).
    history: History = field(default_factory=History.in_memory)

    @property
    def settings(self) -> list[Setting]:
        """The settings this run covers, in checklist order.

        With ``only``, one blog's copy of a per-blog setting named there
        (``tumblr.third_party_sharing@myblog``) stands in its setting's place, unless
        the whole setting is named too.
        """
        everything = [s for p in self.plugins for s in p.settings]
        if not self.only:
            return everything
        by_id = {s.id: s for s in everything}
        chosen = []
        for setting in everything:
            if setting.id in self.only:
                chosen.append(setting)
            elif setting.per is not None:
                for setting_id in self.only:
                    if setting_id.startswith(setting.id + "@"):
                        instance = resolve(by_id, setting_id)
                        if instance is not None:
                            chosen.append(instance)
        return chosen

    def desired(self, setting: Setting) -> Wish:
        """What the user wants of ``setting``: a value, or ``None`` to leave it as it is.

        Their config's wish where it names the setting (for one blog's copy of a
        per-blog setting, a wish for the setting as a whole counts too). A setting a
        ``[desired]`` table leaves out is left as it is; with no such table, the wish is
        the ``recommended`` preset's.
        """
        desired = self.config.desired
        for named in (setting.id, setting.template_id):
            if named in desired:
                return desired[named]
        return None if self.config.desired_given else wishes.recommended(setting)

    def close(self) -> None:
        """Stop the demo replicas and close the history (whoever ran the engine closes it)."""
        self.history.close()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None


def log_path() -> Path:
    return folders.log_file()


def setup_logging(path: Path) -> None:
    """Send the app's own log to ``path``; secrets are never logged."""
    # Owner-only, like everything else privacy-tui keeps.
    make_private(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("privacy_tui")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    root.propagate = False


def build(
    config_path: str | None = None,
    *,
    demo: bool = False,
    only: list[str] | None = None,
    log: Path | None = None,
    demo_delay: float = 0.0,
    store_unencrypted: bool = False,
    open_history: bool = True,
    serve_now: bool = True,
) -> Runtime:
    """Load the config and plugins and make an engine (not yet started).

    With ``demo``, the replica sites start on free loopback ports, every platform
    points at them and is signed in as the demo account, and nothing is kept on disk.
    Without ``serve_now`` the ports are taken but the sites are served only when the
    engine starts its browser (the app draws the checklist first).
    ``store_unencrypted`` opts in to unencrypted session files where no keyring works,
    like the config's ``[sessions] store_unencrypted``. Raises
    :class:`~automation.files.config.ConfigError` or :class:`SetupError`.

    Readings and changes are recorded in the history file in the user's data
    folder, or in memory with ``demo``. Without ``open_history`` the file is opened at
    its first use, or by ``runtime.history.ready()``, which raises
    :class:`~automation.records.history.HistoryError` then (the app opens it once the checklist
    is on screen).
    """
    classes, problems = registry.load()
    if not classes:
        raise SetupError(
            Sentence(
                "No platform plugins are installed. Install privacy-tui with pip "
                "(pip install -e . in a checkout) so its plugins are registered."
            )
        )
    path, required = locate(config_path)
    config = load(path, catalog_of(classes), required=required)

    try:
        history = History.in_memory() if demo else History.open(later=not open_history)
    except HistoryError as exc:
        raise SetupError(message(exc)) from None
    server = None
    if demo:
        from automation.engine.demo import Demo, DemoError  # only the demo needs the replica sites

        try:
            server = Demo(delay=demo_delay)
            if serve_now:
                server.serve()
        except DemoError as exc:
            history.close()
            if server is not None:
                server.stop()
            raise SetupError(message(exc)) from None
    try:
        plugins = [
            cls(server.origins.get(cls.name) if server else config.origin(cls.name))
            for cls in classes
            if demo or config.enabled(cls.name)
        ]
        if server is not None:
            # Platforms without a replica would reach the real site: leave them out.
            # Those done only by hand (a form, an email) visit no page, so they stay.
            plugins = [p for p in plugins if p.name in server.origins or _manual_only(p)]
        known = {s.id: s for p in plugins for s in p.settings}
        # One blog's copy of a per-blog setting, as `check` prints it, counts too.
        unknown = [i for i in only or () if resolve(known, i) is None]
        if unknown:
            raise SetupError(
                Sentence(
                    "Unknown setting id: {ids}. `privacy-tui list` lists every id.",
                    ids=", ".join(unknown),
                )
            )
        sessions: Sessions
        if server is not None:
            sessions = server.sessions()
        else:
            sessions = SessionStore(
                store_unencrypted=store_unencrypted or config.sessions.store_unencrypted
            )
        options = Options(
            executable=config.browser.executable,
            headless=config.browser.headless,
            timeout=config.browser.timeout,
            pages=config.browser.pages or default_pages(),
            light=config.browser.light,
            log_path=log,
        )
        engine: EngineProtocol = Engine(
            plugins,
            options,
            sessions=sessions,
            credentials=None if server else KeyringCredentials(),
            before_start=server.serve if server else None,
        )
        # The one place readings and changes are recorded, for every face of the app.
        history.attach(engine)
    except BaseException:
        history.close()
        if server is not None:
            server.stop()
        raise
    try:
        # The demo keeps its marks in memory: they are not the user's.
        marks = Marks(None if demo else marks_path(), config.marks)
    except ExportError as exc:
        raise SetupError(message(exc)) from None
    return Runtime(
        config,
        plugins,
        engine,
        server,
        problems,
        log,
        only=list(only or ()),
        marks=marks,
        history=history,
    )


def _manual_only(plugin: Plugin) -> bool:
    return all(s.kind is Kind.MANUAL for s in plugin.settings)


__all__ = ["ConfigError", "Runtime", "SetupError", "build", "log_path", "setup_logging"]
